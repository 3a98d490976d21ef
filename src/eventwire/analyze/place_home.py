"""A namesake abroad in an article plainly set in one country is a local place the gazetteer
does not know.

The gazetteer holds towns of 1,000 people and more: a village, a quarter or a hamlet of the
country an article is about is often missing from it, while a town of that name exists
elsewhere ("Kin village, Madaya township (Mandalay region)" is not Kingston, Jamaica). When the
article's evidence (its outlet's stated country, its areas, its surely placed towns) points at
one country by a wide margin, and that country has no place of the name at all, a small town
(or a big one known only by an alternate name) abroad is not what the text means: the mention
is placed approximately in the home country instead, at the first-level area the article
names most, else at the country.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from typing import TYPE_CHECKING

from .gazetteer import Candidate, gazetteer, norm
from .place_resolve import Context, capitals

if TYPE_CHECKING:
    from .place_mentions import Mention

NEAR = 100  # characters around a mention within which its qualifying areas are named
LOCAL_MIN = 1.5  # evidence for the home country there (an area and a town, or two areas) ...
OUTLET_MIN = 1.0  # ... or less when the outlet states that country
HOME_SHARE = 2.0  # and twice the evidence there for all other countries
SMALL = 50_000  # a town abroad under this size is no place an article names without context
_BREAK = re.compile(r"[.!?]\s|\n")


def _evidence(m: Mention) -> tuple[str, float] | None:
    """What a resolved mention says about where the story is set: an area, a town qualified
    by its area, a dateline or a town of one name count fully, other towns half. A country's
    own name is mostly the story's topic ("a rally in support of Ukraine"), not its setting."""
    c = m.cand
    if m.kind != "toponym" or c is None or not c.country_code or c.feature not in ("city", "admin1"):
        return None
    if m.approx and not (m.chain or m.within):
        return None  # a place this rule moved is no evidence for the next one
    sure = m.within or m.chain or m.dateline or c.feature == "admin1" or len(gazetteer().lookup(m.text)) == 1
    return c.country_code, 1.0 if sure else 0.5


def home_country(m: Mention, ms: list[Mention], ctx: Context, text: str) -> str | None:
    """The one country that the places named around `m` in its sentence ("Kin village, Madaya
    township (Mandalay region)") point at, with little there for another country."""
    key = norm(m.text)
    near: Counter = Counter()
    for n in ms:
        if n is m or norm(n.text) == key or abs(n.start - m.start) > NEAR:
            continue
        a, b = sorted((m.end, n.start)) if n.start >= m.end else sorted((n.end, m.start))
        if _BREAK.search(text, a, b):
            continue  # another sentence
        ev = _evidence(n)
        if ev is not None:
            near[ev[0]] += ev[1]
    if not near:
        return None
    (cc, w), = near.most_common(1)
    if w < HOME_SHARE * (sum(near.values()) - w):
        return None
    return cc if w >= LOCAL_MIN or (w >= 0.5 and ctx.outlet == cc and w + OUTLET_MIN >= LOCAL_MIN) else None


def _area(home: str, ctx: Context) -> Candidate | None:
    """The home country's first-level area the article names most, else the country itself."""
    named = [(w, a1) for (cc, a1), w in ctx.admin1.items() if cc == home and w > 0]
    if named:
        _, a1 = max(named)
        for c in gazetteer().lookup(a1):
            if c.feature == "admin1" and c.country_code == home and c.name == a1:
                return c
    return gazetteer().country(home)


def foreign_namesake(m: Mention, home: str) -> bool:
    """Is the mention's place a namesake abroad that a story set in `home` does not mean?"""
    c = m.cand
    if m.kind != "toponym" or c is None or m.approx or m.dateline or m.within or m.chain \
            or m.role != "location" or c.feature != "city" or c.country_code in (None, home):
        return False
    if (c.country_code, norm(c.name)) in capitals():
        return False  # "Tripoli", "Minsk": a capital is meant even by a story set next door
    if c.population >= SMALL:
        return False  # a big town is a real mention of a place abroad
    return not any(x.country_code == home for x in gazetteer().lookup(m.text))


def bring_home(ms: list[Mention], ctx: Context, text: str) -> None:
    """Place the foreign namesakes qualified by home areas inside that country."""
    # each mention looks only at those within NEAR of it: by start, in the list's order
    by_start = sorted(range(len(ms)), key=lambda i: ms[i].start)
    starts = [ms[i].start for i in by_start]
    for m in ms:
        if m.kind != "toponym" or m.cand is None or m.approx or m.cand.feature != "city":
            continue
        lo, hi = bisect_left(starts, m.start - NEAR), bisect_right(starts, m.start + NEAR)
        home = home_country(m, [ms[i] for i in sorted(by_start[lo:hi])], ctx, text)
        if home is None or not foreign_namesake(m, home):
            continue
        spot = _area(home, ctx)
        if spot is None:
            continue
        a1 = spot.name if spot.feature == "admin1" else None
        m.cand = Candidate(m.text, None, spot.lat, spot.lon, home, a1, "city", 0)
        m.approx = True
