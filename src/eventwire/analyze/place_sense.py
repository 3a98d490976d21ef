"""One sense per discourse: a town name an article qualifies once means that town throughout.

"killed in Charlestown, Indiana ... services will be held in Charlestown": the bare mentions
name the town the qualified one placed, not a likelier namesake elsewhere. Only when every
"Town, Area" pair of the name agrees (an article that writes both "Portland, Maine" and
"Portland, Ore." leaves its bare "Portland" as resolved). An area followed by a county word
("in Chester, Delaware County") is a county of that name, not the state: no evidence here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from ..geo import distance_km
from .gazetteer import Candidate, gazetteer, norm
from .place_resolve import AMONG_STATES_GAP, Context, capitals, state_among_states

if TYPE_CHECKING:
    from .place_mentions import Mention


_SUBUNIT = re.compile(r"\s(?:County|Parish|Borough|Township|county|parish|borough|township)\b")


def _town(m: Mention) -> bool:
    # a town the gazetteer lacks, placed at its qualifier's state ("Bucksport, SC"), is a reading too
    return m.kind == "toponym" and m.cand is not None and (not m.approx or m.within is not None) \
        and m.cand.feature == "city"


def _qualified(m: Mention, ms: list[Mention], text: str) -> bool:
    return m.within is not None and not any(q.qualifies is m and _SUBUNIT.match(text, q.end) for q in ms)


WEAK_OVER = 100_000


def one_sense(ms: list[Mention], text: str) -> None:
    """Bare mentions of a name take the reading of its qualified mentions when these agree."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in ms:
        if _town(m):
            groups[norm(m.text)].append(m)
    for group in groups.values():
        if all(m.within is None for m in group):
            continue
        qualified = {m.cand for m in group if _qualified(m, ms, text)}
        if len(qualified) != 1:
            continue
        (reading,) = qualified
        assert isinstance(reading, Candidate)
        # a town placed at its state for want of data does not outweigh a big city of the name
        weak = any(m.approx and m.cand is reading for m in group)
        for m in group:
            if weak and m.cand is not None and m.cand.population >= WEAK_OVER:
                continue
            if m.within is None and m.chain is None and m.cand != reading:
                m.cand = reading


FAR_KM = 300  # a small town this far from the story's own town, in another state ...
STRAY_SIZE = 100_000  # ... and under this size ...


def _stray(m: Mention, home: Candidate, ctx: Context) -> bool:
    c = m.cand
    if m.kind != "toponym" or c is None or m.approx or m.dateline or m.within or m.chain \
            or m.role != "location" or c.feature != "city" or c.country_code != home.country_code \
            or c.admin1 == home.admin1 or c.population >= STRAY_SIZE:
        return False
    if ctx.admin1.get((c.country_code, c.admin1), 0) > 0.5 or (c.country_code, norm(c.name)) in capitals():
        return False  # the article names that state (a lone town adds half a point for itself)
    if distance_km(c.lat, c.lon, home.lat, home.lon) < FAR_KM:
        return False
    return not any(x.country_code == home.country_code and x.admin1 == home.admin1
                   for x in gazetteer().lookup(m.text))


def strays(ms: list[Mention], ctx: Context) -> None:
    """... is a place of the story's own town when it is the article's only name outside the
    town's state, nothing else names its state and that state has no place of the name:
    "(Cincinnati, OH) -- shot in Westwood" is Cincinnati's Westwood, not the Massachusetts
    town. The story's town is its dateline or first "Town, State" pair, in the US, where local
    news rarely qualify a quarter or a nearby village; a story that leaves the state for other
    towns too (a trip, a national round-up) is left alone."""
    home = next((m.cand for m in ms if m.kind == "toponym" and (m.dateline or m.within) and not m.approx
                 and m.cand is not None and m.cand.feature == "city" and m.cand.admin1), None)
    if home is None or home.country_code != "US":
        return
    away = {norm(m.text) for m in ms if m.kind == "toponym" and m.cand is not None and not m.approx
            and m.cand.feature in ("city", "admin1") and m.cand.country_code == home.country_code
            and m.role != "embedded"
            and (m.cand.admin1 if m.cand.feature == "city" else m.cand.name) != home.admin1}
    if len(away) != 1:
        return
    for m in ms:
        if _stray(m, home, ctx):  # placed at the town, approximately (the data lack the place)
            m.cand = Candidate(m.text, None, home.lat, home.lon, home.country_code, home.admin1, "city", 0)
            m.approx = True


def areas_among_areas(ms: list[Mention]) -> None:
    """"... and one case in Ohio. New York has confirmed 28": see place_resolve.state_among_states."""
    seen: list[Mention] = []
    for m in ms:
        if m.kind != "toponym" or m.role == "embedded":
            continue
        near = [o.cand for o in seen[-2:] if m.start - o.end < AMONG_STATES_GAP]
        if not (m.within or m.chain or m.dateline or m.approx) and \
                (area := state_among_states(m.cand, m.text, near)) is not None:
            m.cand = area
        seen.append(m)
