"""events layer: words of violence used for something else are no attack (each case states its
rule; data/events/cues.toml [not_violence])."""

from __future__ import annotations

import pytest

from eventwire.analyze import analyze
from eventwire.model import Article, Record


def _types(text: str) -> list[tuple[str, str | None]]:
    rec = analyze(Record(article=Article(id="t", text=text, published="2024-07-08", language="en")))
    return [(e.type, e.subtype) for e in rec.events]


@pytest.mark.parametrize("text", [
    # an illness, an animal, a computer crime: the modifier says what kind of attack
    "The singer died of a heart attack on Tuesday, his family said.",
    "The company said a cyber attack had shut down its payment systems on Monday.",
    # a campaign's ads and a politician's words
    "The campaign released new attack ads on Monday.",
    "Senator Smith attacked the president's budget plan on Tuesday.",
    "Clinton attacked Trump over his tax returns during the debate.",
    # an animal is no armed actor
    "A bear attacked a hiker in the national park on Saturday.",
    "A shark attack killed a surfer off the coast on Sunday.",
])
def test_no_attack(text: str) -> None:
    assert not any(t in ("attack", "battle") for t, _ in _types(text)), _types(text)


def test_lightning_that_kills_is_a_natural_disaster() -> None:
    assert _types("Lightning killed two farmers in the village on Monday.") == [("natural_disaster", None)]


@pytest.mark.parametrize("text", [
    # the same words in real attacks keep them: a time, a road and a raid are no arena
    "Gunmen attacked a police checkpoint during the night, killing three officers.",
    "Militants attacked the convoy on the highway on Monday.",
    "Rebels attacked the army base in a dawn raid.",
    "A suicide attack on a market killed 12 people on Friday.",
])
def test_real_attacks_stay(text: str) -> None:
    assert any(t in ("attack", "battle") for t, _ in _types(text)), _types(text)


@pytest.mark.parametrize("text", [
    # a military position, a border post and a rally are places of real attacks
    "Gunmen attacked a military position near the town on Monday, killing one soldier.",
    "Militants attacked soldiers at a border post on Monday.",
    "Ruling party supporters attacked opposition members at a rally on Sunday.",
])
def test_places_of_real_attacks_are_no_arena(text: str) -> None:
    assert any(t in ("attack", "battle") for t, _ in _types(text)), _types(text)
