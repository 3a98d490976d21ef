"""times layer: every temporal expression, normalised TimeML-style against `published`.

Rules are precompiled regexes (timex_dates, timex_spans) run over the whole text; every
match becomes a candidate with a normalised value, and overlapping candidates are settled
longest-first (then by rule priority). Relative expressions ("Friday", "two weeks ago")
resolve against the publication date and say so with `anchored=True`; without a
publication date they keep an unanchored value (XXXX-WXX-5, PAST_REF) or are dropped.

Conventions (TimeML / TempEval-3):
  "on Friday" in past-tense news -> the latest Friday on or before the publication date,
  in a future clause the next one; "this Saturday" -> that day of the publication week;
  "two weeks ago" -> the ISO week (2024-W10); "for months" -> DURATION PXM;
  "now" -> PRESENT_REF, "recently" -> PAST_REF, "the past year" -> P1Y, "the 1990s" -> 199.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..model import Record, Time
from . import timex_anaphora, timex_years
from . import timex_calendar as cal
from .regex_first import with_lead
from .timex_context import Ctx
from .timex_dates import (
    DAYWORD_KEY,
    HOLIDAY_KEY,
    MONTH_KEY,
    REL_KEY,
    SEASON_KEY,
    SHIFT_KEY,
    UNIT_KEY,
    WEEKDAY_KEY,
    YEAR_KEY,
    Key,
    Norm,
)
from .timex_dates import RULES as DATE_RULES
from .timex_spans import QUARTER_KEY
from .timex_spans import RULES as SPAN_RULES
from .timex_stamps import report_date

# each behind a lookahead on its possible first characters: same matches, about half the
# regex time (the patterns are tried at every word boundary of the article)
RULES = [(with_lead(p), h, r) for p, h, r in [*DATE_RULES, *timex_years.RULES, *SPAN_RULES, timex_anaphora.RULE]]
# Rules that run only around their key words (see timex_dates.Key), by handler name.
_KEY_OF: dict[str, Key] = {
    "_month_day": MONTH_KEY, "_month_year": MONTH_KEY, "_month": MONTH_KEY, "_ago": SHIFT_KEY,
    "_duration": UNIT_KEY, "_hyphen_duration": UNIT_KEY, "_plural_core": UNIT_KEY, "_quarter": QUARTER_KEY,
    "_year_back": QUARTER_KEY, "_weekday": WEEKDAY_KEY, "_unit_rel": REL_KEY, "_season_any": SEASON_KEY,
    "_holiday": HOLIDAY_KEY, "_dayword": DAYWORD_KEY, "_the_year": REL_KEY, "_year": YEAR_KEY,
    "_anaphor": UNIT_KEY, "_ahead": UNIT_KEY, "_decade_bare": timex_years.SHORT_KEY, "_short_year": timex_years.SHORT_KEY,
}
_KEYED: dict[int, Key] = {i: _KEY_OF[h.__name__] for i, (_p, h, _r) in enumerate(RULES) if h.__name__ in _KEY_OF}
# spaCy labels for which a 4-digit number is not a year ("2000 people", "$1990").
_NOT_YEAR_ENTS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"})
_YEAR_ONLY = re.compile(r"^(?:1[5-9]\d\d|20\d\d)$")


def analyze(record: Record) -> list[Time]:
    text = record.article.text or ""
    if not text:
        return []
    ctx = Ctx(text=text, anchor=cal.parse_anchor(record.article.published), doc=record.doc)
    names = [(e.start, e.end) for e in record.entities if e.label in _NAME_ENTS]
    found = find_times(ctx)
    if ctx.anchor is None:
        # No publication date came with the article: its own dated stamp ("Posted: Monday, May
        # 4, 2015", "INDIANAPOLIS (Dec. 2, 2015) –") is one, and says so (published_source
        # "text"); "Friday" then resolves against it. Without a stamp nothing is guessed.
        day = report_date(text, found)
        if day is not None:
            record.article.published, record.article.published_source = day, "text"
            found = find_times(Ctx(text=text, anchor=cal.parse_anchor(day), doc=record.doc))
    return [t for t in found if not _inside_name(t, names) and not _quoted_title(text, t)]


_OPEN_QUOTE = re.compile(r"(?:\"|“|``|'')$")


def _quoted_title(text: str, t: Time) -> bool:
    """A title-cased time phrase opening a quotation names a show or a work: ABC's "This Week",
    CBS's ''60 Minutes''."""
    words = t.text.split()
    return (len(words) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in words)
            and bool(_OPEN_QUOTE.search(text, max(0, t.start - 2), t.start)))


# A time word inside a longer name is part of the name ("USA TODAY", "Good Morning America").
_NAME_ENTS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "PERSON"})


def _inside_name(t: Time, names: list[tuple[int, int]]) -> bool:
    return any(s <= t.start and t.end <= e and (e - s) > (t.end - t.start) for s, e in names)


def find_times(ctx: Ctx) -> list[Time]:
    cands: list[tuple[int, int, int, Norm]] = []
    windows_of: dict[int, list[tuple[int, int]]] = {}
    low = ctx.text.lower()
    for idx, (pattern, handler, priority) in enumerate(RULES):
        key = _KEYED.get(idx)
        if key is None:
            matches = pattern.finditer(ctx.text)
        else:
            wins = windows_of.get(id(key))
            if wins is None:
                wins = windows_of[id(key)] = _windows(ctx.text, low, key)
            matches = (m for ws, we in wins for m in pattern.finditer(ctx.text, ws, we))
        for m in matches:
            try:
                norm = handler(m, ctx)
            except (ValueError, OverflowError, KeyError):  # odd dates ("Feb. 30") are skipped
                norm = None
            if norm is None:
                continue
            start = norm.start if norm.start is not None else m.start()
            end = norm.end if norm.end is not None else m.end()
            start, end = _trim(ctx.text, start, end)
            if end > start:
                cands.append((start, end, priority, norm))
    chosen = timex_anaphora.resolve(ctx, _settle(cands))
    chosen = _year_back_quarters(ctx.text, chosen)
    chosen = _day_after(ctx.text, chosen)
    chosen = _part_of_year(ctx.text, chosen)
    out: list[Time] = []
    for start, end, norm in chosen:
        if _YEAR_ONLY.match(ctx.text[start:end]) and _counted(ctx, start, end):
            continue
        out.append(Time(text=ctx.text[start:end], start=start, end=end, type=norm.type,
                        value=norm.value, precision=norm.precision, anchored=norm.anchored))
    return out


_BACK_RE = re.compile(r"^(?:(?:a|one) year (?:ago|earlier|before)|.*\b(?:year-earlier|year-ago|year earlier|prior-year|previous year|a year (?:earlier|ago))\b.*)$", re.I)
# "the same period last year", "the corresponding month a year ago": the period just named, a year back
_SAME_BACK_RE = re.compile(r"^(?:the|its|their)\s+(?:same|corresponding|comparable)\s+(?:period|month)\s+(?:of\s+)?(?:last year|the previous year|a year (?:earlier|ago))$", re.I)
_QUARTER_RE = re.compile(r"^(\d{4})-Q(\d)$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d\d)$")


def _year_back_quarters(text: str, chosen: list[tuple[int, int, Norm]]) -> list[tuple[int, int, Norm]]:
    """Financial news compares quarters: once an article has named a quarter, "a year
    earlier" / "year-ago" means that quarter a year before (1988-Q3), not just 1988; "the
    same period last year" is the quarter or month just named, a year back."""
    out: list[tuple[int, int, Norm]] = []
    last_q: tuple[int, str, str] | None = None  # (end, year, quarter) of the latest quarter seen
    last_m: tuple[int, str, str] | None = None  # (end, year, month) of the latest month seen
    for start, end, norm in chosen:
        qm, mm = _QUARTER_RE.match(norm.value), _MONTH_RE.match(norm.value)
        words = text[start:end]
        back = _BACK_RE.match(words)
        same = _SAME_BACK_RE.match(words)
        if norm.precision == "year" and norm.value.isdigit() and (back or same):
            if same and last_m and (not last_q or last_m[0] > last_q[0]):
                norm = norm._replace(value=f"{int(last_m[1]) - 1}-{last_m[2]}", precision="month")
            elif last_q:
                norm = norm._replace(value=f"{int(last_q[1]) - 1}-Q{last_q[2]}", precision="quarter")
        elif qm and not back:  # "the year-ago quarter" is itself a year back: not the quarter reported
            last_q = (end, qm.group(1), qm.group(2))
        elif mm and not back:
            last_m = (end, mm.group(1), mm.group(2))
        out.append((start, end, norm))
    return out


_DAY_AFTER = re.compile(r"(?i)\bthe[-\s]+(?:day[-\s]+(after|before)|(week)[-\s]+of)[-\s]+$")
_DAY_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d)(.*)$")


def _day_after(text: str, chosen: list[tuple[int, int, Norm]]) -> list[tuple[int, int, Norm]]:
    """"the day after Thanksgiving", "the day before Dec. 5": the next (previous) day of a
    known day, one expression ("one day before X" stays a DURATION and a DATE, as in TimeML);
    "the week of March 6": that day's ISO week."""
    out: list[tuple[int, int, Norm]] = []
    for start, end, norm in chosen:
        m = _DAY_VALUE.match(norm.value) if norm.precision == "day" else None
        pre = _DAY_AFTER.search(text, max(0, start - 24), start) if m else None
        if m and pre and pre.end() == start and not (out and out[-1][1] > pre.start()):
            try:
                day = cal.parse_anchor(m.group(1))
                assert day is not None
                shifted = day + dt.timedelta(days=1 if (pre.group(1) or "").lower() == "after" else -1)
            except (AssertionError, OverflowError):
                out.append((start, end, norm))
                continue
            if pre.group(2):  # "the week of"
                norm = norm._replace(type="DATE", value=cal.week(day), precision="week")
            else:
                norm = norm._replace(value=cal.day(shifted) + m.group(2))
            start = pre.start()
        out.append((start, end, norm))
    return out


_OF_YEAR_GAP = re.compile(r"\s+(?:of\s+)?")
_MONTH_VALUE = re.compile(r"^\d{4}-(\d\d)$")
_SEASON_VALUE = re.compile(r"^\d{4}-(SP|SU|FA|WI)$")


def _part_of_year(text: str, chosen: list[tuple[int, int, Norm]]) -> list[tuple[int, int, Norm]]:
    """"January this year", "June last year", "the winter of nineteen ninety-four": a month or
    season the rules read on its own, followed by the year it lies in, is one expression
    whose year is that one (June last year = the previous year's June)."""
    out: list[tuple[int, int, Norm]] = []
    for start, end, norm in chosen:
        if out and norm.precision == "year" and re.fullmatch(r"\d{4}", norm.value):
            p_start, p_end, prev = out[-1]
            gap = _OF_YEAR_GAP.fullmatch(text, p_end, start)
            part = _MONTH_VALUE.match(prev.value) or _SEASON_VALUE.match(prev.value)
            if gap and part and prev.precision in ("month", "season"):
                out[-1] = (p_start, end, prev._replace(value=f"{norm.value}-{part.group(1)}"))
                continue
        out.append((start, end, norm))
    return out


def _windows(text: str, low: str, key: Key) -> list[tuple[int, int]]:
    """Merged [start, end) windows around the key's hits (lower-case keys search the
    lower-cased text, unless lower-casing changed its length: then the text, ignoring case)."""
    assert key is not None
    regex, before, after = key
    if key is MONTH_KEY:
        hits = regex.finditer(text)
    elif len(low) == len(text):
        hits = regex.finditer(low)
    else:
        hits = re.finditer(regex.pattern, text, re.IGNORECASE)
    out: list[tuple[int, int]] = []
    for m in hits:
        ws, we = max(0, m.start() - before), min(len(text), m.end() + after)
        if out and ws <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], we))
        else:
            out.append((ws, we))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,\n\t":
        end -= 1
    while start < end and text[start] in " ,\n\t":
        start += 1
    return start, end


def _settle(cands: list[tuple[int, int, int, Norm]]) -> list[tuple[int, int, Norm]]:
    """Keep the longest candidate of each overlapping group (ties: higher rule priority)."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, Norm]] = []
    for start, end, _prio, norm in cands:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        chosen.append((start, end, norm))
    chosen.sort(key=lambda c: c[0])
    return chosen


def _counted(ctx: Ctx, start: int, end: int) -> bool:
    """A bare 4-digit number that spaCy reads as a count or amount is not a year."""
    if ctx.doc is None:
        return False
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span[0]
    if tok.ent_type_ in _NOT_YEAR_ENTS:
        return True
    # "2000 people": a number counting a plural noun; years modify singular ones ("the 1996 law").
    return tok.dep_ == "nummod" and tok.head.tag_ == "NNS"


_DATE_PART = re.compile(r"^(\d{4}(?:-(?:\d\d(?:-\d\d)?|W\d\d|Q\d|H\d|SP|SU|FA|WI))?)(?:-WE|T.*)?$")
_PRECISION = {4: "year", 7: "month", 10: "day"}


def date_of(t: Time | Any) -> str | None:
    """The calendar date part of a DATE/TIME value: "2024-03-22TNI" -> "2024-03-22",
    "2024-W10" -> "2024-W10", "2024-03" -> "2024-03"; None for durations, sets, PAST_REF,
    decades or values with unknown parts (XXXX-WXX-5)."""
    if getattr(t, "type", None) not in ("DATE", "TIME"):
        return None
    m = _DATE_PART.match(getattr(t, "value", "") or "")
    return m.group(1) if m else None


def date_precision(t: Time | Any) -> str | None:
    """Precision of `date_of(t)`: day, week, month, quarter, half, season or year."""
    d = date_of(t)
    if d is None:
        return None
    if "-W" in d:
        return "week"
    if "-Q" in d:
        return "quarter"
    if "-H" in d:
        return "half"
    if d[-2:] in ("SP", "SU", "FA", "WI"):
        return "season"
    return _PRECISION.get(len(d))


def date_and_precision(t: Time | Any) -> tuple[str, str] | None:
    """(date, precision) for an event date field, or None (see date_of)."""
    d, p = date_of(t), date_precision(t)
    return (d, p) if d and p else None
