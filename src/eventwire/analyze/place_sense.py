"""One sense per discourse: a town name an article qualifies once means that town throughout.

"killed in Charlestown, Indiana ... services will be held in Charlestown": the bare mentions
name the town the qualified one placed, not a likelier namesake elsewhere. Only when every
"Town, Area" pair of the name agrees (an article that writes both "Portland, Maine" and
"Portland, Ore." leaves its bare "Portland" as resolved). An area followed by a county word
("in Chester, Delaware County") is a county of that name, not the state: no evidence here.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from .gazetteer import Candidate, norm

if TYPE_CHECKING:
    from .place_mentions import Mention


_SUBUNIT = re.compile(r"\s(?:County|Parish|Borough|Township|county|parish|borough|township)\b")


def _town(m: Mention) -> bool:
    return m.kind == "toponym" and m.cand is not None and not m.approx and m.cand.feature == "city"


def _qualified(m: Mention, ms: list[Mention], text: str) -> bool:
    return m.within is not None and not any(q.qualifies is m and _SUBUNIT.match(text, q.end) for q in ms)


def one_sense(ms: list[Mention], text: str) -> None:
    """Bare mentions of a name take the reading of its qualified mentions when these agree."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in ms:
        if _town(m):
            groups[norm(m.text)].append(m)
    for group in groups.values():
        if all(m.within is None for m in group):
            continue
        qualified = {m.cand for m in group if _qualified(m, ms, text)}
        if len(qualified) != 1:
            continue
        (reading,) = qualified
        assert isinstance(reading, Candidate)
        for m in group:
            if m.within is None and m.chain is None and m.cand != reading:
                m.cand = reading
