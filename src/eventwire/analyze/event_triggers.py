"""Find candidate event triggers in a parsed Doc (tokens whose word is in the lexicon).

A candidate is a head token plus the extra words of a multi-word trigger ("opened fire",
"claimed responsibility", "car bomb"). Verbal and nominal triggers both count ("gunmen
opened fire", "the attack").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..nlp import doc_text, tokens_in, word_ids
from .event_lexicon import Entry, cue_set, lexicon, noun_forms
from .event_not_violence import not_violence

# Entity labels whose tokens are names, never triggers ("March", "Storm Ciara" is kept as noun).
_NAME_LABELS = {"DATE", "TIME", "PERSON", "GPE", "ORG", "LOC", "FAC", "NORP", "CARDINAL", "MONEY"}
# Heads under which the noun "fire" is gunfire, not a blaze ("opened fire", "came under fire").
_NL = re.compile(r"\n+")
_GUNFIRE_HEADS = {"open", "opened", "opens", "opening", "return", "returned", "exchange",
                  "exchanged", "under", "cease", "exchanging", "hold", "held"}


@dataclass
class Cand:
    token: Any  # spaCy Token: the head word
    entry: Entry
    words: list[Any] = field(default_factory=list)  # all trigger tokens, head included
    sent: int = 0  # index of the unit (sentence cut at line breaks)
    span: Any = None  # that unit as a spaCy Span

    @property
    def type(self) -> str:
        return self.entry.type

    @property
    def nominal(self) -> bool:
        return self.entry.pos == "noun"

    @property
    def start(self) -> int:
        return min(t.idx for t in self.words)

    @property
    def end(self) -> int:
        return max(t.idx + len(t.text) for t in self.words)


def newlines(doc: Any) -> list[int]:
    """Offsets of the line breaks of a Doc, computed once (Doc.text rebuilds the string on
    every access, far too slow to call per token)."""
    nl = doc.user_data.get("eventwire_newlines")
    if nl is None:
        nl = [m.start() for m in _NL.finditer(doc_text(doc))]
        doc.user_data["eventwire_newlines"] = nl
    return nl


def break_between(doc: Any, lo: int, hi: int) -> bool:
    """Is there a line break in text[lo:hi]?"""
    if lo > hi:
        lo, hi = hi, lo
    nl = newlines(doc)
    i = bisect_left(nl, lo)
    return i < len(nl) and nl[i] < hi


def crosses(a: Any, b: Any) -> bool:
    """True when a line break separates two tokens: spaCy glues headings to the next
    sentence, and no dependency should reach across a paragraph."""
    return break_between(a.doc, a.idx, b.idx)


def units(doc: Any) -> list[tuple[int, int]]:
    """Sentence spans split again at line breaks: (start_char, end_char), cached on the Doc."""
    cached = doc.user_data.get("eventwire_units")
    if cached is None:
        cached = _units(doc)
        doc.user_data["eventwire_units"] = cached
    return cached


def _units(doc: Any) -> list[tuple[int, int]]:
    text = doc_text(doc)
    out = []
    for s in doc.sents:
        start = s.start_char
        for m in _NL.finditer(text, s.start_char, s.end_char):
            if text[start:m.start()].strip():
                out.append((start, m.start()))
            start = m.end()
        if text[start:s.end_char].strip():
            out.append((start, s.end_char))
    return out


def _pos_ok(tok: Any, pos: str, weak: bool = False) -> bool:
    tag = tok.tag_ or ""
    if tag in ("VBG", "JJ") and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" \
            and not tok.doc[tok.i - 1].whitespace_ and not tok.doc[tok.i - 2].whitespace_:
        return False  # a hyphenated adjective: "non-life-threatening injuries", "crime-fighting"
    if pos == "verb":
        # a past form tagged as a singular noun is a mis-tag ("members of the CTA-A protested
        # to demand ..."): "-ed" words are never singular nouns. Not for weak verbs, whose
        # participles name people ("the wounded").
        return tag.startswith("VB") or tok.pos_ in ("VERB",) or (
            not weak and tag in ("NN", "NNP") and tok.lower_.endswith("ed") and tok.dep_ != "compound")
    return tag.startswith("NN") or tok.pos_ in ("NOUN", "PROPN") or (tag == "VBG" and tok.dep_ in ("nsubj", "dobj", "pobj", "nsubjpass"))


def _descendants(tok: Any, depth: int) -> list[Any]:
    out: list[Any] = []
    frontier = [tok]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            nxt.extend(c for c in t.children if not crosses(c, tok))
        out.extend(nxt)
        frontier = nxt
    return out


def _find_extra(tok: Any, entry: Entry) -> list[Any] | None:
    """Tokens for the other words of a multi-word entry, or None when one is missing."""
    if not entry.extra:
        return []
    if entry.pos == "verb":
        pool = _descendants(tok, 3)
    else:
        pool = list(tok.children) + [tok.doc[j] for j in range(max(tok.sent.start, tok.i - 3), tok.i)]
    found = []
    for word in entry.extra:
        forms = noun_forms(word) | {word}
        hit = next((t for t in pool if t.lower_ in forms), None)
        if hit is None:
            return None
        found.append(hit)
    return found


def _objects_ok(tok: Any, entry: Entry) -> bool:
    if not entry.objects and not entry.subjects:
        return True
    marks: set[str] = set(entry.markers)

    def fits(a: Any, allowed: set[str]) -> bool:
        return a.lower_ in allowed or any(c.dep_ in ("amod", "acl", "compound") and c.lower_ in marks
                                          for c in a.children)

    if entry.subjects:
        allowed = set().union(*(noun_forms(o) for o in entry.subjects))
        # "300 inmates escaped": the subject; "prisoners broke out and fled": a conjoined verb's
        verb = tok.head if tok.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in tok.children) else tok
        if any(c.dep_ == "nsubj" and fits(c, allowed) for c in verb.children):
            return True
        if not entry.objects:
            return False
    allowed = set()
    for o in entry.objects:
        allowed |= noun_forms(o)
    args = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if tok.dep_ in ("acl", "relcl", "amod"):
        args.append(tok.head)  # "the attack claimed by IS", "the video released on Friday"
    for a in list(args):
        if a.lower_ in ("that", "which") and tok.dep_ == "relcl":
            args.append(tok.head)
    return any(fits(a, allowed) and (a.dep_ != "nsubjpass" or _crowd_agent(tok, entry)) for a in args)


def _armed_subject(tok: Any, entry: Entry) -> bool:
    """"The attackers blocked the road": armed men doing a crowd's act are not protesting."""
    if not entry.passive_agents:
        return False
    doers = cue_set("actors", "perpetrator_nouns")
    table = lexicon()
    # (and "fighting had blocked roads": an event, not a crowd, blocks the road)
    return any(c.dep_ == "nsubj" and (c.lower_ in doers or any(
        e.pos == "noun" and e.type not in ("protest", "riot") for e in table.get(c.lower_, ())))
        for c in tok.children)


def _crowd_agent(verb: Any, entry: Entry) -> bool:
    """Whether a passive verb's by-agent is a crowd noun or a group name (see Entry)."""
    if not entry.passive_agents:
        return True
    allowed: set[str] = set()
    for w in entry.passive_agents:
        allowed |= noun_forms(w)
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for obj in (c for c in agent.children if c.dep_ == "pobj"):
            if obj.lower_ in allowed or obj.ent_type_ in ("NORP", "ORG"):
                return True
    return False


def find(doc: Any) -> list[Cand]:
    table = lexicon()
    out: list[Cand] = []
    used: set[int] = set()  # tokens already part of a multi-word trigger
    spans = units(doc)
    starts = [u[0] for u in spans]
    for i in _lexicon_hits(doc):
        tok = doc[i]
        entries = table.get(tok.lower_)
        if not entries or tok.i in used:
            continue
        if tok.ent_type_ in _NAME_LABELS and tok.pos_ == "PROPN":
            continue
        for entry in entries:
            if not _pos_ok(tok, entry.pos, entry.weak):
                continue
            if entry.head == "fire" and entry.pos == "noun" and tok.head.lower_ in _GUNFIRE_HEADS:
                continue
            if entry.pos == "noun" and tok.dep_ in ("compound", "amod") and tok.head.lower_ in cue_set("mode", "equipment"):
                continue  # "riot police", "riot gear", "protest signs": the kind of a thing, no event
            extra = _find_extra(tok, entry)
            if extra is None or not _objects_ok(tok, entry) or _armed_subject(tok, entry) or not_violence(tok, entry):
                continue
            words = [tok, *extra]
            used.update(t.i for t in extra)
            u = max(0, bisect_right(starts, tok.idx) - 1)
            span = doc.char_span(spans[u][0], spans[u][1], alignment_mode="expand") if spans else tok.sent
            out.append(Cand(tok, entry, sorted(words, key=lambda t: t.i), u, span))
            break
    return out


@lru_cache(maxsize=1)
def _lexicon_ids() -> Any:
    """The lexicon's words as sorted string ids (the ids of `Token.lower`)."""
    return word_ids(lexicon())


def _lexicon_hits(doc: Any) -> list[int]:
    """Indexes of the tokens whose lower-case form is a lexicon word, in order."""
    return tokens_in(doc, _lexicon_ids())
