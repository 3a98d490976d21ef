"""Words of violence used for something else (helper of event_triggers): a heart attack, a
shark attack, a cyber attack, attack ads, a bear that attacked a hiker, and a politician who
"attacked" a rival's plan in a debate. Word lists: data/events/cues.toml [not_violence].

An armed attack reported with such words stays one: the rules look only at the trigger's own
modifier, its head, its subject, its object and a prepositional phrase on it ("attacked the
convoy during the night" keeps its attack; "during the debate" does not)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .event_lexicon import Entry, cues, noun_forms

_VIOLENT_TYPES = frozenset({"attack", "battle"})
_ATTACK_VERBS = frozenset({"attack", "attacks", "attacked", "attacking"})
_ARENA_PREPS = frozenset({"in", "during", "on", "at", "through", "via"})


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    raw = cues().get("not_violence", {})
    out: dict[str, frozenset[str]] = {}
    for key, words in raw.items():
        forms: set[str] = set()
        for w in words:
            last = w.split()[-1]  # "tax returns", "press conference": their head word
            forms |= noun_forms(last) | {last}
        out[key] = frozenset(forms)
    return out


def not_violence(tok: Any, entry: Entry) -> bool:
    """Does this trigger word of violence name something else here?"""
    if entry.type not in _VIOLENT_TYPES:
        return False
    lists = _lists()
    if entry.pos == "noun":
        if any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in lists["modifiers"] for c in tok.children):
            return True
        return tok.dep_ == "compound" and tok.head.lower_ in lists["heads"]
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is not None and (subject.lower_ in lists["animals"] or any(
            c.dep_ in ("compound", "amod") and c.lower_ in lists["modifiers"] for c in subject.children)):
        return True  # "a bear attacked", "a shark attack killed a surfer"
    if tok.lower_ not in _ATTACK_VERBS:
        return False
    for c in tok.children:
        if c.dep_ == "advmod" and c.lower_ == "verbally":
            return True
        if c.dep_ == "dobj" and c.lower_ in lists["abstract_objects"]:
            return True
        if c.dep_ == "prep" and c.lower_ in _ARENA_PREPS and any(
                g.dep_ == "pobj" and g.lower_ in lists["arenas"] for g in c.children):
            return True
    return False
