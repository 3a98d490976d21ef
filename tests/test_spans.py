"""The interval index answers exactly what the all-pairs scans it replaced did."""

import random
from types import SimpleNamespace

from eventwire.spans import ByStart, SpanIndex, nested


def _spans(rng: random.Random, n: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        s = rng.randrange(0, 200)
        out.append((s, s + rng.randrange(1, 30)))
    return out


def test_overlap_queries_match_brute_force() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans = _spans(rng, rng.randrange(0, 25))
        index = SpanIndex(spans)
        for s, t in _spans(rng, 10):
            assert index.overlaps(s, t) == any(a < t and s < b for a, b in spans)
            assert index.overlapping(s, t) == [i for i, (a, b) in enumerate(spans) if a < t and s < b]
            # overlapping [s, t) but not lying inside it
            assert index.sticks_out(s, t) == any(a < t and s < b and not (s <= a and b <= t) for a, b in spans)


def test_a_span_inside_another_is_nested_but_its_equal_twin_is_not() -> None:
    assert nested([(0, 14), (5, 14), (20, 25), (20, 25)]) == {(5, 14)}
    rng = random.Random(3)
    for _ in range(200):
        spans = _spans(rng, rng.randrange(0, 25))
        brute = {(a, b) for a, b in spans if any(s <= a and b <= e and (s, e) != (a, b) for s, e in spans)}
        assert nested(spans) == brute


def test_by_start_keeps_the_original_order() -> None:
    items = [SimpleNamespace(start=s) for s in (50, 10, 30, 10, 70)]
    got = ByStart(items).within(10, 51)
    assert got == [items[0], items[1], items[2], items[3]]
    assert ByStart(items).within(71, 100) == []
