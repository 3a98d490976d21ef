"""event_figures: an event's figures from its mentions (each case states its rule)."""

from __future__ import annotations

from types import SimpleNamespace

from eventwire.analyze.event_figures import borrow_casualties, borrow_for_shooting, cluster_figures


def _fig(value: int, text: str) -> dict[str, object]:
    return {"value": value, "qualifier": "exact", "span": {"text": text, "start": 0, "end": len(text)}}


def _members(*figs: dict[str, dict[str, object]]) -> list[SimpleNamespace]:
    return [SimpleNamespace(figures=f, parts=[]) for f in figs]


def test_largest_count_of_a_kind_wins() -> None:
    got = cluster_figures(_members({"killed": _fig(1, "a man died")}, {"killed": _fig(2, "two men died")}))
    assert got["killed"]["value"] == 2


def test_shot_count_loses_the_dead() -> None:
    # "Three shot, one dead": everyone hit is three, so two were injured
    got = cluster_figures(_members({"injured": _fig(3, "Three shot"), "killed": _fig(1, "one dead")}))
    assert got["injured"]["value"] == 2 and got["killed"]["value"] == 1


def test_one_shot_who_died_is_not_also_injured() -> None:
    got = cluster_figures(_members({"injured": _fig(1, "a man was shot")}, {"killed": _fig(1, "he died")}))
    assert "injured" not in got


def test_a_count_of_the_hurt_keeps_its_value() -> None:
    # "two others in critical condition" are survivors: the dead are not in that count
    got = cluster_figures(_members({"injured": _fig(2, "two others in critical condition"),
                                    "killed": _fig(1, "one man died")}))
    assert got["injured"]["value"] == 2


def _c(mode: str, family: str, start: int, figs: dict[str, dict[str, object]], word: str = "shot") -> SimpleNamespace:
    m = SimpleNamespace(figures=dict(figs), parts=[], cand=SimpleNamespace(start=start, token=SimpleNamespace(lower_=word)),
                        mode=mode, family=family)
    return SimpleNamespace(members=[m], head=m)


def test_incident_without_casualties_borrows_the_first_asserted_toll() -> None:
    # "One person is dead after a hunting accident" kept apart from "a hunter was shot"
    incident = _c("asserted", "violence", 50, {})
    toll = _c("asserted", "disaster", 0, {"killed": _fig(1, "One person is dead")})
    borrow_casualties(incident, [toll, incident])
    assert incident.head.figures["killed"]["value"] == 1


def test_background_tolls_are_not_borrowed() -> None:
    incident = _c("asserted", "violence", 50, {})
    old = _c("background", "violence", 0, {"killed": _fig(3, "three were killed in 2010")})
    borrow_casualties(incident, [old, incident])
    assert incident.head.figures == {}


def test_incident_with_only_wounded_borrows_the_dead() -> None:
    # "One man is dead" in a sentence of another event; "Both victims were taken to the hospital"
    incident = _c("asserted", "violence", 50, {"injured": _fig(2, "Both victims were taken to the hospital")})
    toll = _c("asserted", "violence", 0, {"killed": _fig(1, "One man is dead")})
    borrow_casualties(incident, [toll, incident])
    assert incident.head.figures["killed"]["value"] == 1 and incident.head.figures["injured"]["value"] == 2


def test_an_accident_lends_its_toll_to_the_shooting_it_is() -> None:
    # "One person is dead after a hunting accident ... a hunter being shot"
    accident = _c("asserted", "disaster", 0, {"killed": _fig(1, "One person is dead")}, word="accident")
    shooting = _c("asserted", "violence", 80, {})
    borrow_for_shooting(accident, [accident, shooting])
    assert shooting.head.figures["killed"]["value"] == 1


def test_a_crash_lends_nothing() -> None:
    crash = _c("asserted", "disaster", 0, {"injured": _fig(1, "injured himself")}, word="crashed")
    shooting = _c("asserted", "violence", 80, {})
    borrow_for_shooting(crash, [crash, shooting])
    assert shooting.head.figures == {}


def test_one_phrase_stating_both_counts_is_already_split() -> None:
    # the figures layer read "four teens, one fatally, were shot" as 1 killed + 3 injured
    span = "Four teens, one fatally, were shot"
    got = cluster_figures(_members({"injured": _fig(3, span), "killed": _fig(1, span)}))
    assert got["injured"]["value"] == 3 and got["killed"]["value"] == 1
