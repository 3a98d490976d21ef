"""When of analyze.five_w: the first day-precise date of the headline and lead near
publication."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..model import Record
from .five_w_lead import WAnswer, cue, position

# the events layer's date of the primary event is evidence too (on gvc-dev, a held-out
# check of this module, it lifts day-exact dates from 292 to 309 of 418 answers)
EVENT_DATE_BONUS = 3.0
RESTATED_BONUS = 1.5  # outweighs the aside of a possessive date ("Thursday's meeting")
WHEN_LEAD = 99.0  # dates: a dateline or byline further down still dates the story
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_DEICTIC = frozenset(("today", "tonight", "yesterday", "tomorrow"))


def _pub(record: Record) -> date | None:
    p = record.article.published or ""
    try:
        return date.fromisoformat(p[:10])
    except ValueError:
        return None


def when(record: Record, sents: list[Any], main: int | None, verb: Any | None = None) -> WAnswer | None:
    """The first day-precise date of the lead near publication; the main clause's sentence
    first, a date of a noun that restates the main verb ("Obama and Trump meet ..." and
    "Thursday's meeting") before others. Durations, sets and vague references ("now",
    "recent") never answer."""
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
        if _not_relative(record.doc, t.start, t.end) or _update(record.doc, t.start, t.end):
            continue
        if t.anchored and k >= len(sents) and t.start != ev_date:
            continue  # past the lead, "on Sunday" may date any episode; a byline date dates the story
        score = float(k) + (0.0 if k == main else 0.5) + _aside(record.doc, t.start, t.end)
        if verb is not None and _restates(verb, _dated(record.doc, t.start, t.end)):
            score -= RESTATED_BONUS
        if t.start == ev_date and not _nonrestrictive(record.doc, t.start, t.end):
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


def _dated(doc: Any, start: int, end: int) -> Any | None:
    """The word a date attaches to: the noun of "Thursday's meeting" or "the meeting on
    Thursday", the verb of "met on Thursday"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if root.dep_ == "pobj":
        return root.head.head
    return root.head if root.head.i != root.i else None


def _not_relative(doc: Any, start: int, end: int) -> bool:
    """"Remembrance Sunday", "Black Friday": a weekday that is part of the name of an
    occasion is no reference to the week of publication, nor is a weekday with an article
    ("the Sunday before the vote"), nor "today" in the name of a newspaper or a programme."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first = next((t for t in span if t.dep_ != "det"), span[0])  # "the Sunday ..." may start the span
    if first.lower_ in _DEICTIC and len(span) == 1 and first.dep_ == "compound":
        return True  # "USA TODAY Sports", "the Today programme": these words modify no noun
    if first.lower_ not in _WEEKDAYS:
        return False
    if first.ent_type_ == "EVENT":
        return True
    if any(c.dep_ == "det" for c in first.children):
        return True  # "the Sunday before the election": a day of another week, not this one
    if first.i == first.sent.start:
        return False
    prev = doc[first.i - 1]
    return prev.is_title and prev.pos_ == "PROPN" and prev.dep_ == "compound" and not prev.ent_type_


def _update(doc: Any, start: int, end: int) -> bool:
    """"The death toll rose to six on Friday": a clause that updates a count dates the
    update, not the event counted."""
    word = _dated(doc, start, end)
    if word is None:
        return False
    counts = cue("when.update_subjects")
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in counts for c in word.children)


def _restates(verb: Any, word: Any | None) -> bool:
    """Same stem, as far as a lemmatizer-free pipeline can tell: "meet" / "meeting"."""
    if word is None or word.i == verb.i:
        return word is not None
    a, b = verb.lower_, word.lower_
    return len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4]


def _nonrestrictive(doc: Any, start: int, end: int) -> bool:
    """Inside a relative clause set off by a comma ("Mr Trump, who won the election on
    Wednesday, said ..."): background about a participant, whatever event it names; a
    restrictive one ("named the gunman who shot two people on Saturday") tells the news."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    for a in span.root.ancestors:
        if a.dep_ == "relcl":
            left = a.left_edge.i
            return left > 0 and doc[left - 1].text == ","
    return False


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
    # a finite relative clause is an aside; an infinitive one ("an honour to meet him on
    # Thursday") is part of the clause's own statement
    if any(a.dep_ == "acl" or a.dep_ == "relcl" and a.tag_ != "VB" for a in root.ancestors):
        return 1.0
    return 0.0
