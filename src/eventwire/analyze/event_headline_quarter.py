"""A quarter the headline names (helper of events): "man shot at in New Orleans East", "man
killed in West Ashley barbershop shooting". Local news name the part of their city in the
headline; the gazetteer has no such quarters, so the body's place for the incident is the city
itself (or its county). A capitalised name after "in"/"at"/"near" in a sentence-case headline,
or before "shooting", that the gazetteer does not know at all, is the incident's quarter when
the incident lies in a big city: the location becomes that quarter, with the city as
location["city"] (at the city's coordinates). A title-case headline ("Man Shot In Leg In
Dorchester") does not tell names from words, and is not read.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import EventMention, Record
from ..taxonomy import family
from .event_title import headline_text
from .gazetteer import gazetteer, norm
from .place_local import county_states
from .place_roles import lex

BIG_CITY = 100_000
_NAME = r"[A-Z][\w'’.]*(?:\s[A-Z][\w'’.]*){0,2}"
_QUARTER = re.compile(rf"\b(?:in|at|near)\s+({_NAME})|\b({_NAME})\s+(?:shooting|homicide|stabbing|murder)\b")


def _quarter(head: str) -> tuple[str, int] | None:
    words = re.findall(r"[A-Za-z][\w'’]*", head)
    if not words or sum(w[0].isupper() for w in words) > len(words) / 2:
        return None  # title case: no telling names from words
    found = []
    for m in _QUARTER.finditer(head):
        name, at = (m.group(1), m.start(1)) if m.group(1) else (m.group(2), m.start(2))
        if name.endswith(".") and len(name.split()[-1]) > 4:
            name = name[:-1]  # the headline's full stop ("... killed in Meyerland."), not "St."
        if m.group(2) and m.start(2) == 0:
            continue  # the headline's first word is capitalised anyway
        if name.lower() in lex()["not"] or gazetteer().lookup(name) or county_states(name):
            continue  # (a county, "at Marion County berry farm", is no quarter of a city)
        found.append((name, at))
    return found[0] if len(found) == 1 else None


def headline_quarter(events: list[EventMention], record: Record) -> None:
    got = headline_text(record)
    if got is None:
        return
    head, offset = got
    hit = _quarter(head)
    if hit is None:
        return
    name, at = hit
    own = _compass_city(name)
    for ev in events:
        loc = ev.location
        if family(ev.type) != "violence" or ev.mode in ("hypothetical", "background"):
            continue
        if not loc and own is not None:  # "shooting in E. Houston" with no place in the body
            loc = {"name": own.name, "lat": own.lat, "lon": own.lon, "country_code": own.country_code,
                   "admin1": own.admin1, "feature": "city", "span": {"text": "", "start": 0, "end": 0}}
        if not loc:
            continue
        city = _big_city(loc)
        if city is None:
            continue
        span = {"text": name, "start": offset + at, "end": offset + at + len(name)} if offset is not None \
            else {"text": "", "start": 0, "end": 0}
        ev.location = {"name": name, "geonames_id": None, "lat": loc.get("lat"), "lon": loc.get("lon"),
                       "country_code": loc.get("country_code"), "admin1": loc.get("admin1"),
                       "feature": "neighbourhood", "precision": "city", "span": span, "city": city}
        if offset is None:
            ev.location["from"] = "title"


def _big_city(loc: dict[str, Any]) -> dict[str, Any] | None:
    """The incident's big city: the location itself or its town, if a city of 100,000+."""
    ref = loc.get("city") or ({"name": loc["name"], "span": loc.get("span")} if loc.get("feature") == "city" else None)
    if not ref:
        return None
    cands = [c for c in gazetteer().lookup(ref["name"]) if c.feature == "city" and norm(c.name) == norm(ref["name"])
             and c.country_code == loc.get("country_code")]
    return ref if any(c.population >= BIG_CITY for c in cands) else None


_COMPASS_CITY = re.compile(r"^(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|"
                           r"[NSEW]\.|[NS][EW]\.?)\s+(.+)$")


def _compass_city(name: str) -> Any | None:
    """The big city a compass quarter's name contains ("E. Houston", "North Tulsa"): the
    biggest gazetteer city of that name, if it has 100,000 people."""
    m = _COMPASS_CITY.match(name)
    if m is None:
        return None
    cands = [c for c in gazetteer().lookup(m.group(1)) if c.feature == "city" and norm(c.name) == norm(m.group(1))]
    top = max(cands, key=lambda c: c.population, default=None)
    return top if top is not None and top.population >= BIG_CITY else None
