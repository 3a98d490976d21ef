"""Surnames are not towns (helper of places): an article that names "Gavin Stiles" or "Tuwanna
Copeland" goes on to call the person "Stiles" or "Copeland", and the gazetteer knows a small
town of that name somewhere. A one-word toponym that is the last word of a person's full name
in the same article is that person, unless it is a big city ("Jackson" of "Senquez Jackson"
stays Jackson, Mississippi when the article places it so; a state or province of a million
people stays too, a small department, "Maldonado" of "Miguel Maldonado", does not) or written as a place on purpose
(a dateline, "Town, State", a chain) or anywhere after "in", "near", "at", "outside". A two-word name counts as a person's when NER says so,
or when neither the whole nor its first word is a place name ("Samyah Copeland" tagged GPE).
"""

from __future__ import annotations

import re

from ..model import Entity
from .gazetteer import gazetteer
from .place_mentions import Mention
from .place_resolve import prior

BIG_CITY = 100_000
BIG_AREA = 1_000_000  # a first-level area smaller than this ("Maldonado", Uruguay) is a surname's namesake


def _full_names(ents: list[Entity]) -> set[str]:
    out = set()
    for e in ents:
        words = e.text.split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
            continue
        if e.label == "PERSON" or e.label in ("GPE", "FAC", "LOC") and not gazetteer().known(e.text) \
                and not gazetteer().lookup(words[0]):
            out.add(words[-1])
    return out


def _well_known(name: str, ccs: frozenset[str] = frozenset()) -> bool:
    """A country, a state or a big city of that name (its surname readings aside). A name
    that is only another spelling of a first-level area ("Knarr" of Kunar) is not one; a
    country's or a big city's other names ("D.C.") are. `ccs`: the countries the article's
    other places lie in; a big city or an area in none of them is no reading of the surname
    ("Maldonado" of "Miguel Maldonado" in a New York story)."""
    cands = gazetteer().lookup(name)
    # an acronym ("US") is not the town spelled like it (Us, France)
    exact = [c for c in cands if c.name.lower() == name.lower() and not (name.isupper() and c.name != name)]
    if not exact:
        return any(c.feature == "country" or c.feature == "city" and c.population >= BIG_CITY for c in cands[:1])
    return any(c.feature == "country" or (not ccs or c.country_code in ccs) and (
        c.feature == "city" and c.population >= BIG_CITY
        or c.feature != "city" and not 0 < c.population < BIG_AREA) for c in exact)


def _countries(ms: list[Mention], surnames: set[str]) -> frozenset[str]:
    """The countries of the likeliest readings of the article's other place names."""
    out = set()
    for m in ms:
        if m.kind == "toponym" and m.text not in surnames and (cands := gazetteer().lookup(m.text)):
            out.add(max(cands, key=lambda c: prior(c, m.text)).country_code)
    return frozenset(out)


def drop_surnames(ms: list[Mention], ents: list[Entity], text: str) -> list[Mention]:
    surnames = _full_names(ents)
    # a name the article also writes as a place ("shot in Wylam", "in north Stockton") is a town there
    if surnames:  # one pass over the text for all of them (a long text has thousands)
        alternation = "|".join(sorted(map(re.escape, surnames), key=len, reverse=True))
        placed = set(re.findall(r"\b(?:in|near|outside|at)\s+(?:(?:north|south|east|west|northern|southern|eastern"
                                r"|western|downtown|central)\s+)?(" + alternation + r")\b", text))
        surnames = {w for w in surnames if w not in placed}
    if not surnames:
        return ms
    keep = []
    ccs = _countries(ms, surnames)
    for m in ms:
        if m.kind == "toponym" and m.text in surnames and not (m.dateline or m.within or m.chain or m.qualifies) \
                and not _well_known(m.text, ccs):
            continue
        keep.append(m)
    return keep


def area_named(name: str) -> bool:
    """A "person" of two or more words named exactly as a country or first-level area ("Tamil
    Nadu on Saturday moved the Supreme Court"): no person has such a name (one-word names do:
    Georgia, Victoria)."""
    return len(name.split()) >= 2 and any(
        c.feature in ("admin1", "country") and c.name.lower() == name.lower() for c in gazetteer().lookup(name))
