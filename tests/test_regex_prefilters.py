"""Speed-only rewrites of layer regexes must match exactly what the plain forms match."""

import re

from eventwire.analyze import figures as F
from eventwire.analyze.figures import _regex_figures
from eventwire.analyze.timex_lexicon import REFS, SETS, alt, lead

SENTENCES = [
    "Currently the plant is closed; recently it reopened, right now it is busy.",
    "In the near future and for the time being, nowadays, the past few years.",
    "A weekly market, a bi-weekly paper and daily rallies; nightly raids, hourly updates.",
    "Weekly NOW Recent, RECENTLY in the long term: lately, presently, just now.",
    "the daylight, nowhere, recentness, currents and currency are no times.",
]


def test_lead_is_a_lookahead_on_first_letters() -> None:
    assert lead(["now", "recent", "bi-weekly"]) == "(?=[bnr])"


def test_lead_keeps_the_matches_of_the_alternation() -> None:
    for words in (REFS, SETS):
        plain = re.compile(rf"\b{alt(words)}\b", re.I)
        fast = re.compile(rf"\b{lead(words)}{alt(words)}\b", re.I)
        for s in SENTENCES:
            assert [m.span() for m in fast.finditer(s)] == [m.span() for m in plain.finditer(s)]
        # words starting like the keys are no hits; the others hit (the test can fail)
        assert not list(fast.finditer(SENTENCES[-1]))
    assert all(list(re.finditer(rf"\b{lead([*REFS, *SETS])}{alt([*REFS, *SETS])}\b", s, re.I)) for s in SENTENCES[:-1])


def _slow_single(text: str) -> list[tuple[int, int]]:
    return [m.span() for p, _k in F._SINGLE[1:] for m in p.finditer(text)]


def test_single_patterns_skipped_only_without_their_word() -> None:
    # the word each skipped pattern needs is in every one of its matches
    texts = ["A man shot on Friday later died in hospital.",
             "A 15-year-old was found dead near the park.",
             "Police found a 15-year-old with gunshot wounds.",
             "A woman was stabbed; she is recovering."]
    for text in texts:
        spans = {(f.span.start, f.span.end) for f in _regex_figures(text)}
        assert set(_slow_single(text)) <= spans
    assert _regex_figures(texts[0]) and _regex_figures(texts[1]) and _regex_figures(texts[2])


def test_single_patterns_run_when_case_folding_is_odd() -> None:
    # a dotless i matches "i" under IGNORECASE but does not lower-case to it: no skipping then
    text = "A man shot on Friday later dıed in hospital."
    assert "die" not in text.lower()
    assert _slow_single(text)
    assert set(_slow_single(text)) <= {(f.span.start, f.span.end) for f in _regex_figures(text)}


def test_possessive_age_matches_like_the_greedy_form() -> None:
    greedy = re.compile(r"\b(?:\d+|[a-z]+)[- ](?:year|month|week)s?[- ]old(?!-)", re.I)
    possessive = re.compile(r"\b(?:\d++|[a-z]++)[- ](?:year|month|week)s?[- ]old(?!-)", re.I)
    s = "a 15-year-old, a five year old, Two-Month-Old twins, 3-year-old-led, a year-old car, 7 weeks old"
    assert [m.span() for m in possessive.finditer(s)] == [m.span() for m in greedy.finditer(s)]
    assert len(list(greedy.finditer(s))) == 5  # not "3-year-old-led"
