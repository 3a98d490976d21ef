"""entities layer: spaCy NER spans + the alias table, with canonical names and kinds.

Every NER entity of an interesting label is kept; its canonical name comes from the alias table
(ISIS-K -> Islamic State Khorasan Province, parent Islamic State), from the gazetteer for places
(kyiv -> Kyiv) and from the demonym table for nationalities (Russian -> Russia). Alias matches
that the NER missed (AMAQ, lower-case "kyiv", "(IS)") are added as entities of their own.
"""

from __future__ import annotations

import re

from ..model import Entity, Record
from ..spans import SpanIndex
from .aliases import PLACE_KINDS, Alias, AliasHit, demonyms, table
from .gazetteer import gazetteer

LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
KIND_LABEL = {"person": "PERSON", "city": "GPE", "country": "GPE", "admin1": "GPE",
              "region": "LOC", "nationality": "NORP"}
_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_TAIL = re.compile(r"(?:'s|’s|'|’)$")
_TRIM = re.compile(r"\s+$")
_GLUED = re.compile(r"\)[a-z]+$")


def _core(text: str) -> str:
    """The name inside an NER span: without "the", a possessive or trailing whitespace."""
    return _TAIL.sub("", _LEAD.sub("", _TRIM.sub("", text)))


def _place_canon(text: str) -> tuple[str, str] | None:
    cands = gazetteer().lookup(text)
    if not cands:
        return None
    best = max(cands, key=lambda c: (c.feature == "country", c.population))
    return best.name, best.feature


def _country_name(code: str) -> str:
    return gazetteer().country_name(code) or code


def _from_alias(e: Entity, a: Alias) -> None:
    e.canonical, e.kind, e.parent = a.canonical, a.kind, a.parent
    if a.kind in PLACE_KINDS:
        pc = _place_canon(a.canonical)
        if pc:
            e.canonical = pc[0]


def _resolve(e: Entity, inner: list[AliasHit]) -> None:
    core = _core(e.text)
    a = table().get(core) or table().get(e.text.strip())
    if e.label == "NORP":
        target = demonyms().get(core.lower())
        if target:
            e.kind = "nationality"
            e.canonical = _country_name(target) if len(target) == 2 and target.isupper() else target
            return
    if a is None and inner and len({h.alias.canonical for h in inner}) == 1:
        a = inner[0].alias  # "Islamic State (IS)according": one known name inside the span
    if a is not None and not (e.label in PLACE_LABELS and a.kind not in PLACE_KINDS
                              and a.kind not in ("government", "military")):
        _from_alias(e, a)
        return
    if e.label in ("GPE", "LOC"):
        pc = _place_canon(core)
        if pc:
            e.canonical, e.kind = pc
            return
    e.canonical = core or e.text
    e.kind = {"PERSON": "person", "ORG": "organisation", "FAC": "venue", "GPE": "place",
              "LOC": "place", "NORP": "group"}.get(e.label)


def _surnames(ents: list[Entity]) -> None:
    """A later "Putin" takes the canonical of an earlier "Vladimir Putin" in the same article."""
    full: dict[str, str] = {}
    for e in ents:
        if e.label != "PERSON" or not e.canonical:
            continue
        parts = e.canonical.split()
        if len(parts) > 1:
            full.setdefault(parts[-1], e.canonical)
        elif len(parts) == 1 and parts[0] in full and e.canonical == _core(e.text):
            e.canonical = full[parts[0]]


def analyze(record: Record) -> list[Entity]:
    doc = record.doc
    text = record.article.text
    hits = table().find(text) if text else []
    hit_index = SpanIndex((h.start, h.end) for h in hits)
    ents: list[Entity] = []
    spans: list[tuple[int, int]] = []
    for ent in doc.ents if doc is not None else ():
        if ent.label_ not in LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        # trailing newline junk ("Ambito\n\nLeave a Reply") is cut at the first blank line
        cut = text.find("\n", start, end)
        if cut > start:
            end = cut
        glued = _GLUED.search(text, start, end)  # "Islamic State (IS)according": a missing space
        if glued:
            end = glued.start() + 1
        # an alias match that overlaps the span's edge is the better span ("ISIS-K" vs "ISIS")
        over = [hits[i] for i in hit_index.overlapping(start, end)]
        wider = [h for h in over if h.start <= start and h.end >= end and (h.start, h.end) != (start, end)]
        if wider:
            continue  # the alias hit below becomes the entity
        inner = [h for h in over if h.start >= start and h.end <= end]
        e = Entity(text=text[start:end], start=start, end=end, label=ent.label_)
        try:
            _resolve(e, inner)
        except Exception:  # noqa: BLE001 - one odd span must not lose the article's entities
            e.canonical = e.canonical or e.text
        ents.append(e)
        spans.append((start, end))
    taken = SpanIndex(spans)
    for h in hits:
        if taken.overlaps(h.start, h.end):
            continue
        a = h.alias
        if a.kind in ("police", "military") and a.canonical in ("police", "army"):
            continue  # generic nouns ("police") are not named entities; the table still types them
        e = Entity(text=text[h.start:h.end], start=h.start, end=h.end,
                   label=KIND_LABEL.get(a.kind, "ORG"))
        _from_alias(e, a)
        ents.append(e)
    ents.sort(key=lambda e: e.start)
    _surnames(ents)
    _owned_by_country(ents, text)
    return ents


_OWNER = re.compile(r"^(?:'s|’s)\s+$")


def _owned_by_country(ents: list[Entity], text: str) -> None:
    """An organisation written after a country's possessive ("Russia's Defence Ministry") is
    that country's: the alias of "<demonym> <name>" ("Russian Defence Ministry") when the table
    has one, else the whole written name, so that it is not any country's "Defence Ministry"."""
    for owner, e in zip(ents, ents[1:], strict=False):
        if e.label != "ORG" or owner.kind != "country" or not _OWNER.match(text[owner.end:e.start]):
            continue
        core = _core(e.text)
        if e.canonical not in (None, core):
            continue  # already a known body ("Russia's Wagner Group")
        alias = next((a for dem in _demonyms_of(owner.canonical or "")
                      if (a := table().get(f"{dem} {core}")) is not None), None)
        if alias is not None:
            _from_alias(e, alias)
        else:
            e.canonical = f"{owner.canonical}'s {core}"


def _demonyms_of(country: str) -> list[str]:
    """The adjectives of a country name ("Russia" -> ["Russian"]), from the demonym table."""
    return [d for d, t in demonyms().items() if len(t) == 2 and _country_name(t) == country and not d.endswith("s")]
