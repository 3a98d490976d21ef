"""`eventwire bench news-cluster`: giveme5w1h/news-cluster, 383 articles in 69 news events.

Articles are analysed like `extract` (no cleaning), ingested in publication order into a
fresh store, and each is assigned the event it is mainly about (`Store.document_events`); the article-level story clustering
(`Store.document_stories`, every article, typed events or not) is scored beside it;
articles whose analysis finds no event stay alone. Gold: `event` (README: cross-article
event clustering; no published score for news-cluster). Goal: B³ F1 ≥ 0.90.
"""

from __future__ import annotations

from .clustering import cluster_documents, score_documents
from .common import BenchContext, records_for

DATASET = "giveme5w1h/news-cluster"


def run(ctx: BenchContext) -> dict[str, object]:
    rows = sorted(ctx.jsonl(DATASET), key=lambda r: (r.get("published") or "", r["id"]))
    ids = {r["id"] for r in rows}
    gold = {g["id"]: g["event"] for g in ctx.jsonl(DATASET, "gold.jsonl") if g["id"] in ids}
    assign, info = cluster_documents(records_for(rows))
    m = score_documents(assign, gold)
    st = score_documents(info["stories"], gold)
    ctx.table("giveme5w1h news-cluster: document → event clustering (goal B³ F1 ≥ 0.90)", [
        ("articles / gold events", f"{m['articles']} / {m['gold_clusters']}", None),
        ("predicted clusters", m["predicted_clusters"], None),
        ("articles without an event", m["articles_without_event"], None),
        ("B³ precision", m["b3_p"], None),
        ("B³ recall", m["b3_r"], None),
        ("B³ F1", m["b3_f1"], f"every article alone: {m['baseline_b3_f1']:.3f}; goal 0.90"),
        ("MUC F1", m["muc_f1"], None),
        ("CEAF-e F1", m["ceafe_f1"], None),
        ("CoNLL F1", m["conll_f1"], f"every article alone: {m['baseline_conll_f1']:.3f}"),
        ("stories: predicted clusters", st["predicted_clusters"], "article-level clustering"),
        ("stories: B³ P / R", f"{st['b3_p']:.3f} / {st['b3_r']:.3f}", None),
        ("stories: B³ F1", st["b3_f1"], "goal 0.90"),
        ("stories: CoNLL F1", st["conll_f1"], None),
    ])
    return {**m, **{f"stories_{k}": v for k, v in st.items()}, **info["counts"], "events": info["events"], "store_seconds": info["store_seconds"]}
