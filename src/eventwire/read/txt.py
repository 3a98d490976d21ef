"""Plain-text files: the text exactly as given; a short first line + blank line is the title."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from ..model import Article, ItemError
from .common import make_article, truncated_error
from .decode import NotText, load_stream

TITLE_MAX_CHARS = 250
# Headlines do not end like sentences or fragments: a first line ending so is body text.
_NOT_TITLE_END = re.compile(r"[.,;:\-–]$")


def title_of(text: str) -> str | None:
    """The first line when it is short and followed by a blank line (and more text)."""
    head, sep, rest = text.lstrip("\n").partition("\n")
    head = head.strip()
    if not head or not sep or not rest.strip() or len(head) > TITLE_MAX_CHARS:
        return None
    if not rest.startswith("\n") and not rest.split("\n", 1)[0].strip() == "":
        return None
    if _NOT_TITLE_END.search(head) and not head.endswith("..."):
        return None
    return head


def read_txt(item: str, fh: BinaryIO, ident: str, published: str | None) -> Iterator[Article | ItemError]:
    try:
        loaded = load_stream(fh)
    except NotText as exc:
        yield ItemError(item, str(exc))
        return
    if loaded.truncated:
        yield truncated_error(item, loaded.total_chars, len(loaded.text))
    # The text is kept exactly as given (offsets refer to the input); the
    # cleaner, not the reader, removes the headline from the body.
    yield make_article(
        id=ident,
        text=loaded.text,
        raw_hash=loaded.raw_hash,
        title=title_of(loaded.text),
        published=None,
        cli_published=published,
    )
