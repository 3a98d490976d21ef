"""A part of a big city named by a compass word ("shot in southwest Houston", "a fatal
shooting in E. Houston", "North Houston"): the event's place is that part, a neighbourhood
under its words, with the city as location["city"] (helper of events). The places layer
keeps the city's own mention; only the event's location takes the finer name. A town the
gazetteer knows under the whole name ("East Hartford", "North Charleston") is that town, and
a small town has no named parts.
"""

from __future__ import annotations

import re

from ..model import EventMention, Place
from .gazetteer import gazetteer, norm

BIG_CITY = 50_000
_COMPASS_BEFORE = re.compile(r"(?<![\w.])((?:north|south|east|west)(?:[- ]?(?:east|west))?|[NSEW]\.)\s+$", re.I)


def compass_quarters(events: list[EventMention], places: list[Place], text: str) -> None:
    by_start = {p.start: p for p in places}
    for ev in events:
        loc = ev.location
        if not loc or loc.get("feature") != "city" or not loc.get("span"):
            continue
        s, e = loc["span"]["start"], loc["span"]["end"]
        city = by_start.get(s)
        m = _COMPASS_BEFORE.search(text[max(0, s - 12):s])
        if m is None or city is None or (city.population or 0) < BIG_CITY:
            continue
        qs = s - (len(text[max(0, s - 12):s]) - m.start(1))
        name = text[qs:e]
        if any(c.feature == "city" and norm(c.name) == norm(name) for c in gazetteer().lookup(name)):
            continue  # "East Hartford" is a town of its own
        loc.update(name=name, geonames_id=None, feature="neighbourhood", precision="city",
                   span={"text": name, "start": qs, "end": e},
                   city={"name": city.name, "span": {"text": city.text, "start": city.start, "end": city.end}})
