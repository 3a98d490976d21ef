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
    dot = sum(w * et.get(t, 0.0) for t, w in mt.items())
    if dot <= 0:
        return 0.0
    return dot / (math.sqrt(sum(w * w for w in mt.values())) * math.sqrt(sum(w * w for w in et.values())))


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
