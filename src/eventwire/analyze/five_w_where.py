"""Where of analyze.five_w: the most specific place that locates the news in the headline
and lead."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any

from ..geo import distance_km
from ..model import Place, Record
from .five_w_lead import WAnswer, cue, position, sent_index, token_at
from .gazetteer import gazetteer

WHERE_LEAD = 5.0  # a place past the headline and lead (as event_coref.LEAD_UNITS) is a detail
WIDER_PENALTY = WHERE_LEAD  # an area around a place that locates the news in the lead never beats it
CONTAINER_PENALTY = 1.0  # "in Croydon, south London": the appositive names the wider area
# a city of a million people whose centre lies this close to a much smaller place of the
# lead is the metropolis around it ("in London" ... "in Croydon"); "much smaller" is a tenth
# of its population
METRO_KM, METRO_RATIO, METRO_POP = 30.0, 10, 1_000_000
DATELINE_POP = 100_000
_LOCATIVE = frozenset("in at on near outside inside from across around throughout into within".split())
_WIDE = ("country", "admin1", "region")
_PLACE_LABELS = ("GPE", "LOC", "FAC")


def where(record: Record, sents: list[Any], main: int | None) -> WAnswer | None:
    """The first place that locates something (not a demonym, not a metonymic actor):
    under a locative preposition ("in Croydon", "at the White House"), a dateline, or the
    modifier of an event noun ("Croydon tram crash"); a place that only modifies another
    noun ("US election") or says where a person comes from ("the driver, from Beckenham")
    does not say where the news happened, nor does a name that is a person's in this
    article ("Clinton"). The main clause's sentence first, the most specific place over the
    area around it (a town over its country, a suburb over its city), a recurring place
    over a one-off."""
    locs = [p for p in record.places if p.role == "location"]
    locs += _same_name_in_lead(record, sents, locs)
    dated = _datelines(record, sents, locs)
    locs += dated
    counts = Counter(p.name for p in locs)
    triggers = {e.trigger.start for e in record.events}
    surnames = {e.text.split()[-1] for e in record.entities if e.label == "PERSON" and " " in e.text}
    cands = []
    for p in locs:
        tok = token_at(record.doc, p.start)
        if tok is None or p.text in surnames and tok.ent_type_ not in _PLACE_LABELS and p not in dated:
            continue
        head = _np_head(tok, p.end)
        if _locative(head, triggers):
            cands.append((p, head))
    in_lead = [p for p, _ in cands if sent_index(sents, p.start) is not None]
    best: tuple[float, Any] | None = None
    for p, head in cands:
        k = position(sents, p.start)
        score = k + (0.0 if k == main else 0.5) + _wider(p, in_lead)
        if head.dep_ in ("appos", "conj") and _is_place(head.head, locs):
            score += CONTAINER_PENALTY
        score -= 0.3 * min(counts[p.name], 10) / 10
        if best is None or score < best[0]:
            best = (score, p)
    if best is None or position(sents, best[1].start) >= WHERE_LEAD:
        return None
    p = best[1]
    return WAnswer(p.text, p.start, p.end)


def _wider(p: Any, lead_places: list[Any]) -> float:
    """A penalty for an area that holds a more specific place of the lead."""
    if p.feature in _WIDE:
        inner = any(q.country_code == p.country_code and q.feature in ("city", "venue") for q in lead_places)
        return WIDER_PENALTY if inner else 0.0
    if p.feature != "city" or p.lat is None or p.lon is None or (p.population or 0) < METRO_POP:
        return 0.0
    for q in lead_places:
        if q.name == p.name or q.lat is None or q.lon is None:
            continue
        small = q.feature == "venue" or q.population is not None and q.population * METRO_RATIO < p.population
        if small and distance_km(p.lat, p.lon, q.lat, q.lon) <= METRO_KM:
            return WIDER_PENALTY
    return 0.0


def _is_place(tok: Any, locs: list[Any]) -> bool:
    return any(p.start <= tok.idx < p.end or p.start <= tok.idx + len(tok.text) - 1 < p.end for p in locs)


def _same_name_in_lead(record: Record, sents: list[Any], locs: list[Any]) -> list[Any]:
    """One sense per discourse: a name the places layer resolved as a place somewhere in
    the article is that place in the lead too, where the tagger may have read it as an
    organisation or a product ("Croydon tram crash: ..."). Not where it is part of a
    person's name ("Clinton" the town vs Hillary Clinton)."""
    end = sents[-1].end_char
    text = record.article.text[:end]
    taken = [(p.start, p.end) for p in record.places]
    taken += [(e.start, e.end) for e in record.entities if e.label == "PERSON"]
    out = []
    for name in dict.fromkeys(p.text for p in locs if len(p.text) > 2):
        proto = next(p for p in locs if p.text == name)
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            out.append(replace(proto, text=name, start=m.start(), end=m.end()))
    return out


def _datelines(record: Record, sents: list[Any], locs: list[Any]) -> list[Any]:
    """A wire dateline the places layer missed in capitals ("... Hosenball WASHINGTON, Nov 6
    (Reuters) -"): a city of the gazetteer, a big one (a dateline names a known city)."""
    out = []
    for s in sents:
        for tok in s:
            if not (tok.is_upper and tok.is_alpha and len(tok) >= 4 and _dateline(tok)):
                continue
            first = tok
            while first.i > s.start and first.nbor(-1).is_upper and first.nbor(-1).is_alpha:
                first = first.nbor(-1)  # "NEW YORK, ..."
            start, end = first.idx, tok.idx + len(tok.text)
            if any(p.start < end and start < p.end for p in locs):
                continue
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            after = tok.nbor(2) if tok.i + 2 < len(tok.doc) else None
            if nxt is not None and nxt.text == "," and not (after is not None and after.text[:1].isupper()):
                continue
            name = record.article.text[start:end]
            c = max((c for c in gazetteer().lookup(name.title()) if c.feature == "city"),
                    key=lambda c: c.population, default=None)
            if c is None or c.population < DATELINE_POP:
                continue
            out.append(Place(text=name, start=start, end=end, name=c.name, geonames_id=c.geonames_id,
                             lat=c.lat, lon=c.lon, country_code=c.country_code, admin1=c.admin1,
                             feature="city", precision="city", population=c.population))
    return out


def _locative(head: Any, triggers: set[int]) -> bool:
    if _dateline(head):
        return True  # whatever the parser made of "... Hosenball WASHINGTON, Nov 6 (Reuters)"
    # "in Croydon, south London", "the city of Mazar-i-Sharif": what it names is placed
    for _ in range(3):
        if head.dep_ in ("appos", "conj") and head.head.i != head.i:
            head = head.head
        elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in cue("where.place_nouns"):
            head = head.head.head
        else:
            break
    if head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE:
        # "the driver, a 42-year-old man, from Beckenham": where a person comes from
        return not (head.head.lower_ == "from" and head.head.head.pos_ in ("NOUN", "PROPN", "PRON"))
    # the modifier of an event noun, possibly through a compound: "Croydon tram crash"
    # or of a noun that is itself placed: "on a Moscow concert hall", "at a Kabul hotel"
    mod = head
    for _ in range(4):
        if mod.dep_ not in ("compound", "amod", "nmod", "poss") or mod.head.i == mod.i:
            break
        mod = mod.head
        if mod.idx in triggers:
            return True
    if mod is not head and mod.dep_ == "pobj" and mod.head.lower_ in _LOCATIVE \
            and mod.lower_ in cue("where.venue_nouns"):
        return True
    return _dateline(head)


def _np_head(tok: Any, end: int) -> Any:
    """The token of a place name that attaches it to the sentence (the last of a compound)."""
    while tok.dep_ in ("compound", "flat", "nmod") and tok.head.i > tok.i \
            and (tok.head.idx < end or tok.head.pos_ == "PROPN"):
        tok = tok.head  # "Mazar-i-Sharif" may be three tokens with the place span on the first
    return tok


def _dateline(tok: Any) -> bool:
    """"WASHINGTON --", "LONDON (Reuters) -": the place a wire story was filed from."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    # a dateline's dash stands apart: "US-based", "UK-born" are words, not datelines
    return tok.is_upper and nxt is not None and nxt.text in ("--", "—", "-", "(", ",") \
        and (bool(tok.whitespace_) or nxt.text == ",")
