"""What every reader does once it has text: date priority, language, hash, caps."""

from __future__ import annotations

from typing import Any

from ..model import Article, ItemError
from .dates import normalize_date, url_date
from .decode import max_chars, tidy

LANG_SAMPLE = 2000


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (first ~2000 characters), None if too little text."""
    sample = text[:LANG_SAMPLE]
    if sum(c.isalpha() for c in sample) < 20:
        return None
    import py3langid  # loads its model once, on first use

    lang, _score = py3langid.classify(sample)
    return str(lang)


def pick_published(
    own: str | None, own_source: str, url: str | None, cli: str | None
) -> tuple[str | None, str | None]:
    """Priority: the item's own date, then a date in its URL, then --published."""
    for value, source in ((own, own_source), (url_date(url), "url"), (cli, "cli")):
        day = normalize_date(value) if source != "url" else value
        if day:
            return day, source
    return None, None


def make_article(
    *,
    id: str,
    text: str,
    raw: str | bytes | None = None,
    raw_hash: str | None = None,
    title: str | None = None,
    published: str | None = None,
    published_source: str = "record",
    cli_published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    language: str | None = None,
) -> Article:
    day, day_source = pick_published(published, published_source, url, cli_published)
    return Article(
        id=id,
        text=text,
        title=_clean_field(title),
        published=day,
        published_source=day_source,
        source=_clean_field(source),
        url=_clean_field(url),
        language=language or detect_language(text),
        raw_hash=raw_hash or Article.hash_raw(raw if raw is not None else text),
    )


def _clean_field(value: Any) -> str | None:
    if value is None:
        return None
    value = " ".join(tidy(str(value)).split())
    return value or None


def cap_text(item: str, text: str) -> tuple[str, ItemError | None]:
    """Truncate over-long text to the character cap; the warning is an ItemError (see README)."""
    cap = max_chars()
    if len(text) <= cap:
        return text, None
    return text[:cap], truncated_error(item, len(text), cap)


def truncated_error(item: str, total: int, cap: int) -> ItemError:
    return ItemError(item, f"truncated from {total} to {cap} characters")


def short_error(exc: BaseException, limit: int = 160) -> str:
    """A one-line, printable description of an exception (messages may quote binary input)."""
    msg = " ".join(str(exc).split())
    msg = "".join(c if c.isprintable() and ord(c) < 0x2500 else "?" for c in msg)
    if len(msg) > limit:
        msg = msg[: limit - 3] + "..."
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__
