"""JSON (one object or a list) and JSON lines: records with id, title, text|html, published, url, source."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..model import Article, ItemError
from .common import cap_text, make_article
from .decode import decode_bytes, tidy
from .html import html_article

# Field spellings seen in scraped corpora; the first present one wins.
TEXT_KEYS = ("text", "body", "content", "article", "maintext")
HTML_KEYS = ("html", "raw_html", "content_html")
DATE_KEYS = ("published", "date_publish", "publish_date", "published_at", "pubdate", "date")
TITLE_KEYS = ("title", "headline")
URL_KEYS = ("url", "link", "source_url")
SOURCE_KEYS = ("source", "source_name", "sitename", "site_name", "domain")


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def _str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):  # e.g. {"name": "Reuters"} or {"$date": ...}
        value = value.get("name") or value.get("$date") or next(iter(value.values()), None)
    return str(value) if value not in (None, "") else None


_HTML_START = re.compile(r"\s*<(?:!doctype|html|head|body|div|p|article|section|span|br|h[1-6])\b", re.I)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:200])) and text.count("<") >= 4


def record_articles(
    item: str, record: Any, fallback_id: str, raw: bytes, published: str | None
) -> Iterator[Article | ItemError]:
    """The article of one JSON record (or an error naming the item)."""
    if not isinstance(record, dict):
        yield ItemError(item, f"not a JSON object ({type(record).__name__})")
        return
    ident = _str(record.get("id")) or fallback_id
    raw_hash = Article.hash_raw(raw)
    text = _first(record, TEXT_KEYS)
    fields = {
        "title": _str(_first(record, TITLE_KEYS)),
        "published": _str(_first(record, DATE_KEYS)),
        "url": _str(_first(record, URL_KEYS)),
        "source": _str(_first(record, SOURCE_KEYS)),
    }
    if isinstance(text, str) and _looks_like_html(text):
        text, record = None, {**record, "html": text}  # scrapers sometimes store markup as "text"
    if isinstance(text, str) and text.strip():
        text, warning = cap_text(item, tidy(text))
        if warning:
            yield warning
        yield make_article(id=ident, text=text, raw_hash=raw_hash, cli_published=published, **fields)
        return
    html = _first(record, HTML_KEYS)
    if isinstance(html, str) and html.strip():
        yield from html_article(
            item, tidy(html), id=ident, raw_hash=raw_hash, url=fields["url"],
            cli_published=published, record=fields,
        )
        return
    yield ItemError(item, "record has no text or html")


def read_jsonl(
    item: str, fh: BinaryIO, ident: str, published: str | None
) -> Iterator[Article | ItemError]:
    """One record per line, streamed: a bad line is an error, the other lines go on."""
    seen = False
    for lineno, raw in enumerate(fh, start=1):
        if not raw.strip():
            continue
        seen = True
        where = f"{item}:{lineno}"
        line = decode_bytes(raw)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ItemError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        yield from record_articles(where, record, f"{ident}:{lineno}", raw.strip(), published)
    if not seen:
        yield ItemError(item, "empty")


def read_json(item: str, fh: BinaryIO, ident: str, published: str | None) -> Iterator[Article | ItemError]:
    """A JSON document holding one record or a list of them; JSON lines are accepted too."""
    data = fh.read()
    if not data.strip():
        yield ItemError(item, "empty")
        return
    text = decode_bytes(data)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = [ln for ln in text.split("\n") if ln.strip()]
        if len(lines) > 1 and all(ln.lstrip().startswith("{") for ln in lines):
            import io

            yield from read_jsonl(item, io.BytesIO(data), ident, published)
            return
        yield ItemError(item, f"malformed JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    if isinstance(doc, dict) and isinstance(doc.get("articles"), list):
        doc = doc["articles"]  # a common wrapper: {"articles": [...]}
    if isinstance(doc, list):
        for i, record in enumerate(doc):
            raw = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")
            yield from record_articles(f"{item}[{i}]", record, f"{ident}[{i}]", raw, published)
        return
    yield from record_articles(item, doc, ident, data, published)
