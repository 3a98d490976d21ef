"""Surnames are not towns (helper of places): an article that names "Gavin Stiles" or "Tuwanna
Copeland" goes on to call the person "Stiles" or "Copeland", and the gazetteer knows a small
town of that name somewhere. A one-word toponym that is the last word of a person's full name
in the same article is that person, unless it is a big city ("Jackson" of "Senquez Jackson"
stays Jackson, Mississippi when the article places it so) or written as a place on purpose
(a dateline, "Town, State", a chain) or anywhere after "in", "near", "at", "outside". A two-word name counts as a person's when NER says so,
or when neither the whole nor its first word is a place name ("Samyah Copeland" tagged GPE).
"""

from __future__ import annotations

import re

from ..model import Entity
from .gazetteer import gazetteer
from .place_mentions import Mention

BIG_CITY = 100_000


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


def _well_known(name: str) -> bool:
    """A country, a state or a big city of that name (its surname readings aside). A name
    that is only another spelling of a first-level area ("Knarr" of Kunar) is not one; a
    country's or a big city's other names ("D.C.") are."""
    cands = gazetteer().lookup(name)
    # an acronym ("US") is not the town spelled like it (Us, France)
    exact = [c for c in cands if c.name.lower() == name.lower() and not (name.isupper() and c.name != name)]
    if not exact:
        return any(c.feature == "country" or c.feature == "city" and c.population >= BIG_CITY for c in cands[:1])
    return any(c.feature != "city" or c.population >= BIG_CITY for c in exact)


def drop_surnames(ms: list[Mention], ents: list[Entity], text: str) -> list[Mention]:
    surnames = _full_names(ents)
    # a name the article also writes as a place ("shot in Wylam") is a town there
    if surnames:  # one pass over the text for all of them (a long text has thousands)
        alternation = "|".join(sorted(map(re.escape, surnames), key=len, reverse=True))
        placed = set(re.findall(r"\b(?:in|near|outside|at)\s+(" + alternation + r")\b", text))
        surnames = {w for w in surnames if w not in placed}
    if not surnames:
        return ms
    keep = []
    for m in ms:
        if m.kind == "toponym" and m.text in surnames and not (m.dateline or m.within or m.chain or m.qualifies) \
                and not _well_known(m.text):
            continue
        keep.append(m)
    return keep


def area_named(name: str) -> bool:
    """A "person" of two or more words named exactly as a country or first-level area ("Tamil
    Nadu on Saturday moved the Supreme Court"): no person has such a name (one-word names do:
    Georgia, Victoria)."""
    return len(name.split()) >= 2 and any(
        c.feature in ("admin1", "country") and c.name.lower() == name.lower() for c in gazetteer().lookup(name))
