"""Open-domain event mentions (cluster/mentions.py) and their same-stem-in-story coreference."""

from __future__ import annotations

from eventwire.cluster import mentions
from eventwire.nlp import load


def test_stem_strips_inflections_only() -> None:
    # Rule: inflected forms of one word share a stem; words that merely end in "s" keep it.
    assert {mentions.word_stem(w) for w in ("killed", "kills", "killing", "kill")} == {"kill"}
    assert mentions.word_stem("stopped") == mentions.word_stem("stops")
    assert mentions.word_stem("studies") == mentions.word_stem("studied")
    assert mentions.word_stem("shot") == mentions.word_stem("shooting")  # irregular, from triggers.toml
    assert mentions.word_stem("press") == "press"
    assert mentions.word_stem("arrest") != mentions.word_stem("arrive")


def test_verbs_and_event_nouns_are_mentions_other_nouns_are_not() -> None:
    # Rule: every verb is an event mention; a noun only when it names a happening (lexicon
    # or nominalisation suffix), so "election" and "resignation" count, "minister" does not.
    doc = load("en")("The minister announced his resignation after the election in the capital.")
    words = {doc.text[s:e] for s, e, _ in mentions.event_mentions(doc)}
    assert {"announced", "resignation", "election"} <= words
    assert not words & {"minister", "capital", "The", "his"}
    assert mentions.event_mentions(None) == []


def test_same_stem_corefers_only_inside_one_story() -> None:
    # Rule: "arrested" in two articles of one story is one event; in another story it is not.
    found = {"a": [(0, 8, "arrest")], "b": [(10, 18, "arrest"), (20, 25, "flee")], "c": [(0, 8, "arrest")]}
    got = mentions.corefer(found, {"a": "st1", "b": "st1", "c": "st2"})
    assert got[("a", 0, 8)] == got[("b", 10, 18)]
    assert got[("b", 20, 25)] != got[("a", 0, 8)]
    assert got[("c", 0, 8)] != got[("a", 0, 8)]
    assert mentions.corefer({"d": [(0, 3, "run")]}, {})[("d", 0, 3)]  # no story: its own topic
