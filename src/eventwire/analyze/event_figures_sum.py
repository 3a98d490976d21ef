"""Counts of one event told in separate sentences that add up: "Six soldiers were killed in
the ambush. Four militants also died in the fighting" is ten dead of one clash (ACLED counts
every fatality). Counts are added only where the groups are clearly disjoint, on
different sides of the fight (state forces, armed attackers, civilians; data/figures/
lexicon.toml [sides]): "four civilians ... three attackers were killed" is seven. The side is
read from the words naming the people counted, not the rest of the span ("a man shot by
police" is no police officer). "Two others were also killed" is not added: "others" most
often contrasts with another kind ("one dead ... two others were injured").
Counts said by different sources are not added either: "the army said six rebels were
killed; the rebels claimed 20 soldiers were killed" are rival claims, not one toll.
Everything else is a restatement or an update and keeps the largest count ("five people were
killed ... the five victims", "at least 12 ... the death toll rose to 15"); a count said to be
among/including/of the dead is a part of them ("including three children", "two police
officers among the dead") and is never added.
"""

from __future__ import annotations

import re
from typing import Any

from .figures_lexicon import LEX, alt

_SIDES: dict[str, str] = {" ".join(w.split()): side for side, words in LEX["sides"].items() for w in words}
_SIDE_RE = re.compile(rf"\b{alt(list(_SIDES))}\b", re.I)
_COUNTED_KINDS = ("killed", "injured")
# a part of a count told before: "two of them", "among the dead", "including three children"
_SUBSET = re.compile(r"\b(?:among|including|included|includes|of\s+(?:them|whom|those|these|the\s+(?:dead|victims|"
                     r"killed|deceased|casualties|wounded|injured)))\b", re.I)
_SUBSET_BEFORE = re.compile(r"\b(?:among|including|included|includes)\b[^.;:\n]{0,40}\Z", re.I)
# where the words naming the people counted end ("Man shot by police dies": not the police)
_HEAD_END = re.compile(r"\b(?:was|were|is|are|has|have|had|been|being|by|who|which|that|after|when|in|at|on|"
                       r"died|dies|shot|killed|dead|wounded|injured|hurt|slain|murdered)\b", re.I)
_QUALIFIER = re.compile(r"^\s*(?:at\s+least|more\s+than|up\s+to|as\s+many\s+as|no\s+fewer\s+than|about|around|"
                        r"nearly|almost|over|some|roughly|approximately)\s+", re.I)
# the verb of a count that follows it: "killing five soldiers", "wounded two civilians"
_LEAD_VERB = re.compile(r"^\s*(?:[a-z]+(?:ing|ed)|shot|hurt|left|leaving)\s+", re.I)


Claims = tuple[tuple[int, int, str], ...]  # (start, end, speaker) of each attributed content


def claims_of(quotes: list[Any]) -> Claims:
    """Who says each reported content (the speaker's canonical name, else its words)."""
    return tuple((q.start, q.end, (q.speaker.canonical or q.speaker.text).lower())
                 for q in quotes if q.speaker is not None)


def _source(f: Any, claims: Claims) -> str | None:
    return next((who for a, b, who in claims if a <= f.span.start < b), None)


def _rivals(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def _side(f: Any) -> frozenset[str]:
    """The sides the people a count names are on ("killing five soldiers and three civilians": both)."""
    said = _QUALIFIER.sub("", _LEAD_VERB.sub("", f.span.text, count=1), count=1)
    end = _HEAD_END.search(said)
    head = said[:end.start()] if end else said
    return frozenset(_SIDES[" ".join(m.group(0).lower().split())] for m in _SIDE_RE.finditer(head))


def _subset(f: Any, text: str) -> bool:
    return bool(_SUBSET.search(f.span.text) or _SUBSET_BEFORE.search(text, max(0, f.span.start - 60), f.span.start))


def combined(parts: list[Any], kind: str, text: str, claims: Claims = ()) -> dict[str, Any] | None:
    """A count of `kind` that adds disjoint groups among an event's figures, if it beats none."""
    figs = sorted((f for f in parts if f.kind == kind and f.value > 0 and not _subset(f, text)),
                  key=lambda f: f.span.start)
    if len(figs) < 2:
        return None
    # the largest count of each side (restatements of one side are not added)
    best: dict[frozenset[str], Any] = {}
    for f in figs:
        s = _side(f)
        if s and (s not in best or f.value > best[s].value):
            best[s] = f
    chosen: list[tuple[Any, frozenset[str], str | None]] = []  # (figure, its sides, its source)
    for side, f in sorted(best.items(), key=lambda kv: -kv[1].value):
        source = _source(f, claims)
        if all(not side & s and not _rivals(source, src) for _, s, src in chosen):
            chosen.append((f, side, source))
    if len(chosen) < 2:
        return None
    top = max(figs, key=lambda f: f.value)
    added = [f for f, _, _ in chosen]
    total = sum(f.value for f in added)
    if total <= top.value:
        return None
    start, end = min(f.span.start for f in added), max(f.span.end for f in added)
    qual = "at_least" if any(f.qualifier == "at_least" for f in added) else "exact"
    said = text[start:end] if text else " ... ".join(f.span.text for f in added)
    return {"value": total, "qualifier": qual, "span": {"text": said, "start": start, "end": end}}


__all__ = ["Claims", "claims_of", "combined"]
