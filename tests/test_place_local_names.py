"""Towns of local news the NER model misses, found by their context (hand-written cases)."""

from __future__ import annotations

from eventwire.analyze import entities, places
from eventwire.analyze.place_local_names import find, keep
from eventwire.model import Article, Record
from eventwire.nlp import load
from eventwire.pipeline import analyze_items


def names(text: str) -> list[str]:
    return [text[s:t] for s, t in find(text, [], [])]


def run(text: str):
    rec = Record(article=Article(id="t", text=text, language="en"))
    rec.doc = load("en")(text)
    rec.entities = entities.analyze(rec)
    return places.analyze(rec)


def test_a_town_before_police_a_resident_or_an_event_word():
    assert names("Conroe police officer shot by man who fled") == ["Conroe"]
    assert names("An Allentown man will stand trial.") == ["Allentown"]
    assert names("Police Say Fatal Garland Shooting Was Self-Defense") == ["Garland"]


def test_a_town_after_in_with_a_direction_or_suburban():
    assert names("He was shot in far south suburban Dolton on Sunday.") == ["Dolton"]
    assert names("A shooting in north Wichita early Saturday.") == ["Wichita"]


def test_no_town_in_a_street_a_square_or_a_longer_foreign_name():
    assert names("He lived on Garfield Drive in Holiday Park.") == []
    assert names("People gathered in San Martin square.") == []
    assert names("They marched in Sete de Setembro.") == []
    assert names("The Man Shot In Leg Was Released") == []


def test_a_guess_must_agree_with_the_article():
    areas = {("US", "Texas")}
    assert keep("Texas", "US", 5_000, False, areas)
    assert not keep("Ohio", "US", 5_000, False, areas)
    assert keep("Ohio", "US", 5_000, True, areas)  # "Campbellsburg, Indiana": its own state
    assert keep("Georgia", "US", 200_000, False, areas)
    assert not keep("Lodz Voivodeship", "PL", 700_000, False, areas)  # a big city abroad


def test_the_layer_keeps_a_town_of_the_story_state_and_drops_a_namesake_elsewhere():
    got = {p.text: p for p in run("Conroe police said a man was shot Sunday in Montgomery County, Texas.")}
    assert got["Conroe"].admin1 == "Texas" and got["Conroe"].role == "location"
    alone = [p.text for p in run("A Kittanning man was shot in Houston, Texas, on Sunday.")]
    assert "Kittanning" not in alone  # a small town of another state: not taken on context alone


def test_the_event_is_placed_at_a_town_only_its_police_name():
    rec = next(iter(analyze_items([Article(id="t", language="en", text=(
        "Conroe police officer shot by man who fled from traffic stop\n\nA man is in custody, "
        "accused of shooting at a Conroe police officer early Sunday in Texas."))], clean=False)))
    ev = next(e for e in rec.events if e.primary)
    assert ev.location and ev.location["name"] == "Conroe"


def test_a_lower_case_direction_before_a_town_and_a_town_south_of_another():
    assert names("He was shot at a south Augusta shopping center.") == ["Augusta"]
    assert names("The shooting happened south of Heavener on Jan. 9.") == ["Heavener"]
    assert names("He was shot in South Carolina.") == []


def test_a_town_named_twice_by_context_is_kept_in_the_article_country():
    areas = {("US", "Alabama")}
    assert keep("Ohio", "US", 8_000, False, areas, twice=True)
    assert not keep("Ohio", "US", 8_000, False, areas)


def _person(text: str, name: str):
    from eventwire.model import Entity

    s = text.index(name)
    return Entity(name, s, s + len(name), "PERSON")


def test_a_town_ner_calls_a_person_before_a_cue_word_is_the_town():
    # NER often tags a town used as an adjective as a person ("a Rock Falls teen")
    text = "A Rock Falls teen was charged on Friday."
    assert [text[s:t] for s, t in find(text, [], [_person(text, "Rock Falls")])] == ["Rock Falls"]


def test_a_name_borne_by_a_person_of_the_article_stays_a_person():
    text = "Matt Anderson said the Anderson boy was shot."
    ents = [_person(text, "Matt Anderson"), _person(text, "Anderson boy"[:8])]
    ents[1].start = text.index("Anderson boy")
    ents[1].end = ents[1].start + len("Anderson")
    assert find(text, [], ents) == []


def test_an_address_names_its_town():
    assert names("Deputies went to a rural Williston address on Monday.") == ["Williston"]


def test_a_name_the_article_gives_a_street_is_no_town():
    text = "He lived on West Addison Street. Police went to the Addison address."
    assert names(text) == []


def test_a_person_tagged_big_city_of_another_state_is_dropped():
    # "a Madison apartment" in a Tennessee story: Madison, Wisconsin is only a namesake
    areas = {("US", "Tennessee")}
    assert keep("Wisconsin", "US", 280_000, False, areas, sure=True) is False
    assert keep("Wisconsin", "US", 280_000, False, areas) is True  # found by its context
    assert keep("Wisconsin", "US", 280_000, False, set(), sure=True) is True  # no state named


def test_unknown_town_named_with_its_state():
    from eventwire.analyze.place_local_names import unknown_towns

    text = "Deputies went to 12 Oak Road, Quillbrook Falls, Indiana, on Monday."
    assert [(text[s:t], st) for s, t, st in unknown_towns(text, [], [])] == [("Quillbrook Falls", "Indiana")]
    assert unknown_towns("He walked down Main Street, Indiana style.", [], []) == []
    # the last word of a longer name in a list of agencies is no town
    assert unknown_towns("The Polk County Sheriff's Office, Indiana State Police and others.", [], []) == []
    ps = run("A boy was shot at a home on 12 Oak Road, Quillbrook Falls, Ind., on Monday.")
    town = [p for p in ps if p.text == "Quillbrook Falls"]
    assert town and town[0].admin1 == "Indiana" and town[0].feature == "city"


def test_town_of_prefix_names_the_town():
    # a US municipality's legal name ("the Town of X") is the town X
    ps = run("Troopers were called to a home in the Town of Wallkill.")
    assert any(p.name == "Wallkill" and p.admin1 == "New York" for p in ps)


def test_call_letters_before_a_town_are_no_given_name():
    # an outlet tagged as a person ("KCRA Stockton") does not make the town a surname
    text = "Video by KCRA Stockton. Stockton police are investigating."
    ents = [_person(text, "KCRA Stockton")]
    s = text.index("Stockton police")
    ents.append(type(ents[0])("Stockton", s, s + len("Stockton"), "PERSON"))
    assert [text[a:b] for a, b in find(text, [], ents)] == ["Stockton"]


def test_bare_quarter_after_in_ends_its_phrase():
    from eventwire.analyze.place_local import bare_quarter

    text = "He was shot in Quillbrook, according to the coroner."
    s = text.index("Quillbrook")
    assert bare_quarter(text, s, s + len("Quillbrook"))
    text = "They spoke of the crisis in Quillbrook affairs."
    s = text.index("Quillbrook")
    assert not bare_quarter(text, s, s + len("Quillbrook"))  # a noun follows: no quarter
    text = "Shelling was reported in Deir ez Zor on Monday."
    s = text.index("Deir")
    assert not bare_quarter(text, s, s + len("Deir"))  # the first word of a known name


def test_unknown_town_before_its_state_abbreviation_is_in_that_state():
    # whether or not NER tags the name, "X, Fla." places a town the data lacks in Florida
    ps = run("Three people were found shot near the highway in Quillbrook, Fla., on Thursday.")
    town = [p for p in ps if p.text == "Quillbrook"]
    assert town and town[0].admin1 == "Florida" and town[0].lat is not None
