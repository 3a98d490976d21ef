"""Headlines: the site name after the headline, and the headline repeated at the top of the text."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# "Headline | Site", "Headline - Section - Site", "Headline « Site".
_SITE_SEP = re.compile(r"\s+(?:\||-|–|—|«|»|::|·)\s+")
_NON_ALNUM = re.compile(r"[\W_]+")
_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = " \t\"'“”‘’«»()[]*-–—|:."
MAX_TITLE_CHARS = 300


def norm(s: str) -> str:
    """Comparison form of a headline: case, spacing and edge punctuation ignored."""
    return _SPACE.sub(" ", s.casefold()).strip(_EDGE_PUNCT)


def _squash(s: str) -> str:
    return _NON_ALNUM.sub("", s.casefold())


def _title_cased(segment: str) -> bool:
    words = [w for w in segment.split() if w[:1].isalpha()]
    small = {"of", "the", "and", "for", "in", "on", "at", "a", "de", "du", "la", "le", "el"}
    return bool(words) and all(w[0].isupper() or w.lower() in small for w in words)


def split_site(title: str, source: str | None = None, url: str | None = None) -> tuple[str, str | None]:
    """(headline, site) of a page title; site None when the title has no site suffix.

    Trailing segments are a site/section name when they name the source or URL
    host, or when they are short Title-Cased names after a headline of 3+ words.
    """
    parts = _SITE_SEP.split(title.strip())
    if len(parts) < 2:
        return title.strip(), None
    host = _squash(urlsplit(url).hostname or "") if url else ""
    known = {k for k in (_squash(source or ""), host) if k}
    cut = len(parts)
    while cut > 1:
        seg = parts[cut - 1]
        sq = _squash(seg)
        names_source = bool(sq) and any(sq in k or k in sq for k in known)
        looks_like_name = len(seg.split()) <= 6 and _title_cased(seg) and len(parts[0].split()) >= 3
        if not (names_source or looks_like_name):
            break
        cut -= 1
    if cut == len(parts):
        return title.strip(), None
    # The headline keeps its own separators: cut at the first site separator.
    seps = list(_SITE_SEP.finditer(title.strip()))
    headline = title.strip()[: seps[cut - 1].start()]
    return headline.strip(), parts[-1].strip()


def glued_prefix(line: str, title: str) -> int:
    """Length of `title` glued at the start of `line` (0 when it is not there).

    Glued means the title is followed by no separator ("…Los Angeles TimesJassely
    Lupoe, a 5-year-old…"), or by a space when the title is clearly a page title
    (it has a site suffix, or is long and the body starts a new sentence).
    """
    # Short titles ("Shooting") could match the start of an ordinary first word.
    if len(line) <= len(title) or len(title) < 15 or len(title.split()) < 3:
        return 0
    if line[: len(title)].casefold() != title.casefold():
        return 0
    nxt, last = line[len(title)], title[-1]
    if not nxt.isspace():
        # "...TimesJassely" is glued; "...accide|nt" is a title cut mid-word, not a glued one.
        if last.isalnum() and nxt.isalnum() and (nxt.islower() or (last.isdigit() and nxt.isdigit())):
            return 0
        return len(title)
    rest = line[len(title):].lstrip()
    if _SITE_SEP.search(title) or (len(title.split()) >= 6 and rest[:1].isupper()):
        return len(line) - len(rest)
    return 0
