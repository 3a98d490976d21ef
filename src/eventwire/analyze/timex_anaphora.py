"""Times anchored on another time of the text, not on the publication date (TimeML's
anchorTimeID): "that year", "the same day", "later that year", "the following month",
"the previous year", "the next day", "the year previous", "the previous Friday", and "the
day" ("ended the day at").

The rules only mark the phrase (`marker`: unit, shift and whether the publication date may
stand in); `resolve` then reads the nearest earlier time of the text that is precise enough
(a day for "that day", a year or finer for "that year") and takes it, or shifts it one unit
("the following month" after "in March 1989" is 1989-04). Without such a time, "the
following/previous week, month or year" and "the day" fall back to the publication date
and the rest is dropped.
"""

from __future__ import annotations

import datetime as dt
import re

from . import timex_calendar as cal
from .timex_context import Ctx
from .timex_dates import Handler, Norm
from .timex_lexicon import weekday_num

ANAPHOR = "ANAPHOR"
_SHIFT = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}
_PREP_BEFORE = re.compile(r"\b(?:on|by|until|till|since|from|of|for|during)\s+$", re.I)


def marker(unit: str, shift: int = 0, report_fallback: bool = False) -> Norm:
    """The placeholder a rule returns for a time `resolve` anchors on an earlier one."""
    return Norm("DATE", f"{ANAPHOR}|{unit}|{shift}|{int(report_fallback)}", None)


def _anaphor(m: re.Match[str], c: Ctx) -> Norm | None:
    words = m[0].lower().split()
    if m["wd"]:  # "the previous Friday": the Friday before the day just told of
        wd = weekday_num(m["wd"])
        return marker(f"wd{wd}", _SHIFT[m["rel5"].lower()], report_fallback=True) if wd else None
    unit = (m["unit"] or m["unit2"] or m["unit3"] or m["unit4"]).lower()
    # a bare "that day" is often a noun phrase ("strong redemptions that day", "that day has
    # come"); after a preposition it is a time ("on that day", "by that day")
    if words == ["that", "day"] and not _PREP_BEFORE.search(c.text, max(0, m.start() - 12), m.start()):
        return None
    rel = (m["rel"] or m["rel2"] or ("next" if m["unit4"] else "")).lower()
    shift = _SHIFT.get(rel, 0)
    return marker(unit, shift, report_fallback=bool(shift) and unit != "day")


# "the next week/month/year" in a future clause is counted from the report ("over the next
# year or so"), so only "the next day" is anaphoric here; "the year before" is left out
# ("down from $450 million the year before" is seldom marked as a time).
RULE: tuple[re.Pattern[str], Handler, int] = (
    re.compile(r"\b(?:(?:earlier|later)\s+)?(?:that(?:\s+same)?|the\s+same)\s+(?P<unit>day|week|month|year)\b"
               r"|\bthe\s+(?:(?P<rel>following|previous|preceding|prior)\s+(?P<unit2>day|week|month|year)"
               r"|(?P<unit3>week|month|year)\s+(?P<rel2>previous)|next\s+(?P<unit4>day))\b"
               r"|\bthe\s+(?P<rel5>following|previous|preceding)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
               re.I),
    _anaphor, 7)


_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)$")
_YEARISH = re.compile(r"^(\d{4})(?:-(?:\d\d(?:-\d\d)?|W\d\d|Q\d|H\d|SP|SU|FA|WI))?(?:T.*)?$")


def _value(unit: str, shift: int, prev: str) -> tuple[str, str] | None:
    """(value, precision) of `unit` in the antecedent `prev`, moved by `shift` units."""
    day = _DAY.match(prev)
    d = cal.safe_date(int(day[1]), int(day[2]), int(day[3])) if day else None
    if unit.startswith("wd"):
        if d is None:
            return None
        return cal.day(cal.weekday_near(d, int(unit[2:]), "after" if shift > 0 else "before")), "day"
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
    """Give each marked phrase its value from the nearest earlier time, or drop it."""
    out: list[tuple[int, int, Norm]] = []
    for start, end, norm in chosen:
        if not norm.value.startswith(ANAPHOR):
            out.append((start, end, norm))
            continue
        _, unit, shift_s, fallback = norm.value.split("|")
        shift = int(shift_s)
        got = None
        for _s, _e, prev in reversed(out):
            if prev.type in ("DATE", "TIME"):
                got = _value(unit, shift, prev.value)
                if got is not None:
                    break
        if got is None and fallback == "1" and ctx.anchor:
            got = _value(unit, shift, cal.day(ctx.anchor))  # no earlier time: the report's
        if got is not None:
            out.append((start, end, Norm("DATE", got[0], got[1], True)))
    return out
