"""`eventwire bench gvc-clusters`: group gvc-dev articles into incidents through the store.

Articles are analysed like `extract` (no cleaning), ingested in publication order into a
fresh store (incremental clustering, blocking, dedup), and each article is assigned the
event it is mainly about (`Store.document_events`); the article-level story clustering
(`Store.document_stories`, every article, typed events or not) is scored beside it. Gold: the GVA `incident` of each
article (README: document-level incident clustering). Metrics: B³, MUC, CEAF-e, CoNLL F1,
beside the every-article-alone baseline (B³ F1 0.64 per the issue). No published score
is directly comparable (README "Reference scores").
"""

from __future__ import annotations

from .clustering import cluster_documents, score_documents
from .common import BenchContext, records_for


def run(ctx: BenchContext) -> dict[str, object]:
    rows = sorted(ctx.jsonl("gvc-dev"), key=lambda r: (r.get("published") or "", r["id"]))
    gold = {g["id"]: g["incident"] for g in ctx.jsonl("gvc-dev", "gold.jsonl")}
    gold = {k: v for k, v in gold.items() if k in {r["id"] for r in rows}}
    assign, info = cluster_documents(records_for(rows))
    m = score_documents(assign, gold)
    st = score_documents(info["stories"], gold)
    ctx.table("gvc-dev: document → incident clustering (goal B³ F1 ≥ 0.92)", [
        ("articles / gold incidents", f"{m['articles']} / {m['gold_clusters']}", None),
        ("predicted clusters", m["predicted_clusters"], None),
        ("articles without an event", m["articles_without_event"], None),
        ("B³ precision", m["b3_p"], None),
        ("B³ recall", m["b3_r"], None),
        ("B³ F1", m["b3_f1"], f"every article alone: {m['baseline_b3_f1']:.3f}; goal 0.92"),
        ("MUC F1", m["muc_f1"], None),
        ("CEAF-e F1", m["ceafe_f1"], None),
        ("CoNLL F1", m["conll_f1"], f"every article alone: {m['baseline_conll_f1']:.3f}"),
        ("stories: predicted clusters", st["predicted_clusters"], "article-level clustering"),
        ("stories: B³ P / R", f"{st['b3_p']:.3f} / {st['b3_r']:.3f}", None),
        ("stories: B³ F1", st["b3_f1"], "goal 0.92"),
        ("stories: CoNLL F1", st["conll_f1"], None),
    ])
    return {**m, **{f"stories_{k}": v for k, v in st.items()}, **info["counts"], "events": info["events"], "store_seconds": info["store_seconds"]}
