"""POST /api/articles: input records (like `eventwire extract`'s JSON input) → Articles."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from pydantic import BaseModel, Field, field_validator

from ..model import Article

MAX_ITEMS = 100
MAX_CHARS = 2_000_000


class ArticleIn(BaseModel):
    """One article, the same fields as a JSON input record of `eventwire extract`."""

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


class _TextOnly(HTMLParser):
    """Fallback HTML → text: keeps text nodes, drops script/style, breaks on blocks."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section"}
    SKIP = {"script", "style", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Main text of an HTML page: trafilatura when it finds an article, else all text nodes."""
    try:
        import trafilatura

        text = trafilatura.extract(html, include_comments=False, include_tables=False)
        if text and text.strip():
            return text
    except Exception:  # a parser failure on hostile HTML falls back to the plain walk
        pass
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()


def to_article(item: ArticleIn) -> Article:
    """Build the Article the pipeline expects; raises ValueError when there is no text."""
    if item.text is not None and item.text.strip():
        text = item.text
        raw: str = item.text
    elif item.html is not None and item.html.strip():
        text = html_to_text(item.html)
        raw = item.html
    else:
        raise ValueError("needs a non-empty 'text' or 'html'")
    if not text.strip():
        raise ValueError("no text found in 'html'")
    try:  # the reader's normaliser (dates, language, hash) when it is there
        from ..read.common import make_article

        return make_article(
            id=item.id, text=text, raw=raw, title=item.title, published=item.published,
            source=item.source, url=item.url,
        )
    except ImportError:
        return Article(
            id=item.id, text=text, title=item.title, published=item.published,
            published_source="record" if item.published else None, source=item.source,
            url=item.url, raw_hash=Article.hash_raw(raw),
        )
