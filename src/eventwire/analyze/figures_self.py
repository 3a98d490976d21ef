"""A killer's own death in a murder-suicide ("killed his two children before killing
himself"): the dependency figures count the victims, this adds the killer to the dead."""

from __future__ import annotations

import re
from typing import Any

from ..model import Figure, Span
from .figures_lexicon import MAX_SPAN

_KILL_VERBS = frozenset({"killed", "killing", "kills", "kill", "murdered"})
_SHOOT_VERBS = frozenset({"shot", "shooting", "shoots", "shoot"})
_REFLEXIVE = frozenset({"himself", "herself"})
_MURDER_SUICIDE = re.compile(r"murder[\s/-]*suicide", re.IGNORECASE)


def murder_suicide(text: str, objects: list[tuple[Any, Figure]], out: list[Figure]) -> list[Figure]:
    """"killed his two children before killing himself": the victims and the killer died (3).
    "shot his wife and child, then shot himself" counts the same way only in an article that
    calls it a murder-suicide (a shooting alone may wound)."""
    ms = bool(_MURDER_SUICIDE.search(text))
    verbs = _KILL_VERBS | (_SHOOT_VERBS if ms else frozenset())
    for tok, fig in objects:
        if tok.lower_ not in verbs or fig.kind not in ("killed", "injured") or fig.value < 1:
            continue
        if any(c.lower_ in _REFLEXIVE for c in tok.children if c.dep_ == "dobj"):
            continue  # the suicide itself
        obj = next((r for r in tok.subtree if r.i != tok.i and _self_kill(r, tok, verbs)), None)
        if obj is None:
            continue
        end = obj.idx + len(obj.text)
        if end - fig.span.start > MAX_SPAN:
            continue
        out = [f for f in out if f is not fig]  # the victims are in the combined count
        out.append(Figure(kind="killed", value=fig.value + 1, qualifier="exact",
                          span=Span.of(text, fig.span.start, end)))
    return out


_TURN = frozenset({"turned", "turning", "turns", "turn"})
_TAKE = frozenset({"took", "taking", "takes", "take"})
_GUNS = frozenset({"gun", "weapon", "rifle", "handgun", "pistol", "shotgun", "firearm"})


def _self_kill(r: Any, verb: Any, verbs: frozenset[str]) -> bool:
    """The reflexive word of the killer's own death, in the clause of the killing: "before
    killing himself", "killed his two children and then himself", "before turning the gun on
    herself", "then took his own life"."""
    if r.lower_ not in _REFLEXIVE:
        return r.lower_ == "life" and r.dep_ == "dobj" and r.head.lower_ in _TAKE and any(
            c.lower_ == "own" for c in r.children)
    head = r.head
    if r.dep_ == "dobj":
        return head.lower_ in verbs and head.pos_ == "VERB"
    if r.dep_ == "conj":
        return head.i == verb.i  # "killed X and then himself"
    if r.dep_ == "pobj" and head.lower_ == "on":
        turn = head.head
        return turn.lower_ in _TURN and any(c.dep_ == "dobj" and c.lower_ in _GUNS for c in turn.children)
    return False
