"""How one article's mentions of places bear on each other (hand-written cases)."""

from __future__ import annotations

from eventwire.analyze import entities, places
from eventwire.analyze.gazetteer import Candidate
from eventwire.analyze.place_chain import find
from eventwire.analyze.place_resolve import Context, score
from eventwire.model import Article, Place, Record
from eventwire.nlp import load


def run(text: str) -> list[Place]:
    rec = Record(article=Article(id="t", text=text, language="en"))
    rec.doc = load("en")(text)
    rec.entities = entities.analyze(rec)
    return places.analyze(rec)


def test_a_bare_article_is_no_chain_head() -> None:
    text = "The city of Porto Alegre reported floods."
    assert all(text[c.head[0]:c.head[1]] != "The" for c in find(text))
    assert not any(p.text == "The" for p in run(text))


def test_a_dateline_guess_is_no_evidence_for_its_own_state() -> None:
    here = Candidate("Rochester", 1, 44.0, -92.5, "US", "Minnesota", "city", 100_000)
    there = Candidate("Rochester", 2, 43.2, -77.6, "US", "New York", "city", 200_000)
    ctx = Context()
    ctx.guess("ROCHESTER", there, 3.0)  # the dateline's likeliest namesake
    ctx.admin1[("US", "Minnesota")] += 1.0  # the article names the other state
    assert score(here, "Rochester", ctx) > score(there, "Rochester", ctx)
    # ... while for any other name of the article the guessed state is evidence as before
    other = Candidate("Greece", 3, 43.2, -77.7, "US", "New York", "city", 90_000)
    assert ctx.state_weight(other, "Greece") == 1.5


def test_unqualified_dateline_follows_the_state_the_article_names() -> None:
    ps = run("ROCHESTER — A man was hurt in a crash on Tuesday, police in southeastern "
             "Minnesota said. The Minnesota State Patrol is investigating.")
    d = next(p for p in ps if p.text == "ROCHESTER")
    assert d.admin1 == "Minnesota"
    ps = run("ROCHESTER — A man was hurt in a crash on Tuesday, police said.")
    assert next(p for p in ps if p.text == "ROCHESTER").admin1 == "New York"


def test_bare_mentions_of_a_qualified_town_take_its_reading() -> None:
    ps = run("Mourners gathered in Portland on Sunday. The victim, 19, was shot last week in "
             "Portland, Maine, police said. A vigil was held at a church in Portland.")
    towns = [p for p in ps if p.text == "Portland"]
    assert len(towns) == 3 and all(p.admin1 == "Maine" for p in towns)


def test_two_differently_qualified_readings_leave_the_bare_name_alone() -> None:
    ps = run("The band played in Portland, Maine, and in Portland, Ore., before returning "
             "to Portland for the last show.")
    quals = {p.admin1 for p in ps if p.text == "Portland" and text_has_pair(p)}
    assert quals == {"Maine", "Oregon"}


def text_has_pair(p: Place) -> bool:
    return p.admin1 in ("Maine", "Oregon") and p.start < 60


def test_a_names_own_country_vote_is_no_evidence_against_its_namesake_abroad() -> None:
    country = Candidate("Georgia", 10, 42.0, 43.5, "GE", None, "country", 3_700_000)
    state = Candidate("Georgia", 11, 32.7, -83.5, "US", None, "admin1", 10_000_000)
    ctx = Context()
    ctx.vote("Georgia", country, 1.0)  # the name's likeliest reading, counted for the article
    ctx.countries["US"] += 2.0  # while the rest of the article is American
    assert score(state, "Georgia", ctx) > score(country, "Georgia", ctx)
    # another name still counts that vote as evidence for the country
    assert ctx.countries["GE"] == 1.0


def test_a_lone_far_small_namesake_in_a_local_story_is_a_place_of_its_town() -> None:
    ps = run("SEATTLE, Wash. — A man was shot Tuesday night in Ballard, police said. "
             "Officers found him on the sidewalk.")
    p = next(p for p in ps if p.text == "Ballard")
    assert p.admin1 == "Washington"


def test_a_story_that_leaves_the_state_keeps_its_far_towns() -> None:
    ps = run("SEATTLE, Wash. — The suspect had driven from Ballard, Utah, through Boise, Idaho, "
             "police said. He was arrested in Ballard.")
    assert all(p.admin1 == "Utah" for p in ps if p.text == "Ballard")
