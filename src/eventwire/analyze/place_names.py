"""Well-known place names the NER missed ("Tunis", "TORONTO", "Tamil Nadu" inside an ORG span).

One case-insensitive trie regex over the names that are safe to take on sight: countries (and
their aliases), regions and continents, admin1 areas by their primary name, and cities of at
least 500,000 people by their primary name, and the hand-kept press spellings of both
(place_supplement.csv: "Hodeidah"). A match must be capitalised like a name.
"""

from __future__ import annotations

from functools import lru_cache

from .aliases import FoldedTrie
from .gazetteer import gazetteer, norm

MIN_CITY = 500_000
# words of names that are also ordinary capitalised words at a sentence start or in titles
_SKIP = frozenset({"china", "turkey", "chad", "jordan", "georgia", "victoria", "nice", "mobile",
                   "reading", "split", "male", "bath", "march", "may", "independence", "union",
                   "republic", "federal", "national", "central", "northern", "southern", "eastern",
                   "western", "capital", "centre", "center", "south", "north", "east", "west",
                   "river", "bay", "coast", "valley", "islands", "island", "lake", "mountain",
                   "santa", "san", "saint", "city", "delta", "sahel", "java"})


@lru_cache(maxsize=1)
def _regex() -> FoldedTrie | None:
    g = gazetteer()
    names: set[str] = set()
    for key, ids in g._index.items():
        if not key.isascii() or key in _SKIP or len(key) < 2:
            continue
        c = g._cand(ids[0])
        if c.feature in ("country", "region"):
            names.add(key)
        elif c.feature == "admin1" and norm(c.name) == key and len(key) > 3:
            names.add(key)
        elif c.feature == "city" and c.population >= MIN_CITY and norm(c.name) == key:
            names.add(key)
        elif key in g.press_names and len(key) > 3:  # "Hodeidah" (place_supplement.csv)
            names.add(key)
    return FoldedTrie.of(names)


def _looks_like_name(s: str) -> bool:
    words = s.replace("-", " ").split()
    if len(s) <= 3:
        return s.isupper()  # "US", "UAE", "NSW" but never "us", "Uae"
    return words[0][:1].isupper() and all(w[:1].isupper() for w in words if len(w) > 3)


def find(text: str) -> list[tuple[int, int]]:
    """(start, end) of every safe place name in the text."""
    rx = _regex()
    if rx is None:
        return []
    return [(s, e) for s, e in rx.spans(text) if _looks_like_name(text[s:e])]
