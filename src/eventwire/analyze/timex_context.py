"""What a timex normaliser may ask about its surroundings: the anchor date and the tense."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

_FUTURE_WORDS = re.compile(
    r"\b(?:will|won't|shall|'ll|going to|plans? to|planned|expected to|scheduled|due to|"
    r"is to|are to|would|upcoming|intends? to|next)\b",
    re.IGNORECASE,
)
_FUTURE_AUX = frozenset({"will", "wo", "shall", "'ll", "ll"})
_MODALS = frozenset({"would", "may", "might", "should", "must", "'d"})  # not "could": past ability
_SCHEDULE = frozenset({"scheduled", "schedule", "due", "slated", "set", "expected", "planned", "expect", "plan"})
_INTEND = _SCHEDULE | frozenset({"going", "plans", "plan", "hopes", "hope", "wants", "want", "intends", "intend",
                                 "aims", "seeks", "vowed", "promised", "threatened", "agreed", "decided",
                                 "expects", "is", "are", "likely", "planning", "preparing", "prepared",
                                 "hoping", "intending", "expecting", "aiming", "seeking", "wanting",
                                 "scheduling", "getting"})
# a plan made in the past for a day named as its object's time: "planned a rally on Saturday"
_PLANNED = frozenset({"planned", "scheduled"})
_SENT_END = re.compile(r"[.!?\n]\s")
# words on the way from a date up to its verb that fix the direction whatever the verb's tense
_PAST_MARKERS = frozenset({"since"})
_DUE_MARKERS = frozenset({"effective", "payable"})
# "until Friday" under a clause that is not past: the end of a state that still lasts
_UNTIL = frozenset({"until", "till"})
# "postponed until Tuesday", "extended its deadline until 9 a.m. Tuesday": a new date, ahead
_DEFER = ("postpon", "delay", "defer", "extend", "adjourn", "recess", "reschedul")  # stems
# "could come as early as Tuesday", "might arrive as soon as Friday": the earliest date of
# something not yet done
_EARLIEST = frozenset({"early", "soon"})
_NO_FALLBACK = "unknown"  # the parse says the clause's tense tells nothing: no word-window guess


@dataclass
class Ctx:
    text: str
    anchor: dt.date | None
    doc: Any = None
    _tense_cache: dict[int, str | None] = field(default_factory=dict)

    def tense(self, start: int, end: int) -> str | None:
        """"future", "past", "present" or None for the clause a timex sits in.

        Uses the dependency parse when there is one (the verb the timex hangs from and its
        auxiliaries), else a word window over the sentence. Only the direction of
        underspecified dates ("Friday", "in June", "March 3") depends on it."""
        if start in self._tense_cache:
            return self._tense_cache[start]
        result = self._tense_doc(start, end) if self.doc is not None else None
        if result == _NO_FALLBACK:
            result = None
        elif result is None:
            result = self._tense_text(start, end)
        self._tense_cache[start] = result
        return result

    def _tense_doc(self, start: int, end: int) -> str | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        tok = span.root
        if tok.dep_ == "poss":
            return _NO_FALLBACK  # "Wednesday's ruling": names a thing, the clause's tense says nothing
        until = earliest = False
        for _ in range(6):  # climb to the governing verb
            if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                break
            tok = tok.head
            until = until or tok.lower_ in _UNTIL
            earliest = earliest or (tok.lower_ in _EARLIEST and any(c.lower_ == "as" for c in tok.children))
            if tok.lower_ in _PAST_MARKERS or (tok.lower_ == "of" and tok.head.lower_ == "as"):
                return "past"  # "since (shortly after) the Oct. 23 slaying", "as of Sunday": up to the report
            if tok.lower_ in _DUE_MARKERS:
                return "future"  # "effective Feb. 1", "payable Dec. 15": a date things take effect
        while until and tok.tag_ == "VBN" and tok.dep_ in ("oprd", "acomp", "xcomp", "ccomp") \
                and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            tok = tok.head  # "has kept the markets closed until Friday": the keeping's tense
        for _ in range(3):
            if tok.pos_ not in ("VERB", "AUX"):
                return None
            auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            words = {a.lower_ for a in auxes}
            if "to" in words and tok.tag_ == "VB" and tok.dep_ in ("xcomp", "advcl", "ccomp", "acl"):
                gov = tok.head
                if gov.lower_ in _INTEND:
                    if _pluperfect(gov):
                        return "past"  # "had been scheduled to expire at midnight Friday"
                    return "future"  # "set to resume Monday", "were planning to drive Monday"
                tok = gov  # "were likely to buy ... Monday", "extended offers to acquire ... Friday"
                continue
            tense = self._verb_tense(tok, auxes, words)
            if until and (tense == "present" or (tense == "past" and tok.lower_.startswith(_DEFER))):
                return "future"  # "has kept the markets closed until Friday", "postponed until Tuesday"
            if earliest and tense in (None, "present"):
                return "future"  # "could come as early as Tuesday"
            return tense
        return None

    @staticmethod
    def _verb_tense(tok: Any, auxes: list[Any], words: set[str]) -> str | None:
        if words & _MODALS and "have" in words and tok.tag_ == "VBN":
            return "past"  # "may have been responsible for a drop on Wednesday"
        if words & _FUTURE_AUX or words & _MODALS or tok.lower_ in _FUTURE_AUX:
            return "future"  # "will leave", "would close", "may meet": not yet happened
        past_aux = any(a.tag_ == "VBD" for a in auxes)
        if tok.lower_ in _SCHEDULE and tok.tag_ != "VBD" and not past_aux and (tok.lower_ != "set" or any(
                c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in tok.children)):
            return "future"  # "is scheduled for Dec. 10", "is due Monday"; not "a record set on Aug. 6"
        if past_aux:
            return "past"  # "was killed", "had left"
        if tok.lower_ in _PLANNED and tok.tag_ == "VBD" and any(c.dep_ == "dobj" for c in tok.children):
            return "future"  # "planned a large demonstration on Saturday"
        if words & {"has", "have"} or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "present"
        if tok.tag_ == "VBD" or (tok.tag_ == "VBN" and tok.dep_ not in ("amod",)):
            return "past"  # incl. a reduced relative: "shares issued July 1", "the year ended March 31"
        if tok.tag_ in ("VBZ", "VBP"):
            return "present"
        return None

    def _tense_text(self, start: int, end: int) -> str | None:
        lo = max(0, start - 120)
        left = self.text[lo:start]
        cut = list(_SENT_END.finditer(left))
        if cut:
            left = left[cut[-1].end():]
        right = self.text[end:end + 60]
        m = _SENT_END.search(right)
        if m:
            right = right[: m.start()]
        if _FUTURE_WORDS.search(left) or _FUTURE_WORDS.search(right):
            return "future"
        return None


def _pluperfect(tok: Any) -> bool:
    """"had been scheduled", "had been due": a plan already past at the time of the report."""
    for t in (tok, tok.head):
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in t.children):
            return True
    return False
