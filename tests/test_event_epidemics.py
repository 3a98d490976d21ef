"""events layer: a disease that kills is an epidemic (a natural disaster), not an attack."""

from __future__ import annotations

import pytest

from eventwire.analyze import analyze
from eventwire.model import Article, Record


def _events(text: str) -> list:
    return analyze(Record(article=Article(id="t", text=text, published="2024-07-08", language="en"))).events


@pytest.mark.parametrize("text", [
    "Cholera has killed 30 people in the region since January, health officials said.",
    "Bird flu killed two farmers in Fujian province last week.",
    "The Ebola epidemic has killed 12 people in the district.",
    "The virus has killed 12 people in the province since January.",
])
def test_a_disease_that_kills_is_an_epidemic_not_an_attack(text: str) -> None:
    events = _events(text)
    assert events and all(e.type == "natural_disaster" for e in events), [(e.type, e.subtype) for e in events]
    assert next(e for e in events if e.primary).figures["killed"]["value"] in (30, 2, 12, 12)


def test_a_disease_named_beside_another_event_makes_no_event() -> None:
    # only a disease that kills is an epidemic event: a protest against pandemic rules is a protest
    events = _events("On 5 March, truckers held a convoy in Mahwah to demand an end to coronavirus "
                     "related mandates including vaccines.")
    assert not any(e.type == "natural_disaster" for e in events)


def test_an_attack_during_an_outbreak_stays_an_attack() -> None:
    events = _events("Gunmen killed five villagers on Monday. The attack came amid a cholera outbreak.")
    primary = next(e for e in events if e.primary)
    assert primary.type == "attack" and primary.figures["killed"]["value"] == 5
