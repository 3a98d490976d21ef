"""The outlet's town as the incident's last resort (helper of events): a local outlet's name in
the headline ("... - WLIO- Lima, OH News Weather Sports", "... | The Augusta Chronicle",
"... - Goldsboro News, NC") says which town the station or paper covers. A local story whose
body names no town for its incident (no place, only the state, or a street or venue with no
town) happened in the outlet's town far more often than anywhere else.

A title that names no outlet town leaves the outlet's web host: a local TV station or city paper
(data/gazetteer/outlet_hosts.csv: "wlky.com" is Louisville's) gives its town when the article
names no state or names the station's.

The town is a gazetteer city named in an outlet segment of the title (a segment after a
separator that carries a news word, a domain or call letters). When the segment gives a state
("Lima, OH", "Savannah, Beaufort, SC") the town must lie there; otherwise it must lie in a state
the article names; an article that names no state takes the only city of that name, a big
one (100,000+) or one twice the size of the next (in the article's countries). A name before
"County" is the county's. The first such
town of the first outlet segment that has one is taken. A county, a city or a quarter the body
gives is never replaced; a location in another state is left alone.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from ..model import EventMention, Record
from ..taxonomy import family
from .event_scene import _OUTLET, _SEP
from .gazetteer import Candidate, gazetteer
from .place_resolve import same_name, us_states
from .place_roles import lex

BIG_CITY = 100_000
_WORD = r"[A-Z][a-z’'.]+"
_RUN = re.compile(rf"(?<![\w.-]){_WORD}(?:[ -]{_WORD}){{0,2}}")
_TOKEN = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z.]*")
_NOT_TOWN = frozenset({"street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "drive", "lane", "way"})
_EMPTY = frozenset({None, "admin1", "country", "region"})


def outlet_segments(title: str) -> list[str]:
    """The title's segments after the first that name the outlet (a news word, domain, call
    letters), and every segment after such a one ("- WMC Action News 5 - Memphis, Tennessee")."""
    segs = [s for s in _SEP.split(title or "") if s.strip()]
    first = next((i for i in range(1, len(segs)) if _OUTLET.search(segs[i])), len(segs))
    return segs[first:]


def _segment_state(seg: str) -> str | None:
    """A state the segment spells (postal code, AP abbreviation or name), the last one given."""
    found = []
    for m in _TOKEN.finditer(seg):  # "OH", "Fla.", "Ohio", "New York"
        nxt = _TOKEN.match(seg, m.end() + 1)
        two = f"{m.group()} {nxt.group()}" if nxt and seg[m.end():m.end() + 1] == " " else ""
        for form in (two, m.group(), m.group().rstrip(".")):
            if form in us_states():
                found.append(us_states()[form])
                break
    if not found:  # "NCGoldsboro": a postal code glued to the next segment
        found = [us_states()[m.group(1)] for m in re.finditer(r"\b([A-Z]{2})(?=[A-Z][a-z])", seg)
                 if m.group(1) in us_states()]
    return found[-1] if found else None


def _city(name: str, state: str | None, states: set[str], countries: set[str]) -> Candidate | None:
    cands = [c for c in gazetteer().lookup(name) if c.feature == "city" and same_name(c.name, name)]
    if state is not None:
        cands = [c for c in cands if c.country_code == "US" and c.admin1 == state]
        return max(cands, key=lambda c: c.population) if cands else None
    inside = [c for c in cands if c.country_code == "US" and c.admin1 in states]
    if inside:
        return max(inside, key=lambda c: c.population)
    if states:  # a story naming states: the outlet's town lies in one of them
        return None
    cands = [c for c in cands if c.country_code in countries] if countries else cands
    if not cands:
        return None
    cands.sort(key=lambda c: -c.population)
    top = cands[0]
    # the only one, a big city, or twice the size of the next of that name ("The Augusta Chronicle")
    return top if len(cands) == 1 or top.population >= BIG_CITY or top.population >= 2 * cands[1].population else None


def outlet_town(title: str, states: set[str] = frozenset(), countries: set[str] = frozenset()) -> Candidate | None:
    """The town the title's outlet name gives, or None."""
    for seg in outlet_segments(title):
        state = _segment_state(seg)
        for m in _RUN.finditer(seg):
            words = m.group().split()
            if any(w.lower().rstrip(".") in _NOT_TOWN or w.lower() in lex()["venue"] for w in words):
                continue  # "Broad Street Media": a street or venue names the outlet, not a town
            for i in range(len(words)):  # "The Augusta Chronicle": from any word
                for n in range(len(words) - i, 0, -1):  # the longest name first ("Colorado Springs")
                    name = " ".join(words[i:i + n]).rstrip(".")
                    if name in us_states() or _OUTLET.fullmatch(name) or name.lower() == "the":
                        continue
                    if i + n < len(words) and words[i + n] in ("County", "Parish"):
                        break  # "The Orange County Register": a county's outlet
                    c = _city(name, state, states, countries)
                    if c is not None:
                        return c
    return None


@lru_cache(maxsize=1)
def _hosts() -> dict[str, tuple[str, str]]:
    text = resources.files("eventwire").joinpath("data/gazetteer/outlet_hosts.csv").read_text("utf-8")
    return {r["host"]: (r["town"], r["state"])
            for r in csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))}


_ARCHIVE = re.compile(r"^(?:https?://)?web\.archive\.org/web/[^/]+/", re.I)


def host_of(url: str | None) -> str:
    """The web host of an article's URL, through an archive's wrapper, without "www."."""
    u = _ARCHIVE.sub("", (url or "").strip())
    host = urlsplit(u if "//" in u else "http://" + u).hostname or ""
    return host.removeprefix("www.")


def host_town(url: str | None, states: set[str] = frozenset(), countries: set[str] = frozenset()) -> Candidate | None:
    """The town of the local outlet the URL belongs to ("www.wlky.com/..." -> Louisville), when
    the article names no state or names the outlet's."""
    parts = host_of(url).split(".")
    for i in range(max(len(parts) - 1, 0)):  # "news.wlky.com", then "wlky.com"
        hit = _hosts().get(".".join(parts[i:]))
        if hit is not None:
            town, state = hit
            return _city(town, state, states, countries) if not states or state in states else None
    return None


def apply(events: list[EventMention], record: Record) -> None:
    """Give the article's main event, and its real violent events, the outlet's town when the
    body gave them none."""
    targets = [ev for ev in events if ev.mode not in ("hypothetical", "background")
               and (ev.primary or family(ev.type) == "violence")]
    if not targets:
        return
    states = {p.admin1 for p in record.places if p.country_code == "US" and p.admin1}
    countries = {p.country_code for p in record.places if p.country_code and p.role != "demonym"}
    town = outlet_town(record.article.title or "", states, countries) \
        or host_town(record.article.url, states, countries)
    if town is None:
        return
    for ev in targets:
        _fill(ev, town)


def _fill(ev: EventMention, c: Candidate) -> None:
    loc: dict[str, Any] = ev.location or {}
    if loc.get("city"):
        return
    if loc.get("country_code") not in (None, c.country_code):
        return
    feature = loc.get("feature")
    if feature in _EMPTY:
        if loc.get("admin1") not in (None, c.admin1) and feature != "country":
            return  # the body puts it in another state
        span = {"text": "", "start": 0, "end": 0}
        ev.location = {"name": c.name, "geonames_id": c.geonames_id, "lat": c.lat, "lon": c.lon,
                       "country_code": c.country_code, "admin1": c.admin1, "feature": "city",
                       "precision": "city", "span": span, "city": {"name": c.name, "span": span},
                       "from": "outlet"}
    elif feature == "venue" and loc.get("geonames_id") is None:
        # a street or a venue: in the outlet's town (its own state was only a namesake guess)
        loc.update(lat=c.lat, lon=c.lon, admin1=c.admin1,
                   city={"name": c.name, "span": {"text": "", "start": 0, "end": 0}})
