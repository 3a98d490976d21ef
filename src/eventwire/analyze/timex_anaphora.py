"""Times anchored on another time of the text, not on the publication date (TimeML's
anchorTimeID): "that year", "the same day", "later that year", "the following month",
"the previous year", "the next day".

The rule only marks the phrase (value ANAPHOR); `resolve` then reads the nearest earlier
time of the text that is precise enough (a day for "that day", a year or finer for "that
year") and takes it, or shifts it one unit ("the following month" after "in March 1989" is
1989-04). Without such a time, "the following/previous week, month or year" falls back to
the publication date (as before) and the rest is dropped.
"""

from __future__ import annotations

import datetime as dt
import re

from . import timex_calendar as cal
from .timex_context import Ctx
from .timex_dates import Handler, Norm

ANAPHOR = "ANAPHOR"
_SHIFT = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}


_PREP_BEFORE = re.compile(r"\b(?:on|by|until|till|since|from|of|for|during)\s+$", re.I)


def _anaphor(m: re.Match[str], c: Ctx) -> Norm | None:
    # a bare "that day" is often a noun phrase ("strong redemptions that day", "that day has
    # come"); after a preposition it is a time ("on that day", "by that day")
    if m[0].lower().startswith("that") and m[0].lower().endswith("day") and len(m[0].split()) == 2 \
            and not _PREP_BEFORE.search(c.text, max(0, m.start() - 12), m.start()):
        return None
    return Norm("DATE", ANAPHOR, None)


# "the next week/month/year" in a future clause is counted from the report ("over the next
# year or so"), so only "the next day" is anaphoric here.
RULE: tuple[re.Pattern[str], Handler, int] = (
    re.compile(r"\b(?:(?:earlier|later)\s+)?(?:that(?:\s+same)?|the\s+same)\s+(?:day|week|month|year)\b"
               r"|\bthe\s+(?:following|previous|preceding|prior)\s+(?:day|week|month|year)\b"
               r"|\bthe\s+next\s+day\b", re.I),
    _anaphor, 7)

_PHRASE = re.compile(r"(?:(?:earlier|later)\s+)?(?:that(?:\s+same)?|the\s+(?P<rel>same|following|previous|preceding|prior|next))"
                     r"\s+(?P<unit>day|week|month|year)$", re.I)
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)$")
_YEARISH = re.compile(r"^(\d{4})(?:-(?:\d\d(?:-\d\d)?|W\d\d|Q\d|H\d|SP|SU|FA|WI))?(?:T.*)?$")


def _value(unit: str, shift: int, prev: str) -> tuple[str, str] | None:
    """(value, precision) of `unit` in the antecedent `prev`, moved by `shift` units."""
    day = _DAY.match(prev)
    d = cal.safe_date(int(day[1]), int(day[2]), int(day[3])) if day else None
    if unit == "day":
        return (cal.day(d + dt.timedelta(days=shift)), "day") if d else None
    if unit == "week":
        if d:
            return cal.week(d + dt.timedelta(days=7 * shift)), "week"
        wk = _WEEK.match(prev)
        if wk:
            monday = dt.date.fromisocalendar(int(wk[1]), int(wk[2]), 1)
            return cal.week(monday + dt.timedelta(days=7 * shift)), "week"
        return None
    if unit == "month":
        mo = _MONTH.match(prev)
        first = dt.date(d.year, d.month, 1) if d else (dt.date(int(mo[1]), int(mo[2]), 1) if mo else None)
        if first is None:
            return None
        moved = cal.add_months(first, shift)
        return cal.month(moved.year, moved.month), "month"
    y = _YEARISH.match(prev)
    return (str(int(y[1]) + shift), "year") if y else None


def resolve(ctx: Ctx, chosen: list[tuple[int, int, Norm]]) -> list[tuple[int, int, Norm]]:
    """Give each ANAPHOR phrase its value from the nearest earlier time, or drop it."""
    out: list[tuple[int, int, Norm]] = []
    for start, end, norm in chosen:
        if norm.value != ANAPHOR:
            out.append((start, end, norm))
            continue
        m = _PHRASE.search(ctx.text, start, end)
        if m is None:
            continue
        unit, rel = m["unit"].lower(), (m["rel"] or "").lower()
        shift = _SHIFT.get(rel, 0)
        got = None
        for _s, _e, prev in reversed(out):
            if prev.type in ("DATE", "TIME") and prev.value != ANAPHOR:
                got = _value(unit, shift, prev.value)
                if got is not None:
                    break
        if got is None and rel in ("following", "previous", "preceding", "prior") and unit != "day" and ctx.anchor:
            got = _value(unit, shift, cal.day(ctx.anchor))  # no earlier time: the report's
        if got is not None:
            out.append((start, end, Norm("DATE", got[0], got[1], True)))
    return out
