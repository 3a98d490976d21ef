"""Roles of place mentions: location, actor (metonymy), demonym, embedded.

Read from the parse and small lexicons (data/gazetteer/places.toml): a place that is the subject
of a speech or action verb, the possessor of a policy or the modifier of "officials" stands for
its state or people ("Moscow said", "Japan's policy", "US officials"); a dateline, a place with
its own police, or the object of "in"/"at" stays a location.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .places import Mention

DATA = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "places.toml"
POLICE = re.compile(r"(?:'s)?\s+(?:police|Police|PD|sheriff|Sheriff|officers)\b")
_ACCORDING = re.compile(r"(?:according to|in the eyes of)\s+$", re.I)


@lru_cache(maxsize=1)
def lex() -> dict[str, frozenset[str]]:
    with open(DATA, "rb") as fh:
        raw = tomllib.load(fh)
    verbs: set[str] = set()
    for v in raw["actor_verbs"]:
        stem = v[:-1] if v.endswith("e") else v
        verbs |= {v, v + "s", v + "es", v + "d", v + "ed", stem + "ed", stem + "ing", v + "ing"}
        if v.endswith("y"):
            verbs |= {v[:-1] + "ies", v[:-1] + "ied"}
    verbs |= {"said", "told", "sent", "thought", "sought", "hit", "fought", "led"}
    obj: set[str] = set()
    for v in raw["actor_object_verbs"]:
        stem = v[:-1] if v.endswith("e") else v
        obj |= {v, v + "s", v + "d", v + "ed", stem + "ed", stem + "ing", v + "ing"}
    obj |= {"saw", "seen", "sees"}
    out = {k: frozenset(raw[k]) for k in ("location_subject_verbs", "location_nouns", "actor_nouns",
                                          "relation_nouns", "stance_nouns")}
    return {"venue": frozenset(raw["venue_heads"]), "org_venue": frozenset(raw["org_venue_heads"]),
            "site_words": frozenset(raw["site_words"]), "local_site": frozenset(raw["local_site_nouns"]),
            "verbs": frozenset(verbs), "not": frozenset(raw["not_places"]), "obj": frozenset(obj),
            **out}


_AFFILIATION = re.compile(r"-(?:aligned|backed|allied|led|funded|sponsored|supported|linked|affiliated|"
                          r"controlled|run|friendly|leaning|loyal)\b", re.I)


def role(doc: Any, text: str, m: Mention) -> str:
    if m.kind == "demonym" or m.role == "embedded":
        return m.role
    if m.dateline:
        return "location"
    if POLICE.match(text, m.end):
        return "location"  # "Dallas police", "according to Reno Police": the city's own force
    if _ACCORDING.search(text[max(0, m.start - 20):m.start]) or _AFFILIATION.match(text, m.end):
        return "actor"  # ("Iran-aligned Houthis": whose side, not where)
    stance = re.search(r"(\w+)\s+(?:with|of|against|on|for)\s+(?:the\s+)?$", text[max(0, m.start - 40):m.start])
    if stance and stance.group(1).lower() in lex()["stance_nouns"]:
        return "actor"  # "in solidarity with X" even when the parse hangs "with" elsewhere
    if doc is None:
        return "location"
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return "location"
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:  # "Washington and Moscow said"
        root = root.head
    return _dep_role(root, m)


def _dep_role(root: Any, m: Mention) -> str:
    """Metonymy from the parse: where the place's head word sits says what it stands for."""
    lx, head, dep = lex(), root.head, root.dep_
    if m.kind == "venue":
        return "location"
    if dep == "nsubj" and head.pos_ in ("VERB", "AUX"):
        # "Turkey has shelled", "Moscow claims": a place doing something is its state
        if head.lower_ in lx["verbs"] or head.lower_ not in lx["location_subject_verbs"]:
            return "actor"
    if dep == "dobj" and head.lower_ in lx["obj"]:
        return "actor"
    if dep == "poss" and head.lower_ not in lx["location_nouns"] and not head.ent_type_:
        return "actor"  # "Japan's rigorous market access", "Russia's position"
    if dep in ("compound", "amod", "nmod") and head.lower_ in lx["actor_nouns"]:
        return "actor"  # "US officials", "Illinois lawmakers"
    if dep == "pobj":
        prep = head
        if prep.lower_ == "by" and prep.head.pos_ == "VERB":
            return "actor"  # "shelled by Turkey"
        if prep.lower_ in ("with", "between", "against") and prep.head.lower_ in lx["relation_nouns"]:
            return "actor"
        if prep.lower_ in ("of", "against", "with", "on", "for") and prep.head.lower_ in lx["stance_nouns"]:
            return "actor"  # "solidarity with X", "the invasion of X": the state a stance is about
    return "location"


