"""The town of each event the events layer emits: a local story's dateline town wins over a
town-level name of the same region, and a venue or street location gets the town it lies
in (ACLED's location level) as location["city"]."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from ..geo import points_km as km_between
from ..model import EventMention
from ..taxonomy import family
from . import event_link as link
from .event_city import big_city_around, quarter_town
from .place_resolve import us_states

_OWN_TOWN_KM = 25.0  # a quarter or a street named like a town lies within the dateline city
_TOWN_OF = re.compile(r"(?i)\b(?:city|town|village|township|borough) of\s+$")


def prefer_dateline(events: list[EventMention], dl: Any, places: list[Any], text: str) -> None:
    """A local story's dateline names the town it happened in ("DETROIT (WJBK) - ... shot at
    Eight Mile and Sunset"): another town-level name in the text of the same region is more
    often a street, a neighbourhood or a station's home than a second town, so the dateline
    town wins over it. Venues and streets keep their place (they get the town as their city)."""
    if dl is None or dl.feature != "city":
        return
    for ev in events:
        loc = ev.location
        if not loc or ev.mode in ("hypothetical", "background") or loc.get("feature") != "city" or loc["name"] == dl.name:
            continue
        if loc.get("country_code") != dl.country_code or None not in (loc.get("admin1"), dl.admin1) and loc.get("admin1") != dl.admin1:
            continue  # another state: the dateline is not where this happened (or is misread)
        if loc["name"].startswith(dl.name):
            continue  # "Miami Gardens" under a MIAMI dateline is the finer, named town
        if any(p.name == loc["name"] and _TOWN_OF.search(text[max(0, p.start - 12):p.start]) for p in places):
            continue  # "the city of Hamilton" names a town on purpose
        km = km_between(loc, link.place_dict(dl))
        if km is not None and km > _OWN_TOWN_KM and not (link.has_police(dl.name, text)
                                                         and not link.has_police(loc["name"], text)):
            continue  # too far to be a quarter of it (unless the dateline city's police are on
            # the case and the town has none of its own): a town of the station's region
        ev.location = link.place_dict(dl)


_STATE_AFTER = re.compile(r",\s*([A-Z][A-Za-z.]{1,13}(?: [A-Z][a-z]+)?)")


def county_dateline(events: list[EventMention], dl: Any, places: list[Any], text: str) -> None:
    """A county dateline with its state ("ADAMS COUNTY, Colo. (CBS4) -") names the county a local story
    happened in: an event place in another state the article names nowhere else (a surname
    read as a town of that state, a river's namesake town) is a misreading, and the county
    is the event's place."""
    if dl is None or dl.feature != "county" or not dl.admin1:
        return
    q = _STATE_AFTER.match(text, dl.end)
    if q is None or us_states().get(q.group(1)) != dl.admin1:
        return  # only a county its state qualifies ("X COUNTY, Colo."): its state is sure
    for ev in events:
        loc = ev.location
        if not loc or ev.mode in ("hypothetical", "background") or loc.get("feature") not in ("city", "venue"):
            continue
        a1 = loc.get("admin1")
        if loc.get("country_code") != dl.country_code or a1 == dl.admin1:
            continue
        start = (loc.get("span") or {}).get("start")
        if a1 and any(p.admin1 == a1 and p.start != start and p.name != loc.get("name") for p in places):
            continue  # the article names that state otherwise: a place there on purpose
        ev.location = link.place_dict(dl)


def add_cities(events: list[EventMention], places: list[Any], spans: list[tuple[int, int]], fallback: Any,
                named: list[Any] | None = None, dated: bool = False, text: str = "",
                towns: list[int | None] | None = None) -> None:
    """location["city"]: the town of a venue/street location (ACLED's location level), with its span."""
    by_start = {p.start: p for p in places}
    starts = [u[0] for u in spans]
    pool = link.city_pool(places, named)
    if fallback is not None and fallback.feature == "neighbourhood":  # the story's quarter: its town
        fallback = quarter_town(fallback, pool, text) or fallback
    city_fallback = fallback if fallback is not None and fallback.feature == "city" else \
        link.dominant([p for p in places if p.feature == "city"]) or link.dominant(
            [t for p in places if p.feature == "neighbourhood" and (t := quarter_town(p, pool, text)) is not None])
    # (a story that names only a quarter, "An East Toledo man ... of Seaman Street": its town)
    # last, for a street in a story that names its town only inside other names ("| CBS Chicago")
    named_city = link.dominant([p for p in named or () if p.feature == "city" and p.role != "demonym"])
    for i, ev in enumerate(events):
        loc = ev.location
        if not loc or not loc.get("span"):
            continue
        place = by_start.get(loc["span"]["start"])
        if place is None:
            continue
        u = spans[_sentence_of(place.start, starts)] if spans else None
        town = by_start.get(towns[i]) if towns and towns[i] is not None else None
        if town is not None and town.feature == "neighbourhood":  # "shot in Hunting Park": its city
            town = quarter_town(town, pool, text)
        fb, fb_dated = city_fallback, dated
        if town is not None and place.feature in ("venue", "neighbourhood") and town is not place:
            # a street is in the town another mention of the event names ("shot in Dolton ...
            # in the 14400 block of Ellis Avenue"), unless its own sentence names one
            fb, fb_dated = town, dated and fallback is not None and town.name == fallback.name
        city = link.city_of(place, places, u, fb, named, fb_dated, text, pool)
        if city is None and named_city is not None and named_city.country_code == place.country_code:
            city = named_city
        if city is not None:
            loc["city"] = _city_ref(city)


def _sentence_of(char: int, starts: list[int]) -> int:
    return max(0, bisect_right(starts, char) - 1)


QUARTER_KM = 30.0  # a town this close to the city whose police work the case is served by them


def police_town(events: list[EventMention], named: list[Any], text: str) -> None:
    """The town whose police are on the case ("Chicago police said", "the Cincinnati Police
    Department") is the event's town when the story names no other force. A quarter within
    QUARTER_KM of that city, which is a big one, keeps its name and gets the city ("Portage
    Park" is in Chicago); a town of another state gives way to the city entirely: the gazetteer
    knew only a namesake elsewhere ("Woodlawn" in Maryland, "Madisonville" in Kentucky). A town
    next door of similar size is a town of its own, and a town named with police of its own
    keeps them."""
    forces = [p for p in named if p.feature == "city" and p.lat is not None and p.role != "demonym"
              and _POLICE_RIGHT_AFTER.match(text, p.end)]
    if len({p.name for p in forces}) != 1:
        return
    force = forces[0]
    by_start = {p.start: p for p in named}
    for ev in events:
        loc = ev.location
        if not loc or ev.mode in ("hypothetical", "background") or loc.get("country_code") != force.country_code:
            continue
        own = loc.get("city") or (loc if loc.get("feature") in ("city", "neighbourhood") else None)
        if not own or own.get("name") == force.name or link.has_police(own.get("name") or "", text):
            continue
        town = by_start.get((own.get("span") or {}).get("start"))
        if town is None or town.lat is None:
            continue
        km = km_between(link.place_dict(town), link.place_dict(force))
        if km is not None and km <= QUARTER_KM:
            if big_city_around(force, town):
                loc["city"] = _city_ref(force)  # a quarter of the big city, not a town next door
        elif town.admin1 and force.admin1 and town.admin1 != force.admin1:
            if loc.get("feature") in ("city", "neighbourhood"):
                ev.location = link.place_dict(force)
                ev.location["city"] = _city_ref(force)
            else:  # a street or venue: in the police's city, at its coordinates
                loc.update(lat=force.lat, lon=force.lon, admin1=force.admin1, city=_city_ref(force))


_POLICE_RIGHT_AFTER = re.compile(r"(?:'s|’s)?\s+(?:[Pp]olice|PD)\b")


def _city_ref(p: Any) -> dict[str, Any]:
    return {"name": p.name, "span": {"text": p.text, "start": p.start, "end": p.end}}


def about_town(out: list[EventMention], sure: Any) -> None:
    """The earlier violent event the main event is about ("police arrest suspect in December
    homicide") is the article's incident: with no place of its own it took place in the story's
    town, like its other events."""
    p = next((ev for ev in out if ev.primary), None)
    if p is None or sure is None or p.about is None or not 0 <= p.about < len(out):
        return
    target = out[p.about]
    if target.location is None and family(target.type) == "violence" and target.mode == "background":
        target.location = link.place_dict(sure)
