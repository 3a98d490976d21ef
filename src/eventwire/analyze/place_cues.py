"""What the words around a toponym say about its kind: area or town, which country.

A name of several places ("New York", "Washington", "Georgia") is a first-level area when the
text says so: "New York state", "the state of Washington", "New York Governor" (a governor
heads a first-level area, not a city), or a list of areas ("Texas and
Georgia", "Utah, Washington and Wisconsin"); it is a country in a list of countries ("Armenia,
Azerbaijan, Georgia"). "The city of Sao Paulo" is the city, not the state. Each cue sets `Mention.kind_of` = (feature, country code or None), which
place_resolve.best honours when a candidate of that kind exists.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .gazetteer import Candidate, gazetteer, norm
from .place_resolve import Context, best

if TYPE_CHECKING:
    from .place_mentions import Mention

_STATE_AFTER = re.compile(r"\s+(?:state\b(?!\s+(?:university|college|police|park|department))|[Gg]overnor\b)")
_STATE_BEFORE = re.compile(r"\b(?:[Ss]tate|[Pp]rovince|[Gg]overnor)\s+of\s+(?:the\s+)?$")
# what may stand between two items of a list: "A, B", "A and B", "A, B, and C", "A or B", "A/B"
_CITY_AFTER = re.compile(r"\s+city\b")
_CITY_BEFORE = re.compile(r"\b(?:[Cc]ity|[Tt]own)\s+of\s+$")
LIST_GAP = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*/\s*)$")


def apply(text: str, ms: list[Mention]) -> None:
    """Set `kind_of` on the mentions whose words or list neighbours say what they are."""
    tops = [m for m in ms if m.kind == "toponym" and not m.dateline and m.role != "embedded"]
    for m in tops:
        if _CITY_AFTER.match(text, m.end) or _CITY_BEFORE.search(text[max(0, m.start - 12):m.start]):
            if any(c.feature == "city" for c in gazetteer().lookup(m.text)):
                m.kind_of = ("city", None)  # "the city of Sao Paulo", "Quebec city"
                continue
        if _STATE_AFTER.match(text, m.end) or _STATE_BEFORE.search(text[max(0, m.start - 20):m.start]):
            cands = gazetteer().lookup(m.text)
            if any(c.feature == "admin1" for c in cands):
                m.kind_of = m.kind_of or ("admin1", None)
    for group in _lists(text, tops):
        # a list may open with towns and go on with areas ("New York City, Long Island, New
        # York, Pennsylvania and New Jersey"): its longest tail of such areas counts
        any(_list_kind(group[i:]) for i in range(len(group) - 1))
    # one sense per article: a name once marked as the state stays the state ("New York state
    # ... died in New York")
    kinds: dict[str, set] = {}
    for m in tops:
        if m.kind_of:
            kinds.setdefault(norm(m.text), set()).add(m.kind_of)
    for m in tops:
        seen = kinds.get(norm(m.text))
        if m.kind_of is None and seen and len(seen) == 1:
            m.kind_of = next(iter(seen))


def _lists(text: str, ms: list[Mention]) -> list[list[Mention]]:
    """Runs of adjacent toponyms joined only by commas, "and", "or" or a slash."""
    ms = sorted(ms, key=lambda m: m.start)
    out: list[list[Mention]] = []
    run: list[Mention] = []
    for m in ms:
        if run and LIST_GAP.match(text[run[-1].end:m.start]):
            run.append(m)
            continue
        if len(run) >= 2:
            out.append(run)
        run = [m]
    if len(run) >= 2:
        out.append(run)
    return out


def _list_kind(group: list[Mention]) -> bool:
    """A list whose every member can be a first-level area of one country (or a country), and
    at least one of which is read as such on its own ("Texas"), is a list of such areas
    (countries): the ambiguous members are read the same way. "Washington, New York and Boston"
    is not a list of states: Boston can only be a city, and neither of the others is a state
    on its own (their namesake cities are what news mean)."""
    cands = [gazetteer().lookup(m.text) for m in group]
    if any(not cs for cs in cands):
        return False
    kinds: list[tuple[str, str | None]] = []
    for cc in sorted({c.country_code for c in cands[0] if c.feature == "admin1"}):
        kinds.append(("admin1", cc))
    if any(c.feature == "country" for c in cands[0]):
        kinds.append(("country", None))
    for kind in kinds:
        fits = [[c for c in cs if _fits(c, kind)] for cs in cands]
        if not all(fits):
            continue
        anchored = sum(1 for m, cs in zip(group, cands, strict=True)
                       if (alone := best(cs, m.text, Context())) is not None and _fits(alone, kind))
        if anchored == 0:
            continue
        for m in group:
            m.kind_of = m.kind_of or kind
            m.chain = m.within = None  # "in Washington, Pennsylvania and California": no town
        return True
    return False


def _fits(c: Candidate, kind: tuple[str, str | None]) -> bool:
    feature, cc = kind
    return c.feature == feature and (cc is None or c.country_code == cc)


_WORD = r"[A-Z][\w.'’-]*"
_LIST_BEFORE = re.compile(rf"((?:{_WORD}\s)*{_WORD})(?:,\s*|\s+and\s+|\s+or\s+)$")
_LIST_AFTER = re.compile(rf"(?:,?\s+(?:and|or)\s+|,\s*)({_WORD}(?:\s{_WORD}){{0,2}})")


def listed(text: str, s: int, e: int) -> bool:
    """A "Town, Area" pair text[s:e] inside a list of place names: the area may be the next
    item ("Miami, West Palm Beach, New York and Detroit"); a date after it is no list item."""
    b = _LIST_BEFORE.search(text[max(0, s - 40):s])
    a = _LIST_AFTER.match(text, e)
    return any(_known_tail(m.group(1), last) for m, last in ((b, True), (a, False)) if m)


def _known_tail(words: str, last: bool) -> bool:
    """Some run of the words ending (last) or starting (not last) the string is a place name."""
    ws = words.split()
    runs = [ws[i:] for i in range(len(ws))] if last else [ws[:i + 1] for i in range(len(ws))]
    # "..., and New Jersey. The": a full stop may end the last item of the list
    return any(gazetteer().known(" ".join(r)) or gazetteer().known(" ".join(r).rstrip(".")) for r in runs)


def named_in(cands: tuple[Candidate, ...], name: str, cc: str | None, a1: str | None) -> bool:
    """A place of exactly that primary name lies in the area (not a town known by it as an
    alternate name: Watervliet, New York, is also "Washington")."""
    return any(norm(c.name) == norm(name) and c.country_code == cc and a1 in (None, c.admin1)
               for c in cands)


def area_kind(cands: tuple[Candidate, ...], cc: str | None) -> tuple[str, str | None] | None:
    """The kind of a name that qualifies a town: that country, else a first-level area of it
    ("Mosul, Iraq" is the country, "Buffalo, New York" the state, "Colon, Panama" the country)."""
    for feature in ("country", "admin1"):
        if any(c.feature == feature and c.country_code == cc for c in cands):
            return (feature, cc)
    return None


def narrow(cands: tuple[Candidate, ...], kind: tuple[str, str | None] | None) -> tuple[Candidate, ...]:
    """The candidates of the kind the cues ask for, when there are any."""
    if kind is None:
        return cands
    kept = tuple(c for c in cands if _fits(c, kind))
    return kept or cands
