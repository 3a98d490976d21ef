"""quotes layer: each test states the rule it checks on a small hand-written text."""

from __future__ import annotations

import json

import pytest

from eventwire.analyze import quotes
from eventwire.analyze.quote_lexicon import cue_of
from eventwire.analyze.quote_marks import find_quotes
from eventwire.model import Article, Entity, Quote, Record
from eventwire.nlp import load


def run(text: str, entities: list[Entity] | None = None) -> list[Quote]:
    rec = Record(article=Article(id="t", text=text), entities=entities or [])
    rec.doc = load("en")(text)
    return quotes.analyze(rec)


def only(found: list[Quote], content_part: str) -> Quote:
    hits = [q for q in found if content_part in q.text]
    assert len(hits) == 1, [(q.text, q.speaker) for q in found]
    return hits[0]


# -- quotation marks -------------------------------------------------------------

def test_marks_pair_curly_straight_nyt_and_guillemets():
    text = "A “one” b \"two\" c ''three'' d «four» e"
    assert [text[q.cstart:q.cend] for q in find_quotes(text)] == ["one", "two", "three", "four"]


def test_mismatched_curly_closer_glued_to_next_word_closes_the_quote():
    text = "“We will win“says the man."
    assert [text[q.cstart:q.cend] for q in find_quotes(text)] == ["We will win"]


def test_multi_paragraph_quote_reopens_without_closing():
    text = "“First part of it.\n\n“Second part,” she said."
    (q,) = find_quotes(text)
    assert text[q.cstart:q.cend].startswith("First") and text[q.cstart:q.cend].endswith("Second part")


def test_unclosed_quote_does_not_swallow_the_next_paragraph():
    text = "He called it “a farce.\n\nThe vote went ahead."
    assert find_quotes(text) == []


def test_single_quotes_only_in_the_headline():
    text = "Mayor says 'we will rebuild'\n\nThe mayor's 'plan' is new."
    found = find_quotes(text)
    assert [text[q.cstart:q.cend] for q in found] == ["we will rebuild"]


def test_lexicon_generates_inflections():
    assert cue_of("denied").lemma == "deny"
    assert cue_of("told").lemma == "tell"
    assert cue_of("admitted").lemma == "admit"
    assert cue_of("Warns").lemma == "warn"
    assert cue_of("table") is None


# -- direct quotes ----------------------------------------------------------------

def test_direct_quote_then_speaker_then_cue():
    q = only(run('"We will not surrender," the commander said.'), "surrender")
    assert q.direct and q.text == "We will not surrender"
    assert q.cue.text == "said" and q.speaker.text == "the commander"


def test_direct_quote_then_inverted_cue_and_speaker():
    q = only(run('"The bridge is gone," said Maria Lopez, a local farmer.'), "bridge")
    assert q.direct and q.cue.text == "said" and q.speaker.text.startswith("Maria Lopez")


def test_speaker_cue_colon_then_quote():
    q = only(run('The minister said: "Talks will resume on Monday."'), "Talks")
    assert q.direct and q.speaker.text == "The minister" and q.cue.text == "said"


def test_cue_and_speaker_after_an_interrupting_phrase():
    found = run("“The city will stand. We will rebuild“says, in a video message, the governor of the province.")
    q = only(found, "We will rebuild")
    assert q.direct and q.cue.text == "says"
    assert q.speaker.text == "the governor of the province"


def test_quote_split_around_the_attribution_shares_one_cue():
    found = run('"The plan is dead," the minister said, "and nobody will revive it."')
    first, second = only(found, "plan is dead"), only(found, "nobody will revive")
    assert first.direct and second.direct
    assert first.cue == second.cue and first.speaker.text == second.speaker.text == "the minister"


def test_quote_after_its_attribution_sentence_continues_it():
    found = run('"We are ready," the general said. "The troops are in position."')
    assert only(found, "troops").cue == only(found, "We are ready").cue


def test_pronoun_speaker_takes_the_previous_named_speaker():
    found = run('"We are ready," the commander said.\n\n"We will hold the line," he added.')
    q = only(found, "hold the line")
    assert q.speaker.text == "he" and q.speaker.canonical == "the commander"


def test_next_quote_with_its_own_cue_is_not_a_continuation():
    found = run('"We are ready," the general said. "We will hold," he added.')
    q = only(found, "We will hold")
    assert q.cue.text == "added" and q.speaker.text == "he"
    assert q.speaker.canonical == "the general"


def test_relative_pronoun_speaker_resolves_to_its_noun():
    q = only(run("The group, which claimed that the blast was revenge, posted a video."), "revenge")
    assert q.speaker.text == "which" and q.speaker.canonical == "The group"


def test_passive_cue_has_no_speaker_but_its_agent():
    q = only(run("The residents were told that the water was unsafe."), "water")
    assert q.speaker is None
    q = only(run("The residents were told by the mayor that the water was unsafe."), "water")
    assert q.speaker.text == "the mayor"


def test_dateline_is_not_part_of_the_speaker():
    q = only(run("LONDON (Reuters) - The prime minister said the vote would go ahead."), "vote")
    assert q.speaker.text == "The prime minister"


def test_headline_colon_names_the_speaker():
    q = only(run("Kremlin: Attack Was Planned Abroad\n\nOfficials gave no details."), "Planned")
    assert q.speaker.text == "Kremlin" and q.cue.text == ":"


def test_speaker_canonical_comes_from_an_overlapping_entity():
    text = '"No comment," the Defense Ministry said.'
    ent = Entity("Defense Ministry", text.index("Defense"), text.index("Defense") + 16, "ORG",
                 canonical="Ministry of Defence")
    q = only(run(text, [ent]), "No comment")
    assert q.speaker.canonical == "Ministry of Defence"


def test_scare_quotes_without_a_cue_are_not_quotes():
    assert run('The "peace plan" collapsed within a week of its signing.') == []


# -- indirect speech and attributions -----------------------------------------------

def test_indirect_said_that_takes_the_complement_clause():
    q = only(run("The spokesman said that the talks had failed."), "talks")
    assert not q.direct and q.text == "that the talks had failed"
    assert q.speaker.text == "The spokesman" and q.cue.text == "said"


def test_indirect_without_that_and_after_the_content():
    q = only(run("The talks have failed, the spokesman told reporters."), "talks")
    assert not q.direct and q.speaker.text == "the spokesman" and q.cue.text == "told"


def test_accused_of_takes_object_and_of_phrase():
    q = only(run("The government accused the rebels of shelling the town."), "rebels")
    assert q.text == "the rebels of shelling the town" and q.speaker.text == "The government"


def test_denied_takes_its_object():
    q = only(run("The ministry denied any involvement in the blast."), "involvement")
    assert q.cue.text == "denied" and q.speaker.text == "The ministry"


def test_according_to_attributes_the_clause_it_attaches_to():
    q = only(run("According to the ministry, 12 people were detained overnight."), "detained")
    assert q.text == "12 people were detained overnight" and q.speaker.text == "the ministry"
    assert q.cue.text == "According to" and not q.direct


def test_confirmed_to_an_outlet_makes_the_outlet_the_source():
    q = only(run("Officials confirmed to Reuters that the convoy had been hit."), "convoy")
    assert q.speaker.text == "Reuters" and q.cue.text == "confirmed"


def test_named_subject_telling_an_outlet_stays_the_source():
    q = only(run("Mayor Ana Ruiz told CNN that the shelter was full."), "shelter")
    assert q.speaker.text == "Mayor Ana Ruiz"


def test_speech_verb_inside_a_quote_is_not_an_attribution():
    found = run('"They said the road was safe," the driver said.')
    assert len(found) == 1 and found[0].speaker.text == "the driver"


def test_sentence_without_cue_has_no_quote():
    assert run("The convoy reached the city at dawn and unloaded food.") == []


# -- the worked example ---------------------------------------------------------------

def test_seed_article_quotes_and_attributions(shared):
    text = (shared / "examples" / "seed-article.txt").read_text("utf-8")
    expected = json.loads((shared / "examples" / "seed-expected.json").read_text("utf-8"))
    found = run(text)
    for exp in expected["quotes"]:
        q = only(found, exp["content_like"])
        assert q.direct
        names = f"{q.speaker.text} {q.speaker.canonical or ''}".lower()
        assert any(s.lower() in names for s in exp["speaker_like"]), names
    speakers = " | ".join(f"{q.speaker.text} {q.speaker.canonical or ''}" for q in found if q.speaker)
    for name in expected["attributions_any"]:
        assert name in speakers, (name, speakers)


@pytest.mark.parametrize("text", ["", "\n\n", '"', "“”", "said said said", "«" * 50])
def test_odd_input_does_not_crash(text):
    assert isinstance(run(text), list)


def test_a_content_span_does_not_end_in_a_dangling_conjunction() -> None:
    from eventwire.analyze.quote_indirect import trim

    text = "accused Russia of targeting civilians and"
    a, b = trim(text, len("accused "), len(text))
    assert text[a:b] == "Russia of targeting civilians"
    assert trim("and", 0, 3) == (0, 3)  # nothing but the conjunction: left as it is


def test_a_speaker_after_an_office_is_the_person_not_the_office() -> None:
    from eventwire.analyze.quotes import _name_after_titles

    # "[Houston Police] Chief Troy Finner": the entity found is the office, the name follows
    assert _name_after_titles(" Chief Troy Finner") == "Troy Finner"
    assert _name_after_titles(" spokesman") is None  # no name: the office stays the speaker
    assert _name_after_titles(" Troy Finner") is None  # no title between: not this rule


def test_he_said_takes_the_titled_speaker_before_not_a_name_inside_the_quote():
    # "Rubaya" is inside the quoted words (and NER may call it a person); the spokesman,
    # named after his titles without a person entity, is the antecedent of "he"
    text = ("Ten soldiers were killed, spokesman Lieutenant-Colonel Guy Ndeko Kabila told reporters. "
            "\"Our forces have restored order over Rubaya,\" he said.")
    ents = [Entity(text="Rubaya", label="PERSON", start=text.index("Rubaya"),
                   end=text.index("Rubaya") + 6, canonical="Rubaya")]
    found = run(text, ents)
    told = only(found, "Ten soldiers")
    assert told.speaker is not None and told.speaker.canonical == "Guy Ndeko Kabila"
    said = only(found, "Our forces")
    assert said.speaker is not None and said.speaker.canonical == "Guy Ndeko Kabila"


def test_a_surname_speaker_is_the_person_named_in_full_before():
    # "Burguan said" and "Lt. Burguan said" name "Police Chief Jarrod Burguan"; a later "he"
    # is him, not an official quoted in between
    text = ("Police Chief Jarrod Burguan spoke to reporters on Monday. Lt. Burguan said the suspects wore "
            "tactical gear. An official told CNN the guns were rifles. Burguan said the two were married. "
            "He said they had no record.")
    a = text.index("Jarrod Burguan")
    ents = [Entity(text="Jarrod Burguan", label="PERSON", start=a, end=a + 14, canonical="Jarrod Burguan")]
    found = run(text, ents)
    lt = [q for q in found if q.speaker is not None and q.speaker.text == "Lt. Burguan"]
    assert lt and lt[0].speaker.canonical == "Jarrod Burguan", [(q.text, q.speaker) for q in found]
    he = [q for q in found if q.speaker is not None and q.speaker.text == "He"]
    assert he and he[-1].speaker.canonical == "Jarrod Burguan", [(q.text, q.speaker) for q in found]
