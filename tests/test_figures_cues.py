"""Deaths stated without a count (figures_cues): each case states the rule it checks."""

from __future__ import annotations

import pytest
from test_figures import figs

from eventwire.analyze.figures_cues import death_cues, is_cue


def cues(text: str) -> list[tuple[int, str]]:
    return [(f.value, f.span.text) for f in death_cues(text)]


@pytest.mark.parametrize("text,expected", [
    # a deadly incident proves at least one death
    ("Police are investigating a deadly shooting on Elm Street.", [(1, "deadly shooting")]),
    ("The shooting death is under investigation.", [(1, "shooting death")]),
    ("Detectives said the case is a homicide.", [(1, "homicide")]),
    ("An accidental shooting claimed a life Thursday.", [(1, "claimed a life")]),
    ("The victim of a deadly Christmas Day shooting was named.", [(1, "deadly Christmas Day shooting")]),
    # a murder-suicide: the victim and the killer
    ("Police called it a murder-suicide.", [(2, "murder-suicide")]),
    # "double"/"triple" count the murders: a double murder-suicide is three dead
    ("It was an apparent double murder-suicide.", [(3, "double murder-suicide")]),
    ("Police are investigating a double homicide.", [(2, "double homicide")]),
    # not deaths: non-fatal, weapons and force, attempts, the homicide unit
    ("It was a non-fatal shooting.", []),
    ("He was charged with assault with a deadly weapon.", []),
    ("He faces a charge of attempted homicide.", []),
    ("Homicide detectives were called to the scene.", []),
    # statistics of many incidents are not this incident's count
    ("It was the city's third fatal shooting this year.", []),
    ("Fatal shootings rose in 2015.", []),
])
def test_death_cues(text: str, expected: list[tuple[int, str]]) -> None:
    assert cues(text) == expected


def test_cue_is_at_least_and_names_no_one() -> None:
    (f,) = death_cues("a fatal shooting")
    assert f.qualifier == "at_least" and is_cue(f.span.text)
    assert not is_cue("A man was killed")


def test_wounded_victim_of_a_deadly_shooting_is_the_dead(nlp) -> None:
    # "the boy was shot" in a "fatal shooting" article: one death, not also one wounded
    assert figs(nlp, "Police investigate the fatal shooting on Main Street. The boy was shot in the back.") == {
        ("killed", 1, "at_least")}


def test_a_counted_death_keeps_its_own_figure(nlp) -> None:
    # the cue adds nothing where the text counts the dead
    got = figs(nlp, "Two men were killed in a deadly shooting.")
    assert ("killed", 2, "exact") in got
