"""`eventwire bench timebank-dev`: TempEval-3 timex scoring of the times layer on TBAQ-cleaned.

Each document is analysed with its DCT date (`published`) as the anchor. Scoring follows
TempEval-3 Task A (timex part), pooled over all documents:
  relaxed match = any character overlap (the official scorer's one shared token);
  strict match = identical extent;
  type / value accuracy over relaxed matches (exact string equality);
  value F1 = value accuracy x relaxed F1 (the headline normalisation number).
Only the times layer runs (on the shared spaCy parse), so other layers cannot skew it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ..model import Article, Record, Time
from .common import BenchContext

# Published TempEval-3 results of HeidelTime on the TE3 *test* set (UzZaman et al. 2013), quoted
# as a comparison point only: no published system scores exist for these dev sets.
HEIDELTIME_TE3 = "HeidelTime ≈0.78 on TE3 test (not this set)"


def analyse(rows: list[dict[str, Any]]) -> dict[str, list[Time]]:
    """The times layer's output for each dataset row, keyed by document id."""
    from ..analyze import times
    from ..nlp import load

    nlp = load("en")
    out: dict[str, list[Time]] = {}
    texts = (r.get("text") or "" for r in rows)
    for row, doc in zip(rows, nlp.pipe(texts, batch_size=32), strict=True):
        rec = Record(article=Article(id=str(row["id"]), text=row.get("text") or "",
                                     published=row.get("published")), doc=doc)
        try:
            out[rec.article.id] = times.analyze(rec)
        except Exception as exc:  # a bad document is reported, the run goes on
            print(f"eventwire: error: {rec.article.id}: times failed: {type(exc).__name__}: {exc}")
            out[rec.article.id] = []
    return out


def score(gold: Iterable[dict[str, Any]], system: dict[str, list[Time]],
          limits: dict[str, int] | None = None) -> dict[str, Any]:
    """TempEval-3 timex scores. `limits` restricts both sides to [0, limit) per document."""
    gold_by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        if g["doc"] in system and (limits is None or g["end"] <= limits.get(g["doc"], 10**12)):
            gold_by[g["doc"]].append(g)
    n_gold = n_sys = sys_matched = gold_matched = strict = type_ok = value_ok = 0
    errors: list[tuple[str, str, str, str]] = []
    for doc_id, sys_all in system.items():
        lim = limits.get(doc_id, 10**12) if limits else 10**12
        sys = [t for t in sys_all if t.end <= lim]
        golds = gold_by.get(doc_id, [])
        n_gold += len(golds)
        n_sys += len(sys)
        sys_matched += sum(any(t.start < g["end"] and g["start"] < t.end for g in golds) for t in sys)
        for g in golds:
            over = [t for t in sys if t.start < g["end"] and g["start"] < t.end]
            if not over:
                errors.append(("missed", g["text"], g["value"], ""))
                continue
            gold_matched += 1
            best = max(over, key=lambda t: min(t.end, g["end"]) - max(t.start, g["start"]))
            strict += any(t.start == g["start"] and t.end == g["end"] for t in over)
            type_ok += best.type == g["type"]
            if best.value == g["value"]:
                value_ok += 1
            else:
                errors.append(("value", g["text"], g["value"], best.value))
        for t in sys:
            if not any(t.start < g["end"] and g["start"] < t.end for g in golds):
                errors.append(("spurious", t.text, "", t.value))
    p = sys_matched / n_sys if n_sys else 0.0
    r = gold_matched / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    sp = strict / n_sys if n_sys else 0.0
    sr = strict / n_gold if n_gold else 0.0
    sf = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
    type_acc = type_ok / gold_matched if gold_matched else 0.0
    value_acc = value_ok / gold_matched if gold_matched else 0.0
    return {
        "gold": n_gold, "system": n_sys,
        "relaxed_p": round(p, 4), "relaxed_r": round(r, 4), "relaxed_f1": round(f, 4),
        "strict_f1": round(sf, 4), "type_accuracy": round(type_acc, 4),
        "value_accuracy": round(value_acc, 4), "type_f1": round(type_acc * f, 4),
        "value_f1": round(value_acc * f, 4), "_errors": errors,
    }


def print_scores(ctx: BenchContext, title: str, s: dict[str, Any]) -> None:
    ctx.table(title, [
        ("timexes gold / system", f"{s['gold']} / {s['system']}", None),
        ("relaxed precision", s["relaxed_p"], None),
        ("relaxed recall", s["relaxed_r"], None),
        ("relaxed F1", s["relaxed_f1"], "HeidelTime ≈0.90 on TE3 test (unverified)"),
        ("strict F1", s["strict_f1"], "HeidelTime ≈0.81 on TE3 test (unverified)"),
        ("type accuracy", s["type_accuracy"], None),
        ("value accuracy", s["value_accuracy"], None),
        ("type F1", s["type_f1"], None),
        ("value F1 (headline)", s["value_f1"], HEIDELTIME_TE3 + "; target ≥0.80"),
    ])


def run(ctx: BenchContext) -> dict[str, Any]:
    rows = ctx.jsonl("timebank-dev")
    gold = ctx.jsonl("timebank-dev", "gold.jsonl")
    system = analyse(rows)
    s = score(gold, system)
    print_scores(ctx, f"timebank-dev: TempEval-3 timex scores over {len(rows)} documents", s)
    errors = s.pop("_errors")
    if not ctx.quiet and __import__("os").environ.get("EVENTWIRE_BENCH_ERRORS"):
        for e in errors:
            print("  ", e)
    return s
