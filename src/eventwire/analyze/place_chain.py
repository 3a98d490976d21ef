"""Place hierarchies written out in the text, and toponyms the NER missed after "in".

Reports and conflict notes name a small place with the areas that contain it: "in Villa X
(Santa Cruz)", "Golombali (Touboro, Mayo-Rey, Nord)", "in Rafael Delgado, Veracruz". The
qualifiers fix the country and first-level area of the head even when the head itself is too
small for the gazetteer; `within` picks the (country, admin1) the qualifiers agree on.
A capitalised name right after a locative preposition ("protested in Cahors") that the
gazetteer knows by its primary name is taken as a toponym too.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .aliases import demonyms
from .gazetteer import Candidate, gazetteer, norm

DATA = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "places.toml"

_CAP = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
_CONN = r"(?:de|del|de la|do|da|dos|das|al|el|ad|ar|as|ash|az|an|la|le|du|des|di|e|y|bin|ibn)"
NAME = rf"{_CAP}(?:\s(?:{_CONN}\s)?{_CAP}){{0,4}}(?:\s-\s{_CAP}(?:\s{_CAP})?)?"
_GENERIC = (r"(?:village|town|township|city|district|upazila|sub-district|subdistrict|area|region|province|"
            r"governorate|state|county|municipality|department|commune|prefecture|oblast|raion|"
            r"division|tehsil|zone|locality|neighbou?rhood|camp|subdivision|sub-county|kebele|woreda|payam|"
            r"ward|sector|front)")  # the last ones: local units and (in conflict notes) front lines
# "Lel Kyar (Lel Char) village (Kale township, Sagaing region)": a spelling variant or a coder's
# note ("Hays (coded to district level) (Al Hudaydah)") may come before the areas
_BETWEEN = rf"(?:\s[(\[][^()\[\]\n]{{1,40}}[)\]])?(?:\s{_GENERIC})?\s?"
_PAREN = re.compile(rf"({NAME}){_BETWEEN}\(([^()\n]{{2,120}})\)")
_ADDRESS = re.compile(rf"{_BETWEEN}\(([^()\n]{{2,120}})\)")
_LOC_PREP = r"\b(?:in|near|at|outside|around|into|towards|toward|from|of|to|between|on)"
_COMMA = re.compile(rf"{_LOC_PREP}\s(?:the\s)?(?:{_GENERIC}\sof\s)?({NAME})(?:\s{_GENERIC})?((?:,\s?{NAME}(?:\s{_GENERIC})?){{1,3}})")
# "shelled Luparevo, Mykolaiv region": a name and the area it lies in, the area's kind written out
_AREA_KIND = r"(?:region|province|governorate|oblast|state|county|district|department|prefecture)"
_COMMA_AREA = re.compile(rf"({NAME}),\s({NAME})\s{_AREA_KIND}\b")
_IN = re.compile(rf"\b(?:in|near|outside|around|into|towards)\s(?:the\s)?(?:(?:central|northern|southern|"
                 rf"eastern|western|downtown|rural|northeastern|northwestern|southeastern|southwestern)\s)?({NAME})")
# "X town in Y countryside", "X district of Y province": the head, then its areas
# ... and a last area after a comma: "Dhabana village in the Quamishli countryside, Hasakeh"
_NESTED = re.compile(rf"({NAME})\s{_GENERIC}((?:\s(?:in|of)\s(?:the\s)?{NAME}(?:\s(?:{_GENERIC}|countryside))?){{1,3}}"
                     rf"(?:,\s{NAME}(?=[.;\n]))?)")
# "the tourist town of Kalam in the Swat Valley": the frame names a settlement, then its area
_OF_IN = re.compile(rf"\b(?:town|city|village|resort)\sof\s({NAME})\s(?:in|near)\s(?:the\s)?({NAME})")
# "Jharkhand's Gumla district", "Syria's northwestern Idlib province": the area, then its part
_POSSESSIVE = re.compile(rf"({NAME})['’]s\s(?:(?:central|northern|southern|eastern|western|northeastern|northwestern|"
                         rf"southeastern|southwestern|north|south|east|west|restive|remote|southernmost|"
                         rf"northernmost)\s)?({NAME})\s{_AREA_KIND}\b")
_NESTED_PART = re.compile(rf"(?:\s(?:in|of)\s(?:the\s)?|,\s)({NAME})")
# the parts of a town or an area: "the Adhamiyah district of Baghdad" is inside Baghdad
_SUBUNIT = re.compile(r"district|sub-district|subdistrict|neighbou?rhood|ward|sector|locality|upazila|tehsil")
_TRAIL = re.compile(rf"\s{_GENERIC}$", re.I)
_THE_BEFORE = re.compile(r"\bthe\s(?:(?:north|south)?(?:east|west)ern\s|(?:northern|southern|central)\s)?$", re.I)
_PREP_BEFORE = re.compile(rf"{_LOC_PREP}\s(?:the\s)?(?:{_GENERIC}\sof\s)?$")


@lru_cache(maxsize=1)
def _not_after_in() -> frozenset[str]:
    """Capitalised words after "in" that are not places even when some village bears the name."""
    with open(DATA, "rb") as fh:
        return frozenset(tomllib.load(fh)["not_after_in"])


@dataclass
class Chain:
    head: tuple[int, int]  # the small place's span
    quals: list[tuple[int, int]]  # spans of the areas that contain it, finest first
    paren: bool  # "X (A, B)" or "X town in Y countryside" (towns count as areas) rather than "in X, A"


def _elements(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Comma-separated names in text[s:e], generic words ("district") trimmed."""
    out = []
    for m in re.finditer(r"[^,]+", text[s:e]):
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip())
        core = _TRAIL.sub("", raw.strip())
        if core.lower().startswith("the "):
            lead, core = lead + 4, core[4:]
        if not core[:1].isupper() or len(core.split()) > 5:
            continue
        if core.isupper() and len(core) <= 3 and not (out and gazetteer().abbreviation(core)):
            continue  # "(AP)", "(UP)": agencies and abbreviations are too ambiguous alone; after
            # a name, a known area abbreviation is the area ("(Hangu, KPK)")
        out.append((s + m.start() + lead, s + m.start() + lead + len(core)))
    return out


_BRACKET = re.compile(r"\(([^()\n]{2,120})\)")


def brackets(text: str) -> list[list[tuple[int, int]]]:
    """The names of every "(A, B, C)" bracket: conflict notes close a sentence with the areas
    of the place ("at the Mandje mining site (Djugu, Ituri)") even when no name precedes it."""
    return [q for m in _BRACKET.finditer(text) if (q := _elements(text, m.start(1), m.end(1)))]


def trim(core: str) -> str:
    """"Puli Alam city", "Idleb province" -> the name (a capitalised "Mexico City" stays)."""
    words = core.split()
    if len(words) >= 2 and words[-1].islower() and _TRAIL.search(core):
        return _TRAIL.sub("", core)
    return core


_ARTICLES = frozenset({"the", "a", "an"})


def find(text: str) -> list[Chain]:
    """Every chain of the text; a bare article is no head ("The city of X" is X itself)."""
    out: list[Chain] = []
    for m in _PAREN.finditer(text):
        quals = _elements(text, m.start(2), m.end(2))
        if quals:
            out.append(Chain((m.start(1), m.end(1)), quals, True))
    for m in _NESTED.finditer(text):
        quals = [p.span(1) for p in _NESTED_PART.finditer(text, m.start(2), m.end(2))]
        unit = _generic_after(text, m.end(1))
        if quals and _THE_BEFORE.search(text, max(0, m.start(1) - 30), m.start(1)) \
                and text.startswith(" of ", m.end(1) + len(unit)) and not _SUBUNIT.fullmatch(unit.strip()):
            # "the Texas city of El Paso": the frame names the place after "of", inside the
            # area before it; a nationality there names no area ("the Syrian town of Qusayr")
            if text[m.start(1):m.end(1)].lower() not in demonyms():
                out.append(Chain(quals[0], [m.span(1)], False))
            continue  # (but "the Adhamiyah district of Baghdad": a part of a city lies inside it)
        if quals:
            # "Bara town in Idleb countryside": as in brackets, a town may be the area
            out.append(Chain((m.start(1), m.end(1)), quals, True))
    for m in _OF_IN.finditer(text):
        # only an area the gazetteer knows as one ("the Swat Valley"), not a town's name that
        # some district abroad shares ("the village of Sokuluk in Chui region")
        if any(c.feature in ("admin1", "country", "region") for c in gazetteer().lookup(m.group(2))):
            out.append(Chain(m.span(1), [m.span(2)], False))
    for m in _COMMA.finditer(text):
        quals = _elements(text, m.start(2), m.end(2))
        if quals:
            out.append(Chain((m.start(1), m.end(1)), quals, False))
    heads = {c.head for c in out}
    for m in _POSSESSIVE.finditer(text):
        if m.span(2) not in heads and any(c.feature in ("admin1", "country") for c in gazetteer().lookup(m.group(1))):
            out.append(Chain(m.span(2), [m.span(1)], False))
            heads.add(m.span(2))
    for m in _COMMA_AREA.finditer(text):
        if m.span(1) not in heads:
            out.append(Chain(m.span(1), [m.span(2)], False))
    return [c for c in out if text[c.head[0]:c.head[1]].lower() not in _ARTICLES]


def _generic_after(text: str, t: int) -> str:
    """The " city" / " district" right after a name (the empty string when there is none)."""
    m = re.match(rf"\s{_GENERIC}\b", text[t:t + 20])
    return m.group(0) if m else ""


def plausible_head(text: str, s: int, t: int, paren: bool) -> bool:
    """A head is a place when a locative preposition or a settlement word ("village") frames
    it or the gazetteer knows it; not a weekday, month or institution word."""
    name = text[s:t]
    if name.split()[0].lower() in _not_after_in():
        return False
    return framed(text, s, t) or paren and gazetteer().known(name)


def settlement(text: str, s: int, t: int) -> bool:
    """"X district", "X village": a settlement or area word right after the name."""
    return bool(re.match(rf"\s{_GENERIC}\b", text[t:t + 20]))


def framed(text: str, s: int, t: int) -> bool:
    """"in X", "X village", "X, Y region", "X (District, Province)": the words around a name say
    it is a place."""
    return after_preposition(text, s) or bool(re.match(rf"\s{_GENERIC}\b", text[t:t + 20])) \
        or bool(_COMMA_AREA.match(text, s) and _COMMA_AREA.match(text, s).end(1) == t) \
        or address_after(text, t)


def after_preposition(text: str, start: int) -> bool:
    return bool(_PREP_BEFORE.search(text[max(0, start - 30):start]))


def address_after(text: str, t: int) -> bool:
    """"Kouyape (Kolofata, Mayo-Sava, Extreme-Nord)": a bracket of two or more names ending with a
    first-level area or a country is an address; the name before it is a place whatever the NER
    called it. The middle areas (districts) may be unknown to the gazetteer."""
    m = _ADDRESS.match(text, t)
    if not m:
        return False
    quals = [text[a:b] for a, b in _elements(text, m.start(1), m.end(1))]
    return len(quals) >= 2 and any(c.feature in ("admin1", "country") for c in gazetteer().lookup(quals[-1]))


# "the streets of X", "the outskirts of X", "the town of X": the frame says X is a settlement
_OF = re.compile(rf"\b(?:streets|outskirts|suburbs?|centre|center|town|city|village|villages|municipality|"
                 rf"area|vicinity|countryside|neighbou?rhood|state|province|island|region|district)\sof\s({NAME})")
# "at Sopore town", "in Basrah city": a settlement word after the name frames it as well
_SETTLEMENT = re.compile(rf"\b(?:at|in|near|of|outside|from)\s(?:the\s)?({NAME})\s(?:city|town|village|province|region|district)\b")
ALT_POPULATION = 20_000  # a city named by an alternate spelling must be at least this big


def plain(text: str) -> list[tuple[int, int]]:
    """Names right after a locative preposition (or "the streets of") the gazetteer knows by
    their primary name, or by another spelling when the city is big enough to be talked about."""
    out = []
    for m in (*_IN.finditer(text), *_OF.finditer(text), *_SETTLEMENT.finditer(text)):
        s, e = m.span(1)
        name = text[s:e]
        if name.split()[0].lower() in _not_after_in() or _known_primary(name) is None:
            continue
        out.append((s, e))
    return out


@lru_cache(maxsize=20_000)
def _known_primary(name: str) -> Candidate | None:
    """A city or country by its primary name, or any first-level area ("Ar Raqqa"); for
    "City - District" the city; a city of ALT_POPULATION or more also by another of its names
    ("Avdiivka" for Avdiyivka)."""
    name = name.split(" - ")[0]
    cands = gazetteer().lookup(name)
    for c in cands:
        if c.feature == "admin1":
            return c
        if c.feature in ("city", "admin1", "country", "region") and norm(c.name) == norm(name):
            return c
    if name.isupper():
        return None  # "outside the MEG headquarters": an acronym, not another spelling of a city
    for c in cands:
        if c.feature == "city" and c.population >= ALT_POPULATION:
            return c
    return None


def within(quals: list[str], weights: Counter, paren: bool,
           head: str | None = None) -> tuple[str, str | None, Candidate] | None:
    """(country, admin1 name, the area's own candidate) the qualifiers agree on. In a comma chain
    only areas and countries count ("in Paris, London" is a list); in brackets towns count too
    (coders write the district town). Ties go to the country with more first-level areas among
    the qualifiers, then to the one where the head and its areas are biggest."""
    per: list[tuple[Candidate, ...]] = []
    named: list[str] = []
    district: set[Candidate] = set()
    for q in quals:
        cands = tuple(c for c in gazetteer().lookup(q) if c.feature in ("admin1", "country")
                      or (paren and c.feature == "city"))
        if q.isupper() and (ab := gazetteer().abbreviation(q)) is not None and ab not in cands:
            cands += (ab,)
        if not any(c.feature in ("admin1", "country") for c in cands):
            # a district of that name stands for its first-level area ("(Bara district)"); a
            # first-level area of the name comes first ("Donetsk" is the oblast, not Rostov's
            # district), and a district is no first-level area nor as big as one in a tie
            more = tuple(c for c in gazetteer().districts(q) if c not in cands)
            district.update(more)
            cands += more
        if cands:
            per.append(cands)
            named.append(q)
    if not per:
        return None
    support: Counter = Counter()
    areas: Counter = Counter()
    for cands in per:
        # sorted: the Counters' order breaks ties in max() below, and a set's order changes
        # with the process's hash seed (one article resolved differently run to run)
        for cc in sorted({c.country_code for c in cands if c.country_code}):
            support[cc] += 1
        for cc in sorted({c.country_code for c in cands if c.country_code and c.feature == "admin1"
                          and c not in district}):
            areas[cc] += 1
    if not support:
        return None
    own = gazetteer().lookup(head) if head else ()
    # a namesake of the head counts for a country only inside the area the qualifiers name
    # there ("La Quebrada (Sucre)": a La Quebrada of another state of that country is no sign);
    # a bracketed town names its area only by its own name, not by an alternate one
    inside: dict[str, set[str | None]] = {}
    for q, cands in zip(named, per, strict=True):
        for c in cands:
            if c.country_code and (c.feature != "city" or norm(c.name) == norm(q)):
                inside.setdefault(c.country_code, set()).add(
                    "*" if c.feature == "country" else c.name if c.feature == "admin1" else c.admin1)

    def key(cc: str) -> tuple:
        pop = sum(max((c.population for c in cands if c.country_code == cc and c not in district),
                      default=0) for cands in (*per, own))
        room = inside.get(cc, set())
        there = any(c.country_code == cc and ("*" in room or c.admin1 in room) for c in own)
        return (support[cc] + there, weights.get(cc, 0), areas[cc], pop)

    cc = max(support, key=key)
    for feature in ("admin1", "city", "country"):  # coarsest reliable area first
        for cands in reversed(per):
            for c in cands:
                if c.country_code == cc and c.feature == feature:
                    a1 = c.name if feature == "admin1" else c.admin1
                    return cc, a1, c
    return None
