"""The headline's town as the incident's town (event_title.headline_town)."""

from __future__ import annotations

from eventwire.analyze import event_link as link
from eventwire.analyze.event_title import headline, headline_town, title_town
from eventwire.model import Article, Entity, EventMention, Place, Record, Span


def _place(text: str, at: str, name: str, feature: str, lat: float, lon: float, admin1: str,
           pop: int = 0) -> Place:
    s = text.index(at)
    return Place(at, s, s + len(at), name=name, lat=lat, lon=lon, country_code="US", admin1=admin1,
                 feature=feature, precision=feature, population=pop)


def _record(title: str, text: str, places: list[Place], entities: list[Entity] | None = None) -> Record:
    return Record(article=Article(id="t", text=text, title=title), places=places, entities=entities or [])


def _event(loc: Place | None, city: Place | None = None) -> EventMention:
    ev = EventMention(type="attack", trigger=Span("shot", 0, 4), mode="asserted", primary=True)
    ev.location = link.place_dict(loc) if loc is not None else None
    if ev.location is not None and city is not None:
        ev.location["city"] = {"name": city.name, "span": {"text": city.text, "start": city.start, "end": city.end}}
    return ev


def test_headline_town_fills_an_incident_the_body_left_without_a_town() -> None:
    text = "A girl was shot at a home on Monday, Illinois State Police said."
    state = _place(text, "Illinois", "Illinois", "admin1", 40.0, -89.0, "Illinois")
    ev = _event(state)
    headline_town([ev], _record("Girl shot in Rock Falls home", text, [state]))
    assert ev.location["name"] == "Rock Falls" and ev.location["city"]["name"] == "Rock Falls"
    assert ev.location["span"] == {"text": "", "start": 0, "end": 0} and ev.location["from"] == "title"


def test_headline_town_takes_its_span_from_the_body_when_the_body_names_it() -> None:
    text = "Deputies were called to a Poplar Bluff home, Missouri police said."
    state = _place(text, "Missouri", "Missouri", "admin1", 38.0, -92.0, "Missouri")
    ev = _event(None)
    headline_town([ev], _record("Poplar Bluff teen shot", text, [state]))
    span = ev.location["span"]
    assert ev.location["name"] == "Poplar Bluff" and text[span["start"]:span["end"]] == "Poplar Bluff"


def test_outlet_part_of_a_headline_and_a_county_are_not_the_town() -> None:
    assert headline(_record("Teen shot in face - | WBTV Charlotte", "Body.", [])) == "Teen shot in face"
    states = {("US", "Indiana")}
    assert title_town("14-year-old Sullivan County boy dies in shooting", states) is None
    # a title glued to the body is read by the places layer itself
    assert headline(_record("Man shot", "Man shot\n\nA man was shot.", [])) is None


def test_town_must_lie_in_a_state_the_article_names() -> None:
    # "Hunter" is a town of Ohio and of Tennessee: in a Massachusetts story it is a person
    assert title_town("Hunter Takes Responsibility After Accident", {("US", "Massachusetts")}) is None
    hit = title_town("Shooter in fatal Caledonia hunting accident identified", {("US", "New York")})
    assert hit is not None and hit.city.admin1 == "New York"


def test_headline_town_wins_over_the_court_town_of_the_dateline() -> None:
    text = "STERLING - The parents of a teen killed at a friend's home sued on Monday."
    sterling = _place(text, "STERLING", "Sterling", "city", 41.79, -89.70, "Illinois", 15_000)
    ev = _event(sterling, sterling)
    headline_town([ev], _record("Gun owner not liable in Rock Falls teen's death", text, [sterling]))
    assert ev.location["name"] == "Rock Falls"


def test_quarter_of_the_big_city_and_of_the_headline_city() -> None:
    # "Englewood boy" in a Chicago story: the quarter does not replace the city
    text = "A boy was shot in the 6900 block of South Aberdeen Street, Chicago police said."
    street = _place(text, "South Aberdeen Street", "South Aberdeen Street", "venue", 41.88, -87.63, "Illinois")
    chicago = _place(text, "Chicago", "Chicago", "city", 41.85, -87.65, "Illinois", 2_700_000)
    ev = _event(street, chicago)
    headline_town([ev], _record("Englewood boy, 7, dies", text, [street, chicago]))
    assert ev.location["city"]["name"] == "Chicago"
    # "Nashville 3-year-old" shot in Hermitage: the quarter keeps its name and gets the city
    text = "A boy shot himself in the hand in Hermitage, Tennessee on Monday."
    hermitage = _place(text, "Hermitage", "Hermitage", "city", 36.196, -86.622, "Tennessee", 20_000)
    ev = _event(hermitage, hermitage)
    headline_town([ev], _record("Nashville 3-Year-Old Shoots Self", text, [hermitage]))
    assert ev.location["name"] == "Hermitage" and ev.location["city"]["name"] == "Nashville"


def test_a_force_or_a_persons_home_or_name_in_the_headline_is_not_the_scene() -> None:
    text = "WATSONVILLE - A teen was shot by a deputy on Monday."
    town = _place(text, "WATSONVILLE", "Watsonville", "city", 36.91, -121.76, "California", 52_000)
    for title in ("Teen shot by Santa Cruz deputy identified", "Woman from Santa Cruz shot after hike"):
        ev = _event(town, town)
        headline_town([ev], _record(title, text, [town]))
        assert ev.location["name"] == "Watsonville"
    ev = _event(town, town)
    persons = [Entity("Santa Cruz Lopez", 0, 0, "PERSON")]
    headline_town([ev], _record("Second arrest in Santa Cruz Lopez shooting", text, [town], persons))
    assert ev.location["name"] == "Watsonville"


def test_a_body_naming_its_own_town_twice_keeps_it_over_a_headline_town_it_never_names() -> None:
    text = ("A boy in Tarpon Springs died on Wednesday. The family lived in the East Lake "
            "neighborhood of Tarpon Springs, deputies said.")
    town = _place(text, "Tarpon Springs", "Tarpon Springs", "city", 28.15, -82.76, "Florida", 25_000)
    ev = _event(town, town)
    headline_town([ev], _record("Boy shot in the chest in Palm Harbor", text, [town]))
    assert ev.location["name"] == "Tarpon Springs"


def test_a_headline_town_inside_a_persons_name_fills_no_town_less_incident() -> None:
    text = "Deputies continued to investigate the accidental shooting of Gavin Stiles, 3."
    ev = _event(None)
    persons = [Entity("Gavin Stiles", text.index("Gavin"), text.index("Gavin") + 12, "PERSON")]
    headline_town([ev], _record("Shooting victim identified as Gavin Stiles", text, [], persons))
    assert ev.location is None


def test_st_and_saint_name_one_town_in_the_headline() -> None:
    # rule: "St. Paul" with no state named is the big Saint Paul, not a small St. Paul abroad
    hit = title_town("Teen killed in St. Paul shooting", set())
    assert hit is not None and hit.city.admin1 == "Minnesota"


def test_a_headline_quarter_of_the_body_city_is_the_finer_place_in_that_city() -> None:
    # the body gives only the city: "Englewood boy" makes the place Englewood, in Chicago
    text = "CHICAGO - A boy, 7, died of a gunshot wound on Sunday, police said."
    chicago = _place(text, "CHICAGO", "Chicago", "city", 41.85, -87.65, "Illinois", 2_700_000)
    ev = _event(chicago, chicago)
    headline_town([ev], _record("Englewood boy, 7, dies", text, [chicago]))
    assert ev.location["name"] == "Englewood" and ev.location["feature"] == "neighbourhood"
    assert ev.location["city"]["name"] == "Chicago"
