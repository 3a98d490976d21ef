"""Spatial minimality: a namesake town near the article's other, surely placed towns.

Local news name the towns around the one they are about ("Park & Ride from Centreville to the
Vienna Metro", "grew up in Oceanside ... a ferry to Fire Island"): among namesakes that the
population prior and the country/state context leave close, the one lying near a town the
article places without doubt is meant. Anchors are only the sure places (a name with one place,
a "Town, State" pair, the dateline, or a clear winner), so that two wrong guesses cannot prop
each other up (Manchester, New Hampshire and Colchester, Vermont).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..geo import distance_km
from .gazetteer import gazetteer, norm
from .place_resolve import Context, score

if TYPE_CHECKING:
    from .place_mentions import Mention

SAME_PLACE_KM = 50  # namesakes closer than this are one place for this purpose
CLEAR = 2.0  # a winner by this many points is sure


def anchors(ms: list[Mention], ctx: Context) -> bool:
    """Fill `ctx.anchors` with the article's surely placed towns and `ctx.towns` with all the
    towns placed so far; True when some town was a close call worth resolving again."""
    found: dict[str, tuple[float, float]] = {}
    unsure = False
    for m in ms:
        c = m.cand
        if m.kind != "toponym" or c is None or m.approx or c.feature != "city" or m.role == "embedded":
            continue
        key = norm(m.text)
        ctx.towns.setdefault(key, c)
        if key in found:
            continue
        if m.within or m.dateline or _sure(m.text, c, ctx):
            found[key] = (c.lat, c.lon)
        else:
            unsure = True
    ctx.anchors = list(found.items())
    return unsure


def _sure(name: str, c, ctx: Context) -> bool:  # noqa: ANN001 - a Candidate
    others = [o for o in gazetteer().lookup(name) if o.feature in ("city", "admin1")
              and distance_km(o.lat, o.lon, c.lat, c.lon) > SAME_PLACE_KM]
    if not others:
        return True
    mine = score(c, name, ctx)
    return all(mine - score(o, name, ctx) >= CLEAR for o in others)
