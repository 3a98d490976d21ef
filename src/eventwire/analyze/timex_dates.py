"""Rules for calendar dates: absolute ("22 March 2024", "2015-12-10", "the 1990s") and
relative to the publication date ("Friday night", "last month", "two weeks ago")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple

from . import timex_calendar as cal
from .numbers import parse_number
from .timex_context import Ctx
from .timex_lexicon import (
    DAYNUM,
    DAYWORD,
    FLOATING_HOLIDAYS,
    HOLIDAYS,
    MONTH_ALONE,
    MONTH_D,
    PART,
    PARTS,
    QTY,
    SEASON,
    SEASONS,
    UNIT,
    WEEKDAY,
    YEAR,
    alt,
    capitalised,
    month_num,
    unit_code,
    weekday_num,
)


class Norm(NamedTuple):
    type: str
    value: str
    precision: str | None
    anchored: bool = False
    start: int | None = None  # narrower span than the match, when a rule wants one
    end: int | None = None


Handler = Callable[[re.Match[str], Ctx], Norm | None]
I = re.IGNORECASE  # noqa: E741 - short flag alias keeps the rule table readable

_EDGE = r"(?:(?:early|late|mid-?|the (?:end|beginning|start|middle) of|end of|early in|late in)\s*)?"


def _part(word: str | None) -> str | None:
    return PARTS.get(word.lower()) if word else None


def _with_part(d: dt.date, part: str | None, anchored: bool) -> Norm:
    if part:
        return Norm("TIME", f"{cal.day(d)}T{part}", "day", anchored)
    return Norm("DATE", cal.day(d), "day", anchored)


# --- absolute dates --------------------------------------------------------------------

def _iso(m: re.Match[str], c: Ctx) -> Norm | None:
    d = cal.safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    if d is None:
        return None
    if m["hh"]:
        return Norm("TIME", f"{cal.day(d)}T{m['hh']}:{m['mm']}", "time")
    return Norm("DATE", cal.day(d), "day")


def _slash(m: re.Match[str], c: Ctx) -> Norm | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    mon, dom = (a, b) if a <= 12 else (b, a)  # US order unless the first cannot be a month
    d = cal.safe_date(y, mon, dom)
    return Norm("DATE", cal.day(d), "day") if d else None


def _month_day(m: re.Match[str], c: Ctx) -> Norm | None:
    mword = m["m1"] or m["m2"]
    if not capitalised(mword):
        return None
    mon = month_num(mword)
    dom = int(re.match(r"\d+", m["d1"] or m["d2"]).group())  # type: ignore[union-attr]
    if mon is None:
        return None
    anchored = False
    if m["y"]:
        year = int(m["y"])
    elif c.anchor is not None and m["mod"]:
        # "last Oct. 23": the latest such date before the report, "next March 3" the first after
        back = m["mod"].lower() in ("last", "past")
        ahead = m["mod"].lower() in ("next", "coming")
        years = [y for y in (c.anchor.year - 1, c.anchor.year, c.anchor.year + 1)
                 if (d := cal.safe_date(y, mon, dom)) and (not back or d < c.anchor) and (not ahead or d > c.anchor)]
        if not years:
            return None
        year, anchored = (max(years) if back else min(years) if ahead else c.anchor.year), True
    elif c.anchor is not None:
        y = cal.date_year(c.anchor, mon, dom, c.tense(m.start(), m.end()))
        if y is None:
            return None
        year, anchored = y, True
    else:
        return Norm("DATE", f"XXXX-{mon:02d}-{dom:02d}", "day")
    d = cal.safe_date(year, mon, dom)
    if d is None:
        return None
    return _with_part(d, _part(m["part"]), anchored)


def _month_year(m: re.Match[str], c: Ctx) -> Norm | None:
    if not capitalised(m["m"]):
        return None
    mon = month_num(m["m"])
    return Norm("DATE", cal.month(int(m["y"]), mon), "month") if mon else None


def _month(m: re.Match[str], c: Ctx) -> Norm | None:
    if not capitalised(m["m"]):
        return None
    mon = month_num(m["m"])
    if mon is None:
        return None
    mod = (m["mod"] or "").lower()
    if c.anchor is None:
        return Norm("DATE", f"XXXX-{mon:02d}", "month")
    a = c.anchor
    if mod in ("last", "past", "previous"):
        year = a.year if mon < a.month else a.year - 1
    elif mod in ("next", "coming"):
        year = a.year if mon > a.month else a.year + 1
    elif mod == "this":
        year = a.year
    else:
        year = cal.month_year(a, mon, c.tense(m.start(), m.end()))
    return Norm("DATE", cal.month(year, mon), "month", True)


def _year(m: re.Match[str], c: Ctx) -> Norm | None:
    return Norm("DATE", m["y"], "year")


# --- relative to the publication date --------------------------------------------------

def _dayword(m: re.Match[str], c: Ctx) -> Norm | None:
    word = m["w"].lower()
    part = _part(m["part"])
    if c.anchor is None:
        return Norm("DATE", "PRESENT_REF" if word in ("today", "tonight") else
                    ("PAST_REF" if word == "yesterday" else "FUTURE_REF"), None)
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[word]
    if word == "tonight":
        part = "NI"
    return _with_part(c.anchor + dt.timedelta(days=shift), part, True)


def _this_part(m: re.Match[str], c: Ctx) -> Norm | None:
    if c.anchor is None:
        return None
    d = c.anchor - dt.timedelta(days=1) if m["mod"].lower() == "last" else c.anchor
    part = "NI" if m["mod"].lower() == "last" and m["part"].lower() == "night" else _part(m["part"])
    return Norm("TIME", f"{cal.day(d)}T{part}", "day", True)


_WD_DIRECTION = {"last": "before", "past": "before", "previous": "before", "next": "after",
                 "coming": "on_or_after", "this": "same_week"}


def _weekday(m: re.Match[str], c: Ctx) -> Norm | None:
    if not capitalised(m["wd"]):
        return None
    wd = weekday_num(m["wd"])
    if wd is None:
        return None
    part = _part(m["part"])
    if c.anchor is None:
        return Norm("DATE", f"XXXX-WXX-{wd}", "day")
    mod = (m["mod"] or "").lower()
    direction = _WD_DIRECTION.get(mod)
    if direction is None:
        # Past-tense news: the latest such day; a future clause (a plan, "until Friday" under
        # a present) the next one. A bare present stays past: headlines and crime reports use
        # it for what happened ("Wednesday night shooting kills one").
        direction = "on_or_after" if c.tense(m.start(), m.end()) == "future" else "on_or_before"
    return _with_part(cal.weekday_near(c.anchor, wd, direction), part, True)


def _unit_rel(m: re.Match[str], c: Ctx) -> Norm | None:
    """"this week", "last month", "next year", "the current quarter", "last fall"."""
    mod = m["mod"].lower().replace("the ", "")
    unit = m["unit"].lower()
    if mod in ("full", "entire") and unit not in ("year", "fiscal year"):
        return None  # "the full year" is this year's figures; "the entire week" a stretch of time
    step = {"last": -1, "past": -1, "this past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(mod, 0)
    if unit == "year" and mod == "past":
        return Norm("DURATION", "P1Y", None)  # TimeML: "the past year" is a period, not 2023
    a = c.anchor
    if a is None:
        return None
    if unit in ("week", "weekend"):
        d = a + dt.timedelta(days=7 * step)
        return Norm("DATE", cal.week(d) + ("-WE" if unit == "weekend" else ""), "week", True)
    if unit == "month":
        d = cal.add_months(a, step)
        return Norm("DATE", cal.month(d.year, d.month), "month", True)
    if unit in ("year", "fiscal year"):
        return Norm("DATE", str(a.year + step), "year", True)
    if unit == "quarter":
        y, q = cal.add_quarters(a.year, cal.quarter_of(a), step)
        return Norm("DATE", f"{y}-Q{q}", "quarter", True)
    if unit == "decade":
        if mod == "past":
            return Norm("DURATION", "P10Y", None)
        return Norm("DATE", str(a.year // 10 + step)[:3], "decade", True)
    if unit in SEASONS:
        year = a.year + (step if step < 0 else 0)
        if mod == "this past":  # the latest such season begun by the report: this year's spring in October
            year = a.year if {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[SEASONS[unit]] <= a.month else a.year - 1
        if step > 0 and {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[SEASONS[unit]] <= a.month:
            year += 1
        return Norm("DATE", f"{year}-{SEASONS[unit]}", "season", True)
    return None


def _weekend(m: re.Match[str], c: Ctx) -> Norm | None:
    if c.anchor is None:
        return None
    future = c.tense(m.start(), m.end()) == "future"
    d = c.anchor
    if not future and d.isoweekday() < 6:
        d = d - dt.timedelta(days=7)
    return Norm("DATE", cal.week(d) + "-WE", "week", True)


_SHIFT_SIGN = {"ago": -1, "earlier": -1, "before": -1, "previously": -1, "later": 1,
               "from now": 1, "hence": 1, "after": 1}


def _ago(m: re.Match[str], c: Ctx) -> Norm | None:
    """"two weeks ago" -> 2024-W10; "a year earlier" -> 2023; "three days later"."""
    n = parse_number(m["n"])
    code = unit_code(m["unit"])
    sign = _SHIFT_SIGN[" ".join(m["dir"].lower().split())]
    if code is None:
        return None
    if m["dir"].lower() in ("after", "before"):
        # "three years after the crash": a period measured from another event (TimeML
        # DURATION, the signal word outside); only "ago"/"earlier"/"later" hang on the DCT.
        return Norm("DURATION", cal.duration_value(n, code), None, False, m.start(), m.start("dir"))
    if n is None or c.anchor is None:
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None)
    a, k = c.anchor, sign * n
    if code == "D":
        return Norm("DATE", cal.day(a + dt.timedelta(days=round(k))), "day", True)
    if code == "W":
        return Norm("DATE", cal.week(a + dt.timedelta(days=round(7 * k))), "week", True)
    if code == "2W":
        return Norm("DATE", cal.week(a + dt.timedelta(days=round(14 * k))), "week", True)
    if code == "M":
        d = cal.add_months(a, round(k))
        return Norm("DATE", cal.month(d.year, d.month), "month", True)
    if code == "Q":
        d = cal.add_months(a, round(3 * k))
        return Norm("DATE", f"{d.year}-Q{cal.quarter_of(d)}", "quarter", True)
    if code in ("Y", "E", "C"):
        years = round(k * {"Y": 1, "E": 10, "C": 100}[code])
        return Norm("DATE", str(a.year + years), "year", True)
    if code.startswith("T"):
        return Norm("DATE", cal.day(a), "day", True)
    return None


def _holiday(m: re.Match[str], c: Ctx) -> Norm | None:
    """Fixed holidays and Thanksgiving; without a year, the occurrence nearest the anchor
    in the clause's direction (last Christmas in a past clause, the coming one in a future one)."""
    name = " ".join(m["h"].lower().replace("\u2019", "'").split())
    floating = [11, 4, 4] if name.startswith("thanksgiving") else FLOATING_HOLIDAYS.get(name)
    mmdd = HOLIDAYS.get(name)
    if floating is None and mmdd is None:
        return None

    def on(year: int) -> dt.date | None:
        if floating is not None:
            return cal.nth_weekday(year, *floating)
        return cal.safe_date(year, int(mmdd[:2]), int(mmdd[3:]))  # type: ignore[index]

    if m["y"]:
        d = on(int(m["y"]))
        return Norm("DATE", cal.day(d), "day") if d else None
    if c.anchor is None:
        return Norm("DATE", f"XXXX-{mmdd}", "day") if mmdd else None
    tense = c.tense(m.start(), m.end())
    cands = [d for y in (c.anchor.year - 1, c.anchor.year, c.anchor.year + 1) if (d := on(y))]
    if tense == "future":
        pick = min((d for d in cands if d >= c.anchor), default=None)
    elif tense == "past":
        pick = max((d for d in cands if d <= c.anchor), default=None)
    else:
        pick = min(cands, key=lambda d: abs((d - c.anchor).days)) if cands else None  # type: ignore[operator]
    return Norm("DATE", cal.day(pick), "day", True) if pick else None


def _season_any(m: re.Match[str], c: Ctx) -> Norm | None:
    word, year = (m["s"], m["y"]) if m["s"] else (m["s2"], m["y2"])
    if word.lower() == "fall" and not year and m[0].lower().split()[0] not in ("the", "this", "that", "last"):
        return None  # "in fall" is fine in speech but "prices fall" is a verb; keep it safe
    norm = _season(word, year, m, c)
    first = m[0].split()[0]
    if norm and first.lower() in _POSSESSIVES:  # "their Autumn meetings": the season alone
        start = m.start() + len(first)
        norm = norm._replace(start=start + len(m[0][len(first):]) - len(m[0][len(first):].lstrip()))
    return norm


_POSSESSIVES = frozenset({"its", "their", "our", "his", "her"})


def _season(word: str, y: str | None, m: re.Match[str], c: Ctx) -> Norm | None:
    code = SEASONS[word.lower()]
    if y:
        return Norm("DATE", f"{y}-{code}", "season")
    if c.anchor is None:
        return Norm("DATE", f"XXXX-{code}", "season")
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    year = c.anchor.year
    if start > c.anchor.month + 1 and c.tense(m.start(), m.end()) == "past":
        year -= 1
    return Norm("DATE", f"{year}-{code}", "season", True)


_REL_MOD = r"(?:last|this past|this|next|past|coming|previous|following|the current|the past|the previous|the following|the coming|current|the full|the entire)"
_DAY_PREFIX = rf"(?:(?:{WEEKDAY}),?\s+(?:the\s+)?)?"
_HOLIDAY_RE = alt([*HOLIDAYS, *FLOATING_HOLIDAYS, "thanksgiving day", "thanksgiving"]).replace("'", "['\u2019]")

# A key is a cheap regex every match must contain, with how far a match may reach before and
# after it: times.py runs the rule only in windows around key hits (the full rules are slow
# to try at every word boundary of a long article). Keys are lower-case: they run on the
# lower-cased text (MONTH_KEY, which needs the capital, on the text itself).
Key = tuple[re.Pattern[str], int, int] | None
_MON3 = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
MONTH_KEY: Key = (re.compile(rf"\b(?:{_MON3}|{_MON3.upper()})"), 60, 50)  # names count only capitalised
UNIT_KEY: Key = (re.compile(r"(?:second|sec|minute|min|hour|hr|day|night|week|fortnight|month|quarter|year|yr|decade|centur)"), 90, 30)
SHIFT_KEY: Key = (re.compile(r"\b(?:ago|earlier|later|before|after|now|hence)\b"), 90, 5)
WEEKDAY_KEY: Key = (re.compile(r"day\b|\b(?:mon|tue|tues|wed|thu|thurs|fri|sat)\."), 40, 30)
REL_KEY: Key = (re.compile(r"week|month|year|quarter|decade|spring|summer|fall|autumn|winter"), 70, 15)
SEASON_KEY: Key = (re.compile(r"spring|summer|fall|autumn|winter"), 40, 20)
HOLIDAY_KEY: Key = (re.compile(r"christmas|new year|independence|valentine|halloween|boxing|thanksgiving|fourth|mother|"
                               r"father|memorial|labor|king|mlk"), 25, 30)
DAYWORD_KEY: Key = (re.compile(r"yesterday|today|tomorrow|tonight"), 15, 15)
# a year's digits; before: its longest modifier ("the beginning of"), after: its lookaheads
YEAR_KEY: Key = (re.compile(r"1[5-9]\d\d|20\d\d"), 40, 40)

RULES: list[tuple[re.Pattern[str], Handler, int]] = [
    (re.compile(r"\b(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)(?:T(?P<hh>\d\d):(?P<mm>\d\d)(?::\d\d)?Z?)?\b"), _iso, 9),
    (re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d\d)(?![\d/])"), _slash, 9),
    (re.compile(
        rf"\b{_EDGE}{_DAY_PREFIX}(?:(?P<mod>last|this|next|past|coming)\s+)?(?:(?P<d1>{DAYNUM})\s+(?:of\s+)?(?P<m1>{MONTH_D})|(?P<m2>{MONTH_D})\s*(?P<d2>{DAYNUM}))"
        rf"(?:,?\s+(?P<y>{YEAR}))?(?:\s+(?:in\s+the\s+)?(?P<part>{PART}))?(?!\w)", I), _month_day, 8),
    (re.compile(rf"\b{_EDGE}(?P<m>{MONTH_D}),?\s+(?:of\s+)?(?P<y>{YEAR})\b", I), _month_year, 8),
    (re.compile(rf"\b{_EDGE}(?:(?P<mod>last|this|next|past|coming|previous)\s+)?(?P<m>{MONTH_ALONE})(?!\w)", I), _month, 5),
    (re.compile(rf"(?<![$£€\d.,/])\b(?:(?:fiscal|calendar|the year|early|mid-|mid|late|end-|the end of|the beginning of|the start of|the middle of)\s*)?(?P<y>{YEAR})\b(?!\s*(?:%|percent|per cent)|-year|[a-z'’])", I), _year, 4),
    (re.compile(rf"\b(?:(?:early|late|earlier|later|mid-?)\s*)?(?P<w>{DAYWORD})(?:\s+(?P<part>{PART}))?\b", I), _dayword, 7),
    (re.compile(rf"\b(?P<mod>this|last)\s+(?P<part>{PART})\b", I), _this_part, 7),
    (re.compile(rf"\b(?:(?:early|late|earlier|later|mid-?)\s*)?(?:(?P<mod>last|this|next|past|coming|previous)\s+)?(?P<wd>{WEEKDAY})(?:'s)?"
                rf"(?:\s+(?P<part>{PART}))?(?!\w)", I), _weekday, 6),
    (re.compile(rf"\b{_EDGE}(?:in\s+)?(?P<mod>{_REL_MOD})\s+(?P<unit>week|weekend|month|year|fiscal year|quarter|decade|{SEASON})\b", I), _unit_rel, 6),
    (re.compile(r"\b(?:the|that)\s+weekend\b", I), _weekend, 5),
    (re.compile(rf"\b(?:(?:about|nearly|almost|some|roughly|around|more than|over|less than|just|only)\s+)?(?P<n>{QTY})\s+(?:more\s+)?(?P<unit>{UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence)\b", I), _ago, 7),
    (re.compile(rf"\b(?:(?:the|this|that|in|during|of|by|until|since|its|their|our|his|her)\s+)(?:(?:early|late|mid-?)\s*)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b"
                rf"|\b(?:(?:early|late|mid-?)\s*)?(?P<s2>{SEASON})\s+(?:of\s+)?(?P<y2>{YEAR})\b", I),
     _season_any, 5),
    (re.compile(rf"\b(?P<h>{_HOLIDAY_RE})(?:,?\s+(?P<y>{YEAR}))?\b", I), _holiday, 6),
]
