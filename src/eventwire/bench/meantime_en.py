"""`eventwire bench meantime-en`: TempEval-3 timex scoring of the times layer on MEANTIME.

As the dataset README prescribes, system and gold timexes are restricted to the fully
annotated region [0, annotated_until) of each article and `published` (the date line's
CREATION_TIME) is the anchor. The date line's own timex is a gold row (`dct = true`);
the headline number counts it, and a second table scores body timexes only.
"""

from __future__ import annotations

import os
from typing import Any

from .common import BenchContext
from .timebank_dev import analyse, print_scores, score


def run(ctx: BenchContext) -> dict[str, Any]:
    rows = ctx.jsonl("meantime-en")
    gold = ctx.jsonl("meantime-en", "gold.jsonl")
    limits = {str(r["id"]): int(r["annotated_until"]) for r in rows}
    system = analyse(rows)
    s = score(gold, system, limits)
    print_scores(ctx, f"meantime-en: TempEval-3 timex scores, annotated region of {len(rows)} articles", s)
    errors = s.pop("_errors")
    # Body only: drop the date line (gold dct rows and whatever the system found there).
    dct_spans = {(g["doc"], g["start"], g["end"]) for g in gold if g.get("dct")}
    body_gold = [g for g in gold if not g.get("dct")]
    body_sys = {d: [t for t in ts if not any(dd == d and t.start < e and s0 < t.end for dd, s0, e in dct_spans)]
                for d, ts in system.items()}
    b = score(body_gold, body_sys, limits)
    b.pop("_errors")
    ctx.table("meantime-en: body timexes only (date line excluded)", [
        ("relaxed F1", b["relaxed_f1"], None), ("value F1", b["value_f1"], None)])
    if not ctx.quiet and os.environ.get("EVENTWIRE_BENCH_ERRORS"):
        for e in errors:
            print("  ", e)
    s["body_value_f1"] = b["value_f1"]
    s["body_relaxed_f1"] = b["relaxed_f1"]
    return s
