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

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Record, Span
from .event_actors import is_event_noun
from .event_lexicon import cue_set

QUESTIONS = ("who", "what", "when", "where")
LEAD_SENTS = 8  # the headline, the standfirst and the first paragraph(s)
HEADLINE_BONUS = 0.5  # the headline states the news, even when its subject is an unknown name
WHERE_LEAD = 5.0  # a place past the headline and lead (as event_coref.LEAD_UNITS) is a detail
# the events layer's date of the primary event is evidence too (on gvc-dev, a held-out
# check of this module, it lifts day-exact dates from 292 to 309 of 418 answers)
EVENT_DATE_BONUS = 3.0
WHEN_LEAD = 99.0  # dates: a dateline or byline further down still dates the story
_NAMED = {"PERSON", "ORG", "NORP", "GPE"}
_SUBJ = ("nsubj", "nsubjpass")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


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


def _cue(key: str) -> frozenset[str]:
    return _cues()[key]


def five_w(record: Record) -> dict[str, WAnswer | None]:
    """The four answers for one analysed record (None where there is none)."""
    doc = getattr(record, "doc", None)
    if doc is None:
        return _from_event(record)
    sents = _lead(doc)
    if not sents:
        return _from_event(record)
    out: dict[str, WAnswer | None] = dict.fromkeys(QUESTIONS)
    clause = _main_clause(record, sents)
    main_sent = None
    if clause is not None:
        subj, verb, k = clause
        out["who"] = _answer(record, *_subject_span(record, subj))
        out["what"] = _answer(record, *_what_span(record, verb))
        main_sent = k
    if main_sent != 0:
        _headline_event(record, sents[0], out)
    out["when"] = _when(record, sents, main_sent)
    out["where"] = _where(record, sents, main_sent, clause[1] if clause else None)
    return out


def _headline_event(record: Record, head: Any, out: dict[str, WAnswer | None]) -> None:
    """A headline without a clause of its own that names a typed event ("Croydon tram
    derailment: ...", "Taliban Strike German Consulate") states what happened: the event's
    trigger answers what, and an actor named in the headline answers who."""
    ev = next((e for e in record.events if e.primary), None)
    if ev is None or ev.mode in ("hypothetical", "background"):
        return
    if not (head.start_char <= ev.trigger.start < head.end_char):
        return
    tok = _token_at(record.doc, ev.trigger.start)
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


# --- the lead -------------------------------------------------------------------------

def _lead(doc: Any) -> list[Any]:
    """The first sentences that carry text (web clutter like "Click to share" skipped)."""
    out = []
    clutter = _cue("what.clutter")
    for s in doc.sents:
        words = [t for t in s if t.is_alpha]
        if len(words) < 2:
            continue
        if s.root.lower_ in clutter and not any(c.dep_ in _SUBJ for c in s.root.children):
            continue
        out.append(s)
        if len(out) >= LEAD_SENTS:
            break
    return out


def _sent_index(sents: list[Any], char: int) -> int | None:
    for k, s in enumerate(sents):
        if s.start_char <= char < s.end_char:
            return k
    return None


def _position(sents: list[Any], char: int) -> float:
    """Sentence index in the lead; past the lead, grows slowly with the offset so that a
    later mention still answers when the lead has none."""
    k = _sent_index(sents, char)
    if k is not None:
        return float(k)
    return len(sents) + (char - sents[-1].end_char) / 2000 if char >= sents[-1].end_char else 0.0


# --- who / what -----------------------------------------------------------------------

def _named(record: Record, tok: Any) -> bool:
    if tok.ent_type_ in _NAMED:
        return True
    return any(e.start <= tok.idx < e.end and e.label in _NAMED for e in record.entities)


def _depth(tok: Any) -> int:
    d = 0
    while tok.head is not tok and d < 20:
        tok, d = tok.head, d + 1
    return d


def _main_clause(record: Record, sents: list[Any]) -> tuple[Any, Any, int] | None:
    """The (subject, verb, sentence index) of the lead's main clause: the best-scored
    subject-verb pair, earlier and higher in the parse first, a named or counted subject
    over a common noun, a recurring actor over a one-off."""
    pronouns, non_agents = _cue("who.pronouns"), _cue("who.non_agents")
    reporting = _cue("what.reporting")
    freq = Counter(t.lower_ for t in record.doc if t.pos_ == "PROPN")
    triggers = {e.trigger.start for e in record.events}
    best: tuple[float, Any, Any, int] | None = None
    for k, s in enumerate(sents):
        for v in s:
            if v.dep_ in ("relcl", "acl", "amod", "advcl", "pcomp", "xcomp"):
                continue
            subjects = [c for c in v.children if c.dep_ in _SUBJ]
            if v.pos_ not in ("VERB", "AUX"):
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
                counted = subj.lower_ in _cue("who.quantity_heads") or any(c.dep_ == "nummod" for c in subj.children)
                if not (named or counted or subj.pos_ in ("NOUN", "PROPN")):
                    continue
                score = 1.0 * k + 0.4 * min(_depth(v), 3) - (HEADLINE_BONUS if k == 0 else 0.0)
                score += 0.0 if named else (0.5 if counted or subj.tag_ in ("NNS", "NNPS") else 0.9)
                if v.lower_ in reporting and k > 0:
                    score += 0.5
                score -= 0.3 * min(freq[subj.lower_], 10) / 10 if named else 0.0
                if best is None or score < best[0]:
                    best = (score, subj, v, k)
    return None if best is None else (best[1], best[2], best[3])


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
        subj = [c for c in tok.children if c.dep_ in _SUBJ]
        if not any(c.dep_ in ("prep", "dobj", "appos") and c.i > tok.i for c in tok.children):
            return []
        if subj:
            return subj
        return left[-1:] if tok.lower_.endswith("s") else []
    if tok.dep_ == "compound" and tok.tag_ == "NNS" and tok.head.i > tok.i and tok.head.dep_ == "ROOT":
        return left[-1:]
    return []


def _of_phrase(tok: Any) -> Any | None:
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)


def _subject_span(record: Record, subj: Any) -> tuple[int, int]:
    """The subject as a short phrase: its named entity, else the noun with its determiners
    and modifiers ("Several people"), a quantity with its "of" phrase ("Dozens of
    rescuers"); of coordinated subjects the first ("Trump and Obama meet" -> "Trump")."""
    toks = [subj]
    of = _of_phrase(subj) if subj.lower_ in _cue("who.quantity_heads") or subj.like_num else None
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


# --- when -----------------------------------------------------------------------------

def _pub(record: Record) -> date | None:
    p = record.article.published or ""
    try:
        return date.fromisoformat(p[:10])
    except ValueError:
        return None


def _when(record: Record, sents: list[Any], main: int | None) -> WAnswer | None:
    """The first day-precise date of the lead near publication; the main clause's sentence
    first. Durations, sets and vague references ("now", "recent") never answer."""
    pub = _pub(record)
    vague = _cue("when.vague")
    best: tuple[float, Any] | None = None
    ev = next((e for e in record.events if e.primary and e.date), None)
    ev_date = ((ev.date or {}).get("span") or {}).get("start") if ev is not None else None
    for t in record.times:
        if t.type not in ("DATE", "TIME") or t.text.lower() in vague:
            continue
        k = _position(sents, t.start)
        m = _DAY.match(t.value or "")
        if m is None:
            continue  # a month or a year does not date the news
        score = float(k) + (0.0 if k == main else 0.5) + _aside(record.doc, t.start, t.end)
        if t.start == ev_date:
            score -= EVENT_DATE_BONUS  # the events layer tied it to the primary event
        if pub is not None:
            try:
                days = (pub - date(int(m[1]), int(m[2]), int(m[3]))).days
            except ValueError:
                continue
            if days < -1 or days > 10:
                continue  # another occasion: an earlier event, a coming one
        if best is None or score < best[0]:
            best = (score, t)
    if best is None or _position(sents, best[1].start) >= WHEN_LEAD:
        return None
    t = best[1]
    return WAnswer(t.text, t.start, t.end, t.value)


def _aside(doc: Any, start: int, end: int) -> float:
    """A date that belongs to something else than the clause: inside a relative clause
    ("Trump, who won the election on Tuesday, met ...") or a possessive modifier of a noun
    ("Tuesday's election")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return 0.0
    root = span.root
    if any(t.dep_ == "case" and t.lower_ in ("'s", "'") for t in root.children) or root.dep_ == "poss":
        return 1.0
    if any(a.dep_ in ("relcl", "acl") for a in root.ancestors):
        return 1.0
    return 0.0


# --- where ----------------------------------------------------------------------------

def _where(record: Record, sents: list[Any], main: int | None, verb: Any) -> WAnswer | None:
    """The first place that locates something (not a demonym, not a metonymic actor):
    under a locative preposition ("in Croydon", "at the White House"), a dateline, or the
    modifier of an event noun ("Croydon tram crash"); a place that only modifies another
    noun ("US election") does not say where the news happened. The main clause's sentence
    first, a town or venue over the country around it, a recurring place over a one-off."""
    best: tuple[float, Any] | None = None
    locs = [p for p in record.places if p.role == "location"]
    locs += _same_name_in_lead(record, sents, locs)
    counts = Counter(p.name for p in locs)
    triggers = {e.trigger.start for e in record.events}
    specific = {p.country_code for p in locs if p.feature in ("city", "venue")
                and _sent_index(sents, p.start) is not None}
    for p in locs:
        tok = _token_at(record.doc, p.start)
        if tok is None or not _locative(_np_head(tok, p.end), triggers):
            continue
        k = _position(sents, p.start)
        score = k + (0.0 if k == main else 0.5)
        if p.feature in ("country", "admin1", "region") and p.country_code in specific:
            score += 1.6
        score -= 0.3 * min(counts[p.name], 10) / 10
        if best is None or score < best[0]:
            best = (score, p)
    if best is None or _position(sents, best[1].start) >= WHERE_LEAD:
        return None
    p = best[1]
    return WAnswer(p.text, p.start, p.end)


def _same_name_in_lead(record: Record, sents: list[Any], locs: list[Any]) -> list[Any]:
    """One sense per discourse: a name the places layer resolved as a place somewhere in
    the article is that place in the lead too, where the tagger may have read it as an
    organisation or a product ("Croydon tram crash: ..."). Not where it is part of a
    person's name ("Clinton" the town vs Hillary Clinton)."""
    end = sents[-1].end_char
    text = record.article.text[:end]
    taken = [(p.start, p.end) for p in record.places]
    taken += [(e.start, e.end) for e in record.entities if e.label == "PERSON"]
    out = []
    for name in {p.text for p in locs if len(p.text) > 2}:
        proto = next(p for p in locs if p.text == name)
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            out.append(replace(proto, text=name, start=m.start(), end=m.end()))
    return out




def _locative(head: Any, triggers: set[int]) -> bool:
    # "in Croydon, south London", "the city of Mazar-i-Sharif": what it names is placed
    for _ in range(3):
        if head.dep_ in ("appos", "conj") and head.head is not head:
            head = head.head
        elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in _cue("where.place_nouns"):
            head = head.head.head
        else:
            break
    if head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE:
        return True
    # the modifier of an event noun, possibly through a compound: "Croydon tram crash"
    # or of a noun that is itself placed: "on a Moscow concert hall", "at a Kabul hotel"
    mod = head
    for _ in range(4):
        if mod.dep_ not in ("compound", "amod", "nmod", "poss") or mod.head is mod:
            break
        mod = mod.head
        if mod.idx in triggers:
            return True
    if mod is not head and mod.dep_ == "pobj" and mod.head.lower_ in _LOCATIVE \
            and mod.lower_ in _cue("where.venue_nouns"):
        return True
    return _dateline(head)


_LOCATIVE = frozenset("in at on near outside inside from across around throughout into within".split())


def _token_at(doc: Any, char: int) -> Any | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _np_head(tok: Any, end: int) -> Any:
    """The token of a place name that attaches it to the sentence (the last of a compound)."""
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and (tok.head.idx < end or tok.head.pos_ == "PROPN"):
        tok = tok.head  # "Mazar-i-Sharif" may be three tokens with the place span on the first
    return tok


def _dateline(tok: Any) -> bool:
    """"WASHINGTON --", "LONDON (Reuters) -": the place a wire story was filed from."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.is_upper and nxt is not None and nxt.text in ("--", "—", "-", "(", ",")
