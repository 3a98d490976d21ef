"""quotes layer, session-5 rules: each test states one rule on a small hand-written text."""

from __future__ import annotations

from eventwire.analyze import quotes
from eventwire.model import Article, Quote, Record
from eventwire.nlp import load


def run(text: str) -> list[Quote]:
    rec = Record(article=Article(id="t", text=text), entities=[])
    rec.doc = load("en")(text)
    return quotes.analyze(rec)


def test_cue_inside_another_reported_clause_is_no_second_attribution():
    # "he says" sits inside what the mayor said: one attribution, not two.
    found = run("The mayor said she would spend the money he says the town raised last year.")
    assert [q.cue.text for q in found if q.cue] == ["said"]
    assert found[0].speaker is not None and found[0].speaker.text == "The mayor"


def test_parenthetical_cue_reports_the_clause_on_both_sides():
    text = "The new bridge, the engineer said, would carry twice as many cars."
    found = run(text)
    parts = sorted(q.text for q in found if q.cue and q.cue.text == "said")
    assert parts == ["The new bridge", "would carry twice as many cars"]
    assert all(q.speaker and q.speaker.text == "the engineer" for q in found)


def test_object_content_stops_at_comma_relative_clause():
    found = run("The senator denied the report, which appeared in a local paper on Monday.")
    q = next(q for q in found if q.cue and q.cue.text == "denied")
    assert q.text == "the report"


def test_quote_signed_with_a_dash_at_line_end_names_its_speaker():
    text = "“The schools here need more teachers.” ― Maria Lopez\n“We moved for the jobs.” — Tom Reed.\n"
    found = run(text)
    assert {q.text: q.speaker.text for q in found if q.speaker} == {
        "The schools here need more teachers.": "Maria Lopez",
        "We moved for the jobs.": "Tom Reed",
    }
    assert all(q.direct for q in found)


def test_dash_followed_by_more_sentence_is_no_signature():
    found = run("“Fine words” — Mr. Reed called them — were all he got.\n")
    assert not any(q.speaker and q.speaker.text.startswith("Mr. Reed called") for q in found)
