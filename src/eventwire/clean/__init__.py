"""Cleaning of scraped text: headline repeats, page furniture, trailing source lines.

The cleaner works on whole lines and never edits characters inside a kept
line: the clean text is the kept lines of the input, joined by "\\n" (or
"\\n\\n" where the input had a paragraph break). `CleanResult.segments` maps
every kept piece back to its input offset, so gold spans on the raw text can
be moved onto the clean text (`CleanResult.to_clean`).

Rules, in order (each one general, cues in data/clean/boilerplate.toml):
1. the headline repeated at the top (as its own line(s), or glued to the body
   without separator) goes; a page title "Headline | Site" becomes "Headline";
   two identical short first lines become the title when there is none;
2. in the tail, a comment form starts clutter that runs to the end; a
   "Related/Latest/More..." heading does too when what follows is list-like;
3. the last lines are walked up while they are furniture: "Source: X" (→
   article.source), wire credits, share bars, copyright notices;
4. the first lines are walked down while they are bylines, timestamps, navigation;
5. anywhere, a line that is entirely a strong furniture cue goes;
6. a trailing "(Source: X)" or copyright notice glued to the last paragraph goes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from ..model import Article
from .cues import CUES
from .lines import EDGE_THRESHOLD, Line, furniture_score, is_strong, split_lines, words
from .title import MAX_TITLE_CHARS, glued_prefix, norm, split_site

__all__ = ["clean_article", "clean_text", "CleanResult"]

TAIL_START = 0.3  # a comment form only starts the tail after this share of the text
LIST_SHARE = 0.35  # a related-stories block is at most this share of the text...
LIST_LIKE = 0.6  # ...or mostly list-like lines
HEAD_LINES = 8  # how far the head walk may go

_INLINE_SOURCE = re.compile(r"\s*\(\s*(?:source|sources)\s*[:\-–—]\s*(?P<name>[^()\n]{1,80}?)\s*\)\s*\.?$", re.I)
_INLINE_COPYRIGHT = re.compile(
    r"\s*\(?\s*(?:©|\(c\)|copyright\b)[^\n]{0,300}?(?:all rights reserved|may not be (?:published|reproduced|redistributed|rewritten))[^\n]*$",
    re.I,
)


@dataclass
class CleanResult:
    text: str
    title: str | None
    source: str | None
    # (clean_start, raw_start, length) of each kept piece, in order.
    segments: list[tuple[int, int, int]] = field(default_factory=list)

    def to_clean(self, raw_offset: int) -> int | None:
        """The clean-text offset of a raw-text offset; None when that character was removed."""
        starts = [s[1] for s in self.segments]
        i = bisect.bisect_right(starts, raw_offset) - 1
        if i < 0:
            return None
        clean_start, raw_start, length = self.segments[i]
        if raw_offset <= raw_start + length:  # the end offset of a kept span maps too
            return clean_start + raw_offset - raw_start
        return None


def clean_article(article: Article) -> Article:
    """A new Article with clean text, the headline as title, and a found source."""
    res = clean_text(article.text, article.title, article.source, article.url)
    if not res.text.strip() and article.text.strip():
        # The pipeline turns this into a per-item error instead of analysing nothing.
        raise ValueError("nothing left after cleaning (the text is all page furniture)")
    return replace(article, text=res.text, title=res.title, source=res.source)


def clean_text(
    text: str, title: str | None = None, source: str | None = None, url: str | None = None
) -> CleanResult:
    lines = split_lines(text)
    if title:
        headline, site = split_site(title, source, url)
        if site and not source:
            source = site
    else:
        headline = None
    headline = _drop_title(text, lines, title, headline) or headline
    _cut_tail_blocks(text, lines)
    source = _walk_tail(text, lines, source)
    _walk_head(text, lines)
    for ln in lines:
        if ln.keep and is_strong(ln.text(text)):
            ln.keep = False
    source = _trim_last_line(text, lines, source)
    return _assemble(text, lines, headline, source)


def _kept(lines: list[Line]) -> list[Line]:
    return [ln for ln in lines if ln.keep]


def _drop_title(text: str, lines: list[Line], title: str | None, headline: str | None) -> str | None:
    """Remove the headline at the top; returns a title found in the text when none was given."""
    kept = _kept(lines)
    if not kept:
        return None
    if not title:
        # Two identical short first lines: a headline repeated by the page template.
        first_text = kept[0].text(text)
        if len(kept) >= 3 and len(first_text) <= MAX_TITLE_CHARS and \
                norm(first_text) == norm(kept[1].text(text)):
            kept[0].keep = False
            if words(first_text) >= 10 and first_text.endswith((".", "!", "?")):
                return None  # a lead sentence printed twice: keep one copy, it is body text
            kept[1].keep = False
            return first_text
        return None
    forms = {norm(title)} | ({norm(headline)} if headline else set())
    forms.discard("")
    i = 0
    while i < len(kept) - 1 and i < 3 and norm(kept[i].text(text)) in forms:
        kept[i].keep = False
        i += 1
    first = kept[i]
    for _ in range(3):  # some pages glue the page title twice
        cut = next((c for c in (glued_prefix(first.text(text), t) for t in (title, headline) if t) if c), 0)
        if not cut:
            break
        first.start += cut
    return None


def _cut_tail_blocks(text: str, lines: list[Line]) -> None:
    """Comment forms and related-story lists at the tail of the page."""
    total = max(1, len(text))
    kept = _kept(lines)
    for idx, ln in enumerate(kept):
        s = ln.text(text)
        if idx == 0 or words(s) > 10:
            continue
        if ln.start < TAIL_START * total:
            if CUES.tail_list.match(s):
                ln.keep = False  # a "Related articles" heading high up: only the heading goes
            continue
        if CUES.comment_form.match(s):
            for rest in kept[idx:]:
                rest.keep = False
            return
        if CUES.tail_list.match(s):
            after = kept[idx + 1:]
            after_chars = sum(a.end - a.start for a in after)
            listy = sum(1 for a in after if _list_like(a.text(text)))
            if not after or after_chars <= LIST_SHARE * total or listy >= LIST_LIKE * len(after):
                for rest in kept[idx:]:
                    rest.keep = False
                return
            ln.keep = False  # a heading amid body text: only the heading goes


def _list_like(s: str) -> bool:
    return words(s) <= 14 or not s.rstrip().endswith((".", "!", "?", "”", '"'))


def _source_of(s: str) -> str | None:
    for pattern in CUES.source:
        m = pattern.match(s)
        if m and m.group("name").strip():
            return m.group("name").strip().rstrip(".")
    return None


def _walk_tail(text: str, lines: list[Line], source: str | None) -> str | None:
    """Drop furniture lines at the end; a "Source: X" line among them gives the source."""
    kept = _kept(lines)
    for ln in reversed(kept[1:]):
        s = ln.text(text)
        found = _source_of(s) if words(s) <= 12 else None
        if found:
            source = found
        elif not (CUES.credit.match(s) or is_strong(s) or CUES.tail_list.match(s)
                  or furniture_score(s) >= EDGE_THRESHOLD):
            break
        ln.keep = False
    return source


def _walk_head(text: str, lines: list[Line]) -> None:
    """Drop bylines, timestamps and navigation lines at the top."""
    kept = _kept(lines)
    for ln in kept[: min(HEAD_LINES, len(kept) - 1)]:
        s = ln.text(text)
        if words(s) <= 12 and CUES.byline.match(s):
            ln.keep = False
        elif is_strong(s) or furniture_score(s) >= EDGE_THRESHOLD:
            ln.keep = False
        else:
            break


def _trim_last_line(text: str, lines: list[Line], source: str | None) -> str | None:
    """A "(Source: X)" or a copyright notice glued to the end of the last paragraph."""
    kept = _kept(lines)
    if not kept:
        return source
    last = kept[-1]
    s = last.text(text)
    m = _INLINE_SOURCE.search(s)
    if m and m.start() > 0:
        source = m.group("name").strip()
        last.end = last.start + m.start()
        s = last.text(text)
    m = _INLINE_COPYRIGHT.search(s)
    if m and m.start() > 0:
        last.end = last.start + len(s[: m.start()].rstrip())
    return source


def _assemble(text: str, lines: list[Line], title: str | None, source: str | None) -> CleanResult:
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0
    gap = False
    for ln in lines:
        gap = gap or ln.gap
        if not ln.keep or ln.end <= ln.start:
            continue
        if parts:
            sep = "\n\n" if gap else "\n"
            parts.append(sep)
            pos += len(sep)
        piece = text[ln.start:ln.end]
        segments.append((pos, ln.start, len(piece)))
        parts.append(piece)
        pos += len(piece)
        gap = False
    return CleanResult("".join(parts), title, source, segments)
