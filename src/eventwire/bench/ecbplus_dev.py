"""`eventwire bench ecbplus-dev`: ECB+ topics 1-35 through the store.

Documents are analysed like `extract` (no cleaning, so gold offsets hold) and ingested
into a fresh store (ECB+ has no publication dates: blocking falls back on type family).

1. Document sub-topic clustering: each document gets the event it is mainly about
   (`Store.document_events`, no event → alone), and separately its story (article-level
   clustering, `Store.document_stories`); gold = `subtopic` (documents.jsonl). Goal B³ F1 ≥ 0.95.
2. Cross-document event coreference with *predicted* mentions in validated sentences,
   aligned to gold action mentions (validated) by span overlap in the same document; a
   matched mention stands for its gold mention, an unmatched one stays twinless. MUC, B³,
   CEAF-e, CoNLL F1 (coref_metrics). Two mention sets: (a) open-domain event mentions
   (cluster/mentions.py: every verb and event noun; same stem within one story = one
   event), the headline number; (b) the typed events of the events layer, clusters = our
   event ids (conflict-type events only, so mostly a measure of mention recall). For
   orientation only: Barhom et al. (2019) report CoNLL F1 79.1 on the ECB+ *test* topics
   with *gold* mentions; this folder has no published reference score (README).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ..cluster import mentions as open_mentions
from ..model import Record
from .clustering import cluster_documents, score_documents
from .common import BenchContext, records_for
from .coref_metrics import conll

BARHOM_2019_CONLL = 79.1


def _mentions_eval(rows: list[dict[str, Any]], gold: list[dict[str, Any]],
                   predicted: dict[tuple, str], docs: set[str]) -> dict[str, float]:
    texts = {r["id"]: r["text"] for r in rows}
    actions = [g for g in gold if g["kind"] == "action" and g["validated"] and g["doc"] in docs]
    validated = {(g["doc"], g["sentence"]) for g in gold if g["validated"] and g["doc"] in docs}
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in actions:
        by_doc[g["doc"]].append(g)
    key = {(g["doc"], g["m_id"]): g["cluster"] for g in actions}
    resp: dict[Any, Any] = {}
    matched = 0
    used: set[tuple] = set()
    for (doc, start, end), eid in sorted(predicted.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        if doc not in docs or start is None or (doc, texts[doc].count("\n", 0, start)) not in validated:
            continue
        best, overlap = None, 0
        for g in by_doc.get(doc, []):
            ov = min(end, g["end"]) - max(start, g["start"])
            if ov > overlap and (doc, g["m_id"]) not in used:
                best, overlap = g, ov
        if best is not None:
            used.add((doc, best["m_id"]))
            resp[(doc, best["m_id"])] = eid
            matched += 1
        else:
            resp[("pred", doc, start, end)] = eid
    m = conll(key, resp) if resp else dict.fromkeys(("muc_f1", "b3_p", "b3_r", "b3_f1", "ceafe_f1", "conll_f1"), 0.0)
    out = {f"coref_{k}": round(v, 4) for k, v in m.items()}
    out.update({"gold_action_mentions": len(key), "predicted_mentions": len(resp),
                "matched_mentions": matched})
    return out


def _records(rows: list[dict[str, Any]], found: dict[str, list[tuple[int, int, str]]]) -> Iterator[Record]:
    """`common.records_for` (no cleaning), collecting each document's open-domain event
    mentions while its parse is at hand (the pipeline drops the Doc afterwards)."""

    def keep_mentions(rec: Record) -> None:
        found[rec.article.id] = open_mentions.event_mentions(rec.doc)

    return records_for(rows, while_parsed=keep_mentions)


def run(ctx: BenchContext) -> dict[str, object]:
    rows = ctx.jsonl("ecbplus-dev")
    ids = {r["id"] for r in rows}
    docs = {d["doc"]: d for d in ctx.jsonl("ecbplus-dev", "documents.jsonl") if d["doc"] in ids}
    gold = [g for g in ctx.jsonl("ecbplus-dev", "gold.jsonl") if g["doc"] in ids]
    found: dict[str, list[tuple[int, int, str]]] = {}
    assign, info = cluster_documents(_records(rows, found))
    open_pred = open_mentions.corefer(found, info["stories"])
    results: dict[str, object] = {}
    for split in ("all", "dev"):
        keep = {d for d, v in docs.items() if split == "all" or v["split"] == split}
        if not keep:
            continue
        sub = score_documents({a: e for a, e in assign.items() if a in keep},
                              {d: docs[d]["subtopic"] for d in keep})
        ment = _mentions_eval(rows, gold, open_pred, keep)
        typed = _mentions_eval(rows, gold, info["mentions"], keep)
        st = score_documents({a: e for a, e in info["stories"].items() if a in keep},
                             {d: docs[d]["subtopic"] for d in keep})
        results[split] = {**sub, **{f"stories_{k}": v for k, v in st.items()}, **ment,
                          **{f"typed_{k}": v for k, v in typed.items()}}
        ctx.table(f"ecbplus-dev ({split} topics, {len(keep)} docs)", [
            ("docs without an event", sub["articles_without_event"], None),
            ("sub-topic clustering B³ F1", sub["b3_f1"], f"alone: {sub['baseline_b3_f1']:.3f}; goal 0.95"),
            ("sub-topic clustering CoNLL F1", sub["conll_f1"], None),
            ("sub-topic, stories: B³ F1", st["b3_f1"], f"P {st['b3_p']:.3f} R {st['b3_r']:.3f}; goal 0.95"),
            ("sub-topic, stories: CoNLL F1", st["conll_f1"], None),
            ("gold action mentions / ours matched", f"{ment['gold_action_mentions']} / {ment['matched_mentions']}",
             f"of {ment['predicted_mentions']} predicted in validated sentences"),
            ("event coref MUC F1 (predicted)", ment["coref_muc_f1"], None),
            ("event coref B³ F1 (predicted)", ment["coref_b3_f1"], None),
            ("event coref CEAF-e F1 (predicted)", ment["coref_ceafe_f1"], None),
            ("event coref CoNLL F1 (predicted)", ment["coref_conll_f1"],
             f"Barhom et al. 2019: {BARHOM_2019_CONLL / 100:.3f} (test topics, gold mentions)"),
            ("typed events only: matched / CoNLL F1", f"{typed['matched_mentions']} / {typed['coref_conll_f1']:.3f}",
             "events layer mentions, clusters = event ids"),
        ])
    results["store_seconds"] = info["store_seconds"]
    results["events"] = info["events"]
    return results
