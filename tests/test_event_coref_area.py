"""A first-level area and a town inside it are no two places for one incident (event_coref.nested_area)."""

from __future__ import annotations

from eventwire.analyze import analyze
from eventwire.analyze.event_coref import nested_area
from eventwire.model import Article, Record


def test_a_state_and_a_town_inside_it_are_nested() -> None:
    state = {"name": "Montana", "feature": "admin1", "country_code": "US", "admin1": "Montana"}
    town = {"name": "Roundup", "feature": "city", "country_code": "US", "admin1": "Montana"}
    other = {"name": "Denver", "feature": "city", "country_code": "US", "admin1": "Colorado"}
    assert nested_area(state, town) and nested_area(town, state)
    assert not nested_area(state, other) and not nested_area(town, other)


def test_the_incident_takes_the_town_a_later_sentence_gives_it() -> None:
    text = ("A sheriff in central Montana says a woman shot her 5-year-old son and then herself. "
            "The sheriff says the shooting happened at a residence in Roundup on Sunday night.")
    rec = analyze(Record(article=Article(id="t", text=text, published="2015-06-01", language="en")))
    ev = next(e for e in rec.events if e.primary)
    assert ev.location is not None and ev.location["name"] == "Roundup"
