"""Who / what / when / where of an article's main event, as short phrases with their spans.

News states its main event up front: the headline and the lead name who did what, and the
first dated, placed facts belong to it (the inverted pyramid that Giveme5W1H also builds
on). The typed events of the events layer only cover conflict-like events, so the answers
come from the lead's clauses, scored like Giveme5W1H's candidates: position in the lead
first, then how well a candidate fits its question (a named subject, a day near the
publication date, a place attached to the main clause), then how often it recurs.

A pure function of a record: it reads the layers (entities, places, times, events) and,
while the layers run, the spaCy Doc (`record.doc`). Without a Doc (a record read back from
JSON) it answers from the primary event alone.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..model import Record
from .event_actors import is_event_noun
from .event_lexicon import cue_set
from .five_w_lead import SUBJ, WAnswer, cue, lead, token_at
from .five_w_when import when
from .five_w_where import where

__all__ = ["QUESTIONS", "WAnswer", "five_w"]

QUESTIONS = ("who", "what", "when", "where")
HEADLINE_BONUS = 0.5  # the headline states the news, even when its subject is an unknown name
_NAMED = {"PERSON", "ORG", "NORP", "GPE"}
QUOTE_MARKS = frozenset('"“”')
NAMING_SENTS = 3  # the lead names a headline's described subject within this many sentences
REPORTED_PENALTY = 0.5  # a reporting verb's clause yields to the clause it reports
# a headline "X, says Y" states X: the source yields to it whatever their names
ATTRIBUTION_PENALTY = 1.0


def five_w(record: Record) -> dict[str, WAnswer | None]:
    """The four answers for one analysed record (None where there is none)."""
    doc = getattr(record, "doc", None)
    if doc is None:
        return _from_event(record)
    sents = lead(doc)
    if not sents:
        return _from_event(record)
    out: dict[str, WAnswer | None] = dict.fromkeys(QUESTIONS)
    clause = _main_clause(record, sents)
    main_sent, verb = None, None
    if clause is not None:
        subj, verb, k = clause
        named = _named_for(record, subj, sents) if k == 0 else None
        out["who"] = _answer(record, *_subject_span(record, named if named is not None else subj))
        out["what"] = _answer(record, *_what_span(record, verb))
        main_sent = k
    if main_sent != 0:
        verb = _event_subject_verb(sents[0])
        if verb is not None:
            out["what"] = _answer(record, *_what_span(record, verb))
        else:
            _headline_event(record, sents[0], out)
    out["when"] = when(record, sents, main_sent, verb)
    out["where"] = where(record, sents, main_sent)
    return out


def _named_for(record: Record, subj: Any, sents: list[Any]) -> Any | None:
    """A headline names its subject by a description ("F1 legend makes an emotional
    farewell"); the lead then names the person: the first person who is the subject of a
    main clause in the next sentences answers who."""
    if subj.tag_ != "NN" or any(_named(record, t) for t in subj.subtree):
        return None  # "Hillary Clinton aide": the description is tied to a name already
    reporting = cue("what.reporting")
    for s in sents[1:1 + NAMING_SENTS]:
        for t in s:
            # not a speaker ("Police chief John Smith said the gunman ..."): a source
            if t.dep_ == "nsubj" and t.ent_type_ == "PERSON" and t.head.dep_ in ("ROOT", "conj") \
                    and t.head.lower_ not in reporting and not _quoted(s, t):
                return t
    return None


def _event_subject_verb(head: Any) -> Any | None:
    """"Seattle shooting leaves five hurt", "Shape change sparks anger": a headline whose
    subject names a happening has no who of its own (the doer is named further down), but
    its verb still states what happened."""
    events = cue("who.event_subjects")
    for v in head:
        if v.pos_ == "VERB" and v.tag_ in ("VBZ", "VBD", "VBP") and v.dep_ in ("ROOT", "conj") \
                and any(c.dep_ == "nsubj" and c.lower_ in events for c in v.children):
            return v
    return None


def _headline_event(record: Record, head: Any, out: dict[str, WAnswer | None]) -> None:
    """A headline without a clause of its own that names a typed event ("Croydon tram
    derailment: ...", "Taliban Strike German Consulate") states what happened: the event's
    trigger answers what, and an actor named in the headline answers who."""
    ev = next((e for e in record.events if e.primary), None)
    if ev is None or ev.mode in ("hypothetical", "background"):
        return
    if not (head.start_char <= ev.trigger.start < head.end_char):
        return
    tok = token_at(record.doc, ev.trigger.start)
    if tok is None or tok.dep_ in ("compound", "amod", "nmod", "poss"):
        return  # "Trump rally shooting": the rally only qualifies the headline's subject
    out["what"] = WAnswer(ev.trigger.text, ev.trigger.start, ev.trigger.end)
    actor = next((a for a in ev.actors if a.span and head.start_char <= a.span.start < head.end_char), None)
    if actor is not None and actor.span is not None and out["who"] is None:
        out["who"] = WAnswer(actor.span.text, actor.span.start, actor.span.end)


def _answer(record: Record, start: int, end: int, value: str | None = None) -> WAnswer:
    return WAnswer(record.article.text[start:end], start, end, value)


def _from_event(record: Record) -> dict[str, WAnswer | None]:
    """Fallback without a Doc: the primary event's first actor, trigger, date and place."""
    out: dict[str, WAnswer | None] = dict.fromkeys(QUESTIONS)
    ev = next((e for e in record.events if e.primary), None)
    if ev is None:
        return out
    a = next((x for x in ev.actors if x.span), None)
    if a is not None and a.span is not None:
        out["who"] = WAnswer(a.span.text, a.span.start, a.span.end)
    out["what"] = WAnswer(ev.trigger.text, ev.trigger.start, ev.trigger.end)
    for q, d in (("when", ev.date), ("where", ev.location)):
        sp = (d or {}).get("span")
        if sp:
            out[q] = WAnswer(sp["text"], sp["start"], sp["end"], (d or {}).get("value"))
    return out


# --- who / what -----------------------------------------------------------------------

def _named(record: Record, tok: Any) -> bool:
    if tok.ent_type_ in _NAMED:
        return True
    return any(e.start <= tok.idx < e.end and e.label in _NAMED for e in record.entities)


def _depth(tok: Any) -> int:
    d = 0
    while tok.head.i != tok.i and d < 20:
        tok, d = tok.head, d + 1
    return d


def _main_clause(record: Record, sents: list[Any]) -> tuple[Any, Any, int] | None:
    """The (subject, verb, sentence index) of the lead's main clause: the best-scored
    subject-verb pair, earlier and higher in the parse first, a named or counted subject
    over a common noun, a recurring actor over a one-off."""
    pronouns, non_agents = cue("who.pronouns"), cue("who.non_agents")
    reporting = cue("what.reporting")
    freq = Counter(t.lower_ for t in record.doc if t.pos_ == "PROPN")
    triggers = {e.trigger.start for e in record.events}
    best: tuple[float, Any, Any, int] | None = None
    for k, s in enumerate(sents):
        quoted = _quoted_flags(s)
        for v, in_quote in zip(s, quoted, strict=True):
            if in_quote:
                continue  # a quotation is what someone said, not the news event
            depth: int | None = None
            subjects = [c for c in v.children if c.dep_ in SUBJ] or _compound_subject(v)
            if v.dep_ in ("relcl", "acl", "amod", "advcl", "pcomp", "xcomp"):
                if k != 0:
                    continue
                subjects, depth = _headline_clause(v, subjects)
            elif v.pos_ not in ("VERB", "AUX"):
                subjects = _headline_subjects(v) if k == 0 else []
            agent = _agent(v, triggers)
            # headlines drop the auxiliary: "Consulate bombed by ..." is passive too
            passive = any(x.dep_ == "nsubjpass" for x in subjects) or (k == 0 and v.tag_ == "VBN")
            if agent is not None and passive:
                subjects = [agent]  # "bombed by the Taliban": the doer is the who
            for subj in subjects:
                if subj.lower_ in pronouns or subj.lower_ in non_agents or subj.like_num and not _of_phrase(subj):
                    continue
                named = _named(record, subj) or any(_named(record, c) for c in subj.children if c.dep_ == "compound")
                counted = subj.lower_ in cue("who.quantity_heads") or any(c.dep_ == "nummod" for c in subj.children)
                if not (named or counted or subj.pos_ in ("NOUN", "PROPN")):
                    continue
                if depth is None:
                    # "X, says Y": the statement stands as high as the attribution after it
                    top = v.head if v.dep_ == "ccomp" and _attribution(v.head, reporting) else v
                    depth = min(_depth(top), 3)
                score = 1.0 * k + 0.4 * depth - (HEADLINE_BONUS if k == 0 else 0.0)
                score += 0.0 if named else (0.5 if counted or subj.tag_ in ("NNS", "NNPS") else 0.9)
                if k > 0 and v.lower_ in reporting:
                    score += REPORTED_PENALTY
                elif k == 0 and _attribution(v, reporting):
                    score += ATTRIBUTION_PENALTY
                score -= 0.3 * min(freq[subj.lower_], 10) / 10 if named else 0.0
                if best is None or score < best[0]:
                    best = (score, subj, v, k)
    return None if best is None else (best[1], best[2], best[3])


def _attribution(v: Any, reporting: frozenset[str]) -> bool:
    """"Police have arrested a man, says the mayor": a reporting verb after the clause it
    reports only names the source; the statement before it is the news."""
    if v.lower_ not in reporting:
        return False
    # a line break between them: the parser joined a headline to the next line
    return any(c.dep_ == "ccomp" and c.i < v.i and "\n" not in v.doc[c.i:v.i].text for c in v.children)


def _quoted_flags(sent: Any) -> list[bool]:
    """For each token of the sentence: is it inside quotation marks opened earlier in it?"""
    out, inside = [], False
    for t in sent:
        out.append(inside)
        if t.text in QUOTE_MARKS:
            inside = not inside
    return out


def _quoted(sent: Any, tok: Any) -> bool:
    return _quoted_flags(sent)[tok.i - sent.start]


def _compound_subject(v: Any) -> list[Any]:
    """"Trump attacks the FBI" parsed with the name as a compound of the verb: a verb has no
    compounds, so a name before it is its subject."""
    if v.pos_ != "VERB" or v.tag_ not in ("VBD", "VBP", "VBZ"):
        return []  # "Seattle shooting leaves ...": a gerund's modifier is no subject
    return [c for c in v.children if c.dep_ == "compound" and c.i < v.i and c.pos_ == "PROPN"][-1:]


def _headline_clause(v: Any, subjects: list[Any]) -> tuple[list[Any], int | None]:
    """A headline clause the parser hung under a noun: after a colon, a verb with a subject
    of its own ("Tram crash: Driver arrested as ...", where a relative or participle clause
    never has one), or a participle right after the headline's subject noun ("Victims named
    as repair work starts": headlines drop "are", the "as" clause is the subordinate one),
    or a subordinate clause of a headline that has no verb besides it."""
    if v.pos_ != "VERB":
        return [], None
    if v.dep_ == "acl" and subjects:
        return subjects, None
    if v.dep_ == "advcl" and subjects and v.head.pos_ in ("NOUN", "PROPN") and _verbless(v):
        # "Tears of joy as fans celebrate the title": a headline without a verb of its own
        # states the news in its "as" clause
        return subjects, None
    head = v.head
    if v.dep_ == "acl" and v.tag_ == "VBN" and head.i == v.i - 1 and head.pos_ in ("NOUN", "PROPN") \
            and (head.dep_ == "ROOT" or head.dep_ in SUBJ and head.head.dep_ == "ROOT"):
        return [head], 0
    return [], None


def _verbless(clause: Any) -> bool:
    """Has the clause's sentence no verb outside the clause?"""
    inner = {t.i for t in clause.subtree}
    return not any(t.pos_ in ("VERB", "AUX") and t.i not in inner for t in clause.sent)


def _agent(verb: Any, triggers: set[int]) -> Any | None:
    """The doer of a passive: "bombed by the Taliban", or "bombed in an attack by the
    Taliban" where the by-phrase hangs on the event noun that restates the verb."""
    by = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if by is not None:
        return by
    for c in verb.children:
        if c.dep_ != "prep":
            continue
        for noun in c.children:
            if noun.dep_ == "pobj" and (noun.idx in triggers or is_event_noun(noun)):
                by = next((g for p in noun.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
                           for g in p.children if g.dep_ == "pobj"), None)
                if by is not None:
                    return by
    return None


def _headline_subjects(tok: Any) -> list[Any]:
    """Headlines drop articles and auxiliaries, and the tagger then often reads the verb
    as a noun: "Lady Gaga protests outside Trump Tower" (a noun root with a subject),
    "Donald Trump lands in Washington" (a plural noun root after a name, a phrase after
    it), "Taliban bomber rams truck into ..." (a plural noun inside a compound, between
    the subject and the object). Such a token is the headline's verb; the name before it
    is the subject."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    left = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.pos_ in ("NOUN", "PROPN")]
    if tok.dep_ == "ROOT":
        subj = [c for c in tok.children if c.dep_ in SUBJ]
        if not any(c.dep_ in ("prep", "dobj", "appos") and c.i > tok.i for c in tok.children):
            return []
        if subj:
            # a verb agrees with its subject: "Lady Gaga protests ...", "Trump and Obama
            # meet ..."; "China well rescue: Race to ..." is a noun phrase with a label
            return subj if tok.lower_.endswith("s") or any(_plural(x) for x in subj) else []
        return left[-1:] if tok.lower_.endswith("s") else []
    if tok.dep_ == "compound" and tok.tag_ == "NNS" and tok.head.i > tok.i and tok.head.dep_ == "ROOT":
        return left[-1:]
    return []


def _plural(tok: Any) -> bool:
    return tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)


def _of_phrase(tok: Any) -> Any | None:
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)


def _subject_span(record: Record, subj: Any) -> tuple[int, int]:
    """The subject as a short phrase: its named entity, else the noun with its determiners
    and modifiers ("Several people"), a quantity with its "of" phrase ("Dozens of
    rescuers"); of coordinated subjects the first ("Trump and Obama meet" -> "Trump")."""
    toks = [subj]
    of = _of_phrase(subj) if subj.lower_ in cue("who.quantity_heads") or subj.like_num else None
    if of is not None:
        toks.append(of)
    start, end = None, None
    for t in toks:
        s, e = _np(record, t)
        start = s if start is None else min(start, s)
        end = e if end is None else max(end, e)
    assert start is not None and end is not None
    return start, end


def _np(record: Record, tok: Any) -> tuple[int, int]:
    for e in record.entities:
        if e.start <= tok.idx < e.end and e.label in _NAMED | {"FAC", "LOC"}:
            return e.start, e.end
    if tok.ent_type_ and tok.ent_iob_ in ("B", "I"):
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                return ent.start_char, ent.end_char
    left = tok.i
    for c in tok.children:
        if c.i < tok.i and c.dep_ in ("det", "amod", "compound", "nummod", "poss", "quantmod", "nmod"):
            left = min(left, c.left_edge.i)
    return tok.doc[left].idx, tok.idx + len(tok.text)


def _what_span(record: Record, verb: Any) -> tuple[int, int]:
    """The verb, or for a light verb its object noun, which names the action ("makes an
    emotional farewell", "stages a protest", "held talks": the farewell, protest, talks)."""
    if verb.lower_ in cue_set("actors", "light_verbs"):
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if obj is not None:
            return _np(record, obj)
    return _verb_span(verb)


def _verb_span(verb: Any) -> tuple[int, int]:
    """The verb with its particle and negation ("broke out", "did not find")."""
    toks = [verb] + [c for c in verb.children if c.dep_ in ("prt", "neg")]
    return min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)
