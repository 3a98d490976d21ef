"""Venues and strong names: the town a venue lies in, and names well known enough to be
places even inside another name (helpers of the places layer, see places.py)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache, lru_cache

from ..geo import distance_km
from .gazetteer import Candidate, gazetteer, norm
from .place_mentions import Mention
from .place_quarters import quarter_city
from .place_resolve import Context, best
from .place_roles import lex

BIG_TOWN = 100_000  # a town this big is a real mention even in a story about elsewhere
NEAR_KM = 100  # towns this close are one area of the story


def strong(c: Candidate, surface: str) -> bool:
    """A name well known enough to be a place even inside another name."""
    if c.feature in ("country", "region"):
        return True
    if c.feature == "admin1" and surface.isupper() and len(surface) <= 4:
        return True  # "NSW", "BC"
    return norm(c.name) == norm(surface) and (c.feature == "admin1" or c.population >= 200_000)


# what may stand between a venue and the town it is in: "X Hall in Y", "X Stadium, Y", "X
# School in southwest Y", "X Hospital where he is treated in Y"; not a sentence break ("... at
# Cornell University. In China, ...")
_LINK = re.compile(r"^(?=[^.!?;:\n]*$)(?:\s*[,(]|\s+(?:in|at|near|outside|of|on)\s|"
                   r".*\s(?:in|at|near|outside)\s+(?:[a-z]+\s+)?$)")


# a street named after a state ("Washington Road", "Texas Avenue") lies in any state
_STREET = re.compile(r"\b(?:Road|Rd|Street|St|Avenue|Ave|Boulevard|Blvd|Drive|Dr|Lane|Ln|Highway|Hwy|Parkway|Pkwy|"
                     r"Pike|Way|Court|Ct|Place|Pl|Terrace|Circle|Trail|Turnpike)\.?$")


def venue_city(ms: list[Mention], i: int, ctx: Context | None = None, text: str = "") -> Candidate | None:
    """The city a venue is in: the next place within a few words ("X Hall in Y"; with `text`,
    only across a comma or a preposition), else the nearest earlier one, else the dateline,
    else the article's main city, else the town a local institution is named after, else a
    town named inside another name, else any town."""
    v = ms[i]
    for m in ms[i + 1:]:
        if m.start - v.end > 40:
            break
        if m.cand and m.kind == "toponym" and m.cand.feature in ("city", "admin1", "region") \
                and (not text or _LINK.match(text[v.end:m.start])):
            return m.cand
    words = {norm(w) for w in v.text.split()[:-1]}
    of = _OF_TOWN.match(v.text)  # "Village of Montfort", "City of Flint": the town itself
    if of:
        words.add(norm(of.group(1)))
    for m in ms:  # "Florence County Detention Center" after the "FLORENCE, S.C." dateline
        if m.cand and m.kind == "toponym" and m.cand.feature != "country" and norm(m.text) in words:
            return m.cand
    # "Kendale Lakes Elementary School": a town's name of two or three words, not South
    # Sudan's Lakes state; its own town is for the article's towns below to say
    inside = [] if _town_prefix(v.text) or _STREET.search(v.text) else [
        c for w in v.text.split()[:-1] if w.lower() not in lex()["not"]
        for c in gazetteer().lookup(w)[:1] if strong(c, w) and c.feature in ("admin1", "region")]
    if inside:
        return inside[0]  # "Colorado State University"
    for m in ms:
        if m.dateline and m.cand:
            return m.cand
    found = main_city(ms, ctx) or _named_after_town(v, ctx)
    if found is None and not any(m.cand and m.cand.feature == "neighbourhood" and m.role == "location" for m in ms):
        # (a story set in a named quarter, "West Philadelphia", keeps its venues there)
        found = main_city(ms, ctx, inside=True)
    return found or main_city(ms, ctx, sure=False)


def main_city(ms: list[Mention], ctx: Context | None = None, inside: bool = False,
              sure: bool = True) -> Candidate | None:
    """The article's main city, where a local venue most likely is: the most mentioned town
    in a country the article names otherwise too (a lone small town abroad is mostly a
    misread name: "Side", "Thursday"), then the one with most of the article's other towns
    near it (Fairfax beside Vienna and Gainesville, not a Charleston far off). `inside`: also
    a town named only inside another name ("the New Orleans Advocate"), the fallback when no
    town is named as a place, and then only in a country the article names otherwise (a
    person "from Durango" is no setting); `sure` False: any town, as a last resort."""
    roles = ("location", "embedded", "actor") if inside else ("location",)
    cities = [c for m in ms if m.cand and m.kind == "toponym" and m.role in roles
              and (c := m.cand if m.cand.feature == "city" else _quarter_of(m)) is not None]
    towns = [c for c in dict.fromkeys(cities) if not sure or _country_named(c, ms, ctx, big=not inside)]
    if not towns:
        return None
    # max by (mentions, neighbours, earliest): only the most mentioned towns contend, so the
    # neighbour counts (pairwise distances) are computed for those alone, once per town set
    count = Counter(cities)
    top = max(count[c] for c in towns)
    contenders = [c for c in towns if count[c] == top]
    if len(contenders) == 1:
        return contenders[0]
    first: dict[Candidate, int] = {}
    for i, c in enumerate(cities):
        first.setdefault(c, i)
    near = _neighbour_table(tuple(towns))
    return max(contenders, key=lambda c: (near(c), -first[c]))


def _quarter_of(m: Mention) -> Candidate | None:
    """The city of a listed quarter ("Hunting Park" of Philadelphia) counts as that city."""
    if m.cand is None or m.cand.feature != "neighbourhood":
        return None
    return quarter_city(m.text, m.cand.admin1, m.cand.lat, m.cand.lon)


def _country_named(c: Candidate, ms: list[Mention], ctx: Context | None, big: bool = True) -> bool:
    """Does the article name the town's country otherwise (another place there, a demonym, the
    outlet's country), or (`big`) is the town big enough to stand alone?"""
    if big and c.population >= BIG_TOWN or ctx is not None and ctx.outlet == c.country_code:
        return True
    return any(m.cand is not None and m.cand.country_code == c.country_code and norm(m.text) != norm(c.name)
               and m.cand != c for m in ms)


@lru_cache(maxsize=16)
def _neighbour_table(towns: tuple[Candidate, ...]) -> Callable[[Candidate], int]:
    """How many of `towns` lie near a town, memoised: a long article calls main_city once
    per venue with the same towns."""
    @cache
    def near(c: Candidate) -> int:
        return sum(1 for t in towns if t != c and distance_km(c.lat, c.lon, t.lat, t.lon) < NEAR_KM)
    return near


_OF_TOWN = re.compile(r"^(?:the )?(?:City|Town|Village|Borough|Township) of (\w[\w.' -]*)$", re.I)
# Local institutions carry their town's name ("Salina Regional Health Center", "Rupert Gun
# Range", "Medina High School"); a memorial or a person's name is less likely before these.
LOCAL_INSTITUTION = re.compile(r"\b(?:Regional|Medical Center|Health Center|High School|Middle School|"
                               r"Elementary School|(?:General |District |Community )?Hospital|"
                               r"Police|Patrol|Gun Range|Hiking Trail|City Hall|Fire Department)\b")


def _named_after_town(v: Mention, ctx: Context | None) -> Candidate | None:
    """Last resort, for a story that names no town at all: the town a local institution is
    named after, when the gazetteer knows a town of exactly that name."""
    m = LOCAL_INSTITUTION.search(v.text)
    if ctx is None or not m or m.start() == 0:
        return None
    name = v.text[:m.start()].strip()
    if not name or len(name.split()) > 2:
        return None
    cands = tuple(c for c in gazetteer().lookup(name) if c.feature == "city" and norm(c.name) == norm(name))
    return best(cands, name, ctx) if cands else None


def _town_prefix(name: str) -> bool:
    """Does a venue's name start with a town's name of two or three words ("Kendale Lakes
    Elementary School")? A single word is too often a person or another place."""
    words = name.split()[:-1]
    if not words or name.split()[-1].lower() not in lex()["venue"]:
        return False  # "Old Town Manassas" is no building named after Old Town
    return any(len(words) >= n and any(c.feature == "city" and norm(c.name) == norm(" ".join(words[:n]))
                                       for c in gazetteer().lookup(" ".join(words[:n])))
               for n in (3, 2))
