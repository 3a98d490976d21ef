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


def test_a_note_the_parser_left_without_a_subject_still_gets_its_event() -> None:
    # the parse has no main verb with a subject ("dozens" is the root); a date and a place
    # together still make it an incident report, its first verb the trigger
    evs = _events("On 3 May 2023, in Valencia (Spain), dozens of dock employees of the port authority "
                  "stopping work outside the port, demanding higher pay.")
    assert len(evs) == 1 and evs[0].primary and evs[0].type == "protest"
    assert evs[0].location and evs[0].location["name"] == "Valencia"


def test_without_a_subject_a_date_alone_is_not_enough() -> None:
    assert _events("On 3 May 2023, dozens of dock employees of the port authority "
                   "stopping work outside the port, demanding higher pay.") == []
