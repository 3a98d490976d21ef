"""The earlier violent event an arrest story is about takes the story's town when it has none
(event_towns.about_town)."""

from __future__ import annotations

from eventwire.analyze.event_towns import about_town as _about_town
from eventwire.model import EventMention, Place, Span


def _town() -> Place:
    return Place("HARTFORD", 0, 8, name="Hartford", lat=41.76, lon=-72.68, country_code="US",
                 admin1="Connecticut", feature="city", precision="city")


def test_background_incident_of_the_main_event_gets_the_story_town() -> None:
    arrest = EventMention(type="arrest", trigger=Span("arrest", 0, 6), mode="asserted", primary=True, about=1)
    homicide = EventMention(type="attack", trigger=Span("homicide", 20, 28), mode="background")
    _about_town([arrest, homicide], _town())
    assert homicide.location is not None and homicide.location["name"] == "Hartford"


def test_unrelated_or_placed_events_are_left_alone() -> None:
    arrest = EventMention(type="arrest", trigger=Span("arrest", 0, 6), mode="asserted", primary=True)
    homicide = EventMention(type="attack", trigger=Span("homicide", 20, 28), mode="background")
    _about_town([arrest, homicide], _town())  # the arrest is about nothing
    assert homicide.location is None
    arrest.about = 1
    _about_town([arrest, homicide], None)  # no story town
    assert homicide.location is None
