"""When and where of analyze.five_w: the first day-precise date near publication and the
first place that locates the news, in the headline and lead."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date
from typing import Any

from ..model import Record
from .five_w_lead import WAnswer, cue, position, sent_index, token_at

WHERE_LEAD = 5.0  # a place past the headline and lead (as event_coref.LEAD_UNITS) is a detail
# the events layer's date of the primary event is evidence too (on gvc-dev, a held-out
# check of this module, it lifts day-exact dates from 292 to 309 of 418 answers)
EVENT_DATE_BONUS = 3.0
WHEN_LEAD = 99.0  # dates: a dateline or byline further down still dates the story
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_LOCATIVE = frozenset("in at on near outside inside from across around throughout into within".split())


def _pub(record: Record) -> date | None:
    p = record.article.published or ""
    try:
        return date.fromisoformat(p[:10])
    except ValueError:
        return None


def when(record: Record, sents: list[Any], main: int | None) -> WAnswer | None:
    """The first day-precise date of the lead near publication; the main clause's sentence
    first. Durations, sets and vague references ("now", "recent") never answer."""
    pub = _pub(record)
    vague = cue("when.vague")
    best: tuple[float, Any] | None = None
    ev = next((e for e in record.events if e.primary and e.date), None)
    ev_date = ((ev.date or {}).get("span") or {}).get("start") if ev is not None else None
    for t in record.times:
        if t.type not in ("DATE", "TIME") or t.text.lower() in vague:
            continue
        k = position(sents, t.start)
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
    if best is None or position(sents, best[1].start) >= WHEN_LEAD:
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

def where(record: Record, sents: list[Any], main: int | None) -> WAnswer | None:
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
                and sent_index(sents, p.start) is not None}
    for p in locs:
        tok = token_at(record.doc, p.start)
        if tok is None or not _locative(_np_head(tok, p.end), triggers):
            continue
        k = position(sents, p.start)
        score = k + (0.0 if k == main else 0.5)
        if p.feature in ("country", "admin1", "region") and p.country_code in specific:
            score += 1.6
        score -= 0.3 * min(counts[p.name], 10) / 10
        if best is None or score < best[0]:
            best = (score, p)
    if best is None or position(sents, best[1].start) >= WHERE_LEAD:
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
        elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in cue("where.place_nouns"):
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
            and mod.lower_ in cue("where.venue_nouns"):
        return True
    return _dateline(head)



def _np_head(tok: Any, end: int) -> Any:
    """The token of a place name that attaches it to the sentence (the last of a compound)."""
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and (tok.head.idx < end or tok.head.pos_ == "PROPN"):
        tok = tok.head  # "Mazar-i-Sharif" may be three tokens with the place span on the first
    return tok


def _dateline(tok: Any) -> bool:
    """"WASHINGTON --", "LONDON (Reuters) -": the place a wire story was filed from."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.is_upper and nxt is not None and nxt.text in ("--", "—", "-", "(", ",")
