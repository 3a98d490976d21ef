"""The dateline of a report ("ROCKFORD, Ill. (AP) —", "BURBANK >>"): the town the story was filed from,
which a local story mostly happened in. Found at the start of the body by shape and checked
against the gazetteer (a shouted word or a clock time before the real dateline is skipped)."""

from __future__ import annotations

import re

from . import place_local
from .gazetteer import gazetteer
from .place_mentions import Mention
from .place_resolve import qualifier, us_states

_DATELINE = re.compile(
    r"(?:^|\n|(?<=[a-z0-9.!?\"”’)]))\s*([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"
    r"(?:,\s*([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}))?\s*(?:\([^)\n]{1,40}\)\s*)?(?:(?:—|–|--|>>|»)\s?|[-:]\s)")

# the press-release and local-TV form, in brackets and not shouted, opening the body:
# "(Cincinnati, OH)--"
_BRACKET_DATELINE = re.compile(
    r"\s*\(([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}),\s*([A-Z]{2}|[A-Z][a-z]+\.?(?: [A-Z][a-z]+)?)\)\s*(?:—|–|--)")


def dateline(text: str, title: str | None) -> tuple[str, int, str | None, int] | None:
    """The dateline ("ROCKFORD, Ill. (AP) —") at the start of the body, i.e. after the title
    when the text begins with it: (place, its offset, state/country or None, its offset)."""
    off = len(title) if title and text.startswith(title) else 0
    for m in _DATELINE.finditer(text[off:off + 400]):
        city = m.group(1).strip()
        if len(city) < 3 or not (gazetteer().known(city.title())
                                 or place_local.is_county(city) and m.group(2)):
            continue  # "10PM: ..." or a shouted word before the real dateline
        return city, off + m.start(1), m.group(2), off + (m.start(2) if m.group(2) else 0)
    m = _BRACKET_DATELINE.match(text, off)  # only where the body starts
    if m and gazetteer().known(m.group(1)) and (qualifier(m.group(2)) or m.group(2) in us_states()):
        return m.group(1), m.start(1), m.group(2), m.start(2)
    return None


def add_dateline(text: str, title: str | None, out: list[Mention]) -> None:
    d = dateline(text, title)
    if not d:
        return
    city, s, q, qs = d
    for x in out:
        if x.start <= s < x.end:
            x.dateline = True
            if x.role == "embedded":  # "Fox 59INDIANAPOLIS (AP) —": a dateline glued to the title
                x.role = "location"
            break
    else:
        out.append(Mention(s, s + len(city), city, "toponym", dateline=True))
    if q:
        if not any(x.start <= qs < x.end for x in out) and qualifier(q):
            out.append(Mention(qs, qs + len(q), q, "toponym"))
