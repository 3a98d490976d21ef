"""Calendar evidence of an undated article: the partial dates its lead states.

An article with a publication date is placed in time by `story.date_signal`, against a
story that has a day too. Without one (or against a story with none), relative and partial
dates stay unresolved ("Saturday", "May 24", "2005"), yet they still tell two similar
happenings apart: reports of one
happening state, in their first lines, the same year, the same month and the same weekday
for it (a dateline, "on Saturday"), while the same kind of incident in another year or
season states others. So an undated article's lead calendar is compared with the story's
(the years, months and weekdays its articles' leads state): a field stated on both sides
with nothing in common is evidence of another happening; a shared year or month is
(weaker) evidence of the same one. A weekday in common proves little (weeks repeat), so
weekdays only count against.

Dates inside a URL line (a source address quoted in the text, e.g. ".../2005/05/24/...")
are not statements of the article and are left out.

Years: an article's lead names its own happening's year and, before it, background years
(a birth, a career, an earlier season, a previous disaster), so its calendar year is the
latest year the lead states. Against a story, a year later than any the story states is
another (later) happening; a year a little older than the story's latest is another happening
too (last year's quake); but a year much older (more than BACKGROUND_YEARS) than the
story's latest is what an article states when its lead is all background (an obituary's
1955 against the story's 2005), and is no evidence either way.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

CALENDAR_LEAD_CHARS = 600  # the lead's dates: the dateline and the first sentences
CALENDAR_WEIGHT = 0.2  # score change per calendar field that conflicts (see calendar_signal)
CALENDAR_AGREE = 0.25  # a shared year or month counts this share of CALENDAR_WEIGHT for
MONTH_GAP = 2  # months at least this far apart (circularly) conflict; adjacent ones do not
CALENDAR_SUPPORT = 2  # statements (article × value) of a field that make a story's evidence full
BACKGROUND_YEARS = 5  # an article's year more than this older than the story's latest is background
FIELDS = ("years", "months", "weekdays")
MAX_CALENDAR_YEARS = 30  # a long-lived story keeps its most stated lead years (months, weekdays are few)

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)")
_MONTH = re.compile(r"^(?:\d{4}|XXXX)-(\d\d)(?:-\d\d)?$")
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])")
_URL = ("http", "www")


def url_line(text: str, char: int) -> bool:
    """True when the line holding `char` starts with a URL (a quoted source address: its
    digits are the address, not dates the article states)."""
    start = text.rfind("\n", 0, char) + 1
    return text[start:start + 12].lstrip().lower().startswith(_URL)


def body_start(text: str) -> int:
    """Where the article's body begins: after any leading URL lines."""
    pos = 0
    while pos < len(text) and url_line(text, pos):
        nxt = text.find("\n", pos)
        if nxt < 0:
            return len(text)
        pos = nxt + 1
    return pos


def stated_year(t: dict[str, Any]) -> int | None:
    """The calendar year a time expression spells out ("May 24, 2005", "in 2012"), not a
    year a relative date took from the publication date."""
    m = _YEAR.match(str(t.get("value") or ""))
    return int(m[1]) if m and m[1] in (t.get("text") or "") else None


def lead_calendar(rec: dict[str, Any]) -> dict[str, list[int]]:
    """{"years", "months", "weekdays"} the time expressions of the article's lead state
    (the first CALENDAR_LEAD_CHARS of its body), URL lines left out; "years" holds only the
    latest stated year (the article's own; older ones are background it recalls)."""
    text = (rec.get("article") or {}).get("text") or ""
    start = body_start(text)
    out: dict[str, set[int]] = {f: set() for f in FIELDS}
    for t in rec.get("times") or []:
        pos = t.get("start")
        if not isinstance(pos, int) or pos < start or pos - start > CALENDAR_LEAD_CHARS or url_line(text, pos):
            continue
        value = str(t.get("value") or "")
        year = stated_year(t)
        if year is not None:
            out["years"].add(year)
        if m := _MONTH.match(value):
            out["months"].add(int(m[1]))
        if m := _WEEKDAY.match(value):
            out["weekdays"].add(int(m[1]))
    if out["years"]:
        out["years"] = {max(out["years"])}
    return {f: sorted(v) for f, v in out.items()}


def add_calendar(e: dict[str, Any], m: dict[str, Any]) -> dict[str, Any]:
    """Story profile `e` with article `m`'s lead calendar counted in (in place):
    {"years": {"2005": n articles}, "months": {...}, "weekdays": {...}}."""
    cal = m.get("calendar") or {}
    if any(cal.get(f) for f in FIELDS):
        have = e.get("calendar") or {}
        merged = {}
        for f in FIELDS:
            c = Counter(have.get(f) or {})
            c.update(str(v) for v in cal.get(f) or [])
            merged[f] = dict(c.most_common(MAX_CALENDAR_YEARS))
        e["calendar"] = merged
    return e


def _month_gap(a: int, b: int) -> int:
    d = abs(a - b) % 12
    return min(d, 12 - d)


def _support(theirs: dict[str, Any], field: str) -> float:
    """How much a story's statements of `field` weigh: one article's lead is half the
    evidence (a background date, a slip of the time tagger), two make it full."""
    return min(1.0, sum((theirs.get(field) or {}).values()) / CALENDAR_SUPPORT)


def calendar_signal(m: dict[str, Any], e: dict[str, Any]) -> float:
    """Calendar evidence of an undated article `m` against story `e`, in fields: for each of
    year / month / weekday stated on both sides with nothing in common (months: none within
    MONTH_GAP − 1; years: not when the article's is more than BACKGROUND_YEARS older than the
    story's latest, see the module docstring), minus the story's support for it (_support,
    at most 1); +CALENDAR_AGREE
    for a shared year and for a shared month. 0 when date_signal can place the article
    against the story (both have a day: the article's publication day, the story's blocking
    day) or when the sides state nothing comparable. A publication date taken from the
    article's own stamp does not exempt it from a story with no day at all (undated
    reports): then only the leads' calendars can compare."""
    if m.get("published_day") is not None and e.get("block_day") is not None:
        return 0.0
    mine, theirs = m.get("calendar") or {}, e.get("calendar") or {}
    s = 0.0
    my, ey = set(mine.get("years") or []), {int(y) for y in theirs.get("years") or {}}
    if my and ey:
        if my & ey:
            s += CALENDAR_AGREE
        elif max(my) >= max(ey) - BACKGROUND_YEARS:
            s -= _support(theirs, "years")
    mm, em = set(mine.get("months") or []), {int(x) for x in theirs.get("months") or {}}
    if mm and em:
        gap = min(_month_gap(a, b) for a in mm for b in em)
        s += CALENDAR_AGREE if gap == 0 else -_support(theirs, "months") if gap >= MONTH_GAP else 0.0
    mw, ew = set(mine.get("weekdays") or []), {int(x) for x in theirs.get("weekdays") or {}}
    if mw and ew and not mw & ew:
        s -= _support(theirs, "weekdays")
    return s
