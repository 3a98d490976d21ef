"""Local places the gazetteer has no entry for: counties and city neighbourhoods.

US local news locates events by county ("SCOTT COUNTY, Ky. —", "Adams County deputies") and by
neighbourhood ("in Philadelphia's Kensington section", "in the Rogers Park neighborhood").
A county takes its state's coordinates (precision admin1, feature "county"); a neighbourhood
takes the coordinates of the city it belongs to (precision city, feature "neighbourhood"), so
the events layer can still report that city.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .gazetteer import Candidate, gazetteer

if TYPE_CHECKING:
    from .place_resolve import Context
    from .places import Mention

COUNTY = re.compile(r"^(?:the\s)?(.+?)\s(county|parish|borough|township)$", re.I)
_HOOD_AFTER = re.compile(r"^\s(?:neighbou?rhood|section)\b", re.I)
_POSSESSIVE = re.compile(r"([A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})['’]s\s$")


def is_county(name: str) -> bool:
    return bool(COUNTY.match(name))


def county(m: Mention, ctx: Context) -> Candidate | None:
    """A county in the state of its qualifier ("X County, Ky."), else of the city it is named
    after ("Los Angeles County"), else the article's main US state. A township is a town."""
    cc, a1 = m.within if m.within else (None, None)
    cm = COUNTY.match(m.text)
    feature = "city" if cm and cm.group(2).lower() == "township" else "county"
    if a1 is None and cm:
        towns = [c for c in gazetteer().lookup(cm.group(1)) if c.country_code == "US" and c.admin1]
        if towns:
            cc, a1 = "US", max(towns, key=lambda c: (ctx.admin1.get(("US", c.admin1), 0),
                                                    c.population)).admin1
    if a1 is None:
        states = [(w, s) for (c, s), w in ctx.admin1.items() if c == "US"]
        if not states:
            return None
        cc, a1 = "US", max(states)[1]
    if cc != "US" or a1 is None:
        return None
    for c in gazetteer().lookup(a1):
        if c.feature == "admin1" and c.country_code == "US":
            return Candidate(m.text, None, c.lat, c.lon, "US", a1, feature, 0)
    return None


def hood_city(text: str, m: Mention, cities: list[Candidate]) -> Candidate | None:
    """The city of a neighbourhood mention, if the text marks it as one: "City's X" names the
    city; "the X neighborhood/section" takes the article's main city (first of `cities`)."""
    before = text[max(0, m.start - 40):m.start]
    pm = _POSSESSIVE.search(before)
    if pm:
        for c in gazetteer().lookup(pm.group(1)):
            if c.feature == "city" and (not cities or c.country_code == cities[0].country_code):
                return c
    if _HOOD_AFTER.match(text[m.end:m.end + 16]) and cities:
        return cities[0]
    return None
