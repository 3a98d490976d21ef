"""US counties lie only in the states that have a county of that name (us_counties.csv)."""

from __future__ import annotations

from eventwire.analyze import entities, places
from eventwire.analyze.place_local import county_states
from eventwire.model import Article, Place, Record
from eventwire.nlp import load


def _run(text: str) -> list[Place]:
    rec = Record(article=Article(id="t", text=text))
    rec.doc = load()(text)
    rec.entities = entities.analyze(rec)
    return places.analyze(rec)


def test_county_list_names_the_states_of_a_county() -> None:
    assert county_states("Lucas County") == {"Ohio", "Iowa"}
    assert county_states("the St. Bernard Parish") == {"Louisiana"}
    assert county_states("Springfield County") == frozenset()  # no such county


def test_county_is_not_placed_in_a_state_without_a_county_of_that_name() -> None:
    # rule: a town "Lucas" lies in Texas, but Texas has no Lucas County: the county is Ohio's
    # or Iowa's, and the state the article names says which
    got = _run("A Toledo, Ohio, man was indicted Tuesday by a Lucas County grand jury.")
    p = next(p for p in got if p.text == "Lucas County")
    assert p.feature == "county" and p.admin1 == "Ohio"
    # Gallatin County lies in Illinois, Kentucky or Montana, never at Tennessee's Gallatin
    got = _run("Gallatin County deputies found three people dead on Friday.")
    assert all(p.admin1 != "Tennessee" for p in got if p.text == "Gallatin County")


def test_a_county_only_one_state_has_says_the_article_is_set_there() -> None:
    # rule: "Glynn County" lies only in Georgia: "a murder-suicide in Georgia" is the state,
    # and a town of that name is Georgia's
    got = _run("A girl was shot during a murder-suicide in Georgia, according to Glynn County police. "
               "It happened at an apartment in Brunswick.")
    georgia = next(p for p in got if p.text == "Georgia")
    assert georgia.country_code == "US" and georgia.feature == "admin1"
    assert next(p for p in got if p.text == "Brunswick").admin1 == "Georgia"


def test_a_county_lies_at_its_own_point_not_at_its_states_centre() -> None:
    # rule: a county takes its own point (us_counties.csv), so "Collier County" is in south-west
    # Florida, hundreds of km from the state's centre; "St." and "Saint" name one county
    from eventwire.analyze.place_local import county_point
    from eventwire.geo import distance_km

    got = _run("Officials in Collier County, Florida, opened two shelters on Monday.")
    p = next(p for p in got if p.text == "Collier County")
    assert p.lat is not None and p.lon is not None
    assert distance_km(p.lat, p.lon, 26.1, -81.4) < 60
    assert county_point("Saint Croix County", "Wisconsin") == county_point("St. Croix County", "Wisconsin")


def test_a_county_several_states_have_and_the_article_does_not_name_is_the_bigger() -> None:
    # rule: with no state named and no town of its name, a county name several states share is
    # the one with more ZIP codes (a rough size), not left without a point
    got = _run("Suffolk County detectives found a skeleton buried in a back yard.")
    p = next(p for p in got if p.text == "Suffolk County")
    assert p.admin1 == "New York" and p.lat is not None
