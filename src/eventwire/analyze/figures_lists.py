"""Counted groups joined by "and" that one count pattern reads only half of: "one soldier
and one militant were killed" (the count-first pattern sees "one militant were killed") and
"killing one officer and two soldiers" (the verb-first one sees "killing one officer"). The
whole list is one figure, the sum of its counts, whose longer span supersedes the half in
the figures layer's dedup. A count after a casualty verb ("killed 2 people and 3 were
injured") is that verb's object, not a member of the next clause's list.
"""

from __future__ import annotations

import re

from ..model import Figure, Span
from .figures_lexicon import BEFORE_KIND, COUNT, parse_count

I = re.IGNORECASE  # noqa: E741

# words that may stand between a count and the "and" of a list: the people counted
# ("one Turkish soldier", "three of the villagers"), never a verb or a clause word
# ("30 minutes and 5 soldiers": a unit, not people; "one of the two men and two women": a part)
_NOUNISH = r"(?:\s+(?!(?:were|was|is|are|had|have|has|and|or|but|said|says|who|which|that|when|after|while|in|on|"
_NOUNISH += r"at|to|of|by|with|killed|died|dead|injured|wounded|hurt|shot|seconds?|minutes?|hours?|days?|weeks?|"
_NOUNISH += r"months?|years?|times|percent|per|miles?|kilometres?|kilometers?|km|metres?|meters?|feet|rounds?|"
_NOUNISH += r"shots|bullets|dollars?|million|billion|one|two|three|four|five|six|seven|eight|nine|ten)\b)"
_NOUNISH += r"[A-Za-z][\w'’-]*){1,4}?"
_LIST_BEFORE = re.compile(rf"(?<![\w$£€.,-])(?P<count>{COUNT}){_NOUNISH}\s+and\s+\Z", I)
_LIST_AFTER = re.compile(rf"\s+and\s+(?:between\s+)?(?P<count>{COUNT})(?:\s+(?:or|to)\s+{COUNT})?"
                         rf"(?P<noun>{_NOUNISH})(?=\s*[.,;]|\s+(?:in|on|at|during|near|while)\b)", I)
_VERB_BEFORE = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in BEFORE_KIND if ' ' not in w)}|[a-z]+ing)\s+\Z", I)
_PARTITIVE_BEFORE = re.compile(r"\bof\s+(?:the\s+|these\s+|those\s+|them\s+)?\Z", I)
_STARTS_WITH_COUNT = re.compile(rf"(?:{COUNT})\b", I)
_VERB_FIRST = re.compile(rf"^(?:{'|'.join(re.escape(w) for w in BEFORE_KIND if ' ' not in w)})\s+(?=\S)", I)


def listed(figs: list[Figure], text: str) -> list[Figure]:
    """Figures for whole lists of counted groups around the given casualty figures."""
    out: list[Figure] = []
    for f in figs:
        if f.kind not in ("killed", "injured") or f.value <= 0:
            continue
        s = f.span.start
        if _STARTS_WITH_COUNT.match(f.span.text):
            m = _LIST_BEFORE.search(text, max(0, s - 60), s)
            first = parse_count(m["count"]) if m else None
            if (m and first and not _VERB_BEFORE.search(text, max(0, m.start() - 30), m.start())
                    and not _PARTITIVE_BEFORE.search(text, max(0, m.start() - 20), m.start())):
                out.append(Figure(kind=f.kind, value=first[0] + f.value, qualifier=f.qualifier,
                                  span=Span.of(text, m.start(), f.span.end)))
        elif _VERB_FIRST.match(f.span.text):
            m = _LIST_AFTER.match(text, f.span.end)
            more = parse_count(m["count"]) if m else None
            if m and more:  # (of a range, "between one or two soldiers", the lower end counts)
                out.append(Figure(kind=f.kind, value=f.value + more[0], qualifier=f.qualifier,
                                  span=Span.of(text, s, m.end())))
    return out


__all__ = ["listed"]
