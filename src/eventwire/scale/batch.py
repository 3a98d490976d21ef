"""`eventwire batch`: shards → the extract code path → Parquet + manifest.

Two engines run the same plan: `local` loops over shards in this process; `ray`
hands shards to a Ray Data `map_batches` actor pool, so each worker loads the spaCy
model once and then analyses whole shards. Finished shards are skipped on restart;
partial ones (only a `.tmp` file) are redone, so a killed run loses and doubles nothing.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .parquet import write_records
from .ray_init import ensure_ray
from .shards import Shard, ShardResult, clear_partials, list_shards, pending, write_manifest


def process_shard(path: str, out_dir: str, published: str | None = None, clean: bool = True) -> ShardResult:
    """Analyse one shard exactly as `extract` would and write its Parquet part."""
    from ..model import ItemError, Record
    from ..pipeline import extract

    t0 = time.perf_counter()
    records: list[Record] = []
    errors: list[str] = []
    for item in extract([path], published=published, clean=clean):
        if isinstance(item, ItemError):
            errors.append(str(item))
        else:
            records.append(item)
    out = Shard(path).output(Path(out_dir))
    n = write_records(records, out)
    return ShardResult(shard=path, output=out.name, articles=n, errors=errors,
                       seconds=round(time.perf_counter() - t0, 3))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class ShardWorker:
    """Ray Data actor: one per worker process, the spaCy model loaded once in __init__."""

    def __init__(self, out_dir: str, published: str | None, clean: bool) -> None:
        from ..nlp import load

        load("en")
        self.out_dir, self.published, self.clean = out_dir, published, clean

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        import json
        import os

        cols: dict[str, list[Any]] = {k: [] for k in
                                      ("shard", "output", "articles", "errors", "seconds", "rss_mb", "pid")}
        for path in batch["shard"]:
            r = process_shard(str(path), self.out_dir, self.published, self.clean)
            for k, v in asdict(r).items():
                cols[k].append(json.dumps(v) if k == "errors" else v)
            cols["rss_mb"].append(round(peak_rss_mb(), 1))
            cols["pid"].append(os.getpid())
        return cols


def run_batch(
    inputs: list[str], out_dir: str | Path, engine: str = "local", workers: int = 1,
    ray_address: str | None = None, published: str | None = None, clean: bool = True,
    progress: Callable[[ShardResult, int, int], None] | None = None,
) -> dict[str, Any]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    shards = list_shards(inputs)
    clear_partials(out)
    todo = pending(shards, out)
    t0 = time.perf_counter()
    runner = _run_ray if engine == "ray" else _run_local
    results: list[ShardResult] = []
    worker_rss: dict[int, float] = {}
    for res in runner(todo, str(out), workers, ray_address, published, clean, worker_rss):
        results.append(res)
        write_manifest(out, [res], {"engine": engine, "workers": workers})
        if progress:
            progress(res, len(results), len(todo))
    seconds = time.perf_counter() - t0
    articles = sum(r.articles for r in results)
    summary = {
        "shards": len(shards), "skipped": len(shards) - len(todo), "processed": len(results),
        "articles": articles, "errors": sum(len(r.errors) for r in results),
        "seconds": round(seconds, 2),
        "articles_per_s": round(articles / seconds, 2) if seconds and articles else 0.0,
        "worker_peak_rss_mb": max(worker_rss.values()) if worker_rss else round(peak_rss_mb(), 1),
    }
    write_manifest(out, [], {"last_run": summary})
    return summary


def _run_local(todo: list[Shard], out: str, workers: int, address: str | None,
               published: str | None, clean: bool, rss: dict[int, float]) -> Iterator[ShardResult]:
    import os

    for shard in todo:
        res = process_shard(shard.path, out, published, clean)
        rss[os.getpid()] = round(peak_rss_mb(), 1)
        yield res


def _run_ray(todo: list[Shard], out: str, workers: int, address: str | None,
             published: str | None, clean: bool, rss: dict[int, float]) -> Iterator[ShardResult]:
    import json

    import ray

    if not todo:
        return
    ensure_ray(address, max(workers, 1))
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = sys.stderr.isatty()
    ds = ray.data.from_items([{"shard": s.path} for s in todo], override_num_blocks=len(todo))
    done = ds.map_batches(
        ShardWorker, fn_constructor_kwargs={"out_dir": out, "published": published, "clean": clean},
        batch_size=1, concurrency=max(workers, 1), num_cpus=1,
    )
    for row in done.iter_rows():
        res = ShardResult(shard=row["shard"], output=row["output"], articles=int(row["articles"]),
                          errors=json.loads(row["errors"]), seconds=float(row["seconds"]))
        rss[int(row["pid"])] = float(row["rss_mb"])
        yield res
