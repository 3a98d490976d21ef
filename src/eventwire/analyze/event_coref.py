"""Within-article coreference of event mentions, the primary event, and `about` links.

Mentions corefer when they share a type family (attack/shooting/battle are one family;
claims, accusations, denials only match their own type), have compatible modes (a
hypothetical or background attack never merges with the asserted one) and compatible
place and date. "the attack" repeated twelve times is one event.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .. import taxonomy
from ..geo import points_km
from ..model import Actor
from ..nlp import doc_text
from .event_lexicon import cue_set
from .event_triggers import Cand

_MERGE_BY_FAMILY = {"violence", "disaster", "protest"}
_SUBTYPE_PRIORITY = ["suicide_bomb", "chemical_weapon", "air_drone_strike", "shelling_artillery_missile_attack",
                     "remote_explosive_landmine_ied", "grenade", "abduction_forced_disappearance",
                     "sexual_violence",
                     # a protest that met force anywhere in the report is coded with it (ACLED)
                     "excessive_force_against_protesters", "protest_with_intervention"]


@dataclass
class Mention:
    cand: Cand
    type: str
    subtype: str | None
    mode: str
    actors: list[Actor] = field(default_factory=list)
    loc: tuple[dict[str, Any], int] | None = None
    date: tuple[dict[str, Any], int] | None = None
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)
    parts: list[Any] = field(default_factory=list)  # every figure given to it (for sums of disjoint groups)
    about_hint: Any = None  # a token naming what a claim/denial/arrest is about
    about_kind: str | None = None  # "accusation" | "event": what the hint refers to
    depth: int = 0  # parse depth of the trigger (0 = sentence root)
    light: bool = False  # a noun that is the object of a light verb ("held a protest"): the verb's clause

    @property
    def weak(self) -> bool:
        return self.cand.entry.weak

    @property
    def family(self) -> str:
        return taxonomy.family(self.type)

    @property
    def sent(self) -> int:
        return self.cand.sent


@dataclass
class Cluster:
    members: list[Mention]
    about: int | None = None
    primary: bool = False

    @property
    def head(self) -> Mention:
        """The representative: the first non-weak mention, else the first one."""
        for m in self.members:
            if not m.weak:
                return m
        return self.members[0]

    @property
    def type(self) -> str:
        types = [m.type for m in self.members if not m.weak] or [m.type for m in self.members]
        if "shooting" in types and any(m.subtype not in (None, "unspecified") for m in self.members if m.type == "shooting"):
            return "shooting"
        return self.head.type if self.head.type in types else types[0]

    @property
    def subtype(self) -> str | None:
        t = self.type
        subs = [m.subtype for m in self.members if m.type == t and m.subtype]
        for s in _SUBTYPE_PRIORITY:
            if s in subs:
                return s
        return self.head.subtype if self.head.type == self.type else (subs[0] if subs else None)

    def best(self, attr: str) -> tuple[dict[str, Any], int] | None:
        vals = [getattr(m, attr) for m in self.members if getattr(m, attr)]
        if not vals:
            return None
        if attr == "loc":
            return max(vals, key=loc_rank)
        return pick_date(vals)


def loc_rank(v: tuple[dict[str, Any], int]) -> tuple[bool, bool, bool, int, int]:
    """Higher is a better event place: stated in the sentence, then not a hospital, jail or
    court (where one mention of the event places its later step: "a radio call of a homicide
    at X Medical Center" beside "fatally shot after a hike in Tarzana"), then (of the weak
    ones) a landmark the scene is near over a person's home town, then the finer feature."""
    from .event_link import FEATURE_RANK
    from .event_scene import INSTITUTION

    inst = v[0].get("feature") == "venue" and INSTITUTION.search(v[0].get("name") or "") is not None
    return (v[1] >= 2, not inst, v[1] >= 2 or v[0].get("precision") == "near",
            FEATURE_RANK.get(v[0].get("feature") or "", 1), v[1])


_PRECISION = {"day": 3, "week": 2, "month": 1}


def date_rank(v: tuple[dict[str, Any], int]) -> tuple[bool, int, str, int]:
    """Lower is a better event date: evidence in the sentence beats paragraph context; a day
    beats a week or month ("last week" vs "on Jan. 23"); then the earliest, since follow-up
    reports date their own news (a hearing, a vigil) after the event."""
    return (v[1] < 2, -_PRECISION.get(v[0].get("precision") or "", 0), v[0]["value"], -v[1])


def pick_date(vals: list[tuple[dict[str, Any], int]]) -> tuple[dict[str, Any], int]:
    """The event's date among its mentions' dates (see date_rank)."""
    return min(vals, key=date_rank)


def toll_update(m: Mention) -> bool:
    """A casualty verb alone in a sentence that reports a later toll ("after two of the
    wounded died in hospital"): dated when the victims died, not when the event happened."""
    if not m.weak:
        return False
    words = cue_set("coref", "toll_update")
    return any(t.lower_ in words for t in m.cand.span)


class _Summary:
    """A cluster's head, place and date, kept up to date as members join: recomputing them
    from every member at each comparison made clustering quadratic in the mentions (a
    pathological text of thousands of attack sentences took hours)."""

    def __init__(self, c: Cluster) -> None:
        self.head, self.loc, self.date = c.head, c.best("loc"), c.best("date")
        self.regional = any(_regional(m) for m in c.members)  # placed in "northwest Pakistan"
        self.speakers = set().union(*(_named_speakers(m.actors) for m in c.members))

    def add(self, m: Mention) -> None:
        if self.head.weak and not m.weak:
            self.head = m
        if m.loc and (self.loc is None or loc_rank(m.loc) > loc_rank(self.loc)):
            self.loc = m.loc
        if m.date and (self.date is None or date_rank(m.date) < date_rank(self.date)):
            self.date = m.date
        self.regional = self.regional or _regional(m)
        self.speakers |= _named_speakers(m.actors)


def _definite(m: Mention) -> bool:
    """"the attack", "this march": a nominal mention that refers back to one already named."""
    return m.cand.nominal and any(c.lower_ in ("the", "this", "that") for c in m.cand.token.children)


def nested_area(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Is one place a first-level area the other lies in ("a sheriff in central Montana" ...
    "a residence in Roundup")? The area's centre says nothing about how far apart they are."""
    for x, y in ((a, b), (b, a)):
        if x.get("feature") == "admin1" and x.get("admin1") and (x.get("country_code"), x.get("admin1")) == \
                (y.get("country_code"), y.get("admin1")):
            return True
    return False


def _in_country(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """One place is the country the other lies in. Used for disasters only: an earthquake
    "in western Afghanistan" is the one "northwest of Herat", while a nation's name beside a
    local shooting mostly belongs to another story."""
    return any(x.get("feature") == "country" and y.get("feature") != "country"
               and x.get("country_code") == y.get("country_code") for x, y in ((a, b), (b, a)))


_COMPASS_BEFORE = re.compile(r"(?i)\b(?:north|south|east|west|central)(?:east|west)?(?:ern)?\s+$")


def _regional(m: Mention) -> bool:
    """"a rally in northwest Pakistan" ... "in the Bajaur district": a country named with a
    compass word stands for a region of it, which any place in the country may be in."""
    if not m.loc or m.loc[0].get("feature") != "country":
        return False
    span = m.loc[0].get("span") or {}
    start = span.get("start")
    return start is not None and bool(_COMPASS_BEFORE.search(doc_text(m.cand.token.doc), max(0, start - 20), start))


def compatible(m: Mention, c: Cluster, summary: _Summary | None = None, alone: bool = True) -> bool:
    """`alone`: no other (strong) event of m's family is named in m's sentence."""
    s = summary or _Summary(c)
    h = s.head
    if m.family != h.family:
        return False
    if m.family not in _MERGE_BY_FAMILY and m.type != h.type:
        return False
    if m.family not in _MERGE_BY_FAMILY and _other_speakers(m, s.speakers):
        return False  # Rwanda's denial is not the rebels' denial
    if (m.mode in ("hypothetical", "background")) != (h.mode in ("hypothetical", "background")):
        return False
    if m.mode == "hypothetical" and m.sent != h.sent:
        return False  # two hypotheticals are only the same when stated together
    loc, date = s.loc, s.date
    definite = _definite(m)
    if m.loc and loc and m.loc[1] >= 2 and loc[1] >= 2:
        a, b = m.loc[0], loc[0]
        if a.get("country_code") and b.get("country_code") and a["country_code"] != b["country_code"]:
            return False
        regional = m.family == "disaster" or s.regional or _regional(m)
        # ("A bomb tore through a market in Nigeria ... The explosion hit the market in
        # Konduga": a definite mention refers back and places the event inside that country;
        # not beside another event, whose place it may have taken: "the attack in retaliation
        # for air strikes in Kunduz")
        # (and the opening sentence, which sums the story up: "Kidnapped aid workers freed in
        # Mali" is the release "near Gao" the lead tells)
        opening = min(m.sent, h.sent) == 0 and m.sent != h.sent
        via_country = not regional and (definite and alone or opening) and _in_country(a, b) and not nested_area(a, b)
        km = None if nested_area(a, b) or (regional or via_country) and _in_country(a, b) else points_km(a, b)
        if km is not None and km > 100:
            return False
        definite = definite and not via_country  # (then its own date must agree)
    if m.date and date and m.date[1] >= 2 and date[1] >= 2 and not definite and not toll_update(m):
        a, b = m.date[0]["value"], date[0]["value"]
        if not (a.startswith(b) or b.startswith(a)):
            return False
    return True


# the role of the one making a statement (who claims, accuses, denies, warns, threatens)
_SPEAKING = frozenset({"claimant", "accuser", "denier", "warner", "threatener", "publisher", "source"})


def _named_speakers(actors: list[Actor]) -> set[str]:
    return {a.canonical.lower() for a in actors if a.role in _SPEAKING and a.canonical}


def _other_speakers(m: Mention, theirs: set[str]) -> bool:
    """Both statements name who made them (`theirs`: the cluster's), and no one made both."""
    mine = _named_speakers(m.actors)
    return bool(mine) and bool(theirs) and not mine & theirs


def _hypothetical(m: Mention) -> bool:
    return m.mode == "hypothetical"


def cluster(mentions: list[Mention]) -> list[Cluster]:
    clusters: list[Cluster] = []
    summaries: list[_Summary] = []
    # Weak triggers ("killed") fold into a stronger violent mention of the same sentence:
    # the earliest cluster holding one, else the first such mention still to come.
    first_strong: dict[tuple[int, str], Mention] = {}
    strong: Counter[tuple[int, str]] = Counter()
    for m in mentions:
        if not m.weak:
            first_strong.setdefault((m.sent, m.family), m)
            strong[(m.sent, m.family)] += 1
    holder: dict[tuple[int, str], int] = {}
    apart = {m.sent for m in mentions if _separate(m)}
    # the verb a strong mention is the subject of -> its cluster ("..., and Turkish airstrikes
    # hit targets": the hitting is the airstrikes'), kept as clusters grow (no rescan per verb)
    doer: dict[int, int] = {}

    def note_doer(i: int, m: Mention) -> None:
        tok = m.cand.token
        if not m.weak and tok.dep_ in ("nsubj", "nsubjpass"):
            doer[tok.head.i] = min(doer.get(tok.head.i, i), i)

    def join(i: int, m: Mention) -> None:
        clusters[i].members.append(m)
        summaries[i].add(m)
        note_doer(i, m)
        if not m.weak:
            holder[(m.sent, m.family)] = min(holder.get((m.sent, m.family), i), i)

    for m in mentions:
        key = (m.sent, m.family)
        # (not across reality: "could be planning attacks ..., days after fighters killed two")
        if m.weak and key in first_strong and _hypothetical(m) == _hypothetical(first_strong[key]):
            if key not in holder:
                # the strong mention comes later in the sentence: hold the weak one until then
                later = first_strong[key]
                later.figures = {**m.figures, **later.figures}
                later.parts = m.parts + later.parts
                later.actors = later.actors + [a for a in m.actors if a not in later.actors]
                # and its date and place: "gathered on 3 May for a rally" dates the rally
                later.date = later.date or m.date
                later.loc = later.loc or m.loc
                continue
            own = doer.get(m.cand.token.i)
            join(holder[key] if own is None else own, m)
            continue
        for i in range(len(clusters) - 1, -1, -1):
            if m.sent in apart and clusters[i].members[0].sent < m.sent:
                continue  # "Separately, ...": another incident
            if compatible(m, clusters[i], summaries[i], alone=strong[key] <= 1):
                join(i, m)
                break
        else:
            clusters.append(Cluster([m]))
            summaries.append(_Summary(clusters[-1]))
            note_doer(len(clusters) - 1, m)
            if not m.weak:
                holder.setdefault(key, len(clusters) - 1)
    return clusters


def _separate(m: Mention) -> bool:
    span = m.cand.span
    head = doc_text(span.doc)[span.start_char:span.start_char + 24].lower()
    return any(head.startswith(w) for w in cue_set("coref", "separate_openers"))


# The headline and lead (the first units: title, standfirst, dateline sentence, first
# paragraph) state what an article is about; an event first named deeper in is a detail or
# background, so an article whose lead names none of our events has no primary event.
LEAD_UNITS = 5


def choose_primary(clusters: list[Cluster]) -> int | None:
    """The main event: the one closest to the main clause of the earliest sentence with an
    event (not hypothetical or background, and negated only when nothing else is), within the
    headline and lead. Violence wins ties in that sentence."""
    best: tuple[int, int, int, int] | None = None
    best_i = None
    for skip in (("hypothetical", "background", "denied"), ("hypothetical", "background")):
        # a negated event ("no clashes were reported") only when the lead has nothing else
        for i, c in enumerate(clusters):
            for m in c.members:
                if m.mode in skip or m.sent >= LEAD_UNITS:
                    continue
                key = (m.sent, m.depth + (2 if m.weak else 0) + (1 if m.cand.nominal and not m.light else 0),
                       0 if m.family == "violence" else 1, m.cand.start)
                if best is None or key < best:
                    best, best_i = key, i
        if best_i is not None:
            break
    return best_i
