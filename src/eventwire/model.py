"""Record types every stage shares.

One article becomes one `Record`; each analysis layer fills one of its lists.
All spans are character offsets into `Record.article.text`. Serialisation is
plain dicts (`to_dict` / `from_dict`) so the CLI, the store, Ray and the
exports all see the very same JSON shape (documented by schema/record.schema.json).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class Span:
    text: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(text[start:end], start, end)


@dataclass
class Article:
    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime
    published_source: str | None = None  # record, html, url, cli, text (its own dated stamp), None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    raw_hash: str | None = None  # sha256 of the raw input bytes/text

    @staticmethod
    def hash_raw(raw: str | bytes) -> str:
        data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
        return hashlib.sha256(data).hexdigest()


@dataclass
class Entity:
    text: str
    start: int
    end: int
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, FAC, ...
    canonical: str | None = None
    kind: str | None = None  # person, government, armed_group, media, organisation, city, country, ...
    parent: str | None = None  # canonical of the organisation this one is a branch of


@dataclass
class Place:
    text: str
    start: int
    end: int
    name: str
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature: str | None = None  # venue, city, admin1, country, region
    precision: str | None = None  # point, city, admin1, country, region
    role: str = "location"  # location | actor (metonymy: "Moscow said") | demonym
    population: int | None = None


@dataclass
class Time:
    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TimeML value: 2024-03-22, 2024-W10, P2W, 2024-03-22TNI, PAST_REF
    precision: str | None = None  # day, week, month, year, time, decade, ...
    anchored: bool = False  # resolved relative to the publication date


@dataclass
class Speaker:
    text: str
    start: int
    end: int
    canonical: str | None = None


@dataclass
class Quote:
    text: str
    start: int
    end: int
    direct: bool
    cue: Span | None = None
    speaker: Speaker | None = None


@dataclass
class Figure:
    """A casualty/arrest count found in the text, before it is tied to an event."""

    kind: str  # killed, injured, arrested, kidnapped
    value: int
    qualifier: str  # exact, at_least, at_most, about
    span: Span
    sentence: int | None = None  # index of the sentence it sits in


@dataclass
class Actor:
    name: str
    role: str
    canonical: str | None = None
    kind: str | None = None
    span: Span | None = None


@dataclass
class EventMention:
    type: str
    trigger: Span
    subtype: str | None = None
    acled: dict[str, str] | None = None  # {event_type, sub_event_type}
    mode: str = "asserted"
    primary: bool = False
    actors: list[Actor] = field(default_factory=list)
    location: dict[str, Any] | None = None  # Place fields + precision + span
    date: dict[str, Any] | None = None  # {value, precision, span}
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)  # kind -> {value, qualifier, span}
    about: int | None = None
    confidence: float = 0.5
    sentence: Span | None = None  # the sentence the trigger sits in (evidence)


@dataclass
class Record:
    article: Article
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    # Not serialised: the parsed spaCy Doc shared by all layers of one run.
    doc: Any = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name == "doc":
                continue
            value = getattr(self, f.name)
            out[f.name] = asdict(value) if f.name == "article" else [asdict(v) for v in value]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        return cls(
            article=Article(**data["article"]),
            entities=[Entity(**e) for e in data.get("entities", [])],
            places=[Place(**p) for p in data.get("places", [])],
            times=[Time(**t) for t in data.get("times", [])],
            quotes=[_quote(q) for q in data.get("quotes", [])],
            figures=[_figure(f) for f in data.get("figures", [])],
            events=[_event(e) for e in data.get("events", [])],
        )


def _span(d: dict[str, Any] | None) -> Span | None:
    return Span(**d) if d else None


def _quote(d: dict[str, Any]) -> Quote:
    d = dict(d)
    d["cue"] = _span(d.get("cue"))
    sp = d.get("speaker")
    d["speaker"] = Speaker(**sp) if sp else None
    return Quote(**d)


def _figure(d: dict[str, Any]) -> Figure:
    d = dict(d)
    d["span"] = Span(**d["span"])
    return Figure(**d)


def _event(d: dict[str, Any]) -> EventMention:
    d = dict(d)
    d["trigger"] = Span(**d["trigger"])
    d["sentence"] = _span(d.get("sentence"))
    d["actors"] = [
        Actor(**{**a, "span": _span(a.get("span"))}) for a in d.get("actors", [])
    ]
    return EventMention(**d)


@dataclass
class ItemError:
    """A per-item failure: the run goes on, the error is reported on stderr."""

    item: str  # file path, "path:line", "warc:path#record", ...
    message: str

    def __str__(self) -> str:
        return f"eventwire: error: {self.item}: {self.message}"
