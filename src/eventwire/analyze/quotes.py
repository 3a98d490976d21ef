"""quotes layer: direct and indirect quotes and source attributions.

    analyze(record) -> list[Quote]

Three sources of evidence, combined in one pass over the text and one over the parse:
  1. quote_indirect.verb_cues: cue verbs of the lexicon (data/quotes/cues.toml) with a
     clausal/infinitival/object complement as content and their subject as speaker;
     when that content is (mostly) a quoted span, it becomes a direct quote;
  2. quote_direct.attribute: quoted spans not yet explained get the cue next to them
     (`"…," X said`, `X said: "…"`, split quotes share one cue);
  3. quote_indirect.source_phrases: "according to X", "citing X".
Speakers get the canonical name of the entity they overlap; a pronoun speaker gets
the canonical of the nearest preceding named speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from ..model import Entity, Quote, Record, Span, Speaker
from ..spans import SpanIndex
from .quote_direct import attribute
from .quote_indirect import (
    Found,
    cue_tokens,
    doc_text,
    source_phrases,
    subtree_span,
    trim,
    unsourced,
    verb_cues,
)
from .quote_lexicon import PRONOUNS, cue_of, lexicon
from .quote_lines import headline_cues, in_sources
from .quote_marks import QSpan, find_quotes

_DIRECT_SHARE = 0.6  # content at least this much inside quote marks -> a direct quote
_PERSONAL = frozenset({"he", "she", "him", "her"})
_PLURAL = frozenset({"they", "them"})
_RELATIVE = frozenset({"who", "whom", "that", "which"})


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _inside_quote(pos: int, qspans: list[QSpan]) -> bool:
    return any(q.cstart <= pos < q.cend for q in qspans)


def _absorb_quotes(f: Found, qspans: list[QSpan]) -> None:
    """Quoted text a verb's content touches belongs to that content (the parse often cuts
    a long quote short); the content is a direct quote when it starts with the quote."""
    hits = [q for q in qspans if _overlap((q.cstart, q.cend), f.content) > 0]
    if not hits:
        return
    for q in hits:
        q.used = True
        q.owner = f
    a = min(f.content[0], *(q.cstart for q in hits))
    b = max(f.content[1], *(q.cend for q in hits))
    if a < f.cue[0] < b:  # the parse ran past the cue: keep the side holding the quote
        before = [q for q in hits if q.cend <= f.cue[0]]
        if before:
            b = max(q.cend for q in before)
            hits = before
        else:
            a = min(q.cstart for q in hits)
    f.content = (a, b)
    inside = sum(q.cend - q.cstart for q in hits)
    f.direct = a == hits[0].cstart and inside >= _DIRECT_SHARE * (b - a)


def _to_outlet(doc: Any, f: Found, entities: list[Entity]) -> None:
    """'officials confirmed to NBC News that …': an unnamed subject speaking to a named
    outlet -> the outlet is the attributed source."""
    if f.cue_i < 0:
        return
    lex = lexicon()
    verb = doc[f.cue_i]
    cue = cue_of(verb.text)
    if cue is None or cue.lemma not in lex.media_verbs:
        return
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.pos_ == "PROPN":
        return
    for prep in verb.children:
        if prep.dep_ in ("prep", "dative") and prep.lower_ == "to":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            span = subtree_span(doc_text(doc), pobj)
            outlet = any(e.kind == "media" and _overlap((e.start, e.end), span) for e in entities)
            if outlet or lex.media_re.search(doc_text(doc)[span[0]:span[1]]):
                f.speaker = span
            return


_DATELINE_RE = re.compile(r"^.*?\s(?:-|--|–|—)\s+")


def _after_dateline(text: str, a: int, b: int) -> tuple[int, int]:
    """"LONDON (Reuters) - Donald Trump" -> "Donald Trump": a dateline the parser
    folded into the subject is not part of the speaker."""
    m = _DATELINE_RE.match(text, a, b)
    if m and m.end() < b and text[a:m.start() + 1].strip()[:1].isupper():
        head = text[a:m.end()]
        if head.upper() == head or "(" in head:  # all-caps place or (Agency)
            return m.end(), b
    return a, b


def _entity_index(entities: list[Entity]) -> SpanIndex:
    return SpanIndex((e.start, e.end) for e in entities)


def _canonical(span: tuple[int, int], entities: list[Entity], index: SpanIndex,
               text: str | None = None) -> str | None:
    """The longest overlapping entity's canonical (`index`: the entities' spans)."""
    best: Entity | None = None
    for e in (entities[i] for i in index.overlapping(*span)):
        if e.canonical:
            if best is None or (e.end - e.start) > (best.end - best.start):
                best = e
    if best is not None and text is not None and best.end < span[1]:
        name = _name_after_titles(text[best.end:span[1]])
        if name:
            return name  # "Houston Police Chief Troy Finner": the entity is the office, not the speaker
    return best.canonical if best else None


_NAME_WORD = re.compile(r"[A-Z][a-z'’-]+\.?$|[A-Z]\.$")


def _name_after_titles(phrase: str) -> str | None:
    """The personal name after the titles that follow an entity in a speaker phrase ("[Houston
    Police] Chief Troy Finner" -> "Troy Finner"), or None when it is not titles then a name."""
    words = phrase.split()
    titles = lexicon().titles
    i = 0
    while i < len(words) and (words[i].lower() in titles or words[i].lower().rstrip("'’s") in titles
                              or "-" in words[i] and all(p in titles for p in words[i].lower().split("-"))):
        i += 1  # ("Lieutenant-Colonel")
    name = words[i:]
    if i == 0 or not 2 <= len(name) <= 4 or not all(_NAME_WORD.match(w) for w in name):
        return None
    if any(w.lower().rstrip(".") in titles for w in name):
        return None
    return " ".join(name)


def _titled(phrase: str) -> bool:
    """"an army spokesman", "regional governor X": a speaker phrase naming a person by office."""
    people = lexicon().person_titles
    return any(w.strip(",").lower() in people or w.lower().rstrip("s") in people for w in phrase.split())


def _resolve_pronouns(doc: Any, quotes: list[Quote], entities: list[Entity], index: SpanIndex) -> None:
    """A pronoun speaker takes a canonical: he/she the nearest preceding person (a named
    speaker that is a person entity or a direct quote's speaker, or a person entity),
    they/it-like ones the nearest preceding named speaker, a relative pronoun the noun
    its clause hangs on ("the organisation that claimed …")."""
    anchors: list[tuple[int, str, bool]] = []  # (position, name, person-like)
    for e in entities:
        if e.label == "PERSON":
            anchors.append((e.start, e.canonical or e.text, True))
    # "Burguan said" after "Police Chief Jarrod Burguan": a surname names that person
    surnames = {a[1].split()[-1]: a[1] for a in anchors if len(a[1].split()) > 1}
    for q in quotes:
        sp = q.speaker
        if sp is None or sp.text.lower() in PRONOUNS:
            continue
        person = q.direct or any(entities[i].label == "PERSON" for i in index.overlapping(sp.start, sp.end)) \
            or _titled(sp.text)
        name = sp.canonical or sp.text
        words = sp.text.split()
        if name == sp.text and words[-1] in surnames and all(
                w.lower() in lexicon().titles for w in words[:-1]):  # "Burguan", "Lt. Verhague"
            person, name = True, surnames[words[-1]]
            sp.canonical = name
        anchors.append((sp.start, name, person))
    # a name inside quoted words is talked about, not talking ("'…over Rubaya,' he said")
    inside = SpanIndex((q.start, q.end) for q in quotes if q.direct)
    anchors = sorted(a for a in anchors if not inside.overlaps(a[0], a[0] + 1))
    at = [a[0] for a in anchors]
    for q in quotes:
        sp = q.speaker
        if sp is None or sp.canonical:
            continue
        word = sp.text.lower()
        if word in _RELATIVE:
            sp.canonical = _relative_head(doc, sp, entities, index)
        elif word in _PERSONAL or word in _PLURAL:
            person = word in _PERSONAL
            i = bisect_left(at, sp.start) - 1  # the nearest anchor before, a person for he/she
            while i >= 0 and person and not anchors[i][2]:
                i -= 1
            if i >= 0:
                sp.canonical = anchors[i][1]


def _relative_head(doc: Any, sp: Speaker, entities: list[Entity], index: SpanIndex) -> str | None:
    span = doc.char_span(sp.start, sp.end, alignment_mode="expand") if doc is not None else None
    if span is None or not len(span):
        return None
    tok = span[0]
    if tok.head.dep_ != "relcl":
        return None
    noun = tok.head.head
    a, b = noun.left_edge.idx, noun.idx + len(noun.text)
    return _canonical((a, b), entities, index) or doc_text(doc)[a:b]


def _continuation(text: str, prev: QSpan | None, q: QSpan) -> Found | None:
    """`"A," he said. "B."` or `He said: "A." "B."`: a quote right after an attributed
    one, with nothing between them but that quote's own frame, continues it. So does a
    paragraph that is nothing but a quote, right after a paragraph ending in one."""
    if prev is None or prev.owner is None or not prev.owner.direct:
        return None
    owner: Found = prev.owner
    gap = text[prev.end:q.start]
    if "\n" in gap:
        if gap.strip() or not _ends_paragraph(text, q.end):
            return None
    else:
        frame = gap.strip()
        if frame and not (prev.end <= owner.cue[0] < q.start and len(gap.split()) <= 40
                          and frame[-1] in ".,:;"):
            return None
    return Found((q.cstart, q.cend), owner.cue, owner.speaker, direct=True, cue_i=owner.cue_i)


def _ends_paragraph(text: str, pos: int) -> bool:
    nl = text.find("\n", pos)
    rest = text[pos:nl if nl >= 0 else len(text)]
    return not rest.strip(" \t\r.,;:!?")


def _cut_nested(text: str, found: list[Found]) -> None:
    """A content runs up to the next attribution inside it ("he saw no need to change,
    telling reporters that …" -> "he saw no need to change"): one stretch of text has
    one role in one attribution."""
    indirect = [f for f in found if not f.direct]
    for f in indirect:
        a, b = f.content
        cut = b
        for g in indirect:
            # only a participle/conjunct continuing the same speaker ("…, adding that …")
            if g is f or g.speaker != f.speaker or not a < g.cue[0] < b:
                continue
            start = g.cue[0]
            if g.speaker and a < g.speaker[0] < start:
                start = g.speaker[0]
            cut = min(cut, start)
        if cut < b:
            na, nb = trim(text, a, cut)
            if len(text[na:nb].split()) >= 3:
                f.content = (na, nb)


def _drop_embedded(found: list[Found]) -> list[Found]:
    """"He said he plans to spend the money he says he raised": a cue (with its content)
    inside another attribution's indirect content is part of what is reported, not a
    second attribution (each stretch of text has one role in one attribution)."""
    outer = [f for f in found if not f.direct]
    keep = []
    for f in found:
        inside = any(g is not f and g.content[0] <= f.cue[0] and f.content[1] <= g.content[1]
                     and (f.speaker is None or g.content[0] <= f.speaker[0])
                     for g in outer)
        if f.direct or not inside:
            keep.append(f)
    return keep


def find(doc: Any) -> list[Found]:
    """All quote/attribution candidates of a parsed document (no entity linking)."""
    text = doc_text(doc)
    qspans = find_quotes(text)
    found: list[Found] = []
    tokens = cue_tokens(doc)
    for f in verb_cues(doc, tokens) + unsourced(doc, tokens):
        if _inside_quote(f.cue[0], qspans):
            continue  # speech reported inside a quotation is part of that quotation
        _absorb_quotes(f, qspans)
        found.append(f)
    taken = frozenset(f.cue_i for f in found if not f.direct)
    floor = 0
    last: QSpan | None = None  # the last quote with an attribution
    for q in qspans:
        if not q.used:
            same_paragraph = last is not None and "\n" not in text[last.end:q.start]
            own = attribute(doc, q, floor, taken)
            f = own if own is not None and own.cue[0] >= q.end else None  # `"…," he added`
            if f is None and same_paragraph:
                f = _continuation(text, last, q)
            f = f or own
            if f is None and not same_paragraph:
                f = _continuation(text, last, q)
            if f is not None:
                q.used = True
                q.owner = f
                found.append(f)
        floor = q.end
        if q.owner is not None:
            last = q
    _cut_nested(text, found)
    # An indirect reading of a cue that also introduces an adjacent direct quote is
    # the same attribution twice: keep the direct one.
    direct_cues = {f.cue for f in found if f.direct}
    found = [f for f in found if f.direct or f.cue not in direct_cues]
    found = _drop_embedded(found)
    for f in source_phrases(doc) + in_sources(doc, [f.cue for f in found]):
        if not _inside_quote(f.cue[0], qspans):
            found.append(f)
    found.extend(headline_cues(text, [f.cue for f in found]))
    return found


def analyze(record: Record) -> list[Quote]:
    doc = record.doc
    if doc is None:
        return []
    text = doc_text(doc)
    out: list[Quote] = []
    index = _entity_index(record.entities)
    for f in find(doc):
        _to_outlet(doc, f, record.entities)
        speaker = None
        if f.speaker is not None and f.speaker[1] > f.speaker[0]:
            a, b = _after_dateline(text, *f.speaker)
            canonical = _canonical(f.speaker, record.entities, index, text) or _name_after_titles(text[a:b])
            speaker = Speaker(text[a:b], a, b, canonical)
        a, b = f.content
        out.append(Quote(text[a:b], a, b, f.direct, Span.of(text, *f.cue), speaker))
    _resolve_pronouns(doc, out, record.entities, index)
    out.sort(key=lambda q: (q.start, q.end))
    return out
