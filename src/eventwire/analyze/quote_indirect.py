"""Indirect speech and source attributions from the dependency parse.

One pass over the tokens: a token whose surface form is a cue verb of the lexicon
takes its content from its clausal complement (ccomp: "X said (that) …"), its
to-infinitive (xcomp: "X vowed to …") or its object ("X denied the report",
"X accused Y of …"), and its speaker from its subject (or the subject of the verb
it hangs on: "…, saying …", "and added …"). "according to X", "citing X" take the
clause they attach to as content and their object as the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..nlp import doc_text, tokens_in, word_ids
from .quote_lexicon import lexicon

_TRIM = " \t\r\n,;:.-–—(\"“”'‘’«»"
_OBJ_PREPS = frozenset({"of", "for", "as", "over", "about", "on", "to", "with"})
_P_PREPS = frozenset({"for", "to", "about", "on", "against", "at"})
_SOURCE_PHRASE_RE = re.compile(r"\b(according to|citing|quoting)\s+", re.IGNORECASE)
_SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
_INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "ccomp", "acl"})
# "denied the report, which …": a comma-set relative clause or list after the object is the
# writer's aside, not part of what was said.
_ASIDE_RE = re.compile(r",\s+(?:which|who|whom|whose|including)\b")
_SENT_END_RE = re.compile(r"[.!?](?=\s|$)|\n")


@dataclass
class Found:
    content: tuple[int, int]
    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    direct: bool = False
    cue_i: int = -1  # token index of the cue (-1 for text-level cues)


_DANGLING = re.compile(r"(?:\s|^)(?:and|or|but|as well as)$", re.IGNORECASE)


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Strip punctuation at both ends, and a conjunction the parser left dangling at the end
    ("accused Russia of targeting civilians and [called on allies ...]")."""
    while True:
        while a < b and text[a] in _TRIM:
            a += 1
        while b > a and text[b - 1] in _TRIM:
            b -= 1
        m = _DANGLING.search(text, a, b)
        if m is None or m.end() != b or m.start() <= a:
            return a, b
        b = m.start()


def subtree_span(text: str, tok: Any) -> tuple[int, int]:
    right = tok.right_edge
    return trim(text, tok.left_edge.idx, right.idx + len(right.text))


def _subject(tok: Any) -> Any | None:
    for child in tok.children:
        if child.dep_ in _SUBJ_DEPS:
            return child
    return None


def speaker_of(text: str, verb: Any) -> tuple[int, int] | None:
    """The verb's subject, or that of the verb it is attached to, or the noun of its
    relative clause ("officials who said …")."""
    tok = verb
    for _ in range(3):
        subj = _subject(tok)
        if subj is not None:
            if subj.tag_ in ("WP", "WDT"):
                # "officials who said …": the relative pronoun is the speaker span (the
                # layer resolves it to the noun it stands for).
                return subj.idx, subj.idx + len(subj.text)
            return subtree_span(text, subj)
        if tok.dep_ == "relcl":
            noun = tok.head
            return trim(text, noun.left_edge.idx, noun.idx + len(noun.text))
        if tok.dep_ not in _INHERIT_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _agent(text: str, verb: Any) -> tuple[int, int] | None:
    for c in verb.children:
        if c.dep_ == "agent":
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return subtree_span(text, pobj)
    return None


_NP_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM"})


def _left_noun_phrase(text: str, verb: Any, floor: int) -> tuple[int, int] | None:
    """The words right before the verb, when the parse gave it a subject in another
    paragraph ("Chris Christie said …" glued to a headline without a full stop)."""
    i = verb.i - 1
    doc = verb.doc
    start = None
    while i >= 0 and doc[i].idx >= floor and (doc[i].pos_ in _NP_POS or doc[i].tag_ == "POS"):
        start = doc[i]
        i -= 1
    if start is None:
        return None
    span = trim(text, start.idx, verb.idx)
    return span if span[1] > span[0] else None


def _object_content(text: str, verb: Any) -> tuple[int, int] | None:
    dobj = _near(text, verb, ("dobj",))
    if dobj is None:
        return None
    end_tok = dobj.right_edge
    for c in verb.children:  # "accused Y of Z", "blamed Y for Z", "described Y as Z"
        if c.i > dobj.i and (c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in _OBJ_PREPS)):
            end_tok = c.right_edge
    a, b = dobj.left_edge.idx, end_tok.idx + len(end_tok.text)
    aside = _ASIDE_RE.search(text, a, b)
    return trim(text, a, aside.start() if aside else b)


def _near(text: str, verb: Any, deps: tuple[str, ...]) -> Any | None:
    """The child with one of these deps closest to the verb in its own paragraph (the
    parser sometimes hangs the previous paragraph's quote on the verb too)."""
    best = None
    for c in verb.children:
        if c.dep_ not in deps:
            continue
        lo, hi = sorted((c.idx, verb.idx))
        if "\n" in text[lo:hi]:
            continue
        if best is None or abs(c.i - verb.i) < abs(best.i - verb.i):
            best = c
    return best


def _content_of(text: str, verb: Any, frames: str) -> tuple[int, int] | None:
    if "c" in frames:
        c = _near(text, verb, ("ccomp",))
        if c is not None:
            a, b = subtree_span(text, c)
            for other in verb.children:  # "said A, but that B": both clauses are content
                if other.dep_ == "ccomp" and other is not c and (other.i > verb.i) == (c.i > verb.i):
                    oa, ob = subtree_span(text, other)
                    if "\n" not in text[min(a, oa):max(b, ob)]:
                        a, b = min(a, oa), max(b, ob)
            return a, b
    if "x" in frames:
        c = _near(text, verb, ("xcomp",))
        if c is not None:
            return subtree_span(text, c)
    if "o" in frames:
        span = _object_content(text, verb)
        if span:
            return span
    if "p" in frames:
        for c in verb.children:  # "called for …", "pointed to …", "talked about …"
            if c.dep_ == "prep" and c.i > verb.i and c.lower_ in _P_PREPS:
                pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    return subtree_span(text, pobj)
    if "c" in frames and verb.dep_ in ("parataxis", "conj") and verb.head.i < verb.i \
            and verb.head.pos_ in ("VERB", "AUX") and _subject(verb) is not None:
        # "Facebook created the tool, a spokeswoman said" parsed as a conjunct/parataxis
        # of the reported clause: content = the head clause up to this cue's subject.
        head = verb.head
        return trim(text, head.left_edge.idx, verb.left_edge.idx)
    return None


@lru_cache(maxsize=1)
def _cue_hashes() -> Any:
    lex = lexicon()
    words = set(lex.forms) | lex.passive_forms | lex.raising_forms
    return word_ids(words)


def cue_tokens(doc: Any) -> list[Any]:
    """The tokens whose lower-cased form is in the lexicon, found on the Doc's array
    (no Python object per token: this is the one pass over the parse)."""
    return [doc[i] for i in tokens_in(doc, _cue_hashes())]


def verb_cues(doc: Any, tokens: list[Any]) -> list[Found]:
    """Every cue verb with a content and (usually) a speaker."""
    text = doc_text(doc)
    forms = lexicon().forms
    out: list[Found] = []
    for tok in tokens:
        cue = forms.get(tok.lower_)
        if cue is None or not tok.tag_.startswith("VB"):
            continue
        content = _content_of(text, tok, cue.frames)
        if content is None and "c" in cue.frames:
            out.extend(_parenthetical(text, tok))
            continue
        if content is None or content[1] - content[0] < 2:
            continue
        passive = any(c.dep_ == "auxpass" for c in tok.children) or (
            tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl") and _subject(tok) is None
        )
        # In the passive ("voters were asked whether …", "when asked …") the subject is
        # the addressee: the speaker is the "by" agent, or unknown.
        speaker = _agent(text, tok) if passive else speaker_of(text, tok)
        if speaker is None and not passive:
            continue
        if speaker and speaker[0] < content[1] and content[0] < speaker[1]:
            continue  # a parse that puts the speaker inside the content is wrong
        # The parser runs sentences across line breaks where a headline lacks its full
        # stop: an attribution stays inside the cue's paragraph.
        pa, pb = _paragraph(text, tok.idx)
        content = trim(text, max(content[0], pa), min(content[1], pb))
        if content[1] - content[0] < 2:
            continue
        if speaker:
            speaker = trim(text, max(speaker[0], pa), min(speaker[1], pb))
            if speaker[1] <= speaker[0]:
                speaker = _left_noun_phrase(text, tok, pa)
                if speaker is None:
                    continue
        out.append(Found(content, (tok.idx, tok.idx + len(tok.text)), speaker, cue_i=tok.i))
    return out


def _parenthetical(text: str, verb: Any) -> list[Found]:
    """"The museum, Mr. Obama said, would make …": a cue set off by commas inside the
    clause it reports (parsed as parataxis of that clause's verb, which follows it)
    reports the whole clause, in two pieces on either side of "X said"."""
    head = verb.head
    if verb.dep_ != "parataxis" or head.i <= verb.i or head.pos_ not in ("VERB", "AUX"):
        return []
    subj = _subject(verb)
    if subj is None or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return []
    left, right = verb.left_edge, verb.right_edge
    before = trim(text, head.left_edge.idx, left.idx)
    if text[left.idx] == ",":
        left = subj.left_edge
    pa, pb = _paragraph(text, verb.idx)
    after = trim(text, right.idx + len(right.text),
                 min(pb, head.right_edge.idx + len(head.right_edge.text)))
    if before[0] < pa or before[1] <= before[0] or after[1] - after[0] < 2:
        return []
    if text[before[1]:left.idx].strip() != ",":  # set off by a comma
        return []
    speaker = subtree_span(text, subj)
    cue = (verb.idx, verb.idx + len(verb.text))
    return [Found(before, cue, speaker, cue_i=verb.i), Found(after, cue, speaker, cue_i=verb.i)]


def unsourced(doc: Any, tokens: list[Any]) -> list[Found]:
    """"X is expected to …", "X appears to …": content = subject + infinitive, no source."""
    text = doc_text(doc)
    lex = lexicon()
    out: list[Found] = []
    for tok in tokens:
        low = tok.lower_
        if not tok.tag_.startswith("VB"):
            continue
        raising = low in lex.raising_forms
        if not raising and not (low in lex.passive_forms and tok.tag_ == "VBN"):
            continue
        kids = list(tok.children)
        if not raising and not any(c.dep_ == "auxpass" for c in kids):
            continue
        if any(c.dep_ == "agent" for c in kids):
            continue
        subj = next((c for c in kids if c.dep_ in ("nsubjpass", "nsubj")), None)
        xcomp = next((c for c in kids if c.dep_ == "xcomp" and c.i > tok.i), None)
        if subj is None or xcomp is None or subj.tag_ in ("EX",) or subj.lower_ == "it":
            continue
        a, _ = subtree_span(text, subj)
        _, b = subtree_span(text, xcomp)
        if "\n" in text[a:b]:
            continue
        aux = next((c for c in kids if c.dep_ in ("auxpass",)), None)
        cue_start = aux.idx if aux is not None and aux.i < tok.i else tok.idx
        out.append(Found((a, b), (cue_start, tok.idx + len(tok.text)), None, cue_i=tok.i))
    return out


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, len(text) if b < 0 else b


def sentence_at(doc: Any, text: str, pos: int) -> tuple[int, int]:
    """The sentence around pos, clipped to its paragraph (headlines have no full stop)."""
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    pa, pb = _paragraph(text, pos)
    if span is None or len(span) == 0:
        return pa, pb
    sent = span[0].sent
    return max(sent.start_char, pa), min(sent.end_char, pb)


def _has_verb(doc: Any, span: tuple[int, int]) -> bool:
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand") if span[1] > span[0] else None
    return chunk is not None and any(t.pos_ in ("VERB", "AUX") for t in chunk)


def source_phrases(doc: Any) -> list[Found]:
    """'according to X', 'citing X', 'quoting X': X is the source of the clause around."""
    text = doc_text(doc)
    out: list[Found] = []
    for m in _SOURCE_PHRASE_RE.finditer(text):
        sa, sb = sentence_at(doc, text, m.start())
        src_start = m.end()
        # The source runs to the next comma/clause end; the parse is unreliable on
        # glued tokens, so the text decides.
        stop = re.compile(r"[,;:.!?)\n]|\s[-–—]\s|$").search(text, src_start, sb)
        src_end = stop.start() if stop else sb
        if src_end > src_start and text[src_end - 1] == "." and src_end == sb:
            src_end -= 1
        words = text[src_start:src_end].split()
        if not words or len(words) > 20:
            continue
        speaker = trim(text, src_start, src_end)
        before = trim(text, sa, m.start())
        after = trim(text, src_end, sb)
        # "According to X, A." / "A, according to X." / "A, according to X, B.": the
        # clause is whichever side holds a verb; the longer one when both do.
        sides = [sp for sp in (before, after) if _has_verb(doc, sp)] or [before, after]
        content = max(sides, key=lambda sp: sp[1] - sp[0])
        if content[1] - content[0] < 3:
            continue
        cue = (m.start(), m.start() + len(m.group(1)))
        out.append(Found(content, cue, speaker))
    return out
