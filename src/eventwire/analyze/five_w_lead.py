"""Shared pieces of analyze.five_w: the answer type, the cue lists, the lead of an article
and positions in it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Span

LEAD_SENTS = 8  # the headline, the standfirst and the first paragraph(s)
SUBJ = ("nsubj", "nsubjpass")


@dataclass
class WAnswer:
    """One answer: the phrase, its span in the record's text, and for `when` the value."""

    text: str
    start: int
    end: int
    value: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.text, self.start, self.end)


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    raw = tomllib.loads(resources.files("eventwire.data.five_w").joinpath("cues.toml").read_text("utf-8"))
    return {f"{sec}.{k}": frozenset(v) for sec, d in raw.items() for k, v in d.items()}


def cue(key: str) -> frozenset[str]:
    return _cues()[key]


def lead(doc: Any) -> list[Any]:
    """The first sentences that carry text (web clutter like "Click to share" skipped, and
    a kicker before the headline: "US election 2016:" labels the story, the headline that
    follows states it)."""
    out = []
    clutter = cue("what.clutter")
    for s in doc.sents:
        words = [t for t in s if t.is_alpha]
        if len(words) < 2:
            continue
        if s.root.lower_ in clutter and not any(c.dep_ in SUBJ for c in s.root.children):
            continue
        if not out and _kicker(s):
            continue
        out.append(s)
        if len(out) >= LEAD_SENTS:
            break
    return out


def _kicker(sent: Any) -> bool:
    """A label line ending in a colon, without a verb of its own."""
    toks = [t for t in sent if not t.is_space]
    return bool(toks) and toks[-1].text == ":" and not any(t.pos_ in ("VERB", "AUX") for t in toks)


def sent_index(sents: list[Any], char: int) -> int | None:
    for k, s in enumerate(sents):
        if s.start_char <= char < s.end_char:
            return k
    return None


def position(sents: list[Any], char: int) -> float:
    """Sentence index in the lead; past the lead, grows slowly with the offset so that a
    later mention still answers when the lead has none."""
    k = sent_index(sents, char)
    if k is not None:
        return float(k)
    return len(sents) + (char - sents[-1].end_char) / 2000 if char >= sents[-1].end_char else 0.0


def token_at(doc: Any, char: int) -> Any | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
