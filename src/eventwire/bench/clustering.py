"""Helpers for the clustering benchmarks: run records through a throw-away store."""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..model import Record
from ..store import open_store


def cluster_documents(records: Iterable[Record], url: str | None = None) -> tuple[dict[str, str | None], dict[str, Any]]:
    """Ingest records (in the given order) into a fresh store and return
    ({article id: its main event id or None}, {counts, seconds, events})."""
    with tempfile.TemporaryDirectory(prefix="ew_bench_") as tmp:
        store = open_store(url or f"sqlite:///{Path(tmp) / 'bench.db'}")
        try:
            t0 = time.perf_counter()
            counts = store.add_records(records)
            mentions = {}
            for aid, data, eid in store.db.all("SELECT article_id, data, event_id FROM mentions"
                                               " WHERE event_id IS NOT NULL"):
                trig = json.loads(data).get("trigger") or {}
                mentions[(aid, trig.get("start"), trig.get("end"))] = eid
            info = {"counts": counts, "store_seconds": round(time.perf_counter() - t0, 2),
                    "events": store.stats()["events"], "mentions": mentions,
                    "stories": store.document_stories()}
            return store.document_events(), info
        finally:
            store.close()


def score_documents(assign: dict[str, str | None], gold: dict[str, Any]) -> dict[str, float]:
    """Clustering metrics of {article: event} against {article: gold cluster}; articles with
    no event are singletons. Returns ours and the every-article-alone baseline."""
    from .coref_metrics import conll, singletons

    ids = [a for a in gold if a in assign]
    key = {a: gold[a] for a in ids}
    resp = {a: (assign[a] if assign[a] is not None else ("alone", a)) for a in ids}
    ours = conll(key, resp)
    base = conll(key, singletons(ids))
    out = {k: round(v, 4) for k, v in ours.items()}
    out.update({f"baseline_{k}": round(v, 4) for k, v in base.items() if k in ("b3_f1", "conll_f1")})
    out["articles"] = len(ids)
    out["articles_without_event"] = sum(1 for a in ids if assign[a] is None)
    out["predicted_clusters"] = len(set(resp.values()))
    out["gold_clusters"] = len(set(key.values()))
    return out
