"""Venues and strong names: the town a venue lies in, and names well known enough to be
places even inside another name (helpers of the places layer, see places.py)."""

from __future__ import annotations

import re

from .gazetteer import Candidate, gazetteer, norm
from .place_mentions import Mention
from .place_resolve import Context, best
from .place_roles import lex


def strong(c: Candidate, surface: str) -> bool:
    """A name well known enough to be a place even inside another name."""
    if c.feature in ("country", "region"):
        return True
    if c.feature == "admin1" and surface.isupper() and len(surface) <= 4:
        return True  # "NSW", "BC"
    return norm(c.name) == norm(surface) and (c.feature == "admin1" or c.population >= 200_000)


def venue_city(ms: list[Mention], i: int, ctx: Context | None = None) -> Candidate | None:
    """The city a venue is in: the next place within a few words ("X Hall in Y"), else the
    nearest earlier one, else the dateline, else the article's main city, else the town a
    local institution is named after."""
    v = ms[i]
    for m in ms[i + 1:]:
        if m.start - v.end > 40:
            break
        if m.cand and m.kind == "toponym" and m.cand.feature in ("city", "admin1", "region"):
            return m.cand
    words = {norm(w) for w in v.text.split()[:-1]}
    for m in ms:  # "Florence County Detention Center" after the "FLORENCE, S.C." dateline
        if m.cand and m.kind == "toponym" and m.cand.feature != "country" and norm(m.text) in words:
            return m.cand
    inside = [c for w in v.text.split()[:-1] if w.lower() not in lex()["not"]
              for c in gazetteer().lookup(w)[:1] if strong(c, w) and c.feature in ("admin1", "region")]
    if inside:
        return inside[0]  # "Colorado State University"
    for m in ms:
        if m.dateline and m.cand:
            return m.cand
    cities = [m.cand for m in ms if m.cand and m.kind == "toponym" and m.role == "location"
              and m.cand.feature == "city"]
    if cities:  # the article's main city: a local venue is most likely there
        return max(cities, key=lambda c: (cities.count(c), -cities.index(c)))
    return _named_after_town(v, ctx)


# Local institutions carry their town's name ("Salina Regional Health Center", "Rupert Gun
# Range", "Medina High School"); a memorial or a person's name is less likely before these.
_LOCAL = re.compile(r"\b(?:Regional|Medical Center|Health Center|High School|Middle School|"
                    r"Police|Patrol|Gun Range|Hiking Trail|City Hall|Fire Department)\b")


def _named_after_town(v: Mention, ctx: Context | None) -> Candidate | None:
    """Last resort, for a story that names no town at all: the town a local institution is
    named after, when the gazetteer knows a town of exactly that name."""
    m = _LOCAL.search(v.text)
    if ctx is None or not m or m.start() == 0:
        return None
    name = v.text[:m.start()].strip()
    if not name or len(name.split()) > 2:
        return None
    cands = tuple(c for c in gazetteer().lookup(name) if c.feature == "city" and norm(c.name) == norm(name))
    return best(cands, name, ctx) if cands else None
