"""Figures of events: which event a casualty/arrest figure belongs to, and an event's
figures from those of its mentions (moved out of events.py).

A figure goes to the event of its sentence; an event keeps the largest count of a kind
(later sentences add victims: "a second man died"), or the sum of counts of disjoint sides
(event_figures_sum: "six soldiers ... four militants" is ten). "Shot" counts everyone hit, so where an
event also has dead, its shot-but-not-said-hurt count loses them: "Three shot, one dead" is
one killed and two injured; "a man was shot ... he died" is one killed and no one injured.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from ..model import Record
from .event_coref import Cluster, Mention
from .event_figures_sum import Claims, combined

# words that say a person survived hurt: such an injured count does not include the dead
_HURT = re.compile(r"(?i)wound|injur|hurt|hospital|critical|stable|condition|surviv|treated|graze|fighting")


def assign_figures(record: Record, spans: list[tuple[int, int]], mentions: list[Mention]) -> list[Any]:
    """A figure goes to the event of its sentence (violence for casualties, arrests for arrests);
    arrests without one go to the nearest preceding arrest; casualties without one are returned
    (they go to the article's incident once the primary event is known)."""
    orphans: list[Any] = []
    if not record.figures:
        return orphans
    # the figures layer numbers spaCy sentences; events use units cut at line breaks
    starts = [u[0] for u in spans]
    for f in record.figures:
        sent = max(0, bisect_right(starts, f.span.start) - 1)
        want = ("arrest",) if f.kind == "arrested" else ("violence", "disaster", "protest")
        pool = [m for m in mentions if (m.type in want or m.family in want) and m.mode != "hypothetical"]
        same = [m for m in pool if m.sent == sent]
        if same:
            add_part(min(same, key=lambda m: (m.weak, abs(m.cand.start - f.span.start))), f)
        elif f.kind == "arrested":
            before = [m for m in pool if m.cand.start < f.span.start]
            if before or pool:
                add_part(before[-1] if before else pool[0], f)
        else:
            orphans.append(f)
    return orphans


def add_part(m: Mention, f: Any) -> None:
    """Give a figure to a mention: its largest count of a kind, and every count kept for sums."""
    put_figure(m.figures, f)
    m.parts.append(f)


def put_figure(figures: dict[str, dict[str, Any]], f: Any) -> None:
    """Keep the largest count of a kind: later sentences add victims ("a second man died")."""
    cur = figures.get(f.kind)
    if cur is None or f.value > cur["value"]:
        figures[f.kind] = {"value": f.value, "qualifier": f.qualifier,
                           "span": {"text": f.span.text, "start": f.span.start, "end": f.span.end}}


def cluster_figures(members: list[Mention], text: str = "", claims: Claims = ()) -> dict[str, dict[str, Any]]:
    """An event's figures: the largest of each kind over its mentions, or the sum of counts of
    disjoint groups (event_figures_sum); a "shot" count without a word of survival loses the dead."""
    figures: dict[str, dict[str, Any]] = {}
    for m in members:
        for k, v in m.figures.items():
            if k not in figures or v["value"] > figures[k]["value"]:
                figures[k] = v
    parts = [f for m in members for f in m.parts]
    for k in _CASUALTIES:
        total = combined(parts, k, text, claims)
        if total is not None and total["value"] > figures.get(k, {"value": -1})["value"]:
            figures[k] = total
    inj, dead = figures.get("injured"), figures.get("killed")
    # (one phrase giving both, "four teens, one fatally, were shot", was split by the figures
    # layer already: its injured count is the survivors)
    if inj and dead and not _HURT.search(inj["span"]["text"]) and inj["span"] != dead["span"]:
        left = inj["value"] - dead["value"]
        if left > 0:
            figures["injured"] = {**inj, "value": left}
        else:
            del figures["injured"]  # "was shot" said of someone who died is not a second victim
    return figures


_CASUALTIES = ("killed", "injured")


def borrow_casualties(incident: Cluster, clusters: list[Cluster], text: str = "", claims: Claims = ()) -> None:
    """The article's incident with no casualty figure of its own takes those of the first
    asserted violent or disaster event that has them: a local story reports one incident,
    and its toll often sits in a sentence whose trigger the coreference kept apart ("One
    person is dead after a hunting accident" / "a hunter being shot"). An incident with
    only wounded takes the dead the same way ("One man is dead" / "Both victims were taken
    to the hospital")."""
    have = {k for m in incident.members for k in m.figures if k in _CASUALTIES}
    if "killed" in have:
        return
    want = ("killed",) if have else _CASUALTIES
    for c in sorted(clusters, key=lambda c: min(m.cand.start for m in c.members)):
        h = c.head
        if c is incident or h.mode != "asserted" or h.family not in ("violence", "disaster"):
            continue
        figs = {k: v for k, v in cluster_figures(c.members, text, claims).items() if k in want}
        if "killed" in figs or figs and not have:
            incident.head.figures.update(figs)
            incident.head.parts += [f for m in c.members for f in m.parts if f.kind in figs]
            return


def borrow_for_shooting(incident: Cluster, clusters: list[Cluster], text: str = "", claims: Claims = ()) -> None:
    """When the article's incident is an accident ("a hunting accident", "a gun accident"), its
    first asserted violent event ("a hunter being shot") is the same incident told as a
    shooting: it gets the toll too. (A crash is not: a chase may end in one.)"""
    if incident.head.family != "disaster" or not incident.head.cand.token.lower_.startswith("accident"):
        return
    violent = [c for c in clusters if c.head.family == "violence" and c.head.mode == "asserted"]
    if violent:
        first = min(violent, key=lambda c: min(m.cand.start for m in c.members))
        borrow_casualties(first, [incident], text, claims)
