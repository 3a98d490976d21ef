"""Scoring stays cheap on long-lived events without changing a single decision: cached
word norms give the very same cosine, and profiles stay bounded."""

from __future__ import annotations

import json
import math
import random

from test_cluster import mention

from eventwire import cluster

sc = cluster.score_module


def plain_cosine(mt: dict[str, float], et: dict[str, float]) -> float:
    """The straightforward formula token_score replaced (norms recomputed per pair)."""
    dot = math.fsum(w * et.get(t, 0.0) for t, w in mt.items())
    if dot <= 0:
        return 0.0
    return dot / (math.sqrt(math.fsum(w * w for w in mt.values()))
                  * math.sqrt(math.fsum(w * w for w in et.values())))


def test_cached_norms_give_the_plain_cosine_to_the_bit() -> None:
    # Rule: the stored profile norm and the caller's mention norm change the cost of the
    # word cosine, never its value (equal floats, so equal clustering decisions), also
    # after the profile went through JSON as the store keeps it.
    rng = random.Random(3)
    words = [f"w{i}" for i in range(400)]
    e = cluster.new_profile("ev_1", mention(tokens={w: round(rng.uniform(0.1, 9), 4) for w in rng.sample(words, 80)}))
    for k in range(30):
        e = cluster.add_mention(e, mention(tokens={w: round(rng.uniform(0.1, 9), 4) for w in rng.sample(words, 80)}))
        stored = json.loads(json.dumps(e))
        m = mention(tokens={w: round(rng.uniform(0.1, 9), 4) for w in rng.sample(words, 60 + k)})
        want = plain_cosine(m["tokens"], e["tokens"])
        assert stored["tokens_norm"] == sc.token_norm(stored["tokens"])
        assert sc.token_score(m, stored, sc.token_norm(m["tokens"])) == want
        assert sc.token_score(m, {k: v for k, v in stored.items() if k != "tokens_norm"}) == want


def test_the_word_cosine_does_not_depend_on_the_order_words_were_stored_in() -> None:
    # Rule: the partitioned loader and a Parquet/PostgreSQL round trip can hand the same
    # profile over with its words in another order; the score must be equal to the bit
    # (a rounded score once differed in its 5th decimal between the two load paths).
    rng = random.Random(7)
    words = [f"w{i}" for i in range(300)]
    for _ in range(50):
        et = {w: rng.uniform(0.001, 50) for w in rng.sample(words, 200)}
        mt = {w: rng.uniform(0.001, 50) for w in rng.sample(words, 80)}
        shuffled_e = dict(rng.sample(list(et.items()), len(et)))
        shuffled_m = dict(rng.sample(list(mt.items()), len(mt)))
        a = sc.token_score({"tokens": mt}, {"tokens": et})
        b = sc.token_score({"tokens": shuffled_m}, {"tokens": shuffled_e})
        assert a == b
        assert sc.token_norm(et) == sc.token_norm(shuffled_e)


def test_merged_profile_norm_is_its_words_norm() -> None:
    # Rule: a merge sums the word centroids, so the merged profile carries the new norm.
    a = cluster.new_profile("ev_1", mention(tokens={"bar": 2.0, "gunman": 1.0}))
    b = cluster.new_profile("ev_2", mention(tokens={"bar": 1.0, "toledo": 3.0}))
    merged = cluster.merge_profiles(a, b)
    assert merged["tokens_norm"] == sc.token_norm(merged["tokens"]) == math.sqrt(9 + 1 + 9)


def test_assign_and_story_choice_match_the_plain_scores() -> None:
    # Rule: assign / story.choose pass the mention norm once; the ranking is the one the
    # plain per-pair formula gives.
    m = mention(tokens={"toledo": 1.0, "gunman": 2.0, "bar": 0.5})
    near = cluster.new_profile("ev_a", mention(tokens={"toledo": 1.0, "gunman": 1.0}))
    far = cluster.new_profile("ev_b", mention(tokens={"bar": 1.0, "river": 4.0}))
    best, got, _ = cluster.assign(m, [far, near])
    assert best == "ev_a" and got == cluster.score(m, near)
    story = {**m, "names": [], "family": "story"}
    assert cluster.story.choose(story, [far, near]) == "ev_a"


def test_profile_keeps_the_most_reported_actors_and_the_latest_figures() -> None:
    # Rule: a long-lived event's scoring profile is bounded: actors by report count (ties
    # in order of first report), figures the last MAX_PROFILE_FIGURES distinct values.
    n = sc.MAX_PROFILE_ACTORS + 20
    e = cluster.new_profile("ev_1", mention(actors=["police"], figures={"killed": 1}))
    for i in range(2, n + 1):
        e = cluster.add_mention(e, mention(actors=["police", f"witness {i}"], figures={"killed": i}))
    assert len(e["actors"]) == sc.MAX_PROFILE_ACTORS and e["actors"]["police"] == n
    assert list(e["actors"])[1] == "witness 2"  # the earliest of the once-named
    assert e["figures"]["killed"] == list(range(n + 1 - sc.MAX_PROFILE_FIGURES, n + 1))
    # the latest toll still matches exactly; a value long superseded only approximately
    assert sc.figure_score(mention(figures={"killed": n}), e) == 1.0
    assert sc.figure_score(mention(figures={"killed": 3}), e) == 0.1
    merged = cluster.merge_profiles(e, cluster.new_profile("ev_2", mention(actors=["mayor"], figures={"killed": 99})))
    assert len(merged["actors"]) == sc.MAX_PROFILE_ACTORS and "police" in merged["actors"]
    assert merged["figures"]["killed"][-1] == 99 and len(merged["figures"]["killed"]) == sc.MAX_PROFILE_FIGURES


def test_small_profiles_are_unchanged_by_the_caps() -> None:
    # Rule: below the caps the profile is what it always was (same actors order, values).
    e = cluster.new_profile("ev_1", mention(actors=["b", "a"], figures={"killed": 3}))
    e = cluster.add_mention(e, mention(actors=["c", "a"], figures={"killed": 4, "injured": 2}))
    assert e["actors"] == {"a": 2, "b": 1, "c": 1} and list(e["actors"]) == ["b", "a", "c"]
    assert e["figures"] == {"killed": [3, 4], "injured": [2]}


def test_figure_history_keeps_every_report_beyond_the_profile_cap(store) -> None:
    # Rule: the cap bounds only the scoring profile; the event's figure history (SPEC:
    # every report kept) still lists all of them.
    from test_store import WORDS, record, text_of

    n = sc.MAX_PROFILE_FIGURES + 4
    store.add_records([record(f"r{i}", text=text_of(WORDS[i:] + WORDS[:i], salt=f"update {i}"),
                              published=f"2024-05-{10 + i:02d}", killed=10 + i) for i in range(n)])
    (ev,) = list(store.iter_events())
    assert [r["value"] for r in ev["figures"]["killed"]["reports"]] == [10 + i for i in range(n)]
    assert ev["figures"]["killed"]["value"] == 10 + n - 1
