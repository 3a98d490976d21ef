"""A compass part of a big city is the event's place, under the city (event_quarter)."""

from __future__ import annotations

from eventwire.analyze import event_link as link
from eventwire.analyze.event_quarter import compass_quarters
from eventwire.model import EventMention, Place, Span


def _city(text: str, at: str, name: str, pop: int) -> Place:
    s = text.index(at)
    return Place(at, s, s + len(at), name=name, lat=29.76, lon=-95.37, country_code="US",
                 admin1="Texas", feature="city", precision="city", population=pop)


def _event(p: Place) -> EventMention:
    ev = EventMention(type="attack", trigger=Span("shot", 0, 4))
    ev.location = link.place_dict(p)
    return ev


def test_compass_part_of_a_big_city_is_a_quarter_of_it() -> None:
    text = "A waitress was shot in southwest Houston on Sunday."
    city = _city(text, "Houston", "Houston", 2_300_000)
    ev = _event(city)
    compass_quarters([ev], [city], text)
    assert ev.location["name"] == "southwest Houston" and ev.location["feature"] == "neighbourhood"
    assert ev.location["city"]["name"] == "Houston"
    assert text[ev.location["span"]["start"]:ev.location["span"]["end"]] == "southwest Houston"


def test_small_town_or_a_town_named_with_the_compass_word_stays() -> None:
    text = "A man was shot in north Sealy on Sunday."
    town = _city(text, "Sealy", "Sealy", 6_000)
    ev = _event(town)
    compass_quarters([ev], [town], text)
    assert ev.location["name"] == "Sealy"
    text = "A man was shot in East Hartford on Sunday."
    town = _city(text, "Hartford", "Hartford", 120_000)
    ev = _event(town)
    compass_quarters([ev], [town], text)
    assert ev.location["name"] == "Hartford"
