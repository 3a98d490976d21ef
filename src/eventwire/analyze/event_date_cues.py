"""Cues for dating events: word lists (data/times/event_dates.toml), the verb a time hangs
from, opening dates, clauses that share a time, statement times, and dateline stamps. Parse
helpers only; event_link decides with them which time dates which event."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Time
from ..nlp import doc_text
from .event_lexicon import cue_set, lexicon
from .timex_stamps import stamp_kinds

CLOCK = re.compile(r"(?i)\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\b")


def fronted(tok: Any) -> bool:
    """Does the token open its sentence ("On 8 June 2022, ...", "Friday, ...", also after a
    label: "Looting: On 29 January 2022, ...")?"""
    start = tok.sent.start
    for t in tok.doc[start:min(tok.i, start + 4)]:
        if t.text == ":":
            start = t.i + 1
    # only words like "On", "Early", "Around" before it: "Police on Monday said" is not fronted
    return tok.i - start <= 2 and not any(t.pos_ in ("NOUN", "PROPN", "PRON", "VERB") for t in tok.doc[start:tok.i])


@lru_cache(maxsize=1)
def date_words() -> dict[str, frozenset[str]]:
    raw = tomllib.loads(resources.files("eventwire.data").joinpath("times/event_dates.toml").read_text(encoding="utf-8"))
    return {"follow_up": frozenset(raw["verbs"]["follow_up"]), "response": frozenset(raw["verbs"]["response"]),
            "same_time": frozenset(raw["markers"]["same_time"]), "death": frozenset(raw["verbs"]["death"])}


def verb_of(tok: Any) -> Any:
    """The verb a time expression hangs from (or the token itself when none is near)."""
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return inner_report(tok)


def inner_report(verb: Any) -> Any:
    """"continued to investigate", "began investigating": the verb of saying or reporting
    under an aspectual verb is the one that counts."""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.lower_ in cue_set("link", "report_verbs"):
            return c
    return verb


def same_time_clause(clause: Any) -> bool:
    """An adverbial clause of time under the verb ("driving Sunday when shots were fired")."""
    return clause.dep_ == "advcl" and any(
        c.lower_ in date_words()["same_time"] and c.dep_ in ("mark", "advmod") for c in clause.children)


def header_times(doc: Any, times: list[Time]) -> set[int]:
    """Indices of times that stamp the article rather than tell of an event (a dated dateline,
    "Posted: ...", "Updated at ...", a line holding nothing but a date; see timex_stamps). They
    give the report date, never an event's."""
    key = ("eventwire_header_times", len(times))
    cached = doc.user_data.get(key)
    if cached is not None:
        return cached
    out = set(stamp_kinds(doc_text(doc), times))
    doc.user_data[key] = out
    return out


def updated_stamp(doc: Any, times: list[Time], i: int) -> bool:
    """Is times[i] an update time ("Last updated at 10:39 a.m. Sunday", "as of Wednesday")? It
    only comes later."""
    return stamp_kinds(doc_text(doc), times[i:i + 1]).get(0) in ("updated", "as_of")


def says_when(verb: Any, tok: Any) -> bool:
    """Does the time on this saying verb really date the statement? Not "it was reported
    (to police) at 3 a.m.", which is when the incident came to light, and not a time after
    the start of the reported clause ("says [the incident happened ...] around 5:30 p.m.
    Friday"), which the parser hung on the wrong verb."""
    if verb.lower_ == "reported" and any(c.dep_ == "auxpass" for c in verb.children):
        return False
    doc = verb.doc
    if any(t.text == "(" for t in doc[max(0, verb.i - 2):verb.i]) and any(t.text == ")" for t in doc[verb.i + 1:verb.i + 3]):
        return False  # "23 February 2022 (as reported), ...": an aside, not a statement
    for c in verb.children:
        if c.dep_ == "ccomp" and verb.i < c.left_edge.i < tok.i:
            return False
    return not ends_subject_clause(verb, tok)


def ends_subject_clause(verb: Any, tok: Any) -> bool:
    """"The family of a girl shot during a road-rage incident Sunday said ...", "The officer who
    shot a teen Wednesday night was identified as ...": a time right after a subject that holds
    a clause of its own ends that clause, whatever verb the parser hung it on."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i < tok.i <= c.right_edge.i + 1 < verb.i + 1
               and any(w.dep_ in ("relcl", "acl") for w in c.subtree) for c in verb.children)


def token_at(doc: Any, char: int) -> Any | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def on_follow_up_verb(doc: Any, t: Time, trigger_ids: set[int] | None = None) -> bool:
    """Is the time on a later step of the case ("charged Thursday in the shooting")? It dates
    that step. Not when that verb is the event's own trigger."""
    tok = token_at(doc, t.start)
    if tok is None:
        return False
    verb = verb_of(tok)
    if verb.lower_ not in date_words()["follow_up"] and not any(_names_step(c) for c in verb.children):
        return False  # ("made her first court appearance Thursday": the object names the step)
    if ends_subject_clause(verb, tok):
        return False  # "the officer who shot a teen Wednesday night was identified as ..."
    # "charged ... in the fatal shooting of his brother around 1:54 a.m. Wednesday": a time
    # after the event noun the verb governs is the event's, misattached by the parser
    return not (trigger_ids and (verb.i in trigger_ids or any(verb.i < i < tok.i for i in trigger_ids)))


def _names_step(c: Any) -> bool:
    """Does this object or subject name a later step ("made a court appearance", "the hearing is
    Tuesday", "funeral services are tonight")?"""
    steps = date_words()["follow_up"]
    return c.dep_ in ("dobj", "nsubj", "nsubjpass") and (
        c.lower_ in steps or any(w.dep_ == "compound" and w.lower_ in steps for w in c.children))


def on_report_verb(doc: Any, t: Time) -> bool:
    """Is the time on a verb of saying ("police said Tuesday")? It dates a statement."""
    tok = token_at(doc, t.start)
    if tok is None:
        return False
    verb = verb_of(tok)
    return verb.lower_ in cue_set("link", "report_verbs") and says_when(verb, tok)


def via_participant_event(tok: Any, trigger_ids: set[int]) -> bool:
    """Does the walk from a time up to the trigger pass through another event word's reduced
    or relative clause on a participant ("workers [kidnapped in May] were released")?"""
    table = lexicon()
    cur = tok
    for _ in range(8):
        if cur.i in trigger_ids or cur.head.i == cur.i:
            return False
        if cur.dep_ in ("acl", "relcl") and cur.lower_ in table and cur.head.i not in trigger_ids:
            return True
        cur = cur.head
    return False
