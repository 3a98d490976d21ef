"""Lines of a text with their offsets, and the furniture classifier for one line."""

from __future__ import annotations

from dataclasses import dataclass

from .cues import CUES, SEPARATORS, TERMINAL, WEAK

EDGE_THRESHOLD = 4  # furniture score at which a line at the top/bottom of a page goes
MAX_CUE_WORDS = 40  # a strong cue never removes a long line: that is body text


@dataclass
class Line:
    start: int  # offset of the (stripped) line in the original text
    end: int
    gap: bool  # a blank line precedes it
    keep: bool = True

    def text(self, src: str) -> str:
        return src[self.start:self.end]


def split_lines(text: str) -> list[Line]:
    """Non-blank lines, stripped, with their original offsets."""
    out: list[Line] = []
    pos = 0
    gap = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            out.append(Line(start, start + len(stripped), gap=gap or not out))
            gap = False
        else:
            gap = True
        pos += len(raw) + 1
    return out


def words(s: str) -> int:
    return len(s.split())


def is_strong(s: str) -> bool:
    """Furniture wherever it stands (share bars, cookie banners, photo credits...)."""
    return words(s) <= MAX_CUE_WORDS and bool(CUES.line.match(s) or CUES.comment_form.match(s))


def furniture_score(s: str) -> int:
    """How much a line looks like page furniture rather than article prose.

    Used only for lines at the very top or bottom of the text: shortness, no
    sentence-final punctuation, separator-laden link lists and navigation words
    add up; a long sentence takes a lot away.
    """
    n = words(s)
    score = 0
    terminal = bool(TERMINAL.search(s))
    if n <= 6:
        score += 1
    if not terminal:
        score += 1
    if len(SEPARATORS.findall(s)) >= 2:
        score += 2
    if n <= 12 and WEAK.search(s):
        score += 2
    if s.isupper() and n <= 8:
        score += 1
    if n >= 15 and terminal:
        score -= 4
    return score
