"""Town, Area pairs: "Paris, Texas", "Rockford, Ill.", "Mosul, Iraq" (helpers of places.py).

The second name narrows the first (`Mention.within`) and is itself the area, not a namesake
town ("Buffalo, New York" names the state). A pair inside a list of names is no pair
("offices in Miami, West Palm Beach, New York and Detroit"), nor is a known town with no
namesake in the area ("Copenhagen, Hamburg").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort

from ..geo import distance_km
from ..model import Entity
from ..spans import SpanIndex
from . import place_cues, place_local
from .gazetteer import Candidate, gazetteer, norm
from .place_mentions import Mention
from .place_resolve import prior, qualifier, us_states

_QUAL = re.compile(r",\s*((?:[A-Z][A-Za-z]*\.?)(?:\s?[A-Z][A-Za-z]*\.?){0,2})")


def add_qualifiers(text: str, heads: list[Mention] | None, out: list[Mention]) -> None:
    """"Paris, Texas" / "Rockford, Ill." / "Mosul, Iraq": the second name narrows the first;
    `heads`: only these mentions may be the first (None: all of `out`)."""
    starts = {m.start: m for m in out}
    for m in list(out) if heads is None else heads:
        if m.kind != "toponym":
            continue
        q = _QUAL.match(text, m.end)
        if not q:
            continue
        name = q.group(1)
        if ". " in name:  # "Buffalo, New York. According to ...": the qualifier ends the sentence
            name = name[:name.index(". ") + 1]
        within = qualifier(name)
        if name.endswith(".") and name not in us_states() and (within is None or qualifier(name[:-1]) == within):
            name = name[:-1]  # the full stop of the sentence, not of an abbreviation ("Ill.")
            within = qualifier(name)
        if within is None:
            continue
        q_end = q.start(1) + len(name)
        own = gazetteer().lookup(m.text)
        if within[0] == "US" and within[1] and m.text[:1].isupper() and (not own or name != within[1] and not any(
                c.country_code == "US" and c.admin1 == within[1] for c in own)):
            # "in Ochopee, Fla.", "WESTMORELAND, N.Y.", "BUCKSPORT, SC": a town the gazetteer lacks
            # in that state (a state abbreviation, AP or postal, qualifies a town; lists do not
            # use it), there
            m.within = within  # (place_local.state_town)
            if not name.endswith("."):  # "Dudley, NC": the postal code is the state's mention
                _add_area(out, starts, q.start(1), name)  # ("Bogota, D.C." stays a chain's)
            continue
        if not place_local.is_county(m.text) and (
                not own or max(own, key=lambda c: prior(c, m.text)).feature != "city"):
            continue  # "China, Japan and Korea" is a list, not a city and its country
        # "offices in Miami, West Palm Beach, New York and Detroit": a list, whose next item is
        # a place all the same; a known town with no namesake in the area is an item of a list
        # too ("Copenhagen, Hamburg")
        listed = place_cues.listed(text, m.start, q_end) and not place_cues.named_in(own, m.text, *within)
        pair = not listed and (place_local.is_county(m.text) or any(
            c.country_code == within[0] and within[1] in (None, c.admin1) for c in own))
        if pair:
            m.within = within
        qs = q.start(1)
        _add_area(out, starts, qs, name)
        qm = starts.get(qs)
        if pair and qm is not None and qm.kind == "toponym" and qm.end == qs + len(name):
            # the qualifier itself is that area ("Buffalo, New York" is the state, not the city)
            qm.kind_of = ("city", within[0]) if _in_big_city(own, qm.text, within) else \
                place_cues.area_kind(gazetteer().lookup(qm.text), within[0])


def _add_area(out: list[Mention], starts: dict[int, Mention], qs: int, name: str) -> None:
    """The qualifier of a pair is a mention of its own (the state, the country)."""
    if qs not in starts and not any(x.start <= qs < x.end for x in out):
        nm = Mention(qs, qs + len(name), name, "toponym")
        out.append(nm)
        starts[qs] = nm


def _in_big_city(own: tuple[Candidate, ...], name: str, within: tuple[str, str | None]) -> bool:
    """"Brooklyn, New York", "Queens, New York": the town named first is a part of a big city
    bearing the area's name, so the qualifier is that city ("Buffalo, New York" is the state)."""
    towns = [c for c in own if c.feature == "city" and c.country_code == within[0]
             and within[1] in (None, c.admin1)]
    return any(q.feature == "city" and q.country_code == within[0] and q.population >= 1_000_000
               and any(distance_km(q.lat, q.lon, t.lat, t.lon) < 30 for t in towns)
               for q in gazetteer().lookup(name))


def add_listed_countries(text: str, ents: list[Entity], out: list[Mention]) -> None:
    """"in Zambia, Malawi, and Mozambique": NER reads an item of a list of places as a person (or
    an organisation, a nationality) now and then; a country's name joined to a place only by a
    list separator is the country, and so is one called a person that the article names as a
    place elsewhere (one sense per article: "Chad"; not "a Lesotho national", a nationality)."""
    named = {m.text for m in out if m.kind == "toponym"}
    taken = SpanIndex((m.start, m.end) for m in out)
    # a list separator holds no name, so only the nearest toponym on either side can be joined
    ends = sorted(m.end for m in out if m.kind == "toponym")
    starts = sorted(m.start for m in out if m.kind == "toponym")
    for e in ents:
        if e.label not in ("PERSON", "NORP", "ORG") or taken.overlaps(e.start, e.end):
            continue
        cands = gazetteer().lookup(e.text)
        if not cands or max(cands, key=lambda c: prior(c, e.text)).feature != "country":
            continue
        i, j = bisect_right(ends, e.start) - 1, bisect_left(starts, e.end)
        if e.text in named and e.label == "PERSON" or i >= 0 and place_cues.LIST_GAP.match(text[ends[i]:e.start]) \
                or j < len(starts) and place_cues.LIST_GAP.match(text[e.end:starts[j]]):
            out.append(Mention(e.start, e.end, e.text, "toponym"))
            insort(ends, e.end)
            insort(starts, e.start)


_IN_COUNTY = re.compile(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\sin\s[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s(?:County|Parish),\s"
                        r"([A-Z][A-Za-z]*\.?(?:\s[A-Z][A-Za-z]*\.?)?)")


def add_county_appositions(text: str, out: list[Mention]) -> None:
    """"Austin, in Scott County, Indiana, was the epicenter": a town, then the county and state
    it lies in, is that state's town of the name (whatever NER called it) when the gazetteer
    knows one there."""
    for m in _IN_COUNTY.finditer(text):
        within = qualifier(m.group(2).rstrip("."))
        if within is None or within[0] != "US" or not within[1]:
            continue
        s, t = m.span(1)
        if not any(c.country_code == "US" and c.admin1 == within[1] for c in gazetteer().lookup(m.group(1))):
            continue
        same = [x for x in out if (x.start, x.end) == (s, t)]
        if same:
            same[0].within = within
        elif not any(x.start < t and s < x.end for x in out):
            out.append(Mention(s, t, m.group(1), "toponym", within=within))


_GAP_MAX = 40  # the longest list separator looked at (", and ", " / " with some spaces)


def add_listed_areas(text: str, ents: list[Entity], out: list[Mention]) -> None:
    """"Rogaland, Vestfold, ...", "Tocantins, and Minas Gerais": NER reads an item of a list of
    places as a person, an organisation or a nationality now and then; a first-level area or a
    town (by its own name) joined only by a list separator to a place of the same country is
    a place too. Repeated, so that a run of such items joins one by one."""
    taken = SpanIndex((m.start, m.end) for m in out)
    todo = [e for e in ents if e.label in ("PERSON", "ORG", "NORP") and not taken.overlaps(e.start, e.end)]
    added = True
    while added and todo:
        added = False
        tops = sorted((m.start, m.end, _top_country(m.text)) for m in out if m.kind == "toponym" and m.role != "embedded")
        by_end = sorted(tops, key=lambda q: q[1])
        starts, ends = [q[0] for q in tops], [q[1] for q in by_end]
        for e in list(todo):
            # only places a list separator away can pair (a long text has thousands of others)
            near = by_end[bisect_left(ends, e.start - _GAP_MAX):bisect_right(ends, e.start)] \
                + tops[bisect_left(starts, e.end):bisect_right(starts, e.end + _GAP_MAX)]
            ccs = {cc for s, t, cc in near if cc and (place_cues.LIST_GAP.match(text[t:e.start]) or
                                                   place_cues.LIST_GAP.match(text[e.end:s]))}
            if not ccs:
                continue
            own = [c for c in gazetteer().lookup(e.text) if c.country_code in ccs
                   and (c.feature in ("admin1", "country") or norm(c.name) == norm(e.text))]
            pair = next((q for q in tops if q[0] > e.end and re.match(r",\s*$", text[e.end:q[0]])), None)
            if pair is not None and any(c.feature in ("admin1", "country") for c in gazetteer().lookup(text[pair[0]:pair[1]])):
                # "retook Havrylivka, Chernihiv": a town and its area, no list; the town only there
                within = qualifier(text[pair[0]:pair[1]])
                own = [c for c in own if c.feature in ("admin1", "country") or within is not None
                       and c.country_code == within[0] and within[1] in (None, c.admin1)]
            if own:
                out.append(Mention(e.start, e.end, e.text, "toponym"))
                todo.remove(e)
                added = True


def _top_country(name: str) -> str | None:
    cands = gazetteer().lookup(name)
    return max(cands, key=lambda c: prior(c, name)).country_code if cands else None


def add_listed(text: str, ents: list[Entity], out: list[Mention]) -> None:
    """Places NER mislabels inside lists and appositions (the three rules above)."""
    add_listed_countries(text, ents, out)
    add_county_appositions(text, out)
    add_listed_areas(text, ents, out)
