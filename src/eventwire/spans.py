"""Interval queries over character spans, for the layers that compare every name with every
other one. A plain `any(...)` over all spans per name is quadratic in the article: harmless
on news, but hours on a megabyte of text (a dump, a book) — which must still come through."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import Any


class SpanIndex:
    """Static (start, end) spans, sorted by start, with the furthest end reached so far: a
    backward scan from a position stops as soon as no earlier span can reach it."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        items = sorted((s, e, i) for i, (s, e) in enumerate(spans))
        self.starts = [s for s, _, _ in items]
        self.ends = [e for _, e, _ in items]
        self.order = [i for _, _, i in items]
        self.reach = list(accumulate(self.ends, max))

    def reach_before(self, pos: int) -> int:
        """The furthest end among the spans that start before `pos` (-1 when none does)."""
        i = bisect_left(self.starts, pos) - 1
        return self.reach[i] if i >= 0 else -1

    def overlaps(self, start: int, end: int) -> bool:
        """Does any span share a character with [start, end)?"""
        return self.reach_before(end) > start

    def sticks_out(self, start: int, end: int) -> bool:
        """Does any span overlap [start, end) without lying inside it?"""
        return self.reach_before(start) > start or self.reach_before(end) > end

    def overlapping(self, start: int, end: int) -> list[int]:
        """The input positions of the spans sharing a character with [start, end), in input order."""
        out = []
        i = bisect_left(self.starts, end) - 1
        while i >= 0 and self.reach[i] > start:
            if self.ends[i] > start:
                out.append(self.order[i])
            i -= 1
        return sorted(out)


def nested(spans: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """The spans that lie inside another, different span ("LAKE CITY" of "SALT LAKE CITY")."""
    out: set[tuple[int, int]] = set()
    furthest = -1
    # by start, longest first: any span containing this one comes earlier in that order
    for s, e in sorted(set(spans), key=lambda p: (p[0], -p[1])):
        if furthest >= e:
            out.add((s, e))
        furthest = max(furthest, e)
    return out


class ByStart:
    """Items with a `.start`, looked up by a character range, in their original order."""

    def __init__(self, items: Sequence[Any]) -> None:
        self.items = items
        self.order = sorted(range(len(items)), key=lambda i: items[i].start)
        self.starts = [items[i].start for i in self.order]

    def positions(self, lo: int, hi: int) -> list[int]:
        """The input positions of the items starting in [lo, hi), in input order."""
        return sorted(self.order[bisect_left(self.starts, lo):bisect_left(self.starts, hi)])

    def within(self, lo: int, hi: int) -> list[Any]:
        """The items starting in [lo, hi)."""
        return [self.items[i] for i in self.positions(lo, hi)]
