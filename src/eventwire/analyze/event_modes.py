"""Mode of an event mention from the parse: asserted, claimed, alleged, denied, hypothetical,
background.

- hypothetical: under a modal ("ISIS could stage an attack"), an irrealis modifier ("an
  imminent attack") or a head noun/verb of risk or prevention ("the danger of an attack").
- background: past perfect with an earlier-time cue ("Two weeks ago, X had warned ..."), or
  a plural event noun of a class of events ("many attacks", "similar bombings").
- denied: negated ("did not attack") or the object of a denial ("denied carrying out the attack").
- alleged: "alleged", "reportedly", "suspected" on the trigger or its clause.
- claimed: the content of a claim ("the group claimed it had attacked ...").
"""

from __future__ import annotations

from typing import Any

from .event_lexicon import cue_set
from .event_triggers import crosses

_DENY = {"deny", "denied", "denies", "denying", "reject", "rejected", "rejects", "refute", "refuted"}
_CLAIM = {"claim", "claimed", "claims", "allege", "alleged", "alleges"}
_CLAUSE_DEPS = ("prep", "pobj", "dobj", "xcomp", "ccomp", "acl", "advcl", "attr", "compound", "amod", "nsubj", "nsubjpass", "relcl", "conj", "pcomp", "appos")


# subordinators of a past-tense clause that states a fact, whatever the main clause's mood
_FACT_MARKS = frozenset({"after", "since", "because", "as", "when", "while", "once"})


def _governors(tok: Any, steps: int = 4) -> list[Any]:
    """The trigger and the tokens above it within its clause, nearest first."""
    out = [tok]
    cur = tok
    for _ in range(steps):
        if cur.head.i == cur.i or cur.dep_ not in _CLAUSE_DEPS or crosses(cur, cur.head):
            break
        if cur.dep_ == "advcl" and cur.tag_ == "VBD" and any(
                c.dep_ == "mark" and c.lower_ in _FACT_MARKS for c in cur.children):
            break  # "could be planning attacks, days after fighters killed two": that happened
        if cur.dep_ == "ccomp" and cur.head.i > cur.i:
            # a complement clause before its verb is a fronted report ("30 people gathered
            # ..., which would overturn ..." as a small parser reads it): the later verb's
            # modal does not scope over what the clause reports
            break
        cur = cur.head
        out.append(cur)
    return out


def _verb_of(tok: Any) -> Any:
    """The verb a nominal trigger hangs on (or the trigger itself when it is a verb)."""
    cur = tok
    for _ in range(4):
        if (cur.tag_ or "").startswith("VB") or cur.head.i == cur.i or crosses(cur, cur.head):
            return cur
        cur = cur.head
    return cur


def _month(tok: Any) -> bool:
    """A "May" the parser took for a modal but that is the month ("missing since 7 May
    blocked the road"): a date entity, or capitalised inside a sentence (the modal is only
    capitalised as a sentence's first word)."""
    if tok.lower_ != "may":
        return False
    return tok.ent_type_ == "DATE" or (tok.text == "May" and not tok.is_sent_start
                                       and tok.i > 0 and tok.doc[tok.i - 1].text.strip() not in ("", '"', "\u201c"))


def past_perfect(verb: Any) -> bool:
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return ("had" in auxes or "'d" in auxes) and verb.tag_ == "VBN"


_PREVENT = {"prevent", "prevented", "prevents", "preventing"}


def prevented(tok: Any) -> bool:
    """Is the trigger what a verb of prevention stops: its object ("police prevented the
    march") or inside its from-clause ("prevented workers from entering the city to
    protest")? Not an event beside it ("parents prevented teachers from entering, in a
    demonstration ..." is the protesters' own act)."""
    govs = _governors(tok)
    for k in range(1, len(govs)):
        if govs[k].lower_ in _PREVENT:
            below = govs[k - 1]
            if k == 1:
                return below.dep_ == "dobj"
            # "from protesting" or "from entering the city to protest", not "from entering
            # the school in a demonstration"
            return below.lower_ == "from" and (k == 2 or k == 3 and tok.dep_ in ("advcl", "xcomp"))
    return False


def mode_of(tok: Any, nominal: bool, unit: Any = None, prevention_asserts: bool = False) -> str:
    """`prevention_asserts`: a prevented event still happened (a protest that police stop is
    a protest with intervention), so a prevention head does not make it hypothetical."""
    modal = cue_set("mode", "modal")
    govs = _governors(tok)
    verb = _verb_of(tok)
    for g in govs[:3] + [verb]:
        kids = {c.lower_ for c in g.children if c.dep_ in ("aux", "auxpass") and not _month(c)}
        if kids & modal:
            return "hypothetical"
    kids = {c.lower_ for c in tok.children}
    if kids & cue_set("mode", "hypothetical_amod"):
        return "hypothetical"
    heads = cue_set("mode", "hypothetical_heads")
    if prevention_asserts:
        heads = heads - _PREVENT
    if any(g.lower_ in heads for g in govs[1:]):
        return "hypothetical"
    calls = cue_set("mode", "call_for")
    if any(g.lower_ == "for" and up.lower_ in calls for g, up in zip(govs[1:], govs[2:], strict=False)):
        return "hypothetical"  # "called for an immediate ceasefire"
    if any(c.dep_ == "neg" for c in verb.children) and (not nominal or verb.i != tok.i):
        return "denied"
    if _nobody_did(verb) and (not nominal or tok.head.i == verb.i and tok.dep_ in ("dobj", "nsubjpass")
                              and verb.lower_ not in _CLAIM):
        # ("No group has claimed the abduction" denies a claim, not the abduction)
        return "denied"  # "No group has claimed responsibility", "nobody was arrested"
    if any(g.lower_ in _DENY for g in govs[1:]):
        return "denied"
    if past_perfect(verb) and _has_background_cue(unit if unit is not None else tok.sent):
        return "background"
    if nominal and tok.tag_ == "NNS" and (kids & cue_set("mode", "generic_plural") or tok.dep_ in ("dobj", "pobj")
                                          and kids & cue_set("mode", "generic_plural_object")):
        return "background"  # "has carried out many attacks", "blamed similar attacks on ..."
    allege = cue_set("mode", "alleged")
    if kids & allege or (not nominal and any(c.lower_ in allege for c in verb.children)):
        return "alleged"
    for below, g in zip(govs, govs[1:], strict=False):
        # "claimed responsibility for the attack" asserts the attack; "claimed that ..." reports it
        # ("claimed the abduction": the event as the claim's object is claimed as one's own)
        if g.lower_ in _CLAIM and (g.tag_ or "").startswith("VB") and g.dep_ != "acl" \
                and not (nominal and below.i == tok.i and tok.dep_ == "dobj") \
                and not any(c.lower_ in ("responsibility", "credit") for c in g.children):
            return "claimed"
    return "asserted"


_NOBODY = {"nobody", "none", "noone"}


def _nobody_did(verb: Any) -> bool:
    """The verb's subject is a negative quantifier: "no group", "no one", "nobody", "none"."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c.lower_ in _NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
    return False


def _has_background_cue(unit: Any) -> bool:
    cues = cue_set("mode", "background_cues")
    return any(t.lower_ in cues for t in unit)


def habitual(tok: Any) -> bool:
    """A fight or attack said to recur ("have exchanged fire almost daily", "regularly
    shell the town"): a class of events, background to the one reported."""
    verb = _verb_of(tok)
    return any(c.dep_ == "advmod" and c.lower_ in cue_set("mode", "habitual") for c in verb.children)
