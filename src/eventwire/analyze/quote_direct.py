"""Attribute quoted spans to a cue and a speaker found next to them.

The parse of text around quotation marks is often wrong (long quotes split into
several sentences, marks glued to words: `defeated“says`), so the cue is looked for
in the text right after the closing mark (`"…," said X`, `"…," X said`, `"…" says,
in selfie mode, X`) and then right before the opening one (`X said: "…"`, `X said
"…"`, a paragraph ending in `X said:` before a quote paragraph). The speaker comes
from the parse when the cue verb has a subject, else from the words next to the cue.
A quote with no cue next to it (a scare quote, a title) is not a quotation.
"""

from __future__ import annotations

import re
from typing import Any

from ..nlp import doc_text
from .quote_indirect import Found, speaker_of, trim
from .quote_lexicon import lexicon
from .quote_marks import QSpan

_AFTER_MAX = 160
_BEFORE_MAX = 220
_AFTER_WORDS = 15  # words allowed between the closing mark and the cue ("James B. Comey Jr., the director of the FBI, said")
_BEFORE_GAP_WORDS = 7  # words allowed between the cue and the opening mark ("on Twitter Monday")
# A full stop after a title or an initial ("Mr. Rogan said") ends no sentence.
_ABBREV = "".join(
    rf"(?<!\b{a})" for a in "Mr Ms Mrs Dr St Jr Sr Sen Rep Gov Gen Col Lt Sgt Capt Prof Rev Ft Mt Hon Gens Reps Sens".split()
) + r"(?<!\b[A-Z])"
_STOP_AFTER_RE = re.compile(_ABBREV + r"[.!?;](?=[\s\"“”']|$)|\n|[\"“”«»]|''")
_STOP_BEFORE_RE = _STOP_AFTER_RE
_COLON_SPEAKER_RE = re.compile(r"^\s*([A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,5})\s*:\s*$")
# `"…" ― Jane Doe` at the end of a line: a testimonial signed with a dash.
_DASH_SIGNED_RE = re.compile(
    r"[ \t\u00a0]*([―—–])[ \t\u00a0]*([A-Z][\w.'’-]*(?:[ \t\u00a0]+[\w.'’-]+){0,5}?)[ \t\u00a0.]*(?=\n|$)"
)
_PREP_START = frozenset(
    "in on at during after before from to via through with while when as of into".split()
)
_CLAUSE_WORDS = frozenset("that which because but and if when while although".split())


def _after_window(text: str, q: QSpan) -> tuple[int, int]:
    end = min(len(text), q.end + _AFTER_MAX)
    m = _STOP_AFTER_RE.search(text, q.end, end)
    return q.end, m.start() if m else end


def _before_window(text: str, q: QSpan, floor: int) -> tuple[int, int]:
    start = max(floor, q.start - _BEFORE_MAX)
    last = None
    for m in _STOP_BEFORE_RE.finditer(text, start, q.start):
        last = m
    return (last.end() if last else start), q.start


def _speaker_after(text: str, a: int, b: int) -> tuple[int, int] | None:
    """`says, in selfie mode, the attacker who filmed the scene`: the first comma-part
    after the cue that is not a prepositional aside."""
    pos = a
    for part in re.finditer(r"[^,]+", text[a:b]):
        s, e = trim(text, pos + part.start(), pos + part.end())
        words = text[s:e].split()
        if not words:
            continue
        if words[0].lower() in _PREP_START:
            continue
        return (s, e) if len(words) <= 14 else None
    return None


def _token_at(doc: Any, pos: int) -> Any | None:
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _cue_index(doc: Any, pos: int) -> int:
    tok = _token_at(doc, pos)
    return tok.i if tok is not None and tok.idx == pos else -1


def _verbal(doc: Any, pos: int) -> bool:
    """A cue word the tagger calls a noun ("the state", "a report") is no cue; a word
    glued to the one before it (`defeated“says`) has no tag of its own and passes."""
    tok = _token_at(doc, pos)
    return tok is None or tok.idx != pos or tok.tag_.startswith("VB")


def _with_speaker(doc: Any, q: QSpan, cue: tuple[int, int], after: bool,
                  win: tuple[int, int]) -> Found:
    text = doc_text(doc)
    tok = _token_at(doc, cue[0])
    speaker = None
    if tok is not None and tok.idx == cue[0] and tok.tag_.startswith("VB"):
        speaker = speaker_of(text, tok)
        if speaker and (speaker[0] < q.end and q.start < speaker[1]):
            speaker = None  # the parse took the quote itself as subject
    if speaker is None:
        if after:
            between = trim(text, q.end, cue[0])
            if between[1] > between[0]:
                speaker = between
            else:
                speaker = _speaker_after(text, cue[1], win[1])
        else:
            speaker = trim(text, win[0], cue[0])
            if speaker[1] <= speaker[0] or len(text[speaker[0]:speaker[1]].split()) > 12:
                speaker = None
    cue_i = tok.i if tok is not None and tok.idx == cue[0] else -1
    return Found((q.cstart, q.cend), cue, speaker, direct=True, cue_i=cue_i)


def attribute(doc: Any, q: QSpan, floor: int, taken: frozenset[int] = frozenset()) -> Found | None:
    """The cue and speaker of one quoted span, or None when there is no cue next to it.
    `floor` is the end of the previous quote: a window never reaches into it. `taken`:
    token indices of cue verbs that already report some other content (the quote is
    then a title or a scare quote near them, not what they report)."""
    text = doc_text(doc)
    direct_re = lexicon().direct_re
    signed = _DASH_SIGNED_RE.match(text, q.end)
    if signed:
        sa, sb = signed.span(2)
        if text[sb - 1] == "." and not re.search(r"\b[A-Z]\.$", text[sa:sb]):  # "Tom Reed." but "Jane Q."
            sb -= 1
        return Found((q.cstart, q.cend), signed.span(1), (sa, sb), direct=True)
    a, b = _after_window(text, q)
    for m in direct_re.finditer(text, a, b):
        if not _verbal(doc, m.start()):
            continue
        if _cue_index(doc, m.start()) in taken:
            break
        gap = text[a:m.start()]
        words = gap.split()
        if len(words) <= _AFTER_WORDS and not any(w.lower() in _CLAUSE_WORDS for w in words):
            return _with_speaker(doc, q, (m.start(), m.end()), True, (a, b))
        break
    a, b = _before_window(text, q, floor)
    if b - a < 2 and text[max(0, a - 1)] == "\n":
        # A quote paragraph after a paragraph that ends "X said:".
        j = a - 1
        while j > 0 and text[j - 1] in " \t\r\n":
            j -= 1
        if j > 0 and text[j - 1] == ":":
            pa = text.rfind("\n", 0, j - 1) + 1
            cues = [c for c in direct_re.finditer(text, pa, j) if _verbal(doc, c.start())]
            if cues:
                c = cues[-1]
                return _with_speaker(doc, q, (c.start(), c.end()), False, (pa, c.start()))
    cues = [c for c in direct_re.finditer(text, a, b) if _verbal(doc, c.start())]
    if cues:
        c = cues[-1]
        if _cue_index(doc, c.start()) in taken:
            return None
        gap = text[c.end():b].strip()
        # `X said: "…"`, `X said on Monday, "…"`, `X told reporters "…"`; not a title
        # after a cue (`X said on "Meet the Press"`).
        if not gap or (len(gap.split()) <= _BEFORE_GAP_WORDS and gap[-1] in ":,") \
                or len(gap.split()) <= 2:
            return _with_speaker(doc, q, (c.start(), c.end()), False, (a, b))
    m = _COLON_SPEAKER_RE.match(text[a:b])
    if m:  # "Trump: 'We will win'" — the colon is the cue
        colon = text.rindex(":", a, b)
        return Found((q.cstart, q.cend), (colon, colon + 1), (a + m.start(1), a + m.end(1)),
                     direct=True)
    return None
