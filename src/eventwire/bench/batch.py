"""`eventwire bench batch`: Ray Data batch throughput with 1 and 2 workers.

2,000 development articles (gvdb-dev, gvc-dev, acled-dev, ecbplus-dev, in that order)
are split into 20 JSONL shards and run through `eventwire batch --engine ray` twice,
with a fresh output directory each time. Reported: articles/s per worker count, the
scaling efficiency (rate₂ / (2·rate₁)), the peak RSS of a worker process, and the
Parquet bytes per 1,000 articles.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from .common import BenchContext

SETS = ["gvdb-dev", "gvc-dev", "acled-dev", "ecbplus-dev"]


def _articles(ctx: BenchContext, n: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for name in SETS:
        for r in ctx.jsonl(name):
            if r.get("text"):
                rows.append({k: r.get(k) for k in ("id", "title", "text", "published", "url", "source")}
                            | {"id": f"{name}/{r['id']}"})
    return rows[:n]


def run(ctx: BenchContext) -> dict[str, Any]:
    import ray

    from ..scale.batch import run_batch

    n = ctx.limit or 2000
    rows = _articles(ctx, n)
    metrics: dict[str, Any] = {"articles": len(rows)}
    with tempfile.TemporaryDirectory() as tmp:
        shard_dir = Path(tmp) / "in"
        shard_dir.mkdir()
        for i in range(20):
            part = rows[i::20]
            (shard_dir / f"shard{i:02d}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in part))
        for workers in (1, 2):
            if ray.is_initialized():
                ray.shutdown()
            out = Path(tmp) / f"out{workers}"
            s = run_batch([str(shard_dir)], out, engine="ray", workers=workers)
            metrics[f"articles_per_s_{workers}w"] = s["articles_per_s"]
            metrics[f"worker_peak_rss_mb_{workers}w"] = s["worker_peak_rss_mb"]
            size = sum(p.stat().st_size for p in out.glob("part-*.parquet"))
            metrics["parquet_kb_per_1k_articles"] = round(size / 1024 / len(rows) * 1000, 1)
        ray.shutdown()
    r1, r2 = metrics["articles_per_s_1w"], metrics["articles_per_s_2w"]
    metrics["scaling_efficiency"] = round(r2 / (2 * r1), 3) if r1 else 0.0
    ctx.table(f"batch: Ray Data, {len(rows)} articles in 20 shards", [
        ("articles/s, 1 worker", r1, None),
        ("articles/s, 2 workers", r2, None),
        ("scaling efficiency (2w / 2×1w)", metrics["scaling_efficiency"], "1.0 = linear"),
        ("worker peak RSS MB (1w / 2w)", f"{metrics['worker_peak_rss_mb_1w']} / {metrics['worker_peak_rss_mb_2w']}", None),
        ("Parquet KB per 1k articles", metrics["parquet_kb_per_1k_articles"], None),
    ])
    return metrics
