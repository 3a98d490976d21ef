"""Analysis layers: each a function of the record so far, run in this order.

Like spaCy's pipeline, a layer reads what earlier layers wrote and fills its
own list; none reaches back to change an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .. import doc_cache
from ..model import Record
from ..nlp import load, model_language, parse
from . import entities, events, figures, places, quotes, times

Layer = Callable[[Record], list[Any]]

LAYERS: list[tuple[str, Layer]] = [
    ("entities", entities.analyze),
    ("places", places.analyze),
    ("times", times.analyze),
    ("quotes", quotes.analyze),
    ("figures", figures.analyze),
    ("events", events.analyze),
]


def run_layers(record: Record) -> Record:
    for name, layer in LAYERS:
        setattr(record, name, layer(record))
    return record


def analyze(record: Record) -> Record:
    """Parse one record's text and run every layer on it."""
    nlp = load(model_language(record.article.language))
    record.doc = parse(nlp, [record.article.text], 1)[0]
    return run_layers(record)


def analyze_many(records: Iterable[Record], batch_size: int = 32) -> Iterator[Record]:
    """Like `analyze`, but parses with `nlp.pipe` (the fast path used by extract/batch)."""
    nlp = load("en")
    buffer: list[Record] = []
    for rec in records:
        if model_language(rec.article.language) != "en":
            yield from _flush(nlp, buffer, batch_size)
            buffer = []
            yield analyze(rec)
            continue
        buffer.append(rec)
        if len(buffer) >= batch_size:
            yield from _flush(nlp, buffer, batch_size)
            buffer = []
    yield from _flush(nlp, buffer, batch_size)


def _flush(nlp: Any, buffer: list[Record], batch_size: int) -> Iterator[Record]:
    if not buffer:
        return
    docs = doc_cache.pipe(nlp, [r.article.text for r in buffer], batch_size)
    for rec, doc in zip(buffer, docs, strict=True):
        rec.doc = doc
        doc.user_data["eventwire.text"] = rec.article.text  # what nlp.doc_text would rebuild
        yield run_layers(rec)
