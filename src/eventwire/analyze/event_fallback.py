"""A last-resort event for a report whose words the trigger lexicon does not know.

Terse incident reports ("forces tried to establish control over X", "teachers went on
strike and cut the road traffic") describe an event in the lead without any trigger word
of the lexicon. When no trigger is found at all, the trained type classifier reads the
lead; if it is confident, the lead's main verb becomes the trigger of one event of that
type, and the usual linking (place, date, actors, figures) runs on it. It needs the
shape of an incident report: a main verb with a subject, and a date or place beside it
(or, when the parser found no such verb, a date and a place), so commentary, market news
and features do not turn into events.
"""

from __future__ import annotations

from typing import Any

from .. import taxonomy
from ..model import Record
from .event_lexicon import Entry
from .event_not_violence import not_violence
from .event_triggers import Cand, units

# Below this probability the classifier's top label is a guess (non-event texts score
# 0.2-0.3 on their best label; terse reports of events the lexicon misses score 0.4+).
MIN_PROB = 0.4
# Types the fallback may create: incidents, not statements or generic "other".
_FAMILIES = frozenset({"violence", "protest", "coercion", "disaster", "development"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _classify(text: str) -> list[tuple[str, float]]:
    try:
        from .typing import classify
    except Exception:  # the model data may be absent in a trimmed install
        return []
    try:
        return classify(text)
    except Exception:
        return []


def _lead_unit(doc: Any, record: Record | None = None) -> tuple[int, Any, Any] | None:
    """The first sentence (cut at line breaks) with a finite main verb and a subject, and
    that verb. A sentence the parser left without one (a terse note: "On 3 May, in X,
    striking workers staged outside the plant ...") still counts when it names both a date
    and a place, its first verb standing in for the main one."""
    spans = units(doc)
    for i, (a, b) in enumerate(spans[:3]):
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECTS for c in root.children):
            return i, span, root
        if record is not None and _anchored(record, span, both=True):
            verb = root if root.pos_ == "VERB" else next((t for t in span if t.pos_ == "VERB"), None)
            if verb is not None:
                return i, span, verb
    return None


def _anchored(record: Record, span: Any, both: bool = False) -> bool:
    """A date or a place in the sentence (`both`: a date and a place): what makes it a
    report of a dated, placed event."""
    a, b = span.start_char, span.end_char
    dated = any(t.start >= a and t.end <= b and t.value for t in record.times)
    placed = any(p.start >= a and p.end <= b and p.role == "location" for p in record.places)
    return dated and placed if both else dated or placed


def candidates(record: Record, doc: Any) -> list[Cand]:
    """At most one fallback candidate, for a document with no lexicon trigger."""
    lead = _lead_unit(doc, record)
    if lead is None:
        return []
    unit, span, root = lead
    if not _anchored(record, span):
        return []
    preds = _classify(span.text)
    if not preds:
        return []
    subtype, prob = preds[0]
    type_ = taxonomy.type_of(subtype)
    if type_ is None or prob < MIN_PROB or taxonomy.family(type_) not in _FAMILIES:
        return []
    entry = Entry(type_, subtype, "verb", root.lower_, ())
    if not_violence(root, entry):
        return []  # "A shark attack killed a surfer": the lexicon's reading holds here too
    return [Cand(root, entry, [root], unit, span)]
