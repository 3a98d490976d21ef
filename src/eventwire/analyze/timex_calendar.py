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
    """The year of a month named without one ("in March"): in a past clause the latest such
    month up to the anchor's, in a future clause the next one from it, otherwise the
    nearest one (news mostly reports the recent past and announces the near future)."""
    here = anchor.year * 12 + anchor.month - 1
    options = [(y, (y * 12 + mon - 1) - here) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if tense == "past":
        return max(y for y, d in options if d <= 1)
    if tense == "future":
        return min(y for y, d in options if d >= 0)
    return min(options, key=lambda o: (abs(o[1]), o[1] > 0))[0]


def date_year(anchor: dt.date, mon: int, dom: int, tense: str | None) -> int | None:
    """The year of "March 22" / "Jan. 27" without one: the nearest such date to the anchor,
    but never one more than a week ahead in a past clause, nor one well behind in a future
    clause (a date far after publication is last year's)."""
    options = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = safe_date(y, mon, dom)
        if d is not None:
            options.append((y, (d - anchor).days))
    if not options:
        return None
    if tense == "past":  # a past event is rarely dated months ahead of the report
        options = [o for o in options if o[1] <= 45] or options
    elif tense == "future":
        options = [o for o in options if o[1] >= -7] or options
    return min(options, key=lambda o: (abs(o[1]), o[1] > 0))[0]


def nth_weekday(year: int, mon: int, wd: int, n: int) -> dt.date:
    """The n-th ISO weekday `wd` of a month (Thanksgiving = 4th Thursday of November); n = -1
    is the last one (Memorial Day = the last Monday of May)."""
    first = dt.date(year, mon, 1)
    offset = (wd - first.isoweekday()) % 7
    if n < 0:
        last = first + dt.timedelta(days=offset + 28)
        return last if last.month == mon else last - dt.timedelta(days=7)
    return first + dt.timedelta(days=offset + 7 * (n - 1))


def safe_date(year: int, mon: int, dom: int) -> dt.date | None:
    try:
        return dt.date(year, mon, dom)
    except ValueError:
        return None


def _num_str(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, code: str) -> str:
    """TimeML duration: (2, "W") -> P2W, (3, "TH") -> PT3H, (None, "M") -> PXM, (2, "E") -> P20Y,
    (2, "Q") -> P2Q (TIMEX3 counts quarters in quarters, as TimeBank and MEANTIME write them)."""
    if code == "2W":
        n, code = (n * 2 if n is not None else None), "W"
    if code in ("E", "C"):
        if n is None:
            return f"PX{code}"
        n, code = n * (10 if code == "E" else 100), "Y"
    if n is not None and n != int(n) and code in ("TH", "TM"):
        whole, frac = int(n), n - int(n)  # PT1M30S, not PT1.5M
        sub = "M" if code == "TH" else "S"
        return f"PT{whole}{code[1]}{round(frac * 60)}{sub}" if whole else f"PT{round(frac * 60)}{sub}"
    q = "X" if n is None else _num_str(n)
    return f"PT{q}{code[1]}" if code.startswith("T") else f"P{q}{code}"
