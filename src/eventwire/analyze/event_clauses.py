"""Which trigger candidates are events of their own, and how deep their clause sits: small
tests over the parse that the events layer applies before it builds mentions."""

from __future__ import annotations

from typing import Any

from .. import taxonomy
from .event_actors import is_event_noun
from .event_coref import Mention
from .event_lexicon import cue_set, lexicon
from .event_triggers import Cand


def light_object(c: Cand) -> bool:
    return c.nominal and c.token.dep_ == "dobj" and c.token.head.lower_ in cue_set("actors", "light_verbs")


def crowd_control(c: Cand) -> bool:
    """"Police fire tear gas", "fired water cannon and rubber bullets at protesters": firing
    crowd-control munitions is no shooting attack nor a fire; the tear gas is the protest's
    intervention (its own trigger)."""
    if c.token.lower_ not in cue_set("mode", "fire_words") or c.type not in ("attack", "man_made_disaster"):
        return False
    doc = c.token.doc
    after = doc[c.token.i + 1:min(len(doc), c.token.i + 3)]
    return any(t.lower_ in cue_set("mode", "crowd_control") for t in after) \
        and not any(t.lower_ in ("live", "ammunition") for t in after)


def scene_of_violence(c: Cand) -> bool:
    """"a suicide bombing at a political rally", "killed 54 at a rally": the gathering
    is where the violence happened (its victims' setting), not a protest event of its own."""
    tok = c.token
    if c.type != "protest" or not c.nominal or tok.dep_ != "pobj" or tok.head.lower_ not in ("at", "on", "near", "during"):
        return False
    act = tok.head.head
    return (is_event_noun(act) or act.lower_ in cue_set("actors", "toll_verbs")) \
        and act.lower_ not in cue_set("mode", "protest_nouns")


def toll_subject(c: Cand) -> bool:
    """An attack noun whose verb only gives its toll ("Drone strike kills 9", "the blast
    left 12 dead"): the noun is that clause's event, as deep as its verb."""
    return c.nominal and c.token.dep_ in ("nsubj", "nsubjpass") and c.token.head.lower_ in cue_set("actors", "toll_verbs")


def disaster_subject(c: Cand) -> Any | None:
    """"A powerful earthquake and strong aftershocks killed 2,000": a casualty verb whose
    subject (or a conjunct of it) is a disaster noun gives the disaster's toll; the
    disaster's (type, subtype), or None."""
    if c.nominal:
        return None
    verb = c.token
    while verb.dep_ == "conj" and not any(x.dep_ in ("nsubj", "nsubjpass") for x in verb.children):
        verb = verb.head  # "killed 2,000 and injured 9,000": the subject of the first verb
    for s in verb.children:
        if s.dep_ not in ("nsubj", "nsubjpass"):
            continue
        for t in [s] + [x for x in s.subtree if x.dep_ == "conj"]:
            if t.lower_ in cue_set("epidemic", "diseases"):
                return "natural_disaster", None  # "Cholera has killed 30": an epidemic's toll
            for e in lexicon().get(t.lower_, ()):
                if e.pos == "noun" and not e.extra and taxonomy.family(e.type) == "disaster":
                    return e.type, e.subtype
    return None


def turned_violent(c: Cand) -> bool:
    """"Protests turned violent", "a march that turned deadly": the demonstration became a
    riot (ACLED: demonstrators engaging in violence)."""
    if c.type != "protest" or not c.nominal:
        return False
    tok = c.token
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None and tok.dep_ == "pobj" or tok.lower_ in ("that", "which"):
        return False
    rel = next((k for k in tok.children if k.dep_ == "relcl"), None)
    for v in (verb, rel):
        if v is not None and v.lower_ in cue_set("mode", "turn_verbs") and any(
                k.dep_ in ("acomp", "oprd", "xcomp", "attr") and k.lower_ in cue_set("mode", "violent_words")
                for k in v.children):
            return True
    return False


def clashed_with_forces(c: Cand) -> bool:
    """"Residents demonstrated and clashed with police", "protesters clashed with security
    forces during the march": demonstrators fighting the police make their demonstration a riot.
    The clash must be the protest's own: its word, a verb conjoined with it, or a verb whose
    subject is the crowd."""
    if c.type != "protest":
        return False
    tok, crowd = c.token, cue_set("mode", "protester_nouns")
    forces = cue_set("mode", "security_forces")
    for t in tok.sent:
        if t.lower_ not in cue_set("mode", "clash_verbs") or not any(
                p.dep_ == "prep" and p.lower_ == "with" and any(o.dep_ == "pobj" and o.lower_ in forces for o in p.children)
                for p in t.children):
            continue
        subj = next((k for k in t.children if k.dep_ in ("nsubj", "nsubjpass")), None)
        if t.i == tok.i or t.dep_ == "conj" and t.head.i == tok.i or tok.dep_ == "conj" and tok.head.i == t.i \
                or subj is not None and subj.lower_ in crowd:
            return True
    return False


def strike_subject(c: Cand) -> bool:
    """A weak violent verb whose subject is the bare noun "strike(s)" ("a strike killed five",
    "strikes hit the port"): an air or missile strike (a labour strike kills no one)."""
    return not c.nominal and any(k.dep_ == "nsubj" and k.lower_ in ("strike", "strikes") for k in c.token.children)


def absent(c: Cand) -> bool:
    """"without warning", "without firing a shot": an event word under "without" names what
    did not happen."""
    return c.token.dep_ in ("pobj", "pcomp") and c.token.head.lower_ in cue_set("coref", "absent_heads")


def police_raid(m: Mention, cands: list[Cand]) -> bool:
    """A raid by police that detains people in the same sentence is the arrest operation, not
    an attack ("Police raided the party's office and detained 20 activists")."""
    if m.type != "attack" or not m.cand.token.lower_.startswith("raid"):
        return False
    police = cue_set("shooting", "police")
    if not any(a.role == "perpetrator" and set(a.name.lower().split()) & police for a in m.actors) \
            and not any(k.dep_ in ("compound", "nsubj") and k.lower_ in police for k in m.cand.token.children):
        return False  # (a headline's "Police raid ...")
    return any(o.sent == m.sent and o.entry.type == "arrest" for o in cands)


def weapon_found(c: Cand) -> bool:
    """"police found crude bombs", "a landmine was defused": a weapon no one used."""
    tok = c.token
    if not c.nominal or tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb, found = tok.head, cue_set("coref", "weapon_found")
    # ("found and removed a grenade": the object of the second verb is the first one's too)
    return verb.lower_ in found or verb.dep_ == "conj" and verb.head.lower_ in found


def other_scenes(c: Cand, cands: list[Cand]) -> list[tuple[int, int]]:
    """Character ranges of the violent events named inside an arrest's sentence but not above
    its trigger ("arrested three men over a blast that killed four at X market"): X is where
    the blast was, not where the men were held."""
    out = []
    for o in cands:
        if o is c or o.sent != c.sent or taxonomy.family(o.entry.type) != "violence":
            continue
        tok = o.token
        if tok.is_ancestor(c.token) or tok.i == c.token.i:
            continue
        out.append((tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)))
    return out
