"""The town of an event place (helpers of event_link): the big city around a quarter, the city
of a venue or street, the town of a local story that names none as a location, and the country
of a story that names no usable place at all."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import astuple
from typing import Any

from ..geo import distance_km
from ..model import Place, Record
from .event_scene import named_places, residence
from .gazetteer import Candidate, gazetteer, norm
from .place_local import named_city
from .place_quarters import city_point, quarter_city
from .place_venues import LOCAL_INSTITUTION

CAPITAL_DISTRICT = ("Washington", "District of Columbia")  # the one city of the district


def _enclosing_city(loc: Place, places: list[Place], km: float = 20.0, text: str = "") -> Place | None:
    """A neighbourhood resolved as a town ("Englewood", "Kensington") lies in the big city the
    article also names within a few km: that city is the event's town. Not a town with a
    police force of its own ("Inglewood police"): that is a city next to the big one."""
    if loc.lat is None or loc.lon is None or text and has_police(loc.name, text):
        return None
    best = None
    for p in places:
        if p.feature != "city" or p.name == loc.name or p.lat is None or p.lon is None:
            continue
        if not big_city_around(p, loc):
            continue
        if distance_km(p.lat, p.lon, loc.lat, loc.lon) <= km and (best is None or (p.population or 0) > (best.population or 0)):
            best = p
    return best


def big_city_around(city: Any, town: Any) -> bool:
    """Is `city` big enough to hold `town` as one of its quarters: 100,000 people and three
    times the town's size (a town next door of similar size is a town of its own)."""
    pop = city.population or 0
    return pop >= 100_000 and pop >= 3 * max(town.population or 0, 1)


def city_pool(places: list[Place], named: list[Place] | None) -> list[Place]:
    """The places `city_of` looks among: the event places, then the other named ones."""
    have = {astuple(p) for p in places}  # (a set: `p not in places` compares every pair)
    return places + [p for p in named or () if p.role != "demonym" and astuple(p) not in have]


def city_of(loc: Place, places: list[Place], unit: tuple[int, int] | None, fallback: Place | None,
            named: list[Place] | None = None, dated: bool = False, text: str = "",
            pool: list[Place] | None = None) -> Place | None:
    """The city an event place lies in: itself (or the big city around it), a city in the same
    sentence, the dateline/dominant city. `named`: every resolved place of the article whatever
    its role; the big city around a quarter is often named only inside another name ("Chicago
    police", "Children's Hospital of Philadelphia"), and that still places the quarter.
    `dated`: the fallback is the dateline town, named on purpose (a suburb stays itself).
    `pool`: city_pool(places, named), when the caller asks for many events of one article."""
    pool = pool if pool is not None else city_pool(places, named)
    if loc.feature == "city":
        return _enclosing_city(loc, pool, text=text) or loc
    if loc.feature == "neighbourhood" and (town := quarter_town(loc, pool, text)) is not None:
        return town
    if unit is not None:
        same = [p for p in places if unit[0] <= p.start < unit[1] and p.feature == "city"
                and (not loc.country_code or p.country_code == loc.country_code)
                and not (text and residence(p, text))]  # not "a Burley girl was shot at the X Range"
        if same:
            near = min(same, key=lambda p: abs(p.start - loc.start))
            return _enclosing_city(near, pool, text=text) or near
    if loc.feature == "venue" and text:  # "a chase on Interstate 75 in Cobb County": its county
        county = next((p for p in pool if p.feature == "county" and p.start > loc.end
                       and _IN_AREA.fullmatch(text, loc.end, p.start)), None)
        if county is not None:
            return county
    if loc.feature == "venue":  # "Salina Regional Health Center", "Rupert Gun Range": its town
        own = named_city(loc.name or "", loc.lat, loc.lon) or named_after(loc)
        if own is not None:
            return Place(loc.text, loc.start, loc.end, name=own.name, lat=own.lat, lon=own.lon,
                         country_code=own.country_code, admin1=own.admin1, feature="city")
    if fallback is not None and fallback.feature == "city" and (not loc.country_code or fallback.country_code == loc.country_code):
        return fallback if dated else _enclosing_city(fallback, pool, text=text) or fallback
    return None


def quarter_town(loc: Place, pool: list[Place], text: str) -> Place | None:
    """The town of a quarter: the big city around it, the city its name contains ("East
    Toledo"), the city the list of quarters gives ("Hunting Park": Philadelphia), the one city
    of the District of Columbia ("Southeast D.C." is in Washington)."""
    around = _enclosing_city(loc, pool, text=text)
    if around is not None:
        return around
    own = quarter_city(loc.name or "", loc.admin1, loc.lat, loc.lon) or named_city(loc.name or "", loc.lat, loc.lon) \
        or (city_point(*CAPITAL_DISTRICT) if (loc.country_code, loc.admin1) == ("US", CAPITAL_DISTRICT[1]) else None)
    if own is None or norm(own.name) == norm(loc.name or ""):
        return None  # (not the gazetteer's entry for the quarter itself)
    return Place(loc.text, loc.start, loc.end, name=own.name, lat=own.lat, lon=own.lon,
                 country_code=own.country_code, admin1=own.admin1, feature="city")


NAMED_AFTER_KM = 50.0
_IN_AREA = re.compile(r",?\s+(?:in|of)\s+(?:unincorporated\s+)?(?:the\s+)?|,\s+")


def named_after(loc: Place) -> Candidate | None:
    """The town a local institution is named after ("Rupert Gun Range", "Medina High School"):
    a gazetteer town of exactly that name in the venue's state, near where the venue was
    placed (the article's town), so "Lincoln High School" in Omaha is no Lincoln."""
    m = LOCAL_INSTITUTION.search(loc.name or "")
    if m is None or m.start() == 0 or loc.lat is None or loc.lon is None or not loc.admin1:
        return None
    name = (loc.name or "")[:m.start()].strip()
    if not name or len(name.split()) > 2:
        return None
    near = [c for c in gazetteer().lookup(name) if c.feature == "city" and norm(c.name) == norm(name)
            and c.country_code == loc.country_code and c.admin1 == loc.admin1
            and distance_km(c.lat, c.lon, loc.lat, loc.lon) <= NAMED_AFTER_KM]
    return max(near, key=lambda c: c.population) if near else None


_POLICE_AFTER = re.compile(r"(?:'s)?\s+(?:police|Police|PD|sheriff|Sheriff|Metropolitan Police)\b")


def has_police(name: str, text: str) -> bool:
    """Does the text name this town's own police ("Inglewood police", "the Downey Police
    Department")? Only a town proper has a force of its own."""
    return bool(name) and re.search(re.escape(name) + _POLICE_AFTER.pattern, text) is not None


def home_city(record: Record) -> Place | None:
    """The town of a local story that names no place as a location: a city whose police are
    on the case ("Houston Police Department"), else a big city named at least twice, even
    inside other names (the outlet's, the county's). Only the last resort of an event's place."""
    text = record.article.text
    cities = [p for p in named_places(record) if p.feature == "city" and p.lat is not None and p.role != "demonym"]
    for p in cities:
        if _POLICE_AFTER.match(text, p.end):
            return p
    counts = Counter(p.name for p in cities)
    if counts:
        name, n = counts.most_common(1)[0]
        first = next(p for p in cities if p.name == name)
        if n >= 2 and len(counts) == 1 and (first.population or 0) >= 100_000:
            return first
    return None


def country_location(record: Record) -> dict[str, Any] | None:
    """A country-precision location for the main event of an article that names no usable
    place: a place the gazetteer does not know ("in Sabon Birni LGA") lies in the country the
    outlet states (by name or country-code domain, "Daily Trust (Nigeria)"); else the one
    country all the article's resolved places and demonyms lie in ("the Korean union ...").
    The span is that place's; no town is invented."""
    from .place_mentions import outlet_home

    outlet = outlet_home(record.article.source)
    found = {p.country_code for p in record.places if p.country_code}
    if outlet and found <= {outlet}:
        unknown = next((p for p in record.places if p.role == "location" and not p.country_code
                        and p.lat is None), None)
        known = next((p for p in record.places if p.country_code == outlet), None)
        p, cc = unknown or known, outlet
    elif len(found) == 1:
        cc = found.pop()
        p = next(p for p in record.places if p.country_code == cc)
    else:
        return None
    c = gazetteer().country(cc)
    if p is None or c is None:
        return None
    return {"name": p.name if p.country_code is None else c.name, "geonames_id": c.geonames_id,
            "lat": c.lat, "lon": c.lon, "country_code": cc, "admin1": None, "feature": "country",
            "precision": "country", "span": {"text": p.text, "start": p.start, "end": p.end}}
