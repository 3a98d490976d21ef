"""Actors of an event mention with their roles, from the dependency parse.

Subject/object/agent ("by")/prepositions ("on", "against", "for") give the roles; a relative
pronoun is replaced by the noun it refers to ("the organization that claimed" -> the
organization -> its apposed name "ISIS-K"); names come from record.entities (canonical, kind),
then from place mentions used as actors, then from spaCy's own entities, then the noun phrase.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Any

from ..model import Actor, Record, Span
from ..nlp import doc_text
from .event_lexicon import cue_set, lexicon
from .event_triggers import Cand, crosses

# Roles by type for (active subject, active object/passive subject).
ROLES: dict[str, tuple[str, str | None]] = {
    "attack": ("perpetrator", "victim"),
    "battle": ("perpetrator", "target"),
    "shooting": ("perpetrator", "victim"),
    "riot": ("perpetrator", "target"),
    "protest": ("protester", "target"),
    "arrest": ("arresting", "arrested"),
    "claim_responsibility": ("claimant", None),
    "accusation": ("accuser", "accused"),
    "denial": ("denier", None),
    "warning": ("warner", "warned"),
    "threat": ("threatener", "threatened"),
    "media_release": ("publisher", None),
    "diplomatic": ("source", "target"),
    "strategic_development": ("actor", "target"),
    "organised_crime": ("perpetrator", "victim"),
}
_PERSONISH = {"PERSON", "NORP"}


class Names:
    """Looks up the name behind a token: entity, actor place, spaCy entity, or noun phrase."""

    def __init__(self, record: Record) -> None:
        self.text = record.article.text
        items: list[tuple[int, int, str, str | None, str | None]] = []
        for e in record.entities:
            items.append((e.start, e.end, e.text, e.canonical, e.kind))
        for p in record.places:
            items.append((p.start, p.end, p.text, p.name, p.feature))
        # the place that starts at a character: (name, feature)
        self.places = {p.start: (p.name, p.feature) for p in record.places}
        items.sort(key=lambda i: (i[0], i[1]))
        self.items = items
        self.starts = [i[0] for i in items]
        # the furthest end among items[:i+1]: the backward scan in `at` stops where no
        # earlier item can reach the token (else every miss rescans the whole article)
        self.reach = list(accumulate((i[1] for i in items), max))
        self.ents: list[Any] | None = None  # the Doc's entities and their token starts, on first use
        self.ent_starts: list[int] = []

    def at(self, tok: Any) -> tuple[int, int, str, str | None, str | None] | None:
        i = bisect_right(self.starts, tok.idx) - 1
        while i >= 0 and self.reach[i] > tok.idx:
            s, e, *_ = self.items[i]
            if s <= tok.idx < e:
                return self.items[i]
            i -= 1
        if tok.ent_type_ and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"):
            if self.ents is None:
                self.ents = list(tok.doc.ents)
                self.ent_starts = [e.start for e in self.ents]
            j = bisect_right(self.ent_starts, tok.i) - 1
            if j >= 0 and self.ents[j].start <= tok.i < self.ents[j].end:
                ent = self.ents[j]
                return (ent.start_char, ent.end_char, ent.text, None, None)
        return None

    def actor(self, tok: Any, role: str) -> Actor | None:
        relative = tok.lower_ in cue_set("actors", "relative_pronouns")
        tok = resolve(tok)
        if tok is None:
            return None
        if relative and (is_event_noun(tok) or tok.lower_ in cue_set("actors", "place_nouns")
                         or tok.dep_ == "pobj" and is_event_noun(tok.head.head)):
            return None  # "the bombing that killed 54", "a bombing at a rally that killed 54"
        hit = self.at(tok)
        if hit:
            s, e, text, canonical, kind = hit
            return Actor(name=text, role=role, canonical=canonical, kind=kind, span=Span(text, s, e))
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in cue_set("actors", "pronouns"):
            return None
        left = min([tok.i] + [c.left_edge.i for c in tok.children
                              if c.dep_ in ("det", "amod", "compound", "nummod", "poss") and c.i < tok.i])
        s, e = tok.doc[left].idx, tok.idx + len(tok.text)
        text = self.text[s:e]
        return Actor(name=text, role=role, canonical=None, kind=None, span=Span(text, s, e))


_WORDLIKE = re.compile(r"[^\W\d_]{2,}")


def plausible_name(name: str) -> bool:
    """An actor is named by words: not a stray symbol or letter of a header or URL line
    ("_", "N"), nor a span that runs across a line break ("11 PM\nChargers")."""
    return "\n" not in name and _WORDLIKE.search(name) is not None


def resolve(tok: Any) -> Any | None:
    """Relative pronoun -> antecedent noun; a common noun apposed to a name -> the name."""
    if tok.lower_ in cue_set("actors", "relative_pronouns") and tok.head.dep_ == "relcl":
        tok = tok.head.head
    if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.pos_ == "PROPN":
        tok = tok.head
    elif tok.pos_ == "NOUN":
        name = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if name is not None:
            tok = name
    if tok.lower_ in cue_set("actors", "pronouns") and not _named(tok):
        return None
    return tok


def _named(tok: Any) -> bool:
    """"US" is a country's name, "us" a pronoun: a place or group entity is never a pronoun."""
    return tok.ent_type_ in ("GPE", "ORG", "NORP") and tok.text.isupper()


def is_event_noun(t: Any) -> bool:
    """'A bomb exploded', 'condemned the bombing', 'a drone strike killed': an event word (with
    the words its lexicon entry needs among its children) is not an actor."""
    if not (t.tag_ or "").startswith("NN"):
        return False
    entries = [e for e in lexicon().get(t.lower_, ()) if e.pos == "noun"]
    if not entries:
        return False
    kids = {c.lower_ for c in t.children}
    return any(all(w in kids for w in e.extra) for e in entries)


_DASHES = ("-", "–", "—", "--")


def _dateline(tok: Any) -> bool:
    """A dateline the parser took for a subject ("PESHAWAR, Pakistan (Reuters) - IS claimed"):
    the phrase ends in a dash before the clause's real subject."""
    if tok.right_edge.text in _DASHES and tok.right_edge.i > tok.i:
        return True
    # "ISLAMABAD, March 3 (Reuters) - Pakistani forces exchanged fire": the verb has a second
    # subject after the dash, and the one before it is the dateline
    verb = tok.head
    dash = next((t for t in tok.doc[tok.i + 1:verb.i] if t.text in _DASHES), None)
    return dash is not None and any(c.dep_ == "nsubj" and dash.i < c.i < verb.i for c in verb.children)


_STATEMENTS = frozenset({"denial", "claim_responsibility", "accusation", "warning", "threat"})


def _antecedent(pron: Any) -> Any | None:
    """The subject of the sentence before, when it is a name or a noun ("The Israeli military
    said it had struck 130 targets. It denied ..."): who "it"/"they" most often is in a report."""
    sent = pron.sent
    if sent.start == 0:
        return None
    prev = pron.doc[sent.start - 1].sent
    subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or "\n" in doc_text(pron.doc)[prev.end_char:sent.start_char].strip(" "):
        return None
    return subj


def _undergoer(t: Any) -> bool:
    """A doer noun in an undergoer's place: "killed at least 15 militants", "militants were
    killed", "strikes on militants" (the named militants are the victims there)."""
    while t.dep_ == "conj":
        t = t.head
    return t.dep_ in ("dobj", "nsubjpass") or t.dep_ == "pobj" and t.head.lower_ in ("on", "against", "at")


_HIT_VERBS = frozenset({"shot", "stabbed", "killed", "wounded", "injured", "hurt", "slain", "gunned", "hit",
                        # "Man arrested after stabbing": the headline's bare noun is the one held
                        "arrested", "detained", "kidnapped", "abducted", "jailed", "charged"})


def _headline_passive(verb: Any, subj: Any) -> bool:
    """"Four teens shot outside school": a headline drops "were", and the parser reads the
    counted people as the shooters. A counted victim noun before a bare hit verb with no
    object and no auxiliary, or carrying one as a reduced relative, is its undergoer."""
    reduced = any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lower_ in _HIT_VERBS for c in subj.children)
    if not reduced and (verb.lower_ not in _HIT_VERBS
                        or any(c.dep_ in ("dobj", "aux", "auxpass", "agent") for c in verb.children)):
        return False  # ("Three men killed in Dayton shooting": a reduced relative on the subject)
    if subj.tag_ == "CD":
        return True  # "Man killed, two hurt"
    victims = cue_set("actors", "victim_nouns")
    person = subj.lower_ in victims or subj.lower_.removesuffix("s") in victims or subj.lower_ in ("men", "women")
    counted = any(c.dep_ == "nummod" for c in subj.children)
    # a bare singular noun ("Man killed", "Teen shot near park") is headline style too
    # (a title-case headline tags "Man" NNP: still bare when it is no name)
    bare = (subj.tag_ == "NN" or subj.tag_ == "NNP" and not subj.ent_type_) \
        and not any(c.dep_ in ("det", "poss") for c in subj.children)
    return person and (counted or bare)


def bare_passive(verb: Any) -> bool:
    """"Militia accused of massacre", "Police blamed for deaths": no object, an "of"/"for"
    phrase: a headline passive whose subject is the accused."""
    return verb.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("dobj", "ccomp", "agent") for c in verb.children) \
        and any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in verb.children)


def _hyphen_modifier(t: Any) -> bool:
    """"a rebel-held town", "militant-controlled areas": the noun only describes the place."""
    doc = t.doc
    return t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_ and not doc[t.i + 1].whitespace_


def _weapon(t: Any) -> bool:
    """A weapon, or a count of them ("dozens of rockets"): no actor of the event."""
    weapons = cue_set("actors", "weapon_nouns")
    if t.lower_ in weapons:
        return True
    return t.pos_ in ("NUM", "NOUN") and any(
        p.lower_ == "of" and any(o.dep_ == "pobj" and o.lower_ in weapons for o in p.children)
        for p in t.children if p.dep_ == "prep")


def _with_conj(tok: Any) -> list[Any]:
    return [tok] + [c for c in tok.children if c.dep_ == "conj"]


def _pobj(tok: Any, preps: tuple[str, ...]) -> list[Any]:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _object_role(tok: Any, victim_role: str | None, names: Names) -> str | None:
    """Victim for people, target for places and things (attacks only distinguish them)."""
    if victim_role != "victim":
        return victim_role
    hit = names.at(tok)
    if hit and (hit[4] in ("person", None) and tok.ent_type_ in _PERSONISH or hit[4] == "person"):
        return "victim"
    if tok.lower_ in cue_set("actors", "victim_nouns") or tok.ent_type_ in _PERSONISH:
        return "victim"
    if tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in tok.children):
        return "victim"  # "two farmers", "11 people": people are counted, places are not
    return "target"


def actors_of(cand: Cand, names: Names) -> list[Actor]:
    tok = cand.token
    subj_role, obj_role = ROLES.get(cand.type, ("actor", "target"))
    found: list[tuple[Any, str]] = []
    verb = tok
    if cand.nominal:
        # the noun's own modifiers, and a nationality on its compound ("a [Russian drone] strike")
        mods = list(tok.children) + [g for c in tok.children if c.dep_ == "compound" for g in c.children
                                     if g.dep_ in ("amod", "compound") and g.i < c.i]
        for c in mods:
            labels = ("ORG", "NORP", "PERSON") if subj_role == "perpetrator" else ("ORG", "NORP", "GPE", "PERSON")
            # "Hamas's attack", "an ISIS bombing"; and a nationality: "a Russian drone strike"
            if c.dep_ in ("poss", "compound") and c.ent_type_ in labels \
                    or c.dep_ == "amod" and c.ent_type_ == "NORP" and subj_role == "perpetrator" \
                    or subj_role == "perpetrator" and _state_striker(c, cand, names):
                found.append((c, subj_role))
        found += [(p, subj_role) for p in _pobj(tok, ("by",))]
        for p in _pobj(tok, ("on", "against", "of")):
            if cand.type in ("arrest",) or p.lower_ not in ("responsibility",):
                found.append((p, _object_role(p, obj_role, names)))
        # "the perpetrators of the attack", "the gunmen behind the attack"
        if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "behind", "in") \
                and tok.head.head.lower_ in cue_set("actors", "perpetrator_nouns") and subj_role == "perpetrator":
            found.append((tok.head.head, subj_role))
        # "the US warning", "Putin's accusations": the verb of the clause may hold the subject
        if tok.dep_ in ("dobj",) and tok.head.lower_ in cue_set("actors", "light_verbs"):
            verb = tok.head
    if not cand.nominal or verb.i != tok.i:
        for c in verb.children:
            if c.dep_ in ("nsubj",) and not _dateline(c):
                if _headline_passive(verb, c) or cand.type == "accusation" and bare_passive(verb):
                    found += [(x, _object_role(x, obj_role, names)) for x in _with_conj(c)]
                    continue
                if c.lower_ in ("it", "they") and cand.type in _STATEMENTS:
                    c = _antecedent(c) or c  # "The Israeli military said ... It denied ..."
                found += [(x, subj_role) for x in _with_conj(c)]
            elif c.dep_ == "nsubjpass":
                found += [(x, _object_role(x, obj_role, names)) for x in _with_conj(c)]
            elif c.dep_ == "dobj" and c.i != tok.i and c not in cand.words:
                found += [(x, _object_role(x, obj_role, names)) for x in _with_conj(c)]
            elif c.dep_ == "agent":
                found += [(g, subj_role) for g in c.children if g.dep_ == "pobj"]
        if cand.type == "accusation":
            found += [(p, "accused") for p in _pobj(verb, ("on",))]
        found += [(p, _object_role(p, obj_role, names)) for p in _pobj(verb, ("on", "against"))
                  if cand.type in ("attack", "battle", "riot", "shooting")]
    if subj_role == "perpetrator":
        perps = cue_set("actors", "perpetrator_nouns")
        for t in cand.span:
            if t.lower_ in perps and (t.tag_ or "").startswith("NN") and t.dep_ not in ("compound", "amod") \
                    and not _undergoer(t) and not _hyphen_modifier(t):
                found.append((t, subj_role))
    if subj_role == "perpetrator":
        found = [(x, r) for t, r in found for x in _doers(t, r, cand, names)]
    actors: list[Actor] = []
    seen: set[tuple[str, str]] = set()
    for t, role in found:
        if role is None or crosses(t, tok) or t.ent_type_ in ("DATE", "TIME"):
            continue
        if t.lower_ in cue_set("actors", "place_nouns") or is_event_noun(t) or _weapon(t):
            continue  # ("detonated his explosives", "a stray bullet struck": a weapon is no actor)
        a = names.actor(t, role)
        if a is None or a.span is None or not plausible_name(a.name):
            continue
        if a.span.start <= cand.start < a.span.end:
            continue  # the trigger itself ("protesters" as a protest trigger)
        key = ((a.canonical or a.name).lower(), role)
        if key not in seen:
            seen.add(key)
            actors.append(a)
    return actors


_REMOTE = frozenset({"air_drone_strike", "shelling_artillery_missile_attack"})


def _state_striker(c: Any, cand: Cand, names: Names, remote: bool = False) -> bool:
    """"a US drone strike ... in Somalia": a country's name on a strike or shelling is the
    state that fired when the sentence places the event in another country (alone, as in
    "Syria airstrikes", it is where)."""
    if c.dep_ != "compound" or c.ent_type_ != "GPE" or not remote and cand.entry.subtype not in _REMOTE:
        return False
    own = names.places.get(c.idx)
    if own is None or own[1] != "country":
        return False
    for t in cand.span:
        other = names.places.get(t.idx) if t.ent_type_ in ("GPE", "LOC") and t.dep_ != "compound" else None
        if other and other[0] != own[0] and other[1] in ("country", "city", "admin1", "admin2"):
            return True
    return False


def _doers(t: Any, role: str, cand: Cand, names: Names) -> list[Any]:
    """An event word in the doer's place ("An Israeli strike killed five", "Russian shelling
    hit ...") stands for whoever carried it out: its nationality or group modifier."""
    deed = t.lower_ in cue_set("anaphora", "event_nouns") or is_event_noun(t) and any(
        e.type in ("attack", "battle", "shooting") for e in lexicon().get(t.lower_, ()) if e.pos == "noun")
    if role != "perpetrator" or not deed:
        return [t]  # ("Thai protesters clash with police": the protesters are the doers)
    return [c for c in t.children if c.dep_ == "amod" and c.ent_type_ == "NORP"
            or c.dep_ in ("compound", "poss") and c.ent_type_ in ("NORP", "ORG")
            or _state_striker(c, cand, names, _remote_noun(t))]


def _remote_noun(t: Any) -> bool:
    return any(e.subtype in _REMOTE for e in lexicon().get(t.lower_, ()) if e.pos == "noun") \
        or t.lower_ in ("strike", "strikes")


def named_within(short: str, long: str) -> bool:
    """"Maiga" and "former prime minister" within "former prime minister Soumeylou Boubeye
    Maiga": one actor named twice, the fuller name kept."""
    a, b = short.lower(), long.lower()
    return a != b and re.search(rf"(?<!\w){re.escape(a)}(?!\w)", b) is not None
