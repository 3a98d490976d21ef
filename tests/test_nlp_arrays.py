"""Per-Doc arrays read once with `to_array` must say what walking the Token objects says."""

from __future__ import annotations

from typing import Any

from eventwire.analyze.event_lexicon import lexicon
from eventwire.analyze.event_link import _ancestor_dist
from eventwire.analyze.event_triggers import _lexicon_hits
from eventwire.analyze.events import _depth
from eventwire.nlp import dep_labels, heads, load

TEXT = ("Gunmen opened fire on a market in Kano on Friday, killing 12 people.\n\n"
        "Police said the attackers fled. A car bomb exploded later near the ÜBER-station.")


def test_heads_and_labels_match_the_tokens() -> None:
    doc = load("en")(TEXT)
    head, idx = heads(doc)
    assert head == [t.head.i for t in doc]
    assert idx == [t.idx for t in doc]
    assert dep_labels(doc) == [t.dep_ for t in doc]


def test_lexicon_hits_are_the_tokens_whose_word_is_a_trigger() -> None:
    doc = load("en")(TEXT)
    table = lexicon()
    assert _lexicon_hits(doc) == [t.i for t in doc if table.get(t.lower_)]
    assert _lexicon_hits(load("en")("")) == []


def _walk_depth(tok: Any) -> int:  # the Token-object version the array version replaced
    d = 0
    while tok.head.i != tok.i and d < 20 and "\n" not in tok.doc.text[min(tok.idx, tok.head.idx):max(tok.idx, tok.head.idx)]:
        tok, d = tok.head, d + 1
    return d


def test_tree_walks_stop_at_the_root_and_at_line_breaks() -> None:
    doc = load("en")(TEXT)
    assert [_depth(t) for t in doc] == [_walk_depth(t) for t in doc]
    assert 0 in [_depth(t) for t in doc] and max(_depth(t) for t in doc) < 20  # roots end the walk
    fire = next(t for t in doc if t.text == "fire")
    opened = fire.head
    assert _ancestor_dist(fire, {opened.i}) == 1
    assert _ancestor_dist(fire, {opened.i}, deps={"nsubj"}) is None  # "fire" is not a subject
    police = next(t for t in doc if t.text == "Police")
    assert _ancestor_dist(police, {opened.i}, limit=20) is None  # across the blank line


def test_tokens_in_finds_the_tokens_whose_lower_form_is_listed() -> None:
    from eventwire.nlp import tokens_in, word_ids

    doc = load("en")("Police said the Gunman KILLED two and wounded three; nobody else was killed.")
    table = word_ids(["killed", "wounded", "det"])  # 'det' is also a spaCy symbol name
    assert [doc[i].text for i in tokens_in(doc, table)] == ["KILLED", "wounded", "killed"]
    assert tokens_in(doc, word_ids(["absent"])) == []
