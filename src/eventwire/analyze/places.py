"""places layer: every toponym of the article, resolved against the offline gazetteer.

Mentions come from the entities layer (NER GPE/LOC/FAC/NORP + alias matches such as lower-case
"kyiv"), from the dateline ("ROCKFORD, Ill. (AP) —") and from "City, State" qualifiers. Each gets
a role: "location", "actor" (metonymy: "Moscow said", "according to Washington") or "demonym"
("Russian officials"), and a gazetteer entry chosen by place_resolve. A venue ("the X Hall in
Krasnogorsk") takes the coordinates of the city it is in, with feature "venue". Places are
returned in text order.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Entity, Place, Record
from . import (
    place_chain,
    place_context,
    place_cues,
    place_home,
    place_local,
    place_local_names,
    place_names,
    place_near,
    place_pairs,
    place_people,
    place_quarters,
    place_sense,
)
from .aliases import demonyms
from .gazetteer import FEATURE_PRECISION, Candidate, gazetteer, norm
from .place_dateline import add_dateline as _add_dateline
from .place_dateline import dateline
from .place_mentions import (
    NON_PLACE_KINDS,
    Mention,
    add_chains,
    agree,
    join_cut_names,
    merge_split,
    neighbourhoods,
    qualifier_kinds,
    resolve_chain,
)
from .place_modifiers import (
    add_site_modifiers,
    demonym_parts,
    not_a_place,
    one_sense_orgs,
    state_names,
)
from .place_resolve import (
    DC,
    Context,
    best,
    capitals,
    city_named,
    home_district,
    undotted_state,
    us_states,
)
from .place_roles import POLICE, lex, role
from .place_venues import strong, venue_city

_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_TAIL = re.compile(r"(?:'s|’s|'|’)?\s*$")
def _core(text: str, start: int) -> tuple[str, int, int]:
    """Strip "the", possessives and whitespace; return (core, start, end)."""
    m = _LEAD.match(text)
    lead = m.end() if m else 0
    core = _TAIL.sub("", text[lead:])
    return core, start + lead, start + lead + len(core)


def _is_venue(core: str, org: bool = False) -> bool:
    words = core.split()
    return len(words) >= 2 and words[-1].lower() in lex()["org_venue" if org else "venue"]


def _embedded(e: Entity, core: str, s: int, out: list[Mention]) -> None:
    """Toponyms inside an organisation's name ("U.S. Department of ...", "Washington Post")."""
    gaz = gazetteer()
    for m in re.finditer(r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.'’-]*)?", core):
        for cand_text in (m.group(0), m.group(0).split()[0]):
            cand_text = cand_text.rstrip(".") if not cand_text.endswith("S.") else cand_text
            if cand_text.lower() in lex()["not"]:
                break  # "South" in "South Side Bank" is a direction, not Iceland's region
            if cand_text.lower() in demonyms():
                out.append(Mention(s + m.start(), s + m.start() + len(cand_text), cand_text,
                                   "demonym", role="embedded"))
                break
            cands = gaz.lookup(cand_text)
            if cands and strong(cands[0], cand_text):
                out.append(Mention(s + m.start(), s + m.start() + len(cand_text), cand_text,
                                   "toponym", role="embedded"))
                break


def _mentions(record: Record, ents: list[Entity]) -> list[Mention]:
    text = record.article.text
    gaz = gazetteer()
    out: list[Mention] = []
    bare: set[int] = set()
    orgs: list[tuple[int, int, str]] = []
    for e in ents:
        core, s, t = _core(e.text, e.start)
        if not core:
            continue
        if e.label in ("NORP", "LANGUAGE") or e.kind == "nationality":
            out.extend(demonym_parts(text, core, s))  # "anti-Russian", "Spanish"
            continue
        if e.label == "PERSON" and place_people.area_named(core):
            out.append(Mention(s, t, core, "toponym"))  # "Tamil Nadu" read as a person
            continue
        if e.label == "FAC" or (e.label == "ORG" and _is_venue(core, org=True)):
            cands = gaz.lookup(core) if e.label == "FAC" else ()
            # NER calls some cities facilities ("Port-au-Prince"): a big city's exact name
            # is that city, not a venue inside the article's main town
            kind = "toponym" if cands and strong(cands[0], core) else "venue"
            out.append(Mention(s, t, core, kind))
            continue
        if e.kind in NON_PLACE_KINDS and e.label != "ORG" and not gaz.known(core):
            continue  # NER called a person a GPE ("Modi"); the alias table knows better
        if core.lower() in lex()["not"]:
            continue
        if e.label == "GPE" and e.kind not in ("city", "country", "region", "admin1") and \
                not gaz.known(core) and " " not in core:
            if not place_local.bare_quarter(text, s, t):
                continue  # a one-word "GPE" no gazetteer knows is mostly a person or a brand
            bare.add(s)  # ... unless "shot in Pacoima": a quarter, if quarters() places it
        # an organisation linked to a place only by a name inside it ("U.S. Centers for Disease
        # Control") is no place: the place inside is embedded (the ORG branch below)
        inner_only = e.label == "ORG" and " " in core and not gaz.known(core) \
            and not gaz.known(core.split(" - ")[0])  # "Donetsk - Kirovskyi": a city and its district
        if e.label in ("GPE", "LOC") or e.kind in ("city", "country", "region", "admin1") and not inner_only:
            core = place_chain.trim(core)
            lead = place_local.municipal_prefix(core)  # "the Town of Wallkill": the town
            core, s = core[lead:], s + lead
            t = s + len(core)
            whole = "," in core and gaz.known(core)  # "Washington, D.C." is one name
            parts = list(re.finditer(r"[^,]+", core)) if "," in core and not whole else None
            if parts:  # one NER span "Paris, Texas": the city and its qualifier
                for p in parts:
                    ps, pe = s + p.start() + (len(p.group()) - len(p.group().lstrip())), s + p.end()
                    out.append(Mention(ps, pe, text[ps:pe].strip(), "toponym"))
            else:
                out.append(Mention(s, t, core, "toponym"))
        elif e.label == "ORG":
            # NER sometimes calls a well-known place an ORG ("Syria" at a sentence start, "EU")
            cands = gaz.lookup(core)
            if cands and strong(cands[0], core) and e.kind not in NON_PLACE_KINDS - {"organisation"}:
                out.append(Mention(s, t, core, "toponym"))
            else:
                orgs.append((s, t, core))
                _embedded(e, core, s, out)
    add_site_modifiers(text, ents, out)  # "the Dadaab camps" (before: one sense for the others)
    one_sense_orgs(orgs, out)
    for m in out:
        m.bare = m.start in bare
    _add_dateline(text, record.article.title, out)
    title = record.article.title
    _add_known_names(text, ents, out, len(title) if title and text.startswith(title) else 0)
    place_pairs.add_qualifiers(text, None, out)
    place_pairs.add_listed(text, ents, out)
    add_chains(text, ents, out)
    merge_split(text, out)
    join_cut_names(text, out)
    state_names(text, out)  # "Benue State"
    for s, t in place_local_names.find(text, out, ents):
        sure = any((e.start, e.end, e.label) == (s, t, "PERSON") for e in ents)
        out.append(Mention(s, t, text[s:t], "toponym", guess=True, sure_state=sure))
    for s, t, state in place_local_names.unknown_towns(text, out, ents):
        out.append(Mention(s, t, text[s:t], "toponym", within=("US", state)))
    place_pairs.add_qualifiers(text, [m for m in out if m.guess], out)  # "Buffalo, New York" found late
    for m in out:
        if m.kind == "toponym" and not m.dateline and place_local.street_corner(text, m.start, m.end):
            m.kind = "venue"  # a street corner: located at the town around it
        elif m.kind == "toponym" and not m.dateline and m.role != "embedded" and m.chain is None \
                and (site := _SITE_AFTER.match(text, m.end)) and site.group(1) in lex()["site_words"]:
            # "protested at Santa Fe park in Needles", "marched in Armas square": a named site,
            # located at the town around it, not a namesake town
            m.kind, m.end = "venue", site.end()
            m.text = text[m.start:m.end]
    out.sort(key=lambda m: m.start)
    # a word that is never a place, whichever step found it ("(Thursday, April 5)" read as a
    # chain); a currency ("US$5") or a disease ("West Nile virus") named after a place
    return [m for m in out if (m.kind != "toponym" or m.dateline or m.text.lower() not in lex()["not"])
            and not not_a_place(text, m)]


_SITE_AFTER = re.compile(r"\s([a-z]+)\b")


def _add_known_names(text: str, ents: list[Entity], out: list[Mention], body: int = 0) -> None:
    """Safe gazetteer names no entity covers; inside a longer capitalised name they are
    embedded ("Toronto Maple Leafs"), and inside a person's name they are skipped. `body`:
    where the body starts when the title is glued to it ("...| abc.comChicago police said"),
    a name there starts a sentence."""
    hits = set(place_names.find(text))
    if body:
        hits |= {(body + a, body + b) for a, b in place_names.find(text[body:body + 60]) if a == 0}
        for m in out:
            if m.start == body and m.role == "embedded":
                m.role = "location"
    taken = [(m.start, m.end) for m in out]
    people = [(e.start, e.end) for e in ents if e.label in ("PERSON", "ORG", "FAC", "NORP")
              or e.kind in NON_PLACE_KINDS]
    for s, t in sorted(hits):
        glued = s == body > 0
        if any(a < t and s < b for a, b in taken) or (
                not glued and any(a < t and s < b for a, b in people)):
            continue
        before, after = text[max(0, s - 20):s], text[t:t + 2]
        inside = bool(re.match(r"^ [A-Z]", after)) or bool(re.search(r"\b[A-Z][a-z]+ $", before)
                                                            and not re.search(r"(?:^|[.!?\n]\s*)\w+ $", before))
        out.append(Mention(s, t, text[s:t], "toponym",
                           role="embedded" if inside and not glued else "location"))
        taken.append((s, t))


def _resolve(ms: list[Mention], ctx: Context, text: str = "") -> None:
    qualifier_kinds(ms, ctx)
    memo: dict[tuple[str, Any], Candidate | None] = {}
    for m in ms:
        if m.kind == "demonym":
            code = demonyms().get(m.text.lower(), "")
            m.cand = gazetteer().country(code) if len(code) == 2 else best(
                gazetteer().lookup(code), code, ctx)
        elif m.kind == "toponym" and m.chain:
            resolve_chain(m, ctx)
        elif m.kind == "toponym":
            key = (norm(m.text), m.within, m.kind_of)
            if key not in memo:
                state = us_states().get(m.text) if m.text.endswith(".") or m.text.isupper() else None
                qualifies = bool(_QUALIFIES.search(text[max(0, m.start - 3):m.start]))
                undotted = state is None and qualifies and (state := undotted_state(m.text)) is not None
                after_comma = m.role == "location" and m.within is None and len(m.text) == 2
                if state and (m.text.endswith(".") or undotted or after_comma or qualifies and ctx.countries.get("US")):
                    cands = tuple(c for c in gazetteer().lookup(state)
                                  if c.feature == "admin1" and c.country_code == "US")
                    memo[key] = cands[0] if cands else None
                    if state == DC and not qualifies:
                        memo[key] = city_named("Washington", ctx) or memo[key]  # "in D.C." is the city
                else:
                    cands = place_cues.narrow(gazetteer().lookup(m.text), m.kind_of)
                    if m.text.isupper() and len(m.text) <= 3 and not m.dateline:
                        # "BB", "MO": a short capitalised code is a country or state code, or a
                        # metropolis ("NYC"); as a town's alternate name it is mostly noise
                        cands = tuple(c for c in cands if c.feature != "city" or c.population >= 1_000_000)
                    memo[key] = best(cands, m.text, ctx, m.within, area=bool(m.kind_of) and m.kind_of[0] == "admin1",
                                     strict=bool(m.within and m.within[0] == "US" and m.within[1]))
                    if memo[key] is None and " - " in m.text:  # "City - District": the city
                        first = m.text.split(" - ")[0]
                        memo[key] = best(gazetteer().lookup(first), first, ctx, m.within)
            m.cand, m.approx = memo[key], False  # a second pass starts this mention afresh
            if m.within is None and (home := home_district(m.cand, m.text, ctx)) is not None:
                m.cand, m.approx = home, True  # "a farm in Laguna" (a Philippine story)
            if m.cand is None and place_local.is_county(m.text):
                m.cand = place_local.county(m, ctx)
                m.approx = m.cand is not None
            elif m.cand is None and (town := place_local.state_town(m)) is not None:
                m.cand, m.approx = town, True  # "Campbellsburg, Indiana": a town the data lacks
            elif m.cand is None:
                city = place_local.compass_part(m.text, lambda n: city_named(n, ctx))
                if city is not None:  # "South Philadelphia": a quarter, at its city
                    m.cand = Candidate(m.text, None, city.lat, city.lon, city.country_code, city.admin1,
                                       "neighbourhood" if city.feature == "city" else "region", 0)
                    m.approx = True
    place_sense.one_sense(ms, text)
    place_sense.areas_among_areas(ms)
    neighbourhoods(ms, text)
    place_quarters.listed_quarters(ms)
    place_local.all_quarters(ms, text)
    for i, m in enumerate(ms):
        if m.kind == "venue":
            m.cand = venue_city(ms, i, ctx, text)


_QUALIFIES = re.compile(r"\w,\s*$")


def _capital_district(c: Candidate) -> str | None:
    """A capital with no first-level area of its own in the data is its own capital district
    (Kyiv City, Asuncion): its name stands for the area."""
    if c.feature == "city" and c.country_code and (c.country_code, norm(c.name)) in capitals():
        return c.name
    return None


def _place(m: Mention, text: str) -> Place:
    c = m.cand
    surface = text[m.start:m.end]
    if m.kind == "venue":
        p = Place(surface, m.start, m.end, name=m.text, feature="venue", role=m.role)
        if c:
            p.lat, p.lon, p.country_code = c.lat, c.lon, c.country_code
            p.admin1 = c.admin1 if c.feature == "city" else c.name if c.feature == "admin1" else None
            p.precision = "city"  # the coordinates are the city's, not the building's
        return p
    if c is not None and m.approx:  # (named as its mention, or as the town a township is)
        return Place(surface, m.start, m.end, name=c.name, lat=c.lat, lon=c.lon,
                     country_code=c.country_code, admin1=c.admin1, feature=c.feature,
                     precision="city" if c.feature == "neighbourhood" else "admin1" if c.admin1 else "country",
                     role=m.role)
    if c is None:
        return Place(surface, m.start, m.end, name=m.text, role=m.role)
    return Place(surface, m.start, m.end, name=c.name, geonames_id=c.geonames_id, lat=c.lat,
                 lon=c.lon, country_code=c.country_code,
                 admin1=c.name if c.feature == "admin1" else c.admin1 or _capital_district(c), feature=c.feature,
                 precision=FEATURE_PRECISION.get(c.feature), role=m.role,
                 population=c.population or None)


def analyze(record: Record) -> list[Place]:
    text = record.article.text
    if not text:
        return []
    ents = record.entities
    if not ents and record.doc is not None:
        from . import entities

        ents = entities.analyze(record)
    ms = place_people.drop_surnames(_mentions(record, ents), ents, text)
    for m in ms:
        try:
            m.role = role(record.doc, text, m)
        except Exception:  # noqa: BLE001 - a parse oddity only costs the role
            m.role = "location" if m.kind != "demonym" else "demonym"
    place_cues.apply(text, ms)
    ctx = place_context.votes(ms, record.article.source)
    _resolve(ms, ctx, text)
    if agree(ms, ctx) | place_near.anchors(ms, ctx):
        _resolve(ms, ctx, text)
    place_home.bring_home(ms, ctx, text)
    place_sense.strays(ms, ctx)
    return [_place(m, text) for m in place_local_names.kept(ms) if not (m.bare and m.cand is None)]


def best_location(record: Record) -> Place | None:
    """The strongest "where" evidence for the article's event: the dateline city, else the most
    mentioned city (venues count for their city), else the most mentioned finer-than-country place."""
    # a city standing for its authorities ("Dallas said") is still weak evidence of the scene
    locs = [p for p in record.places if p.lat is not None and (
        p.role == "location" or (p.role == "actor" and p.feature == "city"))]
    if not locs:
        return None
    text = record.article.text
    d = dateline(text, record.article.title)
    if d:
        for p in locs:
            if p.start == d[1] and p.feature in ("city", "admin1", "county"):
                return p
    counts: dict[tuple[float, float], float] = {}
    for p in locs:
        # "Chicago police", "Burbank Police Department": the city whose police act is the place
        w = 2.0 if POLICE.match(text, p.end) else 1.0 if p.role == "location" else 0.5
        counts[(p.lat, p.lon)] = counts.get((p.lat, p.lon), 0) + w
    rank = {"city": 3, "venue": 2, "neighbourhood": 2, "admin1": 1, "county": 1, "region": 0,
            "country": 0}

    def key(p: Place) -> tuple:
        return (rank.get(p.feature or "", 0) >= 2, counts[(p.lat, p.lon)], p.feature == "city",
                rank.get(p.feature or "", 0), -p.start)

    top = max(locs, key=key)
    if top.feature in ("venue", "neighbourhood"):  # report the city it is in, when named
        city = [p for p in locs if p.feature == "city" and (p.lat, p.lon) == (top.lat, top.lon)]
        return city[0] if city else top
    return top
