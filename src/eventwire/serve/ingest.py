"""POST /api/articles: input records (the JSON input of `eventwire extract`) → Articles."""

from __future__ import annotations

import json
from collections.abc import Callable

from pydantic import BaseModel, Field, field_validator

from ..model import Article, ItemError
from .fetch import FetchError, fetch_html

MAX_ITEMS = 100
MAX_CHARS = 2_000_000


class ArticleIn(BaseModel):
    """One article, the same fields as a JSON input record of `eventwire extract`.
    With only `url` (no text/html) the page is fetched, public addresses only."""

    id: str = Field(min_length=1, max_length=300)
    title: str | None = Field(default=None, max_length=2000)
    text: str | None = Field(default=None, max_length=MAX_CHARS)
    html: str | None = Field(default=None, max_length=MAX_CHARS)
    published: str | None = Field(default=None, max_length=64)
    url: str | None = Field(default=None, max_length=4000)
    source: str | None = Field(default=None, max_length=300)

    @field_validator("id")
    @classmethod
    def _id_printable(cls, v: str) -> str:
        if not v.strip() or any(ord(c) < 32 for c in v):
            raise ValueError("id must be printable text")
        return v.strip()


def to_articles(
    item: ArticleIn, allow_fetch: bool = True, allow_private: bool = False,
    fetcher: Callable[[str, bool], tuple[str, str]] = fetch_html,
) -> tuple[list[Article], list[str]]:
    """(articles, messages) for one posted record, through the reader's own record logic
    (same text/html handling, dates, language and hash as `eventwire extract`)."""
    from ..read.jsonl import record_articles

    record = item.model_dump(exclude_none=True)
    has_body = any(isinstance(record.get(k), str) and record[k].strip() for k in ("text", "html"))
    if not has_body and item.url:
        if not allow_fetch:
            return [], ["needs 'text' or 'html' (URL fetching is disabled on this server)"]
        try:
            final, record["html"] = fetcher(item.url, allow_private)
        except FetchError as exc:
            return [], [str(exc)]
        record.setdefault("url", final)
    raw = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    articles, messages = [], []
    for got in record_articles(item.id, record, item.id, raw, None):
        if isinstance(got, ItemError):
            messages.append(got.message)
        else:
            articles.append(got)
    return articles, messages
