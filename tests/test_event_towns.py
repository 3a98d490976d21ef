"""Which town an event happened in, by the police on the case (event_towns.police_town)."""

from __future__ import annotations

from eventwire.analyze import event_link as link
from eventwire.analyze.event_towns import police_town
from eventwire.model import EventMention, Place, Span


def _city(text: str, name: str, at: str, lat: float, lon: float, admin1: str, pop: int) -> Place:
    s = text.index(at)
    return Place(at, s, s + len(at), name=name, lat=lat, lon=lon, country_code="US", admin1=admin1,
                 feature="city", precision="city", population=pop)


def _event(loc: Place, city: Place | None = None) -> EventMention:
    ev = EventMention(type="attack", trigger=Span("shot", 0, 4))
    ev.location = link.place_dict(loc)
    if city is not None:
        ev.location["city"] = {"name": city.name, "span": {"text": city.text, "start": city.start, "end": city.end}}
    return ev


def test_quarter_near_the_big_city_whose_police_work_the_case_gets_that_city() -> None:
    text = "WOODLAWN - A boy was shot Sunday in Woodlawn, a Chicago Police spokeswoman said."
    quarter = _city(text, "Woodlawn", "Woodlawn", 41.78, -87.60, "Illinois", 24_000)
    chicago = _city(text, "Chicago", "Chicago", 41.85, -87.65, "Illinois", 2_660_000)
    ev = _event(quarter, quarter)
    police_town([ev], [quarter, chicago], text)
    assert ev.location["name"] == "Woodlawn" and ev.location["city"]["name"] == "Chicago"


def test_namesake_town_in_another_state_gives_way_to_the_police_city() -> None:
    text = "A boy was shot in Madisonville on Saturday, Cincinnati police said."
    namesake = _city(text, "Madisonville", "Madisonville", 37.33, -87.50, "Kentucky", 19_000)
    cincinnati = _city(text, "Cincinnati", "Cincinnati", 39.16, -84.46, "Ohio", 300_000)
    ev = _event(namesake)
    police_town([ev], [namesake, cincinnati], text)
    assert ev.location["name"] == "Cincinnati" and ev.location["admin1"] == "Ohio"


def test_town_next_door_of_a_small_police_city_keeps_its_name() -> None:
    # a neighbouring town of similar size is a town of its own, not a quarter
    text = "A man was shot on Ropes Street in Beverly on Monday, Salem police said."
    beverly = _city(text, "Beverly", "Beverly", 42.56, -70.88, "Massachusetts", 40_000)
    salem = _city(text, "Salem", "Salem", 42.52, -70.90, "Massachusetts", 43_000)
    ev = _event(beverly, beverly)
    police_town([ev], [beverly, salem], text)
    assert ev.location["city"]["name"] == "Beverly"


def test_two_forces_or_the_towns_own_police_change_nothing() -> None:
    text = "A boy was shot in Woodlawn. Woodlawn police and Chicago police responded."
    quarter = _city(text, "Woodlawn", "Woodlawn", 41.78, -87.60, "Illinois", 24_000)
    chicago = _city(text, "Chicago", "Chicago police", 41.85, -87.65, "Illinois", 2_660_000)
    chicago.end = chicago.start + len("Chicago")
    ev = _event(quarter, quarter)
    police_town([ev], [quarter, chicago], text)
    assert ev.location["city"]["name"] == "Woodlawn"


def test_county_dateline_with_its_state_wins_over_a_town_of_a_state_named_nowhere() -> None:
    from eventwire.analyze.event_towns import county_dateline

    text = "ADAMS COUNTY, Colo. (CBS4) - A man was shot at a home. Officers arrested Jose Martinez."
    county = Place("ADAMS COUNTY", 0, 12, name="ADAMS COUNTY", lat=39.0, lon=-105.5, country_code="US",
                   admin1="Colorado", feature="county", precision="admin1")
    state = Place("Colo.", 14, 19, name="Colorado", lat=39.0, lon=-105.5, country_code="US",
                  admin1="Colorado", feature="admin1", precision="admin1")
    namesake = _city(text, "Martinez", "Martinez", 38.02, -122.13, "California", 38_000)
    ev = _event(namesake, namesake)
    county_dateline([ev], county, [county, state, namesake], text)
    assert ev.location["name"] == "ADAMS COUNTY"
    # ... but not when the article names that other state on purpose, nor without the state
    text2 = text + " He was wanted in California."
    california = _city(text2, "California", "California", 37.0, -120.0, "California", 0)
    california.feature = "admin1"
    ev = _event(namesake, namesake)
    county_dateline([ev], county, [county, state, namesake, california], text2)
    assert ev.location["name"] == "Martinez"
    text3 = "ADAMS COUNTY (CBS4) - A man was shot at a home. Officers arrested Jose Martinez."
    ev = _event(namesake, namesake)
    county_dateline([ev], county, [county, namesake], text3)
    assert ev.location["name"] == "Martinez"
