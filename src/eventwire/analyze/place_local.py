"""Local places the gazetteer has no entry for: counties and city neighbourhoods.

US local news locates events by county ("SCOTT COUNTY, Ky. —", "Adams County deputies") and by
neighbourhood ("in Philadelphia's Kensington section", "in the Rogers Park neighborhood").
A county takes its own point (us_counties.csv: the median of its ZIP codes; precision admin1,
feature "county"), else its state's coordinates; a neighbourhood
takes the coordinates of the city it belongs to (precision city, feature "neighbourhood"), so
the events layer can still report that city.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .gazetteer import Candidate, gazetteer, norm

if TYPE_CHECKING:
    from .place_resolve import Context
    from .places import Mention

_COUNTIES = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "us_counties.csv"
COUNTY = re.compile(r"^(?:the\s)?(.+?)\s(county|parish|borough|township)$", re.I)
_HOOD_AFTER = re.compile(r"^\s(?:neighbou?rhood|section)\b", re.I)
# "South Philadelphia", "Northeast Baltimore", "Southeast D.C.": a part of the city named
_COMPASS = re.compile(r"^(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|"
                      r"Central|Downtown|Uptown|Midtown)\s(.+)$", re.I)
_POSSESSIVE = re.compile(r"([A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})['’]s\s$")


_MUNICIPAL = re.compile(r"^(?:the\s)?(?:town|city|village|township|borough)\s+of\s+", re.I)


def municipal_prefix(name: str) -> int:
    """Length of a leading "Town of " / "City of " / "Village of " (the legal name of a US
    municipality: "the Town of Wallkill") when a town of the rest's name exists; else 0."""
    m = _MUNICIPAL.match(name)
    if m is None:
        return 0
    rest = name[m.end():]
    return m.end() if any(c.feature == "city" and norm(c.name) == norm(rest)
                          for c in gazetteer().lookup(rest)) else 0


def state_town(m: Mention) -> Candidate | None:
    """A town the gazetteer lacks in its US state ("Campbellsburg, Indiana", "Westmoreland,
    N.Y." with only namesakes abroad): at the state's coordinates (precision admin1), under
    its own name."""
    cc, a1 = m.within or (None, None)
    if cc != "US" or a1 is None or not m.text[:1].isupper() or any(
            c.country_code == "US" and c.admin1 == a1 for c in gazetteer().lookup(m.text)):
        return None
    area = next((c for c in gazetteer().lookup(a1) if c.feature == "admin1" and c.country_code == "US"), None)
    name = m.text.title() if m.text.isupper() else m.text  # a shouted dateline ("BUCKSPORT, SC")
    return None if area is None else Candidate(name, None, area.lat, area.lon, "US", a1, "city", 0)


def is_county(name: str) -> bool:
    return bool(COUNTY.match(name))


_COUNTY_SAINT = re.compile(r"^(?:the\s+)?(?:st|saint)\.?\s+", re.I)


def _county_key(name: str) -> str:
    """"St. Croix County" and "Saint Croix County" are one county."""
    return norm(_COUNTY_SAINT.sub("saint ", re.sub(r"^the\s+", "", name, flags=re.I)))


@lru_cache(maxsize=1)
def _county_table() -> tuple[dict[str, frozenset[str]], dict[tuple[str, str], tuple[float, float, int]]]:
    states: dict[str, set[str]] = {}
    points: dict[tuple[str, str], tuple[float, float, int]] = {}
    with open(_COUNTIES, encoding="utf-8") as fh:
        for r in csv.DictReader(line for line in fh if not line.startswith("#")):
            key = _county_key(r["county"])
            states.setdefault(key, set()).add(r["state"])
            if r.get("lat"):
                points[(key, r["state"])] = (float(r["lat"]), float(r["lon"]), int(r["zips"] or 0))
    return {k: frozenset(v) for k, v in states.items()}, points


def _us_counties() -> dict[str, frozenset[str]]:
    return _county_table()[0]


def county_point(name: str, state: str) -> tuple[float, float, int] | None:
    """The county's point and its number of ZIP codes (a rough size), or None."""
    return _county_table()[1].get((_county_key(name), state))


def county_states(name: str) -> frozenset[str]:
    """The US states that have a county (parish) of this name ("Lucas County": Ohio, Iowa);
    empty for a name the county list lacks."""
    return _us_counties().get(_county_key(name), frozenset())


def county_votes(ms: list[Mention], ctx: Context) -> None:
    """A county only one state has ("Glynn County": Georgia) says which state, and so which
    country, the article is set in ("a murder-suicide in Georgia" is the state, not the country)."""
    for m in ms:
        cm = COUNTY.match(m.text) if m.kind == "toponym" and not m.within else None
        states = county_states(m.text) if cm and cm.group(2).lower() in ("county", "parish") else ()
        if len(states) == 1:
            ctx.countries["US"] += 1.0
            ctx.admin1[("US", next(iter(states)))] += 1.0


def county(m: Mention, ctx: Context) -> Candidate | None:
    """A county in the state of its qualifier ("X County, Ky."), else, among the states that
    have a county of that name (us_counties.csv), in a state the article
    names that has a town of the county's name ("Los Angeles County"), else in the article's
    main US state, else in the state of the local site's host name, else in the state of the
    biggest such town. A township or a borough
    ("Hummelstown Borough") is a town.
    A county lies at its own point (us_counties.csv); one the list lacks is placed at the town of
    its name in that state (often its seat), else at the state's centre. A township or borough
    placed at the town of its name takes that town's name ("Hummelstown Borough": Hummelstown),
    as the archives name it."""
    cc, a1 = m.within if m.within else (None, None)
    cm = COUNTY.match(m.text)
    feature = "city" if cm and cm.group(2).lower() in ("township", "borough") else "county"
    towns = [c for c in gazetteer().lookup(cm.group(1)) if c.country_code == "US" and c.admin1
             and c.feature == "city"] if cm else []
    real = county_states(m.text) if feature == "county" else frozenset()
    if a1 is None and real:  # only the states that have a county of that name
        towns = [c for c in towns if c.admin1 in real]
        named = [s for s in real if ctx.admin1.get(("US", s), 0) > 0]
        if named:
            a1 = max(named, key=lambda s: (ctx.admin1.get(("US", s), 0), s))
        elif len(real) == 1:
            a1 = next(iter(real))
        elif ctx.outlet_state in real:  # a local site's state ("northwestgeorgianews.com")
            a1 = ctx.outlet_state
        elif towns:
            a1 = max(towns, key=lambda c: c.population).admin1
        else:  # "Suffolk County" of New York or Massachusetts: the bigger (more ZIP codes)
            a1 = max(real, key=lambda s: ((county_point(m.text, s) or (0, 0, 0))[2], s))
        cc = "US"
    if a1 is None:
        named_towns = [c for c in towns if ctx.admin1.get(("US", c.admin1), 0) > 0]
        states = [(w, s) for (c, s), w in ctx.admin1.items() if c == "US"]
        if named_towns:
            a1 = max(named_towns, key=lambda c: (ctx.admin1.get(("US", c.admin1), 0), c.population)).admin1
        elif states:
            a1 = max(states)[1]
        elif towns:
            a1 = max(towns, key=lambda c: c.population).admin1
        cc = "US" if a1 else None
    if cc != "US" or a1 is None:
        return None
    own = county_point(m.text, a1) if feature == "county" else None
    if own is not None:
        return Candidate(m.text, None, own[0], own[1], "US", a1, feature, 0)
    point = next((c for c in towns if c.admin1 == a1 and norm(c.name) == norm(cm.group(1))), None)
    if point is not None:  # a township or borough at its town is that town ("Franklin")
        return Candidate(point.name if feature == "city" else m.text, None, point.lat, point.lon, "US", a1, feature, 0)
    for c in gazetteer().lookup(a1):
        if c.feature == "admin1" and c.country_code == "US":
            return Candidate(m.text, None, c.lat, c.lon, "US", a1, feature, 0)
    return None


def compass_part(name: str, resolve: Callable[[str], Candidate | None]) -> Candidate | None:
    """The city of a "<direction> <City>" name the gazetteer does not know as such: a part of
    that city (a town elsewhere with that exact name would have been found first). Only a
    sizeable city has named quarters; `resolve` resolves the bare name in the article's context.
    "the Western US", "Northern Europe": a part of a country or a region is at that area."""
    if (area := _COMPASS_AREA.match(name)) is not None:
        from .place_resolve import prior

        cands = gazetteer().lookup(area.group(1))
        top = max(cands, key=lambda c: prior(c, area.group(1))) if cands else None
        if top is not None and top.feature in ("country", "region"):
            return top
    m = _COMPASS.match(name)
    if not m:
        return None
    city = resolve(m.group(1))
    if city is None or city.feature != "city" or city.population < 50_000:
        return None
    if any(c.feature == "admin1" and norm(c.name) == norm(m.group(1)) and c.country_code != city.country_code
           and c.population >= 10 * city.population for c in gazetteer().lookup(m.group(1))):
        return None  # "Central Florida" is part of the state, not of Florida, Cuba (a far smaller namesake)
    return city


_COMPASS_AREA = re.compile(r"^(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest)(?:ern)?\s(.+)$")


_ORD = r"\d+(?:st|nd|rd|th)"
_STREET = r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Ln\.?|Mile|Way|Parkway|Place|Pl\.?)"
_CORNER_BEFORE = re.compile(rf"(?:\b{_ORD}|\b{_STREET})\s+(?:and|&)\s+$")
_CORNER_AFTER = re.compile(rf"^\s+(?:and|&)\s+(?:{_ORD}\b|[A-Z]\w*\s{_STREET}\b|[A-Z]\w*\s(?:streets|avenues|roads)\b)")
_BLOCK_OF = re.compile(r"\bblock\s+of\s+$", re.I)  # "the 1300 block of North Erie"
_AT_CORNER = re.compile(r"\b(?:at|near)\s+(?:the\s+)?(?:(?:corner|intersection)\s+of\s+)?"
                        r"([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+(?:and|&)\s+$")


def street_corner(text: str, s: int, e: int) -> bool:
    """"near 76th and Townsend", "at Eight Mile and Sunset", "Hampton and 48th Street", "the
    1300 block of North Erie": a town's name at a street corner or block is a street (local
    news give corners and blocks, not towns)."""
    before, after = text[max(0, s - 40):s], text[e:e + 30]
    if _CORNER_BEFORE.search(before) or _CORNER_AFTER.match(after) or _BLOCK_OF.search(before):
        return True
    m = _AT_CORNER.search(before)
    return bool(m) and not gazetteer().known(m.group(1))


_STREETISH = re.compile(r"\b(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Freeway|"
                        r"Highway|Hwy|Interstate|Parkway|Place|Court|Circle|Route|Trail|Terrace|"
                        r"County|District|Division|Department|Office|Media|Center|Centre|Hospital|"
                        r"Lake|River|Creek|Mountains?|Bay|Sea|Ocean|Valley|Forest|Islands?)\b")
_IN_BEFORE = re.compile(r"\b(?:in|near|at|inside|outside)\s+(?:the\s+)?$")


def local_quarter(text: str, s: int, e: int) -> bool:
    """A name the gazetteer does not know that reads like a quarter of a town ("shot in Granada
    Hills", "in Leimert Park"): after "in"/"near"/"at", title-cased words, no street, building,
    institution or natural-feature word, no compass word ("South Florida" is a region)."""
    name = text[s:e]
    words = name.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and \
        not any(ch.isdigit() for ch in name) and not _STREETISH.search(name) and \
        not _COMPASS.match(name) and bool(_IN_BEFORE.search(text[max(0, s - 12):s]))


_NEXT_WORDS = re.compile(r"[ -]([\w'’-]+)")
# what may follow such a quarter: punctuation or a function word ("in Pacoima, according to",
# "in Tarzana on Sunday"), not a noun that makes it a region or a thing ("the Orinoco area",
# "the Skripal affair")
_AFTER_QUARTER = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:on|at|in|near|and|after|before|when|where|"
                            r"last|this|early|late|about|around|for|to|with|as|during|while)\b")


def bare_quarter(text: str, s: int, e: int) -> bool:
    """A one-word name the gazetteer lacks that reads like a quarter ("shot in Pacoima"), is
    not shouted ("in OT"), ends its phrase and is not the first word of a longer known name
    ("in Deir ez Zor")."""
    nxt = _AFTER_QUARTER.match(text, e)
    if not local_quarter(text, s, e) or text[s:e].isupper() or nxt is None:
        return False
    end = e
    for _ in range(3):
        m = _NEXT_WORDS.match(text, end)
        if m is None:
            break
        end = m.end()
        if gazetteer().known(text[s:end]):
            return False
    return True


def named_city(name: str, lat: float | None, lon: float | None) -> Candidate | None:
    """The city a quarter or a venue was placed at, when its name contains that city's name
    ("East Toledo", "Salina Regional Health Center"): the gazetteer city of the name's leading
    or trailing words at the same coordinates."""
    if lat is None or lon is None:
        return None
    m = _COMPASS.match(name)
    words = name.split()
    tries = [m.group(1)] if m else [" ".join(words[:k]) for k in (1, 2) if len(words) > k]
    for t in tries:
        for c in gazetteer().lookup(t):
            if c.feature == "city" and abs(c.lat - lat) < 1e-3 and abs(c.lon - lon) < 1e-3:
                return c
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


STRAY_POPULATION = 5_000  # a namesake village this small in a country the article never names ...


def _stray_namesake(m: Mention, ms: list[Mention]) -> bool:
    """... is no reading of a quarter's name ("a sushi bar in Piccadilly" in a London story is
    not Piccadilly, Western Australia): the name was read as a tiny town abroad, and no other
    place of the article lies in that country."""
    c = m.cand
    if c is None or c.feature != "city" or c.population >= STRAY_POPULATION or m.within or m.dateline \
            or m.approx or m.chain or m.kind != "toponym" or m.role != "location":
        return False
    return not any(o.cand is not None and o.text != m.text and o.cand.country_code == c.country_code
                   for o in ms if o.kind in ("toponym", "demonym"))


def stray_quarters(ms: list[Mention], text: str) -> None:
    """A quarter-like name read as a tiny town abroad (see _stray_namesake) lies in the main city
    of the article's main country: a city of 100,000 or more named at least twice."""
    strays = [m for m in ms if _stray_namesake(m, ms) and local_quarter(text, m.start, m.end)]
    if not strays:
        return
    placed = [m.cand for m in ms if m.kind == "toponym" and m.cand is not None and m not in strays]
    lead = Counter(c.country_code for c in placed if c.country_code).most_common(1)
    towns = Counter(c for c in placed if c.feature == "city" and c.country_code == lead[0][0]) if lead else Counter()
    town, n = towns.most_common(1)[0] if towns else (None, 0)
    if town is None or n < 2 or town.population < 100_000:
        return
    for m in strays:
        m.cand = Candidate(m.text, None, town.lat, town.lon, town.country_code, town.admin1, "neighbourhood", 0)
        m.approx = True


_IN_TOWN_GAP = re.compile(r"^(?:\s(?:and|or)\s(?:the\s)?[A-Z][\w'’]*(?:\s[A-Z][\w'’]*){0,2})?\s(?:in|of)\s$")


def town_quarters(ms: list[Mention], text: str) -> None:
    """"at Eastern Creek and Centennial Park in Sydney": a quarter-like name the gazetteer lacks,
    followed by "in" and a town (after another such name, perhaps), lies in that town; the
    article's other mentions of the name too."""
    found: dict[str, Candidate] = {}
    for i, m in enumerate(ms):
        words = m.text.split()
        if m.cand is not None or m.kind != "toponym" or m.role != "location" or m.chain or is_county(m.text) \
                or not 1 <= len(words) <= 3 or not all(w[:1].isupper() for w in words) \
                or any(ch.isdigit() for ch in m.text):
            continue
        nxt = next((o for o in ms[i + 1:] if o.kind == "toponym" and o.start >= m.end), None)
        if nxt is None or nxt.cand is None or nxt.cand.feature != "city" or nxt.approx \
                or not _IN_TOWN_GAP.match(text[m.end:nxt.start]):
            continue
        town = nxt.cand
        m.cand = found[m.text] = Candidate(m.text, None, town.lat, town.lon, town.country_code, town.admin1,
                                          "neighbourhood", 0)
        m.approx = True
    for m in ms:
        if m.cand is None and m.kind == "toponym" and m.text in found:
            m.cand, m.approx = found[m.text], True


def quarters(ms: list[Mention], text: str) -> None:
    """Local news name quarters no gazetteer lists ("shot in Granada Hills, according to Los
    Angeles County coroner's records"): an unknown place name in a story whose town is clear
    (its dateline, or a big city named at least twice, even inside other names such as the
    outlet's or the county's) is taken to be in that town, at the town's coordinates."""
    if not any(m.cand is None and m.kind == "toponym" and m.role == "location" and not m.chain
               for m in ms):
        return
    town = next((m.cand for m in ms if m.dateline and m.cand and m.cand.feature == "city"), None)
    if town is None:
        counts: Counter = Counter(m.cand for m in ms if m.kind == "toponym" and m.cand is not None
                                  and m.cand.feature == "city" and not m.approx)
        for m in ms:  # "Los Angeles County" speaks for Los Angeles too
            cm = COUNTY.match(m.text) if m.kind == "toponym" else None
            same = [c for c in counts if cm and c.name == cm.group(1)]
            if same:
                counts[same[0]] += 1
        if counts:
            top, n = counts.most_common(1)[0]
            others = sum(counts.values()) - n
            town = top if n >= 2 and n > others and top.population >= 100_000 else None
    if town is None:
        return
    for m in ms:
        if m.cand is None and m.kind == "toponym" and m.role == "location" and not m.chain \
                and not is_county(m.text) and local_quarter(text, m.start, m.end):
            m.cand = Candidate(m.text, None, town.lat, town.lon, town.country_code, town.admin1,
                               "neighbourhood", 0)
            m.approx = True


def all_quarters(ms: list[Mention], text: str) -> None:
    """Quarters of towns: before "in <town>", in the article's town, read as tiny towns abroad."""
    town_quarters(ms, text)
    quarters(ms, text)
    stray_quarters(ms, text)
