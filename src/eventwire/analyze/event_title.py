"""The headline's town (helper of events): a headline names the town of the story's incident
("3-year-old kills herself with loaded gun in Lemoore", "Benton 17-year-old killed in
officer involved shooting") even when the body only says "the home" or "a county road".

When the article's title is kept apart from its body (the body does not start with it), the
places layer never reads it. A town the headline names is the incident's town when the body
gave the incident no town: no location, or only its state, country or county. The town must
be a gazetteer city of exactly that name lying in a state the article itself names (or, with
no state named, a big city), so a headline's ordinary words ("Hunter", "Home") and namesakes
elsewhere are not read as the town. The outlet's part of a headline ("... | WBTV Charlotte",
"... - Toledo News Now") is not read.
"""

from __future__ import annotations

import math
import re
from typing import Any, NamedTuple

from ..geo import distance_km
from ..model import EventMention, Record
from ..taxonomy import family
from .event_city import big_city_around
from .event_scene import landmark_before
from .gazetteer import Candidate, gazetteer, norm
from .place_resolve import same_name

COARSE = frozenset({None, "admin1", "country", "region", "county", "admin2"})
BIG_CITY = 100_000  # a town named with no state anywhere in the article: only a big city

# the outlet's part of a headline comes after a separator ("Story - Outlet", "Story | Outlet")
_OUTLET_TAIL = re.compile(r"\s+(?:[-|«–—~]|::)\s+")
# capitalised runs of up to three words ("Rock Falls", "Poplar Bluff", "Steamboat Springs")
_WORD = r"[A-Z][a-z’'.]+"
_RUN = re.compile(rf"{_WORD}(?:[ -]{_WORD})*")
_AREA_AFTER = re.compile(r"^\s*(?:County|Co\.|Parish|Township|Twp\.|Borough)\b")


def headline(record: Record) -> str | None:
    """The story's part of a title the body does not contain, else None."""
    title = (record.article.title or "").strip()
    if not title or record.article.text.startswith(title):
        return None
    return _OUTLET_TAIL.split(title, maxsplit=1)[0]


def headline_text(record: Record) -> tuple[str, int | None] | None:
    """The story's part of the title and its offset in the body (None when kept apart)."""
    title = (record.article.title or "").strip()
    if not title:
        return None
    head = _OUTLET_TAIL.split(title, maxsplit=1)[0]
    at = record.article.text.find(title)
    return head, (at if at == 0 else None)


def _states(record: Record) -> tuple[set[tuple[str, str]], set[str]]:
    """(country, first-level area) pairs, and countries, of the article's resolved places."""
    named = [p for p in record.places if p.country_code and p.role != "demonym"]
    return {(p.country_code, p.admin1) for p in named if p.admin1}, {p.country_code for p in named}


class TitleTown(NamedTuple):
    surface: str
    city: Candidate
    start: int  # offsets into the headline
    end: int


def title_town(head: str, states: set[tuple[str, str]], countries: set[str] = frozenset()) -> TitleTown | None:
    """The one town the headline names, or None (none, or two different ones)."""
    found: dict[str, TitleTown] = {}
    for m in _RUN.finditer(head):
        words = [(w.start(), w.group()) for w in re.finditer(r"\S+", m.group())]
        i = 0
        while i < len(words):  # a title-case headline: every word may start a town's name
            for n in range(min(3, len(words) - i), 0, -1):
                s = m.start() + words[i][0]
                surface = " ".join(w for _, w in words[i:i + n]).rstrip(".")
                end = s + len(surface)
                if _AREA_AFTER.match(head[end:]):
                    i += n  # "Sullivan County boy": a county, not the town of that name
                    break
                c = _city(surface, states, countries)
                if c is not None:
                    found.setdefault(c.name, TitleTown(surface, c, s, end))
                    i += n
                    break
            else:
                i += 1
    return next(iter(found.values())) if len(found) == 1 else None


def _city(surface: str, states: set[tuple[str, str]], countries: set[str]) -> Candidate | None:
    """The city of exactly this name in a state the article names; with no state named, the
    only city of that name (in the article's countries, when it names any), else a big one."""
    cands = [c for c in gazetteer().lookup(surface) if c.feature == "city" and same_name(c.name, surface)]
    if states:
        cands = [c for c in cands if (c.country_code, c.admin1) in states]
    elif countries:
        cands = [c for c in cands if c.country_code in countries]
    if not cands:
        return None
    top = max(cands, key=lambda c: c.population)
    return top if states or len(cands) == 1 or top.population >= BIG_CITY else None


def _span(text: str, surface: str) -> dict[str, Any]:
    """The town's first mention in the body; an empty span at 0 when only the title names it."""
    m = re.search(r"\b" + re.escape(surface) + r"\b", text, re.I)
    if m is None:
        return {"text": "", "start": 0, "end": 0}
    return {"text": m.group(), "start": m.start(), "end": m.end()}


def headline_town(events: list[EventMention], record: Record) -> None:
    """The incident's town from the headline: for a violent event the body left without a
    town, and over the body's town when the headline names the incident's town on purpose."""
    head = headline(record)
    if not head:
        return
    violent = [ev for ev in events if family(ev.type) == "violence" and ev.mode not in ("hypothetical", "background")]
    if not violent:
        return
    states, countries = _states(record)
    hit = title_town(head, states, countries)
    if hit is None or in_person_name(hit, record):
        return
    c, text = hit.city, record.article.text
    span = _span(text, hit.surface)
    own = _own_town(head, hit, record)
    # "Man shot near Dayton", "two stabbed outside Watsonville": a landmark the scene lies
    # near; it is no better than a town the body names as the scene, but it still says which
    # town a street or a venue lies by
    near = bool(_NEAR_BEFORE.search(head[:hit.start]) or landmark_before(head[:hit.start]))
    for ev in violent:
        loc = ev.location or {}
        if loc.get("country_code") not in (None, c.country_code) or loc.get("admin1") not in (None, c.admin1):
            continue  # the body places it in another state or country
        if loc.get("feature") in COARSE and not loc.get("city"):
            ev.location = _city_dict(c, span)
        elif own and (loc.get("feature") == "venue" or loc.get("feature") in ("city", "neighbourhood") and not near):
            _over_body_town(ev, c, span, text)


def _city_dict(c: Candidate, span: dict[str, Any]) -> dict[str, Any]:
    out = {"name": c.name, "geonames_id": c.geonames_id, "lat": c.lat, "lon": c.lon,
           "country_code": c.country_code, "admin1": c.admin1, "feature": "city",
           "precision": "city", "span": span, "city": {"name": c.name, "span": span}}
    if not span["text"]:
        out["from"] = "title"
    return out


# "Santa Cruz deputy", "Newburgh officer", "Chicago police": the force's town, not the scene's
_AGENCY_AFTER = re.compile(r"(?i)^(?:'s|’s)?\s+(?:police|deputy|deputies|officers?|cops?|sheriff|PD|trooper|firefighter)s?\b")
_FROM_BEFORE = re.compile(r"(?i)\b(?:from|of|native|resident)\s+$")
_NEAR_BEFORE = re.compile(r"(?i)\bnear\s+$")


def _own_town(head: str, hit: TitleTown, record: Record) -> bool:
    """Does the headline name the town as the story's own, rather than a force's home ("Santa
    Cruz deputy"), a person's origin ("Woman from Sun Valley") or inside a person's name
    ("Senquez Jackson shooting")?"""
    if _AGENCY_AFTER.match(head[hit.end:]) or _FROM_BEFORE.search(head[:hit.start]):
        return False
    return not in_person_name(hit, record)


def in_person_name(hit: TitleTown, record: Record) -> bool:
    """Is the headline's town a word of a person's name the article gives ("victim identified
    as Gavin Stiles")? (The town's name alone taken for a person is the town.)"""
    word = re.compile(r"\b" + re.escape(hit.surface) + r"\b")
    return any(e.label == "PERSON" and word.search(e.text) and norm(e.text) != norm(hit.surface)
               for e in record.entities)


def _over_body_town(ev: EventMention, c: Candidate, span: dict[str, Any], text: str = "") -> None:
    """The headline's town over the body's one (the court's or the outlet's town in its
    dateline, a namesake street): a quarter of a big city the headline names gets that city;
    a headline naming a quarter of the body's big city changes nothing. A body that never
    names the headline's town but names its own town twice or more keeps its own: the body
    is the reporter's account of where it happened, the headline a neighbour's name."""
    loc = ev.location or {}
    town = (loc.get("city") or {}).get("name") or loc.get("name") or ""
    if norm(town) == norm(c.name):
        return
    if not span["text"] and town and len(re.findall(r"\b" + re.escape(town) + r"\b", text, re.I)) >= 2:
        return
    body = _town_candidate(town, loc)
    if body is not None and body.admin1 != c.admin1:
        return  # a namesake in another state ("Madisonville" of Kentucky in a Cincinnati story)
    if body is not None and body.lat is not None:
        near = distance_km(body.lat, body.lon, c.lat, c.lon) <= reach_km(max(body, c, key=lambda x: x.population))
        if near and big_city_around(body, c):
            # "Englewood boy" in a Chicago story: the quarter of the body's city; when the body
            # gave only the city (not a street), the quarter is the finer place, in that city
            if loc.get("feature") == "city":
                ev.location = {**_city_dict(c, span), "feature": "neighbourhood",
                               "city": loc.get("city") or {"name": loc.get("name"), "span": loc.get("span")}}
            return
        if near and big_city_around(c, body):
            loc["city"] = {"name": c.name, "span": span}  # "Nashville 3-year-old" at Hermitage
            return
    if loc.get("feature") == "city":
        ev.location = _city_dict(c, span)
    else:  # a street or venue: in the headline's town, at its coordinates
        loc.update(lat=c.lat, lon=c.lon, admin1=c.admin1, city={"name": c.name, "span": span})


def reach_km(city: Candidate) -> float:
    """How far from its centre a big city's quarters lie: 25 km for a city of a million,
    growing with the square root of its population (its area), 10 to 40 km."""
    return min(40.0, max(10.0, 25.0 * math.sqrt(city.population / 1_000_000)))


def _town_candidate(name: str, loc: dict[str, Any]) -> Candidate | None:
    """The body's town in the gazetteer: the biggest of that name in the event's state, else
    in its country (a street's state can be its namesake town's)."""
    cands = [x for x in gazetteer().lookup(name) if x.feature == "city" and norm(x.name) == norm(name)
             and x.country_code == loc.get("country_code")]
    cands = [x for x in cands if x.admin1 == loc.get("admin1")] or cands
    return max(cands, key=lambda x: x.population) if cands else None
