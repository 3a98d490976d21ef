"""Speed-only rewrites of layer regexes must match exactly what the plain forms match."""

import re

from eventwire.analyze import figures as F
from eventwire.analyze.figures import _regex_figures
from eventwire.analyze.regex_first import first_chars, with_lead
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


def test_first_chars_of_an_alternation() -> None:
    assert first_chars(r"(?:(?:a|the) march|\d+ ?mm|wom[ae]n)") == r"\datw"
    # an unclear start gives no class: no lookahead is added then
    assert first_chars(r"(?:x?y|z)") == "xyz"  # "y" when the optional "x" is absent
    assert first_chars(r"(?:a+b|\w)") is None
    assert first_chars(r"(?:[^a]b)") is None


def test_keyword_patterns_with_lookahead_count_as_before() -> None:
    import json

    from eventwire.analyze import typing as ty

    data = json.loads(ty.KEYWORDS_FILE.read_text(encoding="utf-8"))
    text = ("police fired tear gas at protesters; 120 mm shells and rockets hit the town, "
            "a protest march, militants seized the base; the women were shot").lower()
    hits = 0
    for group, pattern in ty._keyword_patterns():
        plain = re.compile(r"\b(?:" + "|".join(data[group]) + r")\b")
        assert pattern.findall(text) == plain.findall(text)
        hits += len(plain.findall(text))
    assert hits > 10
    assert "(?=[" in dict(ty._keyword_patterns())["protest"].pattern


def test_first_chars_through_an_optional_start() -> None:
    # "(the )?end": a match starts with "t" or, without the article, with "e"
    assert first_chars(r"\b(?:the\s+)?(?:end|start)\b") == "est"
    assert first_chars(r"(?:a)?(?:b)?") is None  # may be empty
    assert first_chars(r"(?<![\d/])\d+") is None  # a lookbehind first: left alone


def test_with_lead_keeps_matches_and_groups() -> None:
    plain = re.compile(r"\b(?:the\s+)?(?:(?P<e>end)|start)\s+of\s+the\s+(?P<unit>year|month)\b", re.I)
    fast = with_lead(plain)
    assert fast is not plain and fast.pattern.startswith("(?=[")
    s = "At THE END of the year, start of the month; legend of the year; the start of the Year"
    assert [(m.span(), m.groupdict()) for m in fast.finditer(s)] == \
        [(m.span(), m.groupdict()) for m in plain.finditer(s)]
    assert len(list(plain.finditer(s))) == 3
    # windows (pos, endpos) behave the same too
    assert [m.span() for m in fast.finditer(s, 3, 40)] == [m.span() for m in plain.finditer(s, 3, 40)]


def test_with_lead_leaves_unclear_patterns_alone() -> None:
    p = re.compile(r"(?i)\bnow\b")  # a global inline flag must stay first
    assert with_lead(p) is p
    q = re.compile(r"[a-z]+ day")  # a range: no literal first characters
    assert with_lead(q) is q


def test_time_rules_find_the_same_times_with_leads() -> None:
    from eventwire.analyze.timex_dates import RULES as DATE_RULES
    from eventwire.analyze.timex_spans import RULES as SPAN_RULES

    s = ("On Jan. 5, 2021 and in the 1990s, three years ago, two weeks later, last Monday at 3 p.m., "
         "the end of the year, the third quarter of 1998, a 10-year-old, every Tuesday, this morning.")
    total = 0
    for p, _h, _r in DATE_RULES + SPAN_RULES:
        fast = with_lead(p)
        assert [(m.span(), m.groups()) for m in fast.finditer(s)] == [(m.span(), m.groups()) for m in p.finditer(s)]
        total += len(list(p.finditer(s)))
    assert total > 10


def test_dep_candidates_are_the_words_the_token_loop_acts_on() -> None:
    import spacy

    from eventwire.analyze.figures_dep import _ACT_ON, candidates

    doc = spacy.blank("en")("A man was Shot and KILLED , two were taken to a hospital in critical condition .")
    got = [doc[i].text for i in candidates(doc)]
    assert got == ["Shot", "KILLED", "taken", "condition"]
    assert got == [t.text for t in doc if t.lower_ in _ACT_ON]
    assert candidates(spacy.blank("en")("")) == []


def test_folded_trie_finds_what_ignorecase_finds() -> None:
    from eventwire.analyze.aliases import FoldedTrie, _trie_regex

    words = {"Guinea Bissau", "Islamic State", "Tunis", "Al-Shabaab", "Mali"}
    folded = FoldedTrie.of(words)
    plain = _trie_regex(words, re.IGNORECASE)
    assert folded is not None and plain is not None
    texts = ["TUNIS and tunis, Guinea-Bissau; islamic state near MALI-based Malian",
             # 'İ' lower-cases to two characters: the IGNORECASE form keeps offsets right
             "İzmir, then Tunis and ISLAMIC STATE"]
    for text in texts:
        assert folded.spans(text) == [m.span() for m in plain.finditer(text)]
    assert [texts[1][s:e] for s, e in folded.spans(texts[1])] == ["Tunis", "ISLAMIC STATE"]


def test_word_prefixes_are_what_every_match_starts_with() -> None:
    from eventwire.analyze.regex_first import word_prefixes

    assert word_prefixes(r"protest\w*|rall(?:y|ies)") == {"protest", "rall"}
    assert word_prefixes(r"(?:a|the) march|tear ?gas|wom[ae]n") == {"a", "the", "tear", "wom"}
    assert word_prefixes(r"\d+ ?mm") is None  # a digit class: no literal start
    assert word_prefixes(r"(?:the )?end") is None  # optional start: may begin with "end"


def test_gated_keyword_counts_equal_the_plain_counts() -> None:
    from eventwire.analyze import typing as ty

    texts = ["Police fired tear gas at protesters; 120 mm shells hit the town.",
             "Militants seized the base and the women were shot by gunmen.",
             "A quiet day: nothing happened at all."]
    for text in texts:
        idx, val = ty.featurize(text)
        low = text.lower()
        plain = {g for g, p in ty._keyword_patterns() if p.findall(low)}
        gated = {g for g, p in ty._keyword_patterns() if ty._bucket("k:" + g) in set(idx.tolist())}
        assert plain <= gated  # every group that matches is counted (gated also holds word buckets)
    assert "k:protest" and ty._bucket("k:protest") in set(ty.featurize(texts[0])[0].tolist())
