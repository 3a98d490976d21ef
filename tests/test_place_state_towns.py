"""A town qualified by its US state is placed in that state, even when the gazetteer knows only
namesakes elsewhere (place_pairs.add_qualifiers, place_local.state_town)."""

from __future__ import annotations

from eventwire.analyze import entities, places
from eventwire.analyze.place_mentions import Mention
from eventwire.analyze.place_people import drop_surnames
from eventwire.model import Article, Entity, Place, Record
from eventwire.nlp import load


def _run(text: str) -> list[Place]:
    rec = Record(article=Article(id="t", text=text))
    rec.doc = load()(text)
    rec.entities = entities.analyze(rec)
    return places.analyze(rec)


def test_town_with_an_ap_state_abbreviation_lies_in_that_state() -> None:
    # rule: "Westmoreland" is a Jamaican parish in the gazetteer; "Westmoreland, N.Y." is a
    # town of New York the gazetteer lacks, at the state's coordinates under its own name
    for text in ("WESTMORELAND, N.Y. -- A hunter accidentally shot a man.",
                 "A man was shot in Westmoreland, N.Y., on Sunday."):
        p = next(p for p in _run(text) if p.text.lower() == "westmoreland")
        assert (p.country_code, p.admin1, p.feature) == ("US", "New York", "city")


def test_a_known_town_of_that_state_is_still_itself() -> None:
    p = next(p for p in _run("Police in Paris, Texas said a man was shot.") if p.text == "Paris")
    assert p.admin1 == "Texas" and p.population


def test_a_township_or_borough_at_its_town_takes_the_towns_name() -> None:
    # rule: "FRANKLIN TOWNSHIP, Mich." and "Hummelstown Borough" are placed at the towns of
    # those names in their state and named as those towns (the archives' names)
    got = _run("FRANKLIN TOWNSHIP, Mich. - A 3-year-old boy was killed on Sunday.")
    p = next(p for p in got if p.text == "FRANKLIN TOWNSHIP")
    assert (p.name, p.admin1, p.feature) == ("Franklin", "Michigan", "city")
    got = _run("DAUPHIN COUNTY, Pa. - Police responded to a home in Hummelstown Borough on Thursday.")
    p = next(p for p in got if p.text == "Hummelstown Borough")
    assert (p.name, p.admin1) == ("Hummelstown", "Pennsylvania")


def test_a_persons_surname_is_not_a_small_town() -> None:
    # rule: after "Tuwanna Copeland", a bare "Copeland" is the person, not Copeland, Oklahoma
    text = "Police named Tuwanna Copeland, 16. Copeland was a sophomore."
    ents = [Entity("Tuwanna Copeland", 13, 29, "PERSON")]
    bare = Mention(35, 43, "Copeland", "toponym")
    assert drop_surnames([bare], ents, text) == []
    # ... but a name the article writes as a place stays one ("shot in Wylam"), and so does a
    # big city or a state ("Senquez Jackson" leaves Jackson, Mississippi alone)
    text = "Fatal Wylam shooting. Officers responded to a home in Wylam."
    assert drop_surnames([Mention(54, 59, "Wylam", "toponym")], [Entity("Fatal Wylam", 0, 11, "PERSON")], text)
    text = "Senquez Jackson was shot. Jackson police said."
    assert drop_surnames([Mention(26, 33, "Jackson", "toponym")], [Entity("Senquez Jackson", 0, 15, "PERSON")], text)


def test_a_surname_spelled_like_a_province_is_the_person() -> None:
    # rule: only an exact name of a state, country or big city survives as a place; a surname
    # that is just another spelling of a first-level area abroad is the person
    text = "The caller was Sergeant Joe Knarr. Knarr did not answer."
    ents = [Entity("Joe Knarr", 24, 33, "PERSON")]
    assert drop_surnames([Mention(35, 40, "Knarr", "toponym")], ents, text) == []
    text = "Police named Ashley Georgia, 20. Georgia was shot."
    assert drop_surnames([Mention(33, 40, "Georgia", "toponym")], [Entity("Ashley Georgia", 13, 27, "PERSON")], text)
    text = "Police in Southeast D.C. said a man was shot in D.C. on Friday."
    assert drop_surnames([Mention(48, 52, "D.C.", "toponym")], [Entity("Southeast D.C.", 10, 24, "GPE")], text)
    text = "By Henry Lazenby US tariffs on steel hurt the US economy."
    assert drop_surnames([Mention(46, 48, "US", "toponym")], [Entity("Henry Lazenby US", 3, 19, "PERSON")], text)
    text = "Reporter Bill Holland covered the case. Holland recalled the trial."
    assert drop_surnames([Mention(40, 47, "Holland", "toponym")], [Entity("Bill Holland", 9, 21, "PERSON")], text) == []


def test_a_postal_or_undotted_state_abbreviation_qualifies_a_town_too() -> None:
    # rule: "SC" (postal) and "Ind" (AP without its full stop) after a comma are the state; a
    # town the gazetteer knows only in another state lies in that state, throughout the article
    got = _run("BUCKSPORT, SC (WXYZ) - Officers responded to a home in Bucksport around midnight.")
    for p in (p for p in got if p.text.lower() == "bucksport"):
        assert (p.country_code, p.admin1) == ("US", "South Carolina")
    got = _run("Sullivan County, Ind (WXYZ) - More details were released on Monday.")
    p = next(p for p in got if p.text == "Sullivan County")
    assert (p.admin1, p.feature) == ("Indiana", "county")


def test_undotted_abbreviations_are_read_only_as_qualifiers() -> None:
    from eventwire.analyze.place_resolve import qualifier, undotted_state
    assert undotted_state("Tenn") == "Tennessee" and undotted_state("Calif") == "California"
    assert undotted_state("La") is None and undotted_state("TENN") is None  # two letters: a word
    assert qualifier("Ind") == ("US", "Indiana")


def test_a_local_sites_host_name_breaks_a_shared_county_names_tie() -> None:
    # rule: a county several states have, in an article naming no state, is in the state the
    # outlet's host name spells; a state named like a big city elsewhere (Washington) or a city
    # named after a state (Kansas City) says nothing
    from eventwire.analyze.place_resolve import host_state
    assert host_state("northwestgeorgianews.com") == "Georgia"
    assert host_state("www.arkansasonline.com") == "Arkansas"
    assert host_state("washingtonpost.com") is None and host_state("kansascity.com") is None
    assert host_state("Reuters") is None
    rec = Record(article=Article(id="t", text="Floyd County police said a man was shot on Thursday.",
                                 source="northwestgeorgianews.com"))
    rec.doc = load()(rec.article.text)
    rec.entities = entities.analyze(rec)
    p = next(p for p in places.analyze(rec) if p.text == "Floyd County")
    assert p.admin1 == "Georgia"


def test_a_surname_is_no_city_in_a_country_the_article_does_not_name() -> None:
    # rule: the surname of a full name is kept as a big city or a state only in a country the
    # article's other places lie in ("Maldonado" of "Miguel Maldonado" in a New York story)
    text = "Miguel Maldonado, 42, shot four men in Brooklyn, New York. Maldonado fled."
    ents = [Entity("Miguel Maldonado", 0, 16, "PERSON")]
    ms = [Mention(39, 47, "Brooklyn", "toponym"), Mention(49, 57, "New York", "toponym"),
          Mention(59, 68, "Maldonado", "toponym")]
    assert [m.text for m in drop_surnames(ms, ents, text)] == ["Brooklyn", "New York"]
    # "in north Stockton": a town written as a place, with a compass word, stays one
    text = "Reporter Ann Stockton said. A boy was shot in north Stockton."
    kept = drop_surnames([Mention(52, 60, "Stockton", "toponym")], [Entity("Ann Stockton", 9, 21, "PERSON")], text)
    assert kept
