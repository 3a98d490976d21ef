"""Readers: files, directories, stdin, JSON lines, HTML and WARC into `Article`s (stub)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Article, ItemError


def read_paths(paths: list[str], published: str | None = None) -> Iterator[Article | ItemError]:
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            text = fh.read()
        yield Article(id=p, text=text, published=published, raw_hash=Article.hash_raw(text))
