"""events layer: event mentions with type, mode, actors, place, date, figures, `about`, primary.

Steps (helpers in event_*.py): triggers over the parse -> per-mention mode, actors, place and
date candidates -> figures by sentence -> within-article coreference -> `about` links ->
primary event -> EventMention list. Every filled field carries a span from the text.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import lru_cache
from typing import Any

from .. import taxonomy
from ..geo import points_km
from ..model import EventMention, Record, Span
from ..nlp import heads
from ..spans import ByStart
from . import (
    event_about,
    event_fallback,
    event_headline_quarter,
    event_outlet_town,
    event_quarter,
    event_title,
)
from . import event_dates as dates
from . import event_link as link
from . import event_towns as towns
from .event_actors import Names, actors_of, named_within
from .event_clauses import (
    absent,
    clashed_with_forces,
    crowd_control,
    disaster_subject,
    light_object,
    other_scenes,
    police_raid,
    scene_of_violence,
    strike_subject,
    toll_subject,
    turned_violent,
    weapon_found,
)
from .event_coref import Cluster, Mention, choose_primary, cluster
from .event_figures import (
    add_part,
    assign_figures,
    borrow_casualties,
    borrow_for_shooting,
    cluster_figures,
)
from .event_figures_sum import Claims, claims_of
from .event_incident import absorb_into_incident, incident_of
from .event_lexicon import cue_set
from .event_modes import habitual, mode_of, prevented
from .event_triggers import Cand, break_between, find, units

log = logging.getLogger(__name__)
_LOCATED = {"violence", "protest", "disaster", "coercion", "development", "diplomacy"}
_WEAPONS = set(taxonomy.subtypes("attack")) - {"armed_assault", "abduction_forced_disappearance", "sexual_violence"}
_AREAS = {"city", "admin1", "admin2", "country"}
_REFINE_TYPES = {"attack", "battle", "protest", "riot", "strategic_development", "shooting"}


def analyze(record: Record) -> list[EventMention]:
    doc = record.doc
    if doc is None or not record.article.text:
        return []
    try:
        return _analyze(record, doc)
    except Exception:  # a parse we did not foresee must not lose the whole record
        log.exception("events layer failed on %s", record.article.id)
        return []


def _depth(tok: Any) -> int:
    """Steps from the trigger up to its sentence root (at most 20), not across a line break
    (a headline or a dateline is a clause of its own)."""
    doc = tok.doc
    head, idx = heads(doc)
    i, d = tok.i, 0
    while d < 20 and head[i] != i and not break_between(doc, idx[i], idx[head[i]]):
        d += 0 if _fronted_complement(doc, i, head[i]) else 1
        i = head[i]
    return d


def _fronted_complement(doc: Any, i: int, h: int) -> bool:
    """A complement clause written before the clause it hangs from, with a comma and that
    clause's own subject between ("Strike kills 9, Kyiv blames Moscow", "Nine dead, police
    say"): the later clause is a parenthesis, so the complement is a main clause too."""
    tok = doc[i]
    if tok.dep_ != "ccomp" or i > h:
        return False
    end = tok.right_edge.i
    if not any(doc[k].text in (",", "--", "-", ";") for k in range(end, h)):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and end < c.i < h for c in doc[h].children)


def _trigger_ids(c: Cand) -> set[int]:
    ids = {t.i for t in c.words}
    tok = c.token
    # a nominal subject/object: times and places on its verb belong to it ("the attack ... on Friday")
    # ("the shooting happened Monday", "carried out the attack on Friday"; not "police on
    # Friday were investigating the death": that dates the investigation)
    if c.nominal and (tok.head.tag_ or "").startswith("VB") and (
            tok.dep_ in ("nsubj", "nsubjpass") or light_object(c)):
        ids.add(tok.head.i)
    return ids


def _shooting_subtype(m: Mention) -> None:
    """'shoot' mentions that are not attacks: accidental, self-inflicted, by police."""
    if m.type != "attack" or m.subtype != "armed_assault":
        return
    if not any(t.lower_.startswith(("shot", "shoot", "gunfire", "gunshot")) for t in m.cand.words):
        return
    words = {t.lower_ for t in m.cand.span}
    if words & cue_set("shooting", "accidental"):
        m.type, m.subtype = "shooting", "accidental"
    elif words & cue_set("shooting", "self_inflicted") and any(t.lower_ in ("shot", "shoots", "shooting") for t in m.cand.words):
        if any(a.role == "perpetrator" and a.name.lower() in ("himself", "herself") for a in m.actors) or "self-inflicted" in words:
            m.type, m.subtype = "shooting", "self_inflicted"
    elif any(a.role == "perpetrator" and set(a.name.lower().split()) & cue_set("shooting", "police") for a in m.actors):
        m.type, m.subtype = "shooting", "police"


@lru_cache(maxsize=1)
def _classifier() -> Any:
    try:
        from .typing import classify  # type: ignore[attr-defined]
    except Exception:
        return None
    return classify


def _refine(cl: Cluster, text: str) -> None:
    """Let the trained classifier choose the subtype within the lexicon's type family."""
    clf = _classifier()
    if clf is None or cl.type not in _REFINE_TYPES:
        return
    h = cl.head
    sent = h.cand.span
    try:
        preds = clf(text[sent.start_char:sent.end_char])
    except Exception:
        return
    for sub, prob in preds[:1]:
        t = taxonomy.type_of(sub)
        if sub == "suicide_bomb" and not any(w.lower_ in cue_set("refine", "suicide_words") for w in sent):
            continue  # (see data/events/cues.toml [refine])
        if t and prob >= 0.5 and taxonomy.family(t) == taxonomy.family(cl.type) and t != "shooting":
            ctype = cl.type  # (recomputed only when a member's type changes: it reads every member)
            for m in cl.members:
                # (the parse's evidence of an intervention outranks the sentence's wording)
                # (and a weapon named by the event's head word outranks a sentence read as a plain
                # assault: "A bomb killed three", "An Israeli strike killed five")
                if m.type == ctype and not (m.subtype == "protest_with_intervention" and prevented(m.cand.token)) \
                        and not (sub == "armed_assault" and m is h and m.subtype in _WEAPONS):
                    changed = m.type != t
                    m.type, m.subtype = t, sub
                    if changed:
                        ctype = cl.type


def _analyze(record: Record, doc: Any) -> list[EventMention]:
    cands = [c for c in find(doc) if not crowd_control(c) and not scene_of_violence(c) and not absent(c)] \
        or event_fallback.candidates(record, doc)
    if not cands:
        return []
    text = record.article.text
    names = Names(record)
    places = link.location_places(record)
    places_by_start = ByStart(places)
    dl = link.dateline(record, places)
    # a dateline that opens a paragraph ("INDIANAPOLIS, Ind. — ..."), not a note's "Town (Area)"
    opening = dl.start if dl is not None and not text[text.rfind("\n", 0, dl.start) + 1:dl.start].strip() else -1
    trigger_sets = [_trigger_ids(c) for c in cands]
    claimed = link.claimed_times(doc, record.times, trigger_sets) if record.times else set()
    mentions: list[Mention] = []
    for c, ids in zip(cands, trigger_sets, strict=True):
        m = Mention(c, c.entry.type, c.entry.subtype, mode_of(c.token, c.nominal, c.span), depth=_depth(c.token))
        if m.type == "protest" and m.mode == "hypothetical":
            # a prevention verb does not make a protest hypothetical: protesters who prevent
            # workers from entering are protesting, and a protest police prevent took place,
            # with an intervention (ACLED's coding)
            m.mode = mode_of(c.token, c.nominal, c.span, prevention_asserts=True)
        if m.mode == "asserted" and m.type in ("attack", "battle") and habitual(c.token):
            m.mode = "background"  # "have exchanged fire almost daily since October"
        if m.type == "protest" and m.mode != "hypothetical" and prevented(c.token):
            m.subtype = "protest_with_intervention"
        if m.subtype in _WEAPONS and weapon_found(c):
            m.type, m.subtype = "strategic_development", "disrupted_weapons_use"
        if turned_violent(c) or clashed_with_forces(c):
            m.type, m.subtype = "riot", "violent_demonstration"
        if m.weak and m.family == "violence" and (dis := disaster_subject(c)) is not None:
            m.type, m.subtype = dis  # "an earthquake and aftershocks killed 2,000": the quake's toll
        if light_object(c):
            # "staged a protest ..., denouncing the coup": the protest is the main clause's event
            m.light, m.depth = True, max(0, m.depth - 1)
        elif toll_subject(c):
            m.light, m.depth = True, _depth(c.token.head)
        m.actors = actors_of(c, names)
        if police_raid(m, cands):
            m.type, m.subtype = "arrest", "arrest"
            # ("police raided the office and detained 20": the raiders are the ones arresting)
            m.actors = [replace(a, role="arresting") for a in m.actors if a.role == "perpetrator"]
        if m.weak and m.type == "attack" and strike_subject(c):
            m.subtype = "air_drone_strike"  # "An Israeli strike killed five": a military strike
        if m.family == "disaster":
            m.actors = [a for a in m.actors if a.role != "perpetrator"]  # a quake is no perpetrator
        exclude = [(a.span.start, a.span.end) for a in m.actors if a.span]
        if m.type == "arrest":
            exclude += other_scenes(c, cands)
        sent = c.span
        hit = link.linked_place(doc, places_by_start.within(sent.start_char, sent.end_char), ids, sent, exclude,
                                m.family in ("violence", "disaster"), opening)
        if hit and (hit[1] >= 3 or m.family in _LOCATED and m.mode != "hypothetical"):
            near = hit[1] == 1 and link.landmark(hit[0], text)  # "20 miles east of Cincinnati"
            m.loc = (link.place_dict(hit[0], "near" if near else None), hit[1])
        d = link.linked_date(doc, record.times, ids, sent, claimed, link.paragraph(text, c.start),
                             record.article.published, future_ok=m.mode == "hypothetical")
        if d:
            m.date = d
        _shooting_subtype(m)
        if m.type in event_about.ABOUT_TYPES:
            event_about.hint(m)
        mentions.append(m)
    # a fire in the sentence of an attack is part of the attack, not a separate disaster
    violent_units = {m.sent for m in mentions if m.family == "violence"}
    # and "the accident" of an article about a (non-criminal) shooting is that shooting
    gun_accident = any(m.type == "shooting" for m in mentions)
    mentions = [m for m in mentions if not (m.type == "man_made_disaster" and (
        m.sent in violent_units and m.cand.token.lower_ in ("fire", "fires", "blaze")
        or gun_accident and m.cand.token.lower_.startswith("accident")))]
    if not mentions:
        return []
    orphans = assign_figures(record, units(doc), mentions)
    clusters = cluster(mentions)
    dates.from_next_sentences(record, doc, clusters, claimed)
    dates.headline_date(clusters)
    for cl in clusters:
        _refine(cl, text)
    event_about.link(clusters)
    p = choose_primary(clusters)
    if absorb_into_incident(clusters, incident_of(clusters, p)):
        for c in clusters:
            c.about = None
        event_about.link(clusters)
        p = choose_primary(clusters)
    if p is not None:
        clusters[p].primary = True
    # the article's first violent event (which a reader takes for its incident) is dated by the
    # lead even when no event is primary
    first = next((c for c in clusters if c.head.family == "violence" and c.head.mode == "asserted"), None)
    if p is not None:
        dates.lead_date(record, doc, clusters[p], claimed, clusters)
        # and the article's incident
        inc = incident_of(clusters, p)
        for c in {id(x): x for x in (inc, first) if x is not None and x is not clusters[p]}.values():
            dates.lead_date(record, doc, c, claimed, clusters)
        for c in {id(x): x for x in (clusters[p], incident_of(clusters, p)) if x is not None}.values():
            dates.refine_coarse(record, doc, c)
            dates.before_death(record, doc, c)
        dates.from_first_violent(clusters[p], first)
    elif first is not None:
        dates.lead_date(record, doc, first, claimed, clusters)
        dates.before_death(record, doc, first)
    dates.background_by_date(clusters, p)
    incident = incident_of(clusters, p)
    claims = claims_of(record.quotes or [])
    if incident is not None:
        for f in orphans:
            add_part(incident.head, f)
        borrow_casualties(incident, clusters, text, claims)
        borrow_for_shooting(incident, clusters, text, claims)
    # the story's town: its dateline, else its most named scene, else the town whose police
    # are on the case; a person's home town or a hospital's only when it names no other
    scenes = link.scene(places, text)
    sure = dl or link.dominant(scenes) or link.home_city(record)
    # a town that outranks a landmark ("20 miles east of Cincinnati"): the dateline, or a scene
    # the story names twice (not a town named once in passing, such as the outlet's address)
    firm = dl or (sure if sure is not None and sum(p.name == sure.name for p in scenes) >= 2 else None)
    fallback = sure or link.dominant([p for p in places if not link.elsewhere(p, text) and not link.landmark(p, text)]) \
        or link.dominant(places)
    out = [_emit(cl, clusters, fallback, text, sure, claims, firm) for cl in clusters]
    for ev in out:  # the main event of an article that names no usable place: its country
        if ev.primary and ev.location is None and ev.mode != "hypothetical":
            ev.location = link.country_location(record)
    towns.about_town(out, sure)
    towns.prefer_dateline(out, dl, places, text)
    towns.county_dateline(out, dl, places, text)
    # (the outlet's town still says which big city a quarter or a street belongs to)
    named = [p for p in record.places if not link.junk(p, text)]
    towns.add_cities(out, places, units(doc), fallback, named, dl is not None and dl is fallback, text,
                [_member_town(cl) for cl in clusters])
    towns.police_town(out, link.named_places(record), text)
    event_title.headline_town(out, record)
    event_quarter.compass_quarters(out, places, text)
    event_headline_quarter.headline_quarter(out, record)
    event_outlet_town.apply(out, record)
    _near_landmarks(out, text)
    return out


def _near_landmarks(out: list[EventMention], text: str) -> None:
    """An event placed at a landmark town ("20 miles east of Cincinnati", the story naming no
    other) lies near it, not in it: precision "near"."""
    for ev in out:
        start = ((ev.location or {}).get("span") or {}).get("start")
        if start is not None and link.landmark_at(start, ev.location.get("feature"), text):  # type: ignore[union-attr]
            ev.location["precision"] = "near"


def _other_scene(loc: dict[str, Any], firm: Any) -> bool:
    """Is the story's town a better guess than this weak place? Always for a home town; for a
    landmark ("20 miles east of Cincinnati") only a firm town (the dateline, a scene named
    twice) within 100 km of it."""
    if loc.get("precision") != "near":
        return True
    if firm is None:
        return False
    km = points_km(loc, link.place_dict(firm))
    return km is not None and km <= 100


def _member_town(cl: Cluster) -> int | None:
    """Where the town (or quarter) another mention of the event is attached to starts ("shot to
    death in Dolton ... shot in the 14400 block of Ellis Avenue": the avenue is in Dolton)."""
    towns = [m.loc[0] for m in cl.members if m.loc and m.loc[1] >= 3 and m.loc[0].get("feature") in ("city", "neighbourhood")]
    return towns[0]["span"]["start"] if towns else None


def _emit(cl: Cluster, clusters: list[Cluster], fallback: Any, text: str, sure: Any = None,
          claims: Claims = (), firm: Any = None) -> EventMention:
    h = cl.head
    type_, subtype = cl.type, cl.subtype
    actors, seen = [], set()
    for m in cl.members:
        if m.mode == "denied" and h.mode != "denied":
            continue  # "X denied any role in the blast": X is no actor of the blast
        for a in m.actors:
            key = ((a.canonical or a.name).lower(), a.role)
            if key not in seen:
                seen.add(key)
                actors.append(a)
    actors = [a for a in actors if not any(b is not a and b.role == a.role and named_within(a.name, b.name) for b in actors)]
    loc = cl.best("loc")
    if loc is not None and loc[1] <= 1 and sure is not None and h.family in _LOCATED and _other_scene(loc[0], firm):
        loc = None  # only a person's home town or a landmark: the story's own town is the better guess
    location = loc[0] if loc else None
    if location is None and h.family in _LOCATED and h.mode not in ("hypothetical", "background"):
        if cl.about is not None and h.type == "arrest":
            # the town of the attack the arrest is about, not its street or venue: suspects
            # are mostly picked up elsewhere ("arrested three men over the market bombing")
            target = clusters[cl.about].best("loc")
            location = target[0] if target and target[0].get("feature") in _AREAS else None
        if location is None and fallback is not None and h.family in ("violence", "protest", "disaster", "coercion") \
                and not (cl.about is not None and h.type == "arrest" and fallback.feature not in _AREAS):
            location = link.place_dict(fallback)  # (nor the story's scene street for an arrest)
    if location is None and cl.primary and fallback is not None and h.mode != "hypothetical":
        # the article's main event happened where the article is set, whatever its kind (a
        # press conference, a threat, a deployment): its town when its own sentence names none
        location = link.place_dict(fallback)
    date = cl.best("date")
    figures = cluster_figures(cl.members, text, claims)
    sent = h.cand.span
    conf = 0.45 + 0.15 * (not h.weak) + 0.1 * bool(actors) + 0.1 * bool(loc) + 0.1 * bool(date)
    conf += 0.05 * min(len(cl.members) - 1, 2)
    return EventMention(
        type=type_, subtype=subtype, acled=taxonomy.acled_for(type_, subtype, actors),
        trigger=Span(text[h.cand.start:h.cand.end], h.cand.start, h.cand.end),
        mode=h.mode, primary=cl.primary, actors=actors, location=location,
        date=date[0] if date else None, figures=figures, about=cl.about,
        confidence=round(min(conf, 0.95), 2),
        sentence=Span(sent.text, sent.start_char, sent.end_char),
    )
