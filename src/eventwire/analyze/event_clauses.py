"""Which trigger candidates are events of their own, and how deep their clause sits: small
tests over the parse that the events layer applies before it builds mentions."""

from __future__ import annotations

from typing import Any

from .. import taxonomy
from .event_actors import is_event_noun
from .event_lexicon import cue_set, lexicon
from .event_triggers import Cand


def light_object(c: Cand) -> bool:
    return c.nominal and c.token.dep_ == "dobj" and c.token.head.lower_ in cue_set("actors", "light_verbs")


def crowd_control(c: Cand) -> bool:
    """"Police fire tear gas", "fired water cannon and rubber bullets at protesters": firing
    crowd-control munitions is no shooting attack nor a fire; the tear gas is the protest's
    intervention (its own trigger)."""
    if c.token.lower_ not in cue_set("mode", "fire_words") or c.type not in ("attack", "man_made_disaster"):
        return False
    doc = c.token.doc
    after = doc[c.token.i + 1:min(len(doc), c.token.i + 3)]
    return any(t.lower_ in cue_set("mode", "crowd_control") for t in after) \
        and not any(t.lower_ in ("live", "ammunition") for t in after)


def scene_of_violence(c: Cand) -> bool:
    """"a suicide bombing at a political rally", "killed 54 at a rally": the gathering
    is where the violence happened (its victims' setting), not a protest event of its own."""
    tok = c.token
    if c.type != "protest" or not c.nominal or tok.dep_ != "pobj" or tok.head.lower_ not in ("at", "on", "near", "during"):
        return False
    act = tok.head.head
    return (is_event_noun(act) or act.lower_ in cue_set("actors", "toll_verbs")) \
        and act.lower_ not in cue_set("mode", "protest_nouns")


def toll_subject(c: Cand) -> bool:
    """An attack noun whose verb only gives its toll ("Drone strike kills 9", "the blast
    left 12 dead"): the noun is that clause's event, as deep as its verb."""
    return c.nominal and c.token.dep_ in ("nsubj", "nsubjpass") and c.token.head.lower_ in cue_set("actors", "toll_verbs")


def disaster_subject(c: Cand) -> Any | None:
    """"A powerful earthquake and strong aftershocks killed 2,000": a casualty verb whose
    subject (or a conjunct of it) is a disaster noun gives the disaster's toll; the
    disaster's (type, subtype), or None."""
    if c.nominal:
        return None
    verb = c.token
    while verb.dep_ == "conj" and not any(x.dep_ in ("nsubj", "nsubjpass") for x in verb.children):
        verb = verb.head  # "killed 2,000 and injured 9,000": the subject of the first verb
    for s in verb.children:
        if s.dep_ not in ("nsubj", "nsubjpass"):
            continue
        for t in [s] + [x for x in s.subtree if x.dep_ == "conj"]:
            for e in lexicon().get(t.lower_, ()):
                if e.pos == "noun" and not e.extra and taxonomy.family(e.type) == "disaster":
                    return e.type, e.subtype
    return None
