"""events layer: the words terse incident reports (ACLED-style notes) use for their event,
and the parse mistakes that used to leave such a report with no main event. Each test
states one rule on a hand-written sentence."""

from __future__ import annotations

from functools import lru_cache

from eventwire.analyze import analyze
from eventwire.model import Article, EventMention, Record


@lru_cache(maxsize=64)
def events_of(text: str) -> tuple[EventMention, ...]:
    rec = analyze(Record(article=Article(id="t", text=text, published="2021-06-30", language="en")))
    return tuple(rec.events)


def found(text: str) -> list[tuple[str, str | None]]:
    """(type, subtype) of the lexicon's triggers in the text (not the classifier fallback)."""
    from eventwire.analyze.event_triggers import find
    from eventwire.nlp import load

    return [(c.type, c.entry.subtype) for c in find(load("en")(text))]


def primary(text: str) -> EventMention:
    evs = [e for e in events_of(text) if e.primary]
    assert len(evs) == 1, events_of(text)
    return evs[0]


def test_stone_pelting_is_a_riot():
    assert found("Youths pelted police with stones.") == [("riot", "mob_violence")]
    assert ("riot", "mob_violence") in found("A crowd threw stones at a police van.")
    assert primary("On 3 March 2021, youths pelted police with stones in Lowtown.").type == "riot"


def test_repelling_an_attack_is_a_battle():
    assert found("Soldiers repelled the rebels.") == [("battle", "armed_clash")]


def test_a_named_strike_or_going_on_strike_is_a_protest():
    assert found("Nurses went on strike.") == [("protest", "peaceful_protest")]
    assert found("The union held a general strike.") == [("protest", "peaceful_protest")]


def test_a_bare_strike_is_not_a_protest():
    # an air strike stays an attack; "strike" alone names no protest
    assert primary("On 5 March 2021, an air strike hit a market in Lowtown.").type == "attack"
    assert found("The strike was a success, the manager said.") == []


def test_defection_and_group_formation_are_changes_to_a_group():
    assert found("A police officer defected to the rebels.") == [("strategic_development", "change_to_group_activity")]
    assert found("A new group announced its formation.") == [("strategic_development", "change_to_group_activity")]


def test_setting_up_a_checkpoint_is_a_change_to_a_group():
    assert found("Militiamen set up a checkpoint near the bridge.") == [
        ("strategic_development", "change_to_group_activity")]
    assert found("Militiamen erected checkpoints on the road.") == [("strategic_development", "change_to_group_activity")]


def test_holding_people_is_an_arrest_holding_a_rally_is_not():
    assert found("Police held 40 migrants.") == [("arrest", "arrest")]
    assert found("Farmers held a rally.") == [("protest", "peaceful_protest")]


def test_missiles_name_a_shelling_and_join_a_stronger_trigger():
    assert ("attack", "shelling_artillery_missile_attack") in found("Troops fired missiles at the town.")
    evs = events_of("On 9 March 2021, artillery shelled Lowtown with rockets.")
    assert len([e for e in evs if e.type == "attack"]) == 1


def test_targeting_a_place_is_an_attack():
    assert found("Gunmen targeted a police post.") == [("attack", "armed_assault")]


def test_may_the_month_is_no_modal():
    from eventwire.analyze.event_modes import _month
    from eventwire.nlp import load

    doc = load("en")("May they rest in peace. A man missing since 7 May was found, police said in May.")
    mays = [t for t in doc if t.lower_ == "may"]
    assert not _month(mays[0])  # a sentence's first word: the modal
    assert all(_month(t) for t in mays[1:])


def test_a_past_form_mistagged_as_a_noun_is_still_a_verb_trigger():
    from eventwire.analyze.event_triggers import _pos_ok
    from eventwire.nlp import load

    doc = load("en")("Members protested.")
    tok = doc[1]
    tok.tag_, tok.pos_ = "NN", "NOUN"
    assert _pos_ok(tok, "verb")
    assert not _pos_ok(tok, "verb", weak=True)  # "the wounded" is people, not an event


def test_a_modal_after_a_fronted_report_does_not_make_it_hypothetical():
    from eventwire.analyze.event_modes import mode_of
    from eventwire.nlp import load

    doc = load("en")('"Hundreds of farmers marched through the city," the mayor would later say.')
    marched = next(t for t in doc if t.lower_ == "marched")
    assert marched.dep_ == "ccomp" and marched.head.i > marched.i  # the parse the rule is about
    assert mode_of(marched, False) == "asserted"


def test_a_protest_police_prevent_is_a_protest_with_intervention():
    evs = events_of("On 8 March 2021, police prevented teachers from entering Lowtown to protest.")
    protest = [e for e in evs if e.type == "protest"]
    assert protest and protest[0].mode == "asserted" and protest[0].subtype == "protest_with_intervention"
    # an attack that is prevented did not happen
    evs = events_of("On 8 March 2021, police prevented an attack on a school in Lowtown.")
    assert all(e.mode == "hypothetical" for e in evs if e.type == "attack")


def test_a_protest_beside_a_prevention_is_no_intervention():
    evs = events_of("On 8 March 2021, parents prevented teachers from entering a school in Lowtown in a demonstration.")
    protest = [e for e in evs if e.type == "protest"]
    # the protesters' own blockade: a protest that took place, with no intervention
    assert protest and protest[0].mode == "asserted" and protest[0].subtype != "protest_with_intervention"
