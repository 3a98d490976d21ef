"""What a statement or arrest is about: the event a claim, accusation, denial, warning or
arrest points at (`EventMention.about`), from the parse and then from the article's events
(helpers of events.py)."""

from __future__ import annotations

from .event_coref import Cluster, Mention
from .event_lexicon import cue_set

ABOUT_TYPES = {"claim_responsibility", "accusation", "denial", "arrest", "media_release", "warning", "threat",
               "diplomatic"}


def hint(m: Mention) -> None:
    """The token a claim/denial/accusation/arrest points at, and what kind of thing it is."""
    tok = m.cand.token
    # the trigger's own clause: not a clause conjoined to it ("No group has claimed
    # responsibility for the abduction, but authorities have blamed similar attacks ...")
    other = {t.i for c in tok.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for t in c.subtree}
    pool = [t for t in tok.subtree if t.i not in other]
    if m.cand.token.dep_ in ("acl", "relcl"):
        m.about_hint, m.about_kind = tok.head, "event"  # "the attack claimed by IS"
        return
    acc = cue_set("anaphora", "accusation_nouns")
    evn = cue_set("anaphora", "event_nouns")
    if m.type == "denial":  # "Rwanda, which Kinshasa accuses of backing M23, denied …": that accusation
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        rel = next((c for c in subj.children if c.dep_ == "relcl"), None) if subj is not None else None
        if rel is not None:
            m.about_hint, m.about_kind = rel, "accusation"
            return
    for t in pool:
        if t.i == tok.i or t in m.cand.words:
            continue
        if m.type == "denial" and t.lower_ in acc and t.dep_ in ("dobj", "pobj", "nsubjpass"):
            m.about_hint, m.about_kind = t, "accusation"
            return
        if t.lower_ in evn or t.lower_ in acc and m.type == "denial":
            m.about_hint, m.about_kind = t, "event"
            return


def link(clusters: list[Cluster]) -> None:
    index = {id(m): i for i, c in enumerate(clusters) for m in c.members}
    token_to = {t.i: index[id(m)] for c in clusters for m in c.members for t in m.cand.words}
    for i, c in enumerate(clusters):
        h = c.head
        if h.type not in ABOUT_TYPES:
            continue
        target = None
        for m in c.members:
            if m.about_hint is not None and m.about_hint.i in token_to and token_to[m.about_hint.i] != i:
                target = token_to[m.about_hint.i]
                break
        if target is None and any(m.about_kind == "accusation" for m in c.members):
            target = next((j for j in range(i - 1, -1, -1) if clusters[j].type == "accusation"), None)
        if target is None:
            target = _nearest_violence(clusters, i, h)
        c.about = target


def _nearest_violence(clusters: list[Cluster], i: int, h: Mention) -> int | None:
    """The real violent event a statement refers to: same sentence first, then the main one."""
    real = [j for j, c in enumerate(clusters)
            if j != i and c.head.family == "violence" and c.head.mode not in ("hypothetical",)]
    if h.mode == "background" or h.type in ("warning", "threat"):
        hyp = [j for j, c in enumerate(clusters) if c.head.mode == "hypothetical" and c.head.sent == h.sent]
        if hyp:
            return hyp[0]
        return None
    same = [j for j in real if any(m.sent == h.sent for m in clusters[j].members)]
    if same:
        # a class of past events named beside the statement ("blamed similar attacks on ...")
        # is not what "claimed responsibility for the abduction" is about when a real one is
        return next((j for j in same if clusters[j].head.mode != "background"), same[0])
    return max(real, key=lambda j: len(clusters[j].members)) if real else None
