"""The classifier-backed fallback: an incident report whose wording the trigger lexicon
does not know still yields one dated, placed event; other news yields none."""

from __future__ import annotations

from eventwire.analyze import analyze
from eventwire.model import Article, Record


def _events(text: str):
    rec = analyze(Record(article=Article(id="t", text=text, published="2023-05-06")))
    return rec.events


def test_a_report_without_lexicon_triggers_gets_one_primary_event() -> None:
    evs = _events("On 3 May 2023, thousands of teachers stopped work and cut the road traffic in central Madrid.")
    assert len(evs) == 1 and evs[0].primary
    assert evs[0].type == "protest"
    assert evs[0].date and evs[0].date["value"] == "2023-05-03"
    assert evs[0].location and evs[0].location["name"] == "Madrid"


def test_news_that_is_not_an_incident_gets_no_event() -> None:
    assert _events("On 4 May 2023, the city council in Leeds approved a new budget after a long debate.") == []
    assert _events("On 4 May 2023, Apple shares rose 3 percent in New York after strong iPhone sales.") == []


def test_a_report_without_date_or_place_gets_no_fallback_event() -> None:
    # the shape of an incident report is part of the rule: no anchor, no event
    assert _events("Thousands of teachers stopped work and cut the road traffic.") == []
