"""Find quoted stretches of text: the spans between quotation marks.

News text mixes conventions: curly “ ” (often mismatched after copy-paste, as in
“…“says), straight " , NYT's doubled apostrophes '' , guillemets « », and single
quotes in headlines. One left-to-right scan pairs marks; a paragraph break closes
nothing and resets the state, except for the print convention of multi-paragraph
quotes, where each new paragraph of the quote opens again without the previous one
closing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# Marks and line breaks in one pattern so the scan is a single regex pass.
_MARK_RE = re.compile(r"''|``|[\"“”«»„]|\n")
_OPENERS = frozenset({"“", "«", "„", "``"})
_CLOSERS = frozenset({"”", "»"})
_OPEN_AHEAD_RE = re.compile(r"[ \t\r\n]*(?:''|``|[\"“«„])")
# Headline single quotes: ‘…’ or '…' around words, not apostrophes inside words.
_SINGLE_RE = re.compile(r"(?<![\w'‘’])[‘'](?=\w)([^‘’'\n]{2,200}?[\w.!?,])[’'](?![\w'’])")
MAX_QUOTE = 6000  # longer "quotes" are unbalanced marks, not speech


@dataclass
class QSpan:
    start: int  # the opening mark
    end: int  # just after the closing mark
    cstart: int  # the content inside the marks
    cend: int
    used: bool = False  # attributed (or swallowed by an indirect quote's content)
    owner: Any = None  # the attribution it belongs to


def _content(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\r\n":
        a += 1
    while b > a and text[b - 1] in " \t\r\n,":
        b -= 1
    return a, b


def find_quotes(text: str) -> list[QSpan]:
    spans: list[QSpan] = []
    open_at = -1
    open_len = 0
    continuing = False  # a newline inside a quote followed by a re-opening mark
    for m in _MARK_RE.finditer(text):
        mark = m.group()
        pos = m.start()
        if mark == "\n":
            if open_at < 0:
                continue
            if _OPEN_AHEAD_RE.match(text, pos):
                continuing = True
            else:
                open_at = -1  # unbalanced: forget it rather than swallow paragraphs
            continue
        if continuing:
            continuing = False
            continue  # the re-opening mark of a quote's next paragraph
        if open_at < 0:
            if mark in _CLOSERS:
                continue  # stray closer
            open_at, open_len = pos, len(mark)
            continue
        glued = pos > 0 and not text[pos - 1].isspace()
        if mark in _OPENERS and not glued:
            open_at, open_len = pos, len(mark)  # the earlier opener was stray
            continue
        # A closer, a symmetric mark, or an opener glued to the word before it
        # (the mismatched “…“ of copy-pasted text) ends the quote.
        a, b = _content(text, open_at + open_len, pos)
        if b > a and pos - open_at <= MAX_QUOTE:
            spans.append(QSpan(open_at, pos + len(mark), a, b))
        open_at = -1
    first_line = text.split("\n", 1)[0]
    if len(first_line) < 300:  # single quotes only in a headline, where they stand for double
        for m in _SINGLE_RE.finditer(first_line):
            if any(q.start < m.end() and m.start() < q.end for q in spans):
                continue
            spans.append(QSpan(m.start(), m.end(), m.start(1), m.end(1)))
        spans.sort(key=lambda q: q.start)
    return spans
