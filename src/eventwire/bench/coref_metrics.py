"""Coreference / clustering metrics shared by the clustering benchmarks.

Clusterings are given as {item: cluster_label}. Key and response may cover different
items (predicted mentions): items missing from one side count as errors in the usual way
(B³ and CEAF-e over the union of items with twinless items kept as singletons of their own
side, as in the reference CoNLL scorer's treatment of predicted mentions; MUC ignores
singletons by definition).

- B³ (Bagga & Baldwin 1998), MUC (Vilain et al. 1995), CEAF-e (Luo 2005, entity-based φ4),
  CoNLL F1 = mean of the three F1s (Pradhan et al. 2014).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping

import numpy as np

Clustering = Mapping[Hashable, Hashable]


def clusters(assign: Clustering) -> list[set]:
    groups: dict[Hashable, set] = defaultdict(set)
    for item, label in assign.items():
        groups[label].add(item)
    return list(groups.values())


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def b_cubed(key: Clustering, response: Clustering) -> tuple[float, float, float]:
    """(precision, recall, F1). Precision over response items, recall over key items."""
    k_of = {i: frozenset(c) for c in clusters(key) for i in c}
    r_of = {i: frozenset(c) for c in clusters(response) for i in c}

    def part(a: dict, b: dict) -> float:
        if not a:
            return 0.0
        total = 0.0
        for item, ca in a.items():
            cb = b.get(item)
            total += (len(ca & cb) / len(ca)) if cb else 0.0
        return total / len(a)

    p, r = part(r_of, k_of), part(k_of, r_of)
    return p, r, _f(p, r)


def muc(key: Clustering, response: Clustering) -> tuple[float, float, float]:
    def score(a: list[set], b_assign: Clustering) -> float:
        num = den = 0
        for c in a:
            parts = {b_assign.get(i, ("missing", i)) for i in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0

    r = score(clusters(key), response)
    p = score(clusters(response), key)
    return p, r, _f(p, r)


def ceaf_e(key: Clustering, response: Clustering) -> tuple[float, float, float]:
    """Entity-based CEAF with φ4 similarity and an optimal one-to-one alignment."""
    from scipy.optimize import linear_sum_assignment

    kc, rc = clusters(key), clusters(response)
    if not kc or not rc:
        return 0.0, 0.0, 0.0
    r_index = {i: j for j, c in enumerate(rc) for i in c}
    sim = np.zeros((len(kc), len(rc)))
    for a, c in enumerate(kc):
        for i in c:
            j = r_index.get(i)
            if j is not None and sim[a, j] == 0:
                sim[a, j] = 2 * len(c & rc[j]) / (len(c) + len(rc[j]))
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    p, r = total / len(rc), total / len(kc)
    return p, r, _f(p, r)


def conll(key: Clustering, response: Clustering) -> dict[str, float]:
    """All metrics: {muc_f1, b3_p, b3_r, b3_f1, ceafe_f1, conll_f1}."""
    m = muc(key, response)
    b = b_cubed(key, response)
    c = ceaf_e(key, response)
    return {"muc_f1": m[2], "b3_p": b[0], "b3_r": b[1], "b3_f1": b[2], "ceafe_f1": c[2],
            "conll_f1": (m[2] + b[2] + c[2]) / 3}


def singletons(items: list[Hashable]) -> dict[Hashable, Hashable]:
    """The every-item-alone baseline."""
    return {i: ("single", i) for i in items}
