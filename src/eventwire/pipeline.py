"""read → clean → analyze, one code path for the CLI, the store, the API and Ray."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .analyze import analyze_many
from .clean import clean_article
from .model import Article, ItemError, Record
from .read import read_paths


def records_from_articles(
    items: Iterable[Article | ItemError], clean: bool = True
) -> Iterator[Record | ItemError]:
    """Clean and wrap articles as records; errors pass through untouched."""
    for item in items:
        if isinstance(item, ItemError):
            yield item
            continue
        try:
            yield Record(article=clean_article(item) if clean else item)
        except Exception as exc:  # one bad article must not stop the run
            yield ItemError(item.id, f"cleaning failed: {type(exc).__name__}: {exc}")


def analyze_items(
    items: Iterable[Article | ItemError], clean: bool = True, batch_size: int = 32,
    while_parsed: Callable[[Record], None] | None = None,
) -> Iterator[Record | ItemError]:
    """Analyse a stream of articles in batches; a failing record becomes an ItemError.
    `while_parsed(record)` runs on each analysed record while its spaCy Doc is still
    attached (benchmarks read the parse; the record is yielded without it)."""
    pending: list[Record] = []
    for item in records_from_articles(items, clean=clean):
        if isinstance(item, ItemError):
            yield item
            continue
        pending.append(item)
        if len(pending) >= batch_size:
            yield from _analyze_batch(pending, batch_size, while_parsed)
            pending = []
    yield from _analyze_batch(pending, batch_size, while_parsed)


def _analyze_batch(batch: list[Record], batch_size: int,
                   while_parsed: Callable[[Record], None] | None = None) -> Iterator[Record | ItemError]:
    if not batch:
        return
    try:
        done = list(analyze_many(batch, batch_size=batch_size))
    except Exception:
        # Find the culprit one by one so the rest of the batch still comes out.
        done = []
        for rec in batch:
            try:
                done.extend(analyze_many([rec], batch_size=1))
            except Exception as exc:
                done.append(ItemError(rec.article.id, f"analysis failed: {type(exc).__name__}: {exc}"))  # type: ignore[arg-type]
    for rec in done:
        if isinstance(rec, Record):
            if while_parsed is not None:
                while_parsed(rec)
            rec.doc = None  # the Doc is only needed while layers run
        yield rec


def extract(
    paths: list[str], published: str | None = None, clean: bool = True
) -> Iterator[Record | ItemError]:
    """The whole `eventwire extract` job as a generator."""
    return analyze_items(read_paths(paths, published=published), clean=clean)
