"""Calendar arithmetic for the times layer: anchors, shifts, ISO weeks, quarters.

Kept apart from the rules so each normaliser is a one-liner over these helpers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

_ANCHOR_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@lru_cache(maxsize=4096)
def parse_anchor(published: str | None) -> dt.date | None:
    """The date part of an ISO date or datetime string; None when absent or malformed."""
    if not published:
        return None
    m = _ANCHOR_RE.match(published.strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def day(d: dt.date) -> str:
    return d.isoformat()


def month(year: int, mon: int) -> str:
    return f"{year:04d}-{mon:02d}"


def week(d: dt.date) -> str:
    """ISO week value, e.g. 2024-W10 (ISO year, which differs from the calendar year near 1 Jan)."""
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, mon = d.year + y, m + 1
    return dt.date(year, mon, min(d.day, calendar.monthrange(year, mon)[1]))


def add_quarters(year: int, q: int, n: int) -> tuple[int, int]:
    idx = year * 4 + (q - 1) + n
    return idx // 4, idx % 4 + 1


def weekday_near(anchor: dt.date, wd: int, direction: str) -> dt.date:
    """The weekday `wd` (ISO 1-7) relative to `anchor`.

    direction: "on_or_before" (past-tense news: "on Friday"), "before" ("last Friday"),
    "on_or_after" (future tense), "after" ("next Monday"), "same_week" ("this Saturday").
    """
    diff = wd - anchor.isoweekday()
    if direction == "same_week":
        return anchor + dt.timedelta(days=diff)
    if direction in ("on_or_before", "before"):
        back = (-diff) % 7
        if back == 0 and direction == "before":
            back = 7
        return anchor - dt.timedelta(days=back)
    ahead = diff % 7
    if ahead == 0 and direction == "after":
        ahead = 7
    return anchor + dt.timedelta(days=ahead)


def month_year(anchor: dt.date, mon: int, tense: str | None) -> int:
    """The year of a month named without one ("in March"): news mostly reports the past,
    so a month after the anchor month means last year, unless the sentence is future."""
    if tense == "future":
        return anchor.year if mon >= anchor.month else anchor.year + 1
    if mon > anchor.month + (1 if tense is None else 0):
        return anchor.year - 1
    return anchor.year


def date_year(anchor: dt.date, mon: int, dom: int, tense: str | None) -> int | None:
    """The year of "March 22" / "Jan. 27" without one: the anchor's year, or the previous
    year when that date lies well after the anchor and the sentence is not about the future."""
    try:
        cand = dt.date(anchor.year, mon, dom)
    except ValueError:
        return None
    if tense == "future":
        if (anchor - cand).days > 60:
            return anchor.year + 1
        return anchor.year
    if (cand - anchor).days > (7 if tense == "past" else 30):
        return anchor.year - 1
    return anchor.year


def nth_weekday(year: int, mon: int, wd: int, n: int) -> dt.date:
    """The n-th ISO weekday `wd` of a month (Thanksgiving = 4th Thursday of November)."""
    first = dt.date(year, mon, 1)
    offset = (wd - first.isoweekday()) % 7
    return first + dt.timedelta(days=offset + 7 * (n - 1))


def safe_date(year: int, mon: int, dom: int) -> dt.date | None:
    try:
        return dt.date(year, mon, dom)
    except ValueError:
        return None
