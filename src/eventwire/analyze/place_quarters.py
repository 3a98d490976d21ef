"""Listed quarters of large US cities (data/gazetteer/city_quarters.csv).

Local news place a shooting in a quarter of their city ("shot in the 800 block of East 113th
Street in Green Meadows, according to Los Angeles County coroner's records", "a shooting in
the city's Feltonville section"). Many quarters share their name with a town elsewhere
(Green Meadows, Ohio; Florence, Alabama) or are unknown to the gazetteer. A name the list gives
as a quarter of a city the article names (anywhere, even inside another name: "Los Angeles
County", "Chicago police") is that quarter, placed at its city (or at the gazetteer's own
point for it, when it had one inside the city), unless the article itself
points to the namesake's state or country. A name the gazetteer lacks that the list gives as
a quarter of one city only is that quarter even when the city goes unnamed.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..geo import distance_km
from .gazetteer import Candidate, gazetteer, norm

if TYPE_CHECKING:
    from .place_mentions import Mention

_LIST = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "city_quarters.csv"
_COUNTY = re.compile(r"^(?:the\s)?(.+?)\s(?:county|parish)$", re.I)
_SAINT = re.compile(r"^(?:st|saint)\.?\s+")
NEAR_KM = 60.0  # a same-state namesake this close to the city is the quarter itself
QUARTER_KM = 25.0  # ... and one this close is it even when the city goes unnamed
SMALL_TOWN = 10_000  # ... and one this small further off is less likely than the quarter


def key(name: str) -> str:
    """A comparable name: normalised, "St."/"Saint" spelt one way."""
    return _SAINT.sub("saint ", norm(name))


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = {}
    with open(_LIST, encoding="utf-8") as fh:
        for r in csv.DictReader(line for line in fh if not line.startswith("#")):
            out.setdefault(key(r["quarter"]), []).append((r["city"], r["state"]))
    return {k: tuple(v) for k, v in out.items()}


def cities_of(name: str) -> tuple[tuple[str, str], ...]:
    """The (city, state) pairs the list gives a quarter of this name for."""
    return _table().get(key(name), ())


@lru_cache(maxsize=256)
def city_point(city: str, state: str) -> Candidate | None:
    """The gazetteer's city of that name in that US state (the most populous one)."""
    got = [c for c in gazetteer().lookup(city) if c.feature == "city" and c.country_code == "US"
           and c.admin1 == state and key(c.name) == key(city)]
    return max(got, key=lambda c: c.population) if got else None


def _named_cities(ms: list[Mention]) -> set[tuple[str, str]]:
    """(city key, state) of every US city the article names, in any role; "X County" names X."""
    out = set()
    for m in ms:
        c = m.cand
        if c is None or c.country_code != "US" or not c.admin1:
            continue
        if c.feature == "city" and not m.approx:
            out.add((key(c.name), c.admin1))
        elif c.feature == "county" and (cm := _COUNTY.match(m.text)):
            out.add((key(cm.group(1)), c.admin1))
    return out


def _backed(m: Mention, ms: list[Mention]) -> bool:
    """Does another place of the article lie in the namesake's state (US) or country?"""
    c = m.cand
    if c is None:
        return False
    for o in ms:
        oc = o.cand
        if o is m or oc is None or key(o.text) == key(m.text) or oc.country_code != c.country_code:
            continue
        if c.country_code != "US" or oc.admin1 == c.admin1:
            return True
    return False


def _yields(m: Mention, city: Candidate, ms: list[Mention]) -> bool:
    """May the mention's reading give way to the quarter of `city`? Not a place qualified by
    its state ("Florence, Ala."), not a reading the article backs; a namesake in the city's
    state only when near the city (the quarter itself, even as a dateline: "NORTH LAWNDALE —")
    or a small town."""
    c = m.cand
    if m.within or m.chain:
        return False
    if c is None:
        return not m.dateline
    if c.feature not in ("city", "neighbourhood") or c == city:
        return False
    if c.country_code == "US" and c.admin1 == city.admin1:
        near = distance_km(c.lat, c.lon, city.lat, city.lon) <= NEAR_KM
        return near or c.population < SMALL_TOWN and not m.dateline  # (a dateline: the quarter itself only)
    if c.country_code != "US" and _abroad(m, ms):
        return False  # a story that goes abroad means the town abroad ("Trinidad and Tobago")
    return not m.dateline and not _backed(m, ms)


def _abroad(m: Mention, ms: list[Mention]) -> bool:
    """Does another place of the article lie outside the US?"""
    return any(o.cand is not None and o.cand.country_code not in (None, "US") and key(o.text) != key(m.text)
               for o in ms)


def _at_city(m: Mention, pairs: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """A quarter the gazetteer knows as a place of its own inside the listed city ("North
    Lawndale", Illinois, a few km from the Loop): that city, named or not."""
    c = m.cand
    if c is None or c.feature != "city" or c.country_code != "US" or m.within:
        return []
    near = [p for p in pairs if p[1] == c.admin1 and (town := city_point(*p)) is not None and town != c
            and distance_km(c.lat, c.lon, town.lat, town.lon) <= QUARTER_KM]
    return near if len(near) == 1 else []


def listed_quarters(ms: list[Mention]) -> None:
    """Place the article's listed quarters at their city (see the module doc)."""
    named = _named_cities(ms)
    for m in ms:
        if m.kind not in ("toponym", "venue") or m.approx and m.cand is not None and m.cand.feature == "neighbourhood":
            continue
        pairs = cities_of(m.text)
        if not pairs:
            continue
        hit = [p for p in pairs if (key(p[0]), p[1]) in named] or _at_city(m, pairs)
        if not hit and m.cand is None and len(pairs) == 1 and not any(
                o.cand is not None and o.cand.country_code == "US" and o.cand.admin1
                and o.cand.admin1 != pairs[0][1] and o.role == "location" for o in ms):
            hit = list(pairs)  # "the city's Feltonville section": the one city with that quarter
        city = city_point(*hit[0]) if hit else None
        if city is None or not _yields(m, city, ms):
            continue
        c = m.cand  # the gazetteer's own point of the quarter, when it had one inside the city
        own = c is not None and c.country_code == "US" and c.admin1 == city.admin1 \
            and distance_km(c.lat, c.lon, city.lat, city.lon) <= NEAR_KM
        lat, lon = (c.lat, c.lon) if own and c is not None else (city.lat, city.lon)
        m.cand = Candidate(m.text, None, lat, lon, "US", city.admin1, "neighbourhood", 0)
        m.approx = True
        m.kind = "toponym"


def quarter_city(name: str, admin1: str | None, lat: float | None = None, lon: float | None = None) -> Candidate | None:
    """The city a listed quarter in that state lies in: the one the list gives there, or, of
    several, the one nearest the quarter's coordinates."""
    points = [c for p in cities_of(name) if admin1 is None or p[1] == admin1 if (c := city_point(*p)) is not None]
    if len(points) > 1 and lat is not None and lon is not None:
        near = min(points, key=lambda c: distance_km(c.lat, c.lon, lat, lon))
        points = [near] if distance_km(near.lat, near.lon, lat, lon) <= NEAR_KM else []
    return points[0] if len(points) == 1 else None
