"""Link an event mention to its place and date (with evidence spans and a strength).

Place: a resolved place of role "location" tied to the trigger in the parse, else the finest
one in the same sentence, else (for events that happen somewhere) the dateline, then the
article's dominant location. A country stays a country: no capital is invented.
Date: a time expression attached to the trigger in the parse, else one in the same sentence,
else the nearest preceding one in the same paragraph; never the publication date.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..model import Place, Record, Time
from ..nlp import dep_labels, doc_text, heads
from ..spans import ByStart
from .event_city import city_of, city_pool, country_location, has_police, home_city
from .event_date_cues import (
    CLOCK,
    date_words,
    fronted,
    header_times,
    on_follow_up_verb,
    same_time_clause,
    says_when,
    token_at,
    verb_of,
    via_participant_event,
)
from .event_lexicon import cue_set
from .event_scene import (
    elsewhere,
    institution,
    junk,
    landmark,
    landmark_at,
    named_places,
    of_landmark,
    qualified,
    residence,
    taken_to,
)
from .place_roles import POLICE

__all__ = ["city_of", "city_pool", "country_location", "elsewhere", "has_police", "home_city", "junk", "landmark", "landmark_at",
           "named_places", "of_landmark"]
from .event_triggers import break_between

FEATURE_RANK = {"venue": 5, "point": 5, "address": 5, "neighbourhood": 4, "city": 4, "admin2": 3,
                "county": 3, "admin1": 2, "country": 1, "region": 0}
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_ISO_WEEK = re.compile(r"^\d{4}-W\d{2}")


def place_dict(p: Place, precision: str | None = None) -> dict[str, Any]:
    return {
        "name": p.name, "geonames_id": p.geonames_id, "lat": p.lat, "lon": p.lon,
        "country_code": p.country_code, "admin1": p.admin1, "feature": p.feature,
        "precision": precision or p.precision or p.feature,
        "span": {"text": p.text, "start": p.start, "end": p.end},
    }


def rank(p: Place) -> int:
    return FEATURE_RANK.get(p.feature or "", 1)


def location_places(record: Record) -> list[Place]:
    """Resolved places with role "location", less strays: a small place resolved abroad while
    the article's other places agree on one country is mostly a namesake the gazetteer knew
    only abroad ("People's Park in Annapolis (Maryland)", "Deer Lake in Killingworth").
    Places in the headline's outlet name and words that are no place names are left out."""
    out = [p for p in named_places(record) if p.role == "location" and (p.country_code or p.lat is not None)]
    votes: Counter = Counter(p.country_code for p in out if p.country_code and p.feature not in ("venue", "country"))
    if not votes:
        return out
    (cc, top), = votes.most_common(1)
    names = {p.name for p in out if p.country_code == cc and p.feature not in ("venue", "country")}
    if top < 2 or top < 2 * (sum(votes.values()) - top) or len(names) < 2:
        return out  # one name said twice ("Santa Cruz" read as Bolivia's) is no majority
    text = record.article.text
    named = [q for q in record.places if q.feature == "country" and q.country_code]
    return [p for p in out if not _stray(p, cc) or qualified(p, named, text)]



def scene(places: list[Place], text: str) -> list[Place]:
    """Places that can be where something happened: not a person's home town ("a Benton
    Harbor man"), not the hospital, jail or court of a later step or its town, and not a town
    the scene lies some miles from ("20 miles east of Cincinnati")."""
    return [p for p in places if not residence(p, text) and not elsewhere(p, text) and not landmark(p, text)
            and not of_landmark(p, text)]


def _stray(p: Place, cc: str) -> bool:
    if not p.country_code or p.country_code == cc:
        return False
    return p.feature in ("venue", "neighbourhood", None) or p.feature == "city" and (p.population or 0) < 100_000


# Dependencies through which a place modifies an event ("attack on a hall in X", "X attack").
_PLACE_PATH = {"compound", "pobj", "prep", "appos", "conj", "npadvmod", "nmod", "amod", "poss", "advmod"}


def _ancestor_dist(tok: Any, targets: set[int], limit: int = 6, deps: set[str] | None = None) -> int | None:
    doc = tok.doc
    head, idx = heads(doc)  # index arithmetic: this runs for every place and time of a doc
    labels = dep_labels(doc) if deps is not None else None
    i, d = tok.i, 0
    while d <= limit:
        if i in targets:
            return d
        if labels is not None and labels[i] not in deps:  # type: ignore[operator]
            return None
        if labels is not None and d and labels[i] == "conj" and doc[i].pos_ == "VERB" and i not in targets \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[i].children):
            return None  # "X killed a man in A, and Y hit targets in B": B is the second clause's
        h = head[i]
        if h == i or break_between(doc, idx[i], idx[h]):
            return None
        i, d = h, d + 1
    return None


def linked_place(doc: Any, places: list[Place], trigger_ids: set[int], sent: Any,
                 exclude: list[tuple[int, int]], casualties: bool = False,
                 dateline_at: int = -1) -> tuple[Place, int] | None:
    """(place, strength): 3 = attached to the trigger in the parse, 2 = same sentence, 1 = a
    person's home town in the sentence ("a Benton Harbor man was shot") or a landmark town
    ("in Amelia, about 20 miles east of Cincinnati"), which is the place only when nothing
    else is. `casualties`: an event with victims (an attack, a disaster), whose
    reports name the hospitals and jails of later steps; a protest at a court happened there."""
    best: tuple[int, int, int, int, Place] | None = None
    finer: tuple[int, int, int, int, Place] | None = None
    near: Place | None = None
    text = doc_text(doc)
    for p in places:
        if not (sent.start_char <= p.start < sent.end_char):
            continue
        if any(s <= p.start < e for s, e in exclude):
            continue  # the place is an actor of this event ("blames Ukraine")
        tok = token_at(doc, p.start)
        dist = _ancestor_dist(tok, trigger_ids, 6, _PLACE_PATH) if tok is not None else None
        strength = 3 if dist is not None else 2
        if casualties and elsewhere(p, text) and not (institution(p) and strength == 3 and not taken_to(p, text)):
            continue  # "taken to X Hospital in Y": only "a shooting at X Hospital" happened there
        if landmark(p, text):
            strength = 1
            near = near or p
        elif residence(p, text) or of_landmark(p, text):
            strength = 1
        # the dateline opens the first sentence but is not its evidence ("INDIANAPOLIS, Ind. —
        # Police in Kokomo are investigating a shooting"): another town of the sentence wins
        # and a town named as a force ("San Diego sheriff's detectives investigated a shooting
        # at a range in Poway") is the agency's name: another town of the sentence wins the tie
        force = POLICE.match(text, p.end) is not None
        key = (strength, rank(p) - (strength == 2 and p.start == dateline_at), -force, -(dist or 0))
        if best is None or key > best[:4]:
            best = (*key, p)
        if rank(p) >= 2 and (finer is None or key > finer[:4]):
            finer = (*key, p)
    if best is not None and best[4].feature == "country" and finer is not None:
        # "rallied in Bratislava against the war in Ukraine": a country reached through the
        # event's topic is what it is about; the town named in the same sentence is where
        best = finer
    if best is not None and near is not None and rank(best[4]) <= 2:
        # "20 km north of Yombio near the Mbomou river": a town the scene is near is finer
        # than the province or country the sentence also names
        return near, 1
    return (best[4], best[0]) if best else None


_DATELINE_TAIL = re.compile(r"^(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?\s*(?:\([^)]{1,40}\)\s*)?(—|–|--|-|\(|:)")


def dateline(record: Record, places: list[Place]) -> Place | None:
    """The dateline place near the start: "GARY, Ind. —", "RENO, Nev. (KOLO) -", "CHICAGO (AP) —"."""
    text = record.article.text
    for p in places:
        if p.start > 400:
            break
        if rank(p) < 2:
            continue
        tail = text[p.end:p.end + 60]
        if (p.text.isupper() and len(p.text) >= 3) or _DATELINE_TAIL.match(tail):
            return p
    return None


def dominant(places: list[Place]) -> Place | None:
    """The most mentioned place, finer features and earlier mentions winning ties (a town over a
    county, a county over its state: "a Georgia boy ... Madison County deputies said")."""
    if not places:
        return None
    counts = Counter(p.name for p in places)
    first: dict[str, Place] = {}
    for p in places:
        first.setdefault(p.name, p)
    return max(first.values(), key=lambda p: (counts[p.name] + 0.5 * (rank(p) >= 4) + 0.25 * (rank(p) == 3), -p.start))


def date_dict(t: Time) -> dict[str, Any] | None:
    value = t.value or ""
    if t.type not in ("DATE", "TIME"):
        return None
    if re.fullmatch(r"\d{4}", t.text.strip()):
        return None  # a bare number like "2000" is more often a block number than the event's year
    if _ANAPHORIC_DAY.fullmatch(t.text.strip()):
        return None  # "earlier in the day Saturday": "the day" points at another date, not at the report's
    if _ANAPHORIC_SHIFT.search(t.text):
        return None  # "20 minutes later": later than a time the story told, not than the report
    m = _ISO.match(value)
    if _ISO_WEEK.match(value):
        out, precision = value[:8], "week"
    elif m:
        y, mo, d = m.groups()
        out = "-".join(x for x in (y, mo, d) if x)
        precision = "day" if d else ("month" if mo else "year")
        if t.precision in ("week", "decade", "season", "quarter"):
            precision = t.precision
    else:
        return None
    return {"value": out, "precision": precision, "span": {"text": t.text, "start": t.start, "end": t.end}}


_ANAPHORIC_DAY = re.compile(r"(?i)(?:the|that|the same)\s+day")
_ANAPHORIC_SHIFT = re.compile(r"(?i)\b(?:seconds?|minutes?|hours?)\s+(?:later|after)\s*$")
_DAYISH = re.compile(r"(?i)\b(mon|tue|wed|thu|fri|sat|sun)|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
                     r"today|yesterday|tonight|night|morning|afternoon|evening|\d{1,2}/\d{1,2}|\d{4}|ago|week|month")


def clock_only(t: Time) -> bool:
    """"at noon", "8:30 p.m.": a time of day says nothing about which day."""
    return t.type == "TIME" and clock_only_text(t.text)


def clock_only_text(text: str) -> bool:
    """Is this time text only a clock time (no day, weekday, month or date in it)?"""
    return not _DAYISH.search(text)


class _TimeIndex:
    """A doc's times by position, with their date dicts: every event mention asks for the
    times of its own sentence, which on a long text must not mean a scan of all of them."""

    def __init__(self, times: list[Time]) -> None:
        self.by_start = ByStart(times)
        self.dates = [date_dict(t) for t in times]  # read-only: callers get fresh dicts
        self._late: dict[str, set[int]] = {}

    def late(self, published: str | None) -> set[int]:
        """Times after the publication day: a reported event cannot happen after the report,
        so such a value is a mis-resolved weekday. (A dateline's or an "Updated:" line's date
        stamps the report, not any event: header_times, added by the caller.)"""
        if not published:
            return set()
        day = published[:10]
        if day not in self._late:
            self._late[day] = {i for i, d in enumerate(self.dates)
                               if d is not None and re.match(r"\d{4}-\d{2}", d["value"]) and d["value"][:10] > day}
        return self._late[day]


def _time_index(doc: Any, times: list[Time]) -> _TimeIndex:
    key = ("eventwire.time_index", id(times), len(times))
    cached = doc.user_data.get(key)
    if cached is None:
        cached = doc.user_data[key] = _TimeIndex(times)
    return cached  # type: ignore[no-any-return]


def linked_date(doc: Any, times: list[Time], trigger_ids: set[int], sent: Any,
                claimed: set[int], para: tuple[int, int], published: str | None = None,
                future_ok: bool = False) -> tuple[dict[str, Any], int] | None:
    """(date, strength): 3 attached in the parse, 2 same sentence (unclaimed), 1 earlier in the paragraph."""
    index = _time_index(doc, times)
    late = index.late(published if not future_ok else None) | header_times(doc, times)
    same: list[tuple[int, Time]] = []
    best: tuple[int, Time] | None = None
    for i in index.by_start.positions(sent.start_char, sent.end_char):
        t = times[i]
        if i not in late and index.dates[i]:
            tok = token_at(doc, t.start)
            dist = _ancestor_dist(tok, trigger_ids, 8) if tok is not None else None
            if dist is not None and via_participant_event(tok, trigger_ids):
                dist = None  # "aid workers kidnapped in May were freed": May is the kidnapping's
            if dist is not None and (best is None or dist < best[0]):
                best = (dist + 10 * clock_only(t), t)
            same.append((i, t))
    # "On 25 June 2022, people gathered to rally ... following the 24 June ruling": a date that
    # opens the sentence frames all its clauses; it beats one reached only through other words
    # and is free for every event of the sentence, even when another trigger holds it
    frame = next((t for _i, t in same if _frames(doc, t, trigger_ids)), None)
    if best is not None:
        if frame is not None and best[1] is not frame and best[0] >= 3 and not _own_clause(doc, best[1], trigger_ids, frame):
            return date_dict(frame), 3  # type: ignore[return-value]
        return date_dict(best[1]), (1 if clock_only(best[1]) else 3)  # type: ignore[return-value]
    for i, t in same:
        if (i not in claimed or t is frame) and not clock_only(t) and not _report_date(doc, t, trigger_ids) \
                and not on_follow_up_verb(doc, t, trigger_ids):
            return date_dict(t), 2  # type: ignore[return-value]
    before = [times[i] for i in index.by_start.positions(para[0], sent.start_char)
              if i not in late and index.dates[i] and not clock_only(times[i])]
    if before:
        return date_dict(before[-1]), 1  # type: ignore[return-value]
    return None



def _own_clause(doc: Any, t: Time, trigger_ids: set[int], frame: Time) -> bool:
    """Is the time inside the event's own relative clause ("a girl who was shot and killed
    while in a parked car on January 13th")? That clause's date is the event's, whatever
    date opens the sentence."""
    tok = token_at(doc, t.start)
    for i in trigger_ids:
        cur = doc[i]
        for _ in range(6):
            if cur.dep_ in ("relcl", "acl"):  # a clause on a participant, not a purpose ("to rally")
                if frame.start <= cur.head.idx < frame.end:
                    break  # the parser hung the main clause on the opening date itself
                if tok is not None and cur.left_edge.i <= tok.i <= cur.right_edge.i:
                    return True
                break
            if cur.head.i == cur.i:
                break
            cur = cur.head
    return False


def _frames(doc: Any, t: Time, trigger_ids: set[int]) -> bool:
    tok = token_at(doc, t.start)
    return tok is not None and fronted(tok) and not clock_only(t) and not _report_date(doc, t, trigger_ids) \
        and not on_follow_up_verb(doc, t, trigger_ids)


def attached(doc: Any, t: Time, trigger_ids: set[int]) -> bool:
    """Is the time attached in the parse to one of these trigger tokens?"""
    tok = token_at(doc, t.start)
    return tok is not None and _ancestor_dist(tok, trigger_ids, 8) is not None


_CLAUSE_DEPS = {"relcl", "acl", "ccomp", "advcl", "csubj", "parataxis"}


def _report_date(doc: Any, t: Time, trigger_ids: set[int]) -> bool:
    """A time on a clause above the event dates that clause, not the event: a report ("Police
    confirmed Tuesday that the girl, shot on Sunday, died") or a later step ("the man shot by
    police pleaded not guilty Tuesday"). It dates the event when the event is that verb's own
    action ("held a protest on 8 June", "thwarted and clashed"), or when it opens the sentence
    ("On 8 June 2022, ...": a frame for all its clauses) and the verb is not one of saying."""
    tok = token_at(doc, t.start)
    if tok is None:
        return False
    verb = verb_of(tok)
    if verb.i in trigger_ids or verb.pos_ not in ("VERB", "AUX") or verb.lower_ in date_words()["response"]:
        return False  # "police responded at 11 p.m. Thursday to a call of shots fired": its time
    inside = [doc[i] for i in trigger_ids if verb.is_ancestor(doc[i])]
    if not inside:
        return False
    if verb.lower_ in cue_set("link", "report_verbs"):
        if fronted(tok) and any(doc[i].dep_ == "conj" and doc[i].head.i == verb.i for i in trigger_ids):
            return False  # "On 15 March, forces investigated a house and arrested a man": one frame
        if fronted(tok) and CLOCK.search(doc_text(doc)[tok.sent.start_char:verb.idx]):
            return False  # "Saturday night, after 10:30 p.m., police said someone opened fire": a statement has no minute
        return says_when(verb, tok)
    follow_up = verb.lower_ in date_words()["follow_up"]
    if fronted(tok):
        return follow_up  # a fronted date frames the whole sentence, unless it dates a later step
    for trig in inside:
        cur = trig
        while cur.i != verb.i and cur.head.i != cur.i:
            if cur.dep_ in _CLAUSE_DEPS:
                if cur.head.i == verb.i and not follow_up and same_time_clause(cur):
                    break  # "responded Monday after a teen was shot": one time for both
                return True  # the event has a clause (and a time) of its own
            cur = cur.head
    return follow_up


def claimed_times(doc: Any, times: list[Time], trigger_sets: list[set[int]]) -> set[int]:
    """Indices of times attached in the parse to some trigger (not free for others)."""
    out = set()
    every = set().union(*trigger_sets)  # one walk up from each time reaches any of them
    for i, t in enumerate(times):
        tok = token_at(doc, t.start)
        if tok is None:
            continue
        if _ancestor_dist(tok, every, 8) is not None:
            out.add(i)
    return out


def paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)
