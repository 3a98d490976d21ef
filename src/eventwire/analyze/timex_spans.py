"""Rules for durations ("for months", "the past two weeks"), sets ("every week", "daily"),
clock times ("8:20 a.m.", "18:00 UTC"), fixed references ("now", "recently") and
quarters/halves ("the third quarter", "first-half")."""

from __future__ import annotations

import datetime as dt
import re

from . import timex_calendar as cal
from .numbers import DIGITS, WORD_NUMBER, parse_number
from .timex_anaphora import marker
from .timex_calendar import duration_value
from .timex_context import Ctx
from .timex_dates import Handler, Norm
from .timex_lexicon import (
    DAYNUM,
    DAYWORD,
    MONTH_ALONE,
    MONTH_D,
    ORDINAL,
    ORDINALS,
    PART,
    PARTS,
    QTY,
    REFS,
    SETS,
    TZ,
    UNIT,
    UNIT_SG,
    WEEKDAY,
    YEAR,
    alt,
    capitalised,
    lead,
    month_num,
    unit_code,
    weekday_num,
)

I = re.IGNORECASE  # noqa: E741


_SET_BEFORE = re.compile(r"(?:\d|%|\btimes|\btwice|\bonce|\bdollars?|\bcents?|\bpercent|\bmillion|\bbillion)\W*$", I)


def _duration(m: re.Match[str], c: Ctx) -> Norm | None:
    code = unit_code(m["unit"])
    if code is None:
        return None
    n_text = m["n"]
    low = n_text.lower()
    n = None if m["n2"] else (1.0 if low == "the" else parse_number(n_text))  # "the minute and a half"
    if re.fullmatch(r"1[5-9]\d\d|20\d\d", n_text) or (low in ("a", "an") and code == "TS"):
        return None  # "the 1988 quarter" is a date; "a second attack" an ordinal
    if low in ("a", "an", "per") and _SET_BEFORE.search(c.text[max(0, m.start() - 25):m.start()]):
        return Norm("SET", duration_value(1, code), None)  # "$5 a year", "twice a day"
    if re.match(r"\s*(?:-|\s)?old\b", c.text[m.end():m.end() + 6]):
        return None  # "52 years old" is an age
    if code == "Q" and low in ("a", "an", "one") and _FRACTION_OF.match(c.text, m.end()):
        return None  # "more than a quarter of the market", "789, or about a quarter, of its dealers"
    half = _AND_HALF.match(c.text, m.end())
    if half and n is not None:  # "a minute and a half" -> PT1M30S
        return Norm("DURATION", duration_value(n + 0.5, code), None, False, m.start(), half.end())
    return Norm("DURATION", duration_value(n, code), None)


_AND_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
_FRACTION_OF = re.compile(r",?\s+of\b(?!\s+(?:a|the)\s+century\b)", re.I)


def _hyphen_duration(m: re.Match[str], c: Ctx) -> Norm | None:
    if m["suf"] and m["suf"].lower() == "old":
        return None  # "a 30-year-old man" is an age, not a period
    # "a single-day decline", "a day-long meeting": one unit
    n = 1.0 if m["n"].lower() in ("single", "") else parse_number(m["n"])
    code = unit_code(m["unit"])
    if n is None or code is None:
        return None
    return Norm("DURATION", duration_value(n, code), None)


def _set_word(m: re.Match[str], c: Ctx) -> Norm | None:
    return Norm("SET", SETS[m[0].lower()], None)


def _every(m: re.Match[str], c: Ctx) -> Norm | None:
    what = m["what"]
    wd = weekday_num(what) if capitalised(what) else None
    if wd is not None:
        return Norm("SET", f"XXXX-WXX-{wd}", None)
    mon = month_num(what) if capitalised(what) else None
    if mon is not None:
        return Norm("SET", f"XXXX-{mon:02d}", None)
    if what.lower() in PARTS:
        return Norm("SET", f"XXXX-XX-XXT{PARTS[what.lower()]}", None)
    code = unit_code(what)
    if code is None:
        return None
    n = parse_number(m["n"]) if m["n"] else (2 if m["other"] else 1)
    return Norm("SET", duration_value(n, code), None)


_DAY_OF = re.compile(r"\s+(?:before|after|of|when|that|on\s+which)\b", re.I)


def _ref(m: re.Match[str], c: Ctx) -> Norm | None:
    value = REFS[" ".join(m[0].lower().split())]
    if m[0] == "Now" and c.text[m.end():m.end() + 1] == ",":
        return None  # sentence-opening "Now, ..." is a discourse marker, not a time
    if value == "ANCHOR_DAY":  # "the day": the day just told of, else the reporting day; not "the day before/after X"
        if c.anchor is None or _DAY_OF.match(c.text, m.end()):
            return None
        return marker("day", 0, report_fallback=True)
    return Norm("DATE", value, None)


def _year_back(m: re.Match[str], c: Ctx) -> Norm | None:
    """"year-earlier", "the year-ago period", "the same period last year": the year before
    the anchor's (times.py narrows it to a quarter when the sentence is about one)."""
    if c.anchor is None:
        return None
    if "quarter" in m[0].lower():  # the last reported quarter, a year before
        y, q = cal.add_quarters(c.anchor.year, cal.quarter_of(c.anchor), -5)
        return Norm("DATE", f"{y}-Q{q}", "quarter", True)
    return Norm("DATE", str(c.anchor.year - 1), "year", True)


_MONTH_DAY = re.compile(rf"({MONTH_D})\s*(\d{{1,2}})", re.I)


def _clock_date(c: Ctx, day_word: str | None, start: int, end: int) -> dt.date | None:
    if c.anchor is None:
        return None
    if not day_word:
        return c.anchor
    w = day_word.lower()
    if w in ("yesterday", "today", "tomorrow", "tonight"):
        return c.anchor + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0))
    md = _MONTH_DAY.match(day_word)
    if md:  # "5 p.m. EST Nov. 9"
        mon, dom = month_num(md.group(1)), int(md.group(2))
        year = cal.date_year(c.anchor, mon, dom, c.tense(start, end)) if mon else None
        return cal.safe_date(year, mon, dom) if year and mon else c.anchor
    wd = weekday_num(day_word)
    if wd is None:
        return c.anchor
    direction = "on_or_after" if c.tense(start, end) in ("future", "present") else "on_or_before"
    return cal.weekday_near(c.anchor, wd, direction)


def _clock(m: re.Match[str], c: Ctx) -> Norm | None:
    h = int(m["h"])
    mi = int(m["mi"]) if m["mi"] else 0
    ap = (m["ap"] or "").lower()
    if h > 24 or mi > 59 or (ap and h > 12):
        return None
    if ap.startswith("p") and h < 12:
        h += 12
    elif ap.startswith("a") and h == 12:
        h = 0
    zulu = "Z" if m["tz"] and m["tz"].upper() in ("UTC", "GMT", "Z") else ""
    d = _clock_date(c, m["day"], m.start(), m.end())
    date_part = cal.day(d) if d else "XXXX-XX-XX"
    return Norm("TIME", f"{date_part}T{h:02d}:{mi:02d}{zulu}", "time", d is not None)


def _noon(m: re.Match[str], c: Ctx) -> Norm | None:
    hhmm = "24:00" if m["w"].lower() == "midnight" else "12:00"
    d = _clock_date(c, m["day"], m.start(), m.end())
    date_part = cal.day(d) if d else "XXXX-XX-XX"
    return Norm("TIME", f"{date_part}T{hhmm}", "time", d is not None)


_BACK_ADJ = ("year-earlier", "year-ago", "comparable", "last year's", "year earlier", "prior-year", "year-before")


def _quarter(m: re.Match[str], c: Ctx) -> Norm | None:
    """"the third quarter" (of the anchor's year unless that is still ahead), "first half of 2009"."""
    words = m[0].lower()
    half = m["u"].lower().startswith("half")
    idx = ORDINALS.get(m["ord"].lower()) if m["ord"] else None
    if idx is None and m["ord"]:
        return None
    if half and idx is not None:
        idx = 2 if m["ord"].lower() in ("last", "final") else idx
        if idx > 2:
            return None
    a = c.anchor
    year = next((int(y) for y in (m["y1"], m["y2"], m["y3"]) if y), None)
    anchored = year is None
    if a is None and year is None:
        return None
    cur = ((a.month - 1) // 6 + 1) if (half and a) else (cal.quarter_of(a) if a else 0)
    if idx is None:  # "the quarter", "the latest quarter": the last one reported, before the anchor's
        if a is None:
            return None
        if "current" in words or "this" in words:
            idx, year = cur, a.year
        else:
            last_year, idx = (a.year, cur - 1) if cur > 1 else (a.year - 1, 2 if half else 4)
            year = year or last_year  # "the 1988 quarter": that year's, same quarter
    elif year is None and a is not None:
        rel = (m["rel"] or "").lower()
        year = a.year + {"last": -1, "next": 1}.get(rel, 0)
        if "next year's" in words:
            year += 1
        elif not rel and idx > cur:
            # A later quarter than the anchor's: this year's when the clause looks ahead or it
            # is the next one or two ("expects a loss in the fourth quarter" in August),
            # last year's in a past clause or when it is far round the year (Q4 in January).
            tense = c.tense(m.start(), m.end())
            ahead, cycle = idx - cur, (2 if half else 4)
            if tense == "past" or (tense != "future" and ahead >= cycle - ahead):
                year -= 1
    assert year is not None
    if any(b in words for b in _BACK_ADJ):
        year -= 1
    return Norm("DATE", f"{year}-{'H' if half else 'Q'}{idx}", "half" if half else "quarter", anchored)


def _edge_of(m: re.Match[str], c: Ctx) -> Norm | None:
    if c.anchor is None:
        return None
    unit = m["unit"].lower()
    if unit == "year":
        return Norm("DATE", str(c.anchor.year), "year", True)
    if unit == "month":
        return Norm("DATE", cal.month(c.anchor.year, c.anchor.month), "month", True)
    return Norm("DATE", cal.week(c.anchor), "week", True)


def _plural_core(m: re.Match[str], c: Ctx) -> Norm | None:
    code = unit_code(m["unit"])
    if code is None:
        return None
    start = m.start("core") if m["core"] else (m.start("core0") if m["core0"] else m.start("core2"))
    if code == "Y" and (m["core"] or "").lower() in ("recent", "past"):
        return Norm("DATE", "PAST_REF", None, False, start, m.end())  # "in recent years": a vague past
    return Norm("DURATION", duration_value(None, code), None, False, start, m.end())


def _ahead(m: re.Match[str], c: Ctx) -> Norm | None:
    """"the weeks ahead", "the months to come", "the first hours (of the war)": a stretch of
    unknown length (PXW, PXM, PTXH)."""
    code = unit_code(m["unit"] or m["unit2"])
    return Norm("DURATION", duration_value(None, code), None) if code else None


def _the_year(m: re.Match[str], c: Ctx) -> Norm | None:
    """"the year ended Sept. 30" is a one-year period (P1Y, "ended" left out); "for the year",
    "the first months of the year": the reporting year."""
    if m["ended"]:
        return Norm("DURATION", "P1Y", None, False, m.start(), m.start("ended"))
    if c.anchor is None or m["fy"]:
        return None
    return Norm("DATE", str(c.anchor.year), "year", True)


QUARTER_KEY = (re.compile(r"quarter|half|year-earlier|year-ago|year earlier|prior-year|period"), 90, 50)

_DUR_MOD = r"(?:past|last|next|first|coming|previous|final|latest|following|initial|remaining|additional|further|same|entire|whole|full|last few|past few|next few)"
_APPROX = r"(?:about|nearly|almost|some|roughly|around|approximately|more than|over|less than|at least|up to|just|only|no more than)"
_QUALIF = r"(?:more|straight|consecutive|trading|business|working|full|long|additional|calendar|extra|whole|successive)"
_Q_ADJ = r"(?:year-earlier|year-ago|comparable|fiscal|flat|latest|current|same|previous|prior|most recent|just-ended|recent|strong|weak|disappointing|year earlier|prior-year)"

RULES: list[tuple[re.Pattern[str], Handler, int]] = [
    (re.compile(
        rf"\b(?:(?:the|its|their|his|her|our|this|that|each of the)\s+)?(?:{_DUR_MOD}\s+)?(?:{_APPROX}\s+)?"
        rf"(?P<n>{QTY}|per|the(?=\s+\w+\s+and\s+a\s+half\b))(?:\s+(?:to|or)\s+(?P<n2>{DIGITS}|{WORD_NUMBER}))?\s+(?:{_QUALIF}\s+)?(?P<unit>{UNIT})\b(?!-)", I), _duration, 5),
    (re.compile(rf"\b(?P<n>{DIGITS}|{WORD_NUMBER}|single)-(?P<unit>{UNIT_SG})(?:-(?P<suf>long|old))?\b", I), _hyphen_duration, 5),
    (re.compile(r"\b(?P<n>)(?P<unit>hour|day|week|month|year)-long(?P<suf>)\b", I), _hyphen_duration, 5),
    (re.compile(r"\b(?:for|over|in|within|during|after|over\s+(?P<core0>the)|(?P<core>recent|coming|the coming|the past|the last|the next|the following|past|next))\s+(?P<core2>(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries))\b", I),
     _plural_core, 4),
    (re.compile(rf"\b{lead(SETS)}{alt(SETS)}\b", I), _set_word, 4),
    (re.compile(rf"\b(?:every|each|per)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{DIGITS}|{WORD_NUMBER})\s+)?(?P<what>{UNIT_SG}|{WEEKDAY}|{MONTH_ALONE}|{PART})s?\b", I), _every, 5),
    (re.compile(rf"\b{lead(REFS)}{alt(REFS)}\b", I), _ref, 3),
    (re.compile(rf"\b(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d\d))?\s*(?P<ap>[ap]\.m\.?|[ap]m\b)(?:\s*\(?(?P<tz>{TZ})\b(?:\s*[+-]\s*\d+)?\)?)?(?:,?\s+(?:on\s+)?(?P<day>{WEEKDAY}|{DAYWORD}|{MONTH_D}\s*{DAYNUM}))?", I), _clock, 8),
    (re.compile(rf"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?P<ap>)\s*(?P<tz>UTC|GMT|Z)\b(?:,?\s+(?:on\s+)?(?P<day>{WEEKDAY}|{DAYWORD}|{MONTH_D}\s*{DAYNUM}))?", I), _clock, 8),
    # four-digit clock times with a zone: "at 0800 UTC", "1430 GMT"
    (re.compile(rf"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?P<ap>)\s*(?P<tz>UTC|GMT)\b(?:,?\s+(?:on\s+)?(?P<day>{WEEKDAY}|{DAYWORD}|{MONTH_D}\s*{DAYNUM}))?", I), _clock, 8),
    (re.compile(rf"\b(?P<w>noon|midday|midnight)(?:\s+(?:on\s+)?(?P<day>{WEEKDAY}|{DAYWORD}))?\b", I), _noon, 6),
    (re.compile(
        rf"\b(?:(?:the|its|their|a|an|this|last year's|next year's|this year's)\s+)?(?:{_Q_ADJ}[- ]+)*(?:(?P<y1>{YEAR})\s+)?(?:{_Q_ADJ}[- ]+)*"
        rf"(?P<ord>{ORDINAL})[- ](?:fiscal[- ])?(?P<u>quarter|half)(?!-?\w)(?:\s+(?:of|in)\s+(?:(?:fiscal\s+)?(?P<y2>{YEAR})|(?P<rel>this|last|next) year|the (?:fiscal )?year (?P<y3>{YEAR})))?", I), _quarter, 7),
    (re.compile(r"\b(?:(?:the|a|its|their)\s+)?(?:(?:same|corresponding|comparable)\s+)?(?:year-earlier|year-ago|year earlier|prior-year)(?:\s+(?:period|quarter|level|results))?\b"
                r"|\b(?:the|its|their)\s+(?:(?:same|corresponding|comparable)\s+)?(?:period|quarter)\s+(?:a\s+year\s+(?:earlier|ago)|last\s+year|of\s+the\s+previous\s+year)\b", I), _year_back, 6),
    (re.compile(rf"\b(?:the|this|its|their|last year's)\s+(?:{_Q_ADJ}[- ]+)*(?:(?P<y1>{YEAR})\s+)?(?:{_Q_ADJ}[- ]+)*(?P<ord>)(?P<y2>)(?P<y3>)(?P<rel>)(?P<u>quarter|(?<=latest )period)\b(?![- ](?:points?|percent|percentage|cents?|stakes?|shares?)\b)", I), _quarter, 4),
    (re.compile(r"\bthe\s+(?P<unit>days|weeks|months|years)\s+(?:ahead|to\s+come)\b"
                rf"|\bthe\s+(?:first|early|opening|initial|final|closing)\s+(?P<unit2>minutes|hours|days|weeks|months|years)\b"
                rf"(?!\s+of\s+(?:{WEEKDAY}|{DAYWORD}|{MONTH_D}|\d))", I), _ahead, 5),  # not "the early hours of Thursday"
    (re.compile(r"\b(?:the\s+)?(?:end|beginning|start|middle|rest|remainder|balance)\s+of\s+(?:the|this)\s+(?P<unit>year|month|week)\b", I), _edge_of, 6),
    (re.compile(r"\bthe\s+(?P<fy>fiscal\s+)?year\b(?P<ended>\s+(?:ended|ending))?"
                r"(?![- ](?:two|ago|earlier|before|after|old|round|long|previous|prior|in\s+which|when|that|\d)|-)", I), _the_year, 2),
]
