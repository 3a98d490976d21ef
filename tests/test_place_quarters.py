"""Listed quarters of large US cities (analyze/place_quarters.py, data/gazetteer/city_quarters.csv)
and the town of a quarter or of a hospital-placed event mention (event_city, event_coref)."""

from __future__ import annotations

from test_place_cues import find, run  # the places layer on a hand-written text, and a lookup

from eventwire.analyze.event_city import quarter_town
from eventwire.analyze.event_coref import loc_rank
from eventwire.analyze.place_quarters import cities_of, quarter_city
from eventwire.model import Place


def test_the_list_gives_quarters_their_city() -> None:
    assert ("Los Angeles", "California") in cities_of("Canoga Park")
    assert ("Philadelphia", "Pennsylvania") in cities_of("feltonville")
    assert quarter_city("Englewood", "Illinois") is not None
    assert quarter_city("Englewood", "Illinois").name == "Chicago"  # type: ignore[union-attr]
    assert cities_of("Springfield") == ()  # a town, not a listed quarter


def test_a_quarter_of_the_named_city_is_not_its_namesake_in_another_state() -> None:
    ps = run("A man, 31, died Monday after he was shot in Florence, according to Los Angeles "
             "County coroner's records.")
    florence = find(ps, "Florence")
    assert florence.feature == "neighbourhood" and florence.admin1 == "California"


def test_a_state_qualified_namesake_stays_itself() -> None:
    ps = run("A man was shot in Florence, Alabama, on Monday, months after he moved there from Los Angeles.")
    assert find(ps, "Florence").admin1 == "Alabama"


def test_an_unknown_name_listed_for_one_city_only_is_that_quarter() -> None:
    ps = run("A man is hospitalized after a shooting in the city's Feltonville section on Friday.")
    p = find(ps, "Feltonville")
    assert p.feature == "neighbourhood" and p.admin1 == "Pennsylvania"


def _place(name: str, feature: str, lat: float, lon: float, admin1: str) -> Place:
    return Place(name, 0, len(name), name=name, lat=lat, lon=lon, country_code="US", admin1=admin1,
                 feature=feature)


def test_a_listed_quarter_alone_has_its_city_as_town() -> None:
    hood = _place("Hunting Park", "neighbourhood", 39.95, -75.16, "Pennsylvania")
    town = quarter_town(hood, [hood], "")
    assert town is not None and town.name == "Philadelphia"


def test_a_quarter_of_the_district_of_columbia_is_in_washington() -> None:
    hood = _place("Southeast D.C.", "neighbourhood", 38.89, -77.03, "District of Columbia")
    town = quarter_town(hood, [hood], "")
    assert town is not None and town.name == "Washington"


def test_a_hospital_named_by_one_mention_loses_to_the_scene_another_names() -> None:
    hospital = ({"name": "Northside Medical Center", "feature": "venue"}, 3)
    quarter = ({"name": "Tarzana", "feature": "neighbourhood"}, 3)
    assert loc_rank(quarter) > loc_rank(hospital)
    street = ({"name": "Elm Street", "feature": "venue"}, 3)
    assert loc_rank(street) > loc_rank(quarter)  # a finer scene still wins


def test_a_street_in_a_story_set_in_a_listed_quarter_is_in_its_city() -> None:
    from eventwire.analyze import event_link as link
    from eventwire.analyze.event_towns import add_cities
    from eventwire.model import EventMention, Span

    text = "Two men were shot in Hunting Park. She was at home on West Elm Street. Mrs. Rivera of Pico Rivera said so."
    hood = Place("Hunting Park", 21, 33, name="Hunting Park", lat=39.95, lon=-75.16, country_code="US",
                 admin1="Pennsylvania", feature="neighbourhood")
    s = text.index("West Elm Street")
    street = Place("West Elm Street", s, s + 15, name="West Elm Street", lat=39.95, lon=-75.16,
                   country_code="US", admin1="Pennsylvania", feature="venue")
    s = text.index("Pico Rivera")
    other = Place("Pico Rivera", s, s + 11, name="Pico Rivera", lat=33.98, lon=-118.1, country_code="US",
                  admin1="California", feature="city", population=62_000)
    ev = EventMention(type="attack", trigger=Span("shot", 13, 17))
    ev.location = link.place_dict(street)
    add_cities([ev], [hood, street, other], [(0, 34), (35, 70), (71, len(text))], hood, [hood, street, other],
               False, text)
    assert ev.location["city"]["name"] == "Philadelphia"


def test_a_part_of_a_state_is_no_quarter_of_a_namesake_city_abroad() -> None:
    from eventwire.analyze.gazetteer import gazetteer
    from eventwire.analyze.place_local import compass_part

    def resolve(name: str):  # the namesake city abroad, as an article's context might pick it
        return next((c for c in gazetteer().lookup(name) if c.feature == "city" and c.country_code != "US"
                     and c.name == name and c.population >= 50_000), None)

    assert resolve("Florida") is not None  # Florida, Cuba
    assert compass_part("Central Florida", resolve) is None
    assert compass_part("East Florida", resolve) is None


def test_a_street_in_a_story_that_names_only_a_quarter_is_in_its_town() -> None:
    from eventwire.analyze import event_link as link
    from eventwire.analyze.event_towns import add_cities
    from eventwire.model import EventMention, Span

    text = "An Ensley man was charged. He lives on Avenue Q West, where the girl was shot."
    hood = Place("Ensley", 3, 9, name="Ensley", lat=33.52, lon=-86.80, country_code="US",
                 admin1="Alabama", feature="neighbourhood")
    s = text.index("Avenue Q West")
    street = Place("Avenue Q West", s, s + 13, name="Avenue Q West", lat=33.52, lon=-86.80,
                   country_code="US", admin1="Alabama", feature="venue")
    ev = EventMention(type="attack", trigger=Span("shot", text.index("shot"), text.index("shot") + 4))
    ev.location = link.place_dict(street)
    add_cities([ev], [hood, street], [(0, 26), (27, len(text))], None, [hood, street], False, text)
    assert ev.location["city"]["name"] == "Birmingham"


def test_a_story_that_goes_abroad_keeps_the_town_abroad() -> None:
    ps = run("The Los Angeles designer showed her new line in Florence and Milan, Italy, last week.")
    assert find(ps, "Florence").country_code == "IT"
