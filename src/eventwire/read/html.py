"""HTML pages → article text and metadata (trafilatura + htmldate), with a crude fallback."""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..model import Article, ItemError
from .common import cap_text, make_article
from .decode import NotText, check_text_bytes, decode_bytes, guess_encoding

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_DROP_BLOCKS = re.compile(
    r"<(script|style|noscript|template|svg|head)\b[^>]*>.*?(?:</\1\s*>|$)", re.I | re.S
)
_COMMENTS = re.compile(r"<!--.*?(?:-->|$)", re.S)
_BLOCK_TAGS = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|blockquote|pre|hr)\b[^>]*>",
    re.I,
)
_TAGS = re.compile(r"<[^>]*>|<[^>]*$")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title", re.I | re.S)
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n\s*")


@dataclass
class HtmlText:
    text: str
    title: str | None
    date: str | None
    sitename: str | None
    url: str | None
    crude: bool  # True when trafilatura found nothing and tags were just stripped


def html_charset(head: bytes) -> str | None:
    m = _META_CHARSET.search(head[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    # Pages declaring latin-1 are nearly always cp1252 (browsers treat them so).
    return "cp1252" if name in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"} else name


def decode_html(data: bytes, declared: str | None = None) -> str:
    encoding = declared or html_charset(data)
    if encoding in (None, "utf-8", "utf8"):
        encoding = guess_encoding(data[:32768])
    return decode_bytes(data, encoding)


def extract(html: str) -> HtmlText:
    """Main text, title, date and site name of a page."""
    doc = None
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Only dates the page itself states; no guessing from body text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # broken markup can upset lxml; fall back below
        doc = None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if text:
        # trafilatura puts one block per line; blank lines make paragraphs explicit.
        text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
        return HtmlText(text, doc.title, doc.date, doc.sitename, doc.url, crude=False)
    title_m = _TITLE.search(html)
    title = htmllib.unescape(_TAGS.sub("", title_m.group(1))).strip() if title_m else None
    return HtmlText(strip_tags(html), title or None, None, None, None, crude=True)


def strip_tags(html: str) -> str:
    """A crude tag strip keeping block boundaries as paragraph breaks."""
    s = _COMMENTS.sub(" ", html)
    s = _DROP_BLOCKS.sub(" ", s)
    s = _BLOCK_TAGS.sub("\n\n", s)
    s = htmllib.unescape(_TAGS.sub(" ", s))
    lines = (_SPACES.sub(" ", line).strip() for line in s.split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def html_article(
    item: str,
    html: str,
    *,
    id: str,
    raw_hash: str,
    url: str | None,
    cli_published: str | None,
    fallback_date: str | None = None,
    fallback_source: str | None = None,
    record: dict | None = None,
) -> Iterator[Article | ItemError]:
    """One article from one HTML document; warnings and errors as ItemErrors."""
    got = extract(html)
    if not got.text.strip():
        yield ItemError(item, "no text found in HTML")
        return
    if got.crude:
        yield ItemError(item, "no article body found; used plain tag stripping")
    text, warning = cap_text(item, got.text)
    if warning:
        yield warning
    record = record or {}
    published, published_source = record.get("published"), "record"
    if not published and got.date:
        published, published_source = got.date, "html"
    article = make_article(
        id=id,
        text=text,
        raw_hash=raw_hash,
        title=record.get("title") or got.title,
        published=published,
        published_source=published_source,
        cli_published=cli_published,
        source=record.get("source") or got.sitename or fallback_source,
        url=url or record.get("url") or got.url,
    )
    if article.published is None and fallback_date:
        article.published, article.published_source = fallback_date, "warc"
    yield article


def read_html(item: str, fh: BinaryIO, ident: str, published: str | None) -> Iterator[Article | ItemError]:
    data = fh.read()
    try:
        check_text_bytes(data[:8192])
    except NotText as exc:
        yield ItemError(item, str(exc))
        return
    yield from html_article(
        item,
        decode_html(data),
        id=ident,
        raw_hash=Article.hash_raw(data),
        url=None,
        cli_published=published,
    )
