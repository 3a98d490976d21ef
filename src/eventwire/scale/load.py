"""`ingest_from_parquet`: bulk-load `eventwire batch` output into a store, clustering it
partitioned by (family, region, time window) — in parallel on Ray or in one process —
with the same result as `eventwire ingest` of the same records in the same order.

Stages (timed in the returned counts):
1. prepare — one ordered pass: copies, seq, TF-IDF weights, mention features (prepare.py);
2. cluster — partitions (partition.py) run as independent tasks; boundary cases: any
   query that could have seen an event of another group unites the two groups, which are
   re-run together; repeat until no query sees outside its group (`rounds`);
3. write — one transaction into the target store (write.py), then articles whose id was
   already stored with another text go through the store's own `add_record` (updates).
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..model import ItemError, Record
from ..store import open_store
from ..store.ingest import add_record
from . import partition, prepare, write
from .parquet import read_records

BUCKET_DAYS = 30  # partition time windows; wide next to the ±7/±14-day blocking window
# The newest store schema whose write path partition.py / prepare.py / write.py reproduce
# (v2: rare-word blocking keys, v3: stories, v4: indexes only; partition.py breaks window
# ties by id as its SQL does). A newer store is loaded sequentially with its own add_record
# until this loader models it (counts say so: "mode").
MODELLED_SCHEMA = 4
Key = tuple[str, str, str]


class _Union:
    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}

    def find(self, k: Key) -> Key:
        self.parent.setdefault(k, k)
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: Key, b: Key) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        return True


def _say(progress: bool, msg: str) -> None:
    if progress:
        print(f"ingest --from-parquet: {msg}", file=sys.stderr, flush=True)


def _seeds(db: Any, prep: prepare.Prepared) -> list[dict[str, Any]]:
    """Live events of the target that the loaded mentions could meet (their block window
    overlaps the loaded days, or they are undated)."""
    import json

    if not prep.items:
        return []
    q = ("SELECT id, family, block_day, country, created_seq, profile FROM events WHERE redirect IS NULL"
         " AND (block_day IS NULL")
    params: list[Any] = []
    if prep.days:
        prep.days = [min(prep.days), max(prep.days)]
        pad = 4 * partition.cluster.WINDOW_DAYS
        q += " OR block_day BETWEEN ? AND ?"
        params += [min(prep.days) - pad, max(prep.days) + pad]
    if any(it["m"].get("block_day") is None for it in prep.items):
        q = q.replace(" AND (block_day IS NULL", " AND (1 = 1")
    rows = {r[0]: r for r in db.all(q + ")", params)}
    if partition.TERMS:  # events the loaded mentions' rare words reach, whatever their date
        words = sorted({t for it in prep.items for t in it.get("lookup") or []})
        for i in range(0, len(words), 500):
            chunk = words[i:i + 500]
            marks = ",".join("?" for _ in chunk)
            for r in db.all("SELECT id, family, block_day, country, created_seq, profile FROM events WHERE"
                            f" redirect IS NULL AND id IN (SELECT event_id FROM event_terms WHERE token IN ({marks}))",
                            chunk):
                rows.setdefault(r[0], r)
    seeds = [{"id": r[0], "family": r[1], "block_day": r[2], "country": r[3], "created_seq": r[4],
              "profile": json.loads(r[5]), "terms": {}} for r in rows.values()]
    if partition.STORIES:
        srows: dict[str, tuple] = {}
        sq = "SELECT id, block_day, created_seq, profile FROM stories WHERE block_day IS NULL"
        if prep.days and all(it["m"].get("block_day") is not None for it in prep.items if it["kind"] == "story"):
            sq += " OR block_day BETWEEN ? AND ?"
        else:
            sq, params = "SELECT id, block_day, created_seq, profile FROM stories", []
        srows.update((r[0], r) for r in db.all(sq, params))
        words = sorted({t for it in prep.items if it["kind"] == "story" for t in it.get("lookup") or []})
        for i in range(0, len(words), 500):
            chunk = words[i:i + 500]
            marks = ",".join("?" for _ in chunk)
            srows.update((r[0], r) for r in db.all(
                "SELECT id, block_day, created_seq, profile FROM stories WHERE"
                f" id IN (SELECT event_id FROM event_terms WHERE token IN ({marks}))", chunk))
        seeds += [{"id": r[0], "family": "story", "story": True, "block_day": r[1], "country": None,
                   "created_seq": r[2], "profile": json.loads(r[3]), "terms": {}} for r in srows.values()]
    if partition.TERMS and seeds:
        by_id = {s["id"]: s for s in seeds}
        ids = list(by_id)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" for _ in chunk)
            for tok, eid in db.all(f"SELECT token, event_id FROM event_terms WHERE event_id IN ({marks})", chunk):
                by_id[eid]["terms"][tok] = by_id[eid]["terms"].get(tok, 0) + 1
    return seeds


def _run(jobs: list[tuple[Any, list, list]], engine: str, workers: int) -> dict[Any, dict[str, Any]]:
    if engine != "ray":
        return dict(partition.run_groups(jobs))
    import ray

    # Fewer, balanced tasks: largest groups first, each to the lightest bundle.
    n = max(1, min(len(jobs), 4 * max(workers, 2)))
    bundles: list[list] = [[] for _ in range(n)]
    loads = [0] * n
    for job in sorted(jobs, key=lambda j: -len(j[1])):
        i = loads.index(min(loads))
        bundles[i].append(job)
        loads[i] += len(job[1]) + 1
    task = ray.remote(partition.run_groups)
    out: dict[Any, dict[str, Any]] = {}
    for part in ray.get([task.remote(b) for b in bundles if b]):
        out.update(dict(part))
    return out


def cluster_items(items: list[dict[str, Any]], seeds: list[dict[str, Any]], engine: str = "local",
                  workers: int = 1, bucket_days: int = BUCKET_DAYS) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Cluster placements and link searches by partition until no boundary query sees
    outside its group; returns the group results and partition statistics."""
    by_key: dict[Key, list[dict[str, Any]]] = defaultdict(list)
    for it in items:
        by_key[partition.partition_key(it["m"], bucket_days)].append(it)
    seeds_by_key: dict[Key, list[dict[str, Any]]] = defaultdict(list)
    for ev in seeds:
        seeds_by_key[partition.seed_key(ev, bucket_days)].append(ev)
    keys = sorted(set(by_key) | set(seeds_by_key))
    uf = _Union()
    for k in keys:
        uf.find(k)
    results: dict[frozenset, dict[str, Any]] = {}
    stats = {"partitions": len(by_key), "rounds": 0, "boundary_queries": 0, "unions": 0}
    while True:
        members: dict[Key, list[Key]] = defaultdict(list)
        for k in keys:
            members[uf.find(k)].append(k)
        groups = {frozenset(ks) for ks in members.values()}
        results = {g: r for g, r in results.items() if g in groups}
        todo = [(g, [it for k in g for it in by_key.get(k, [])], [s for k in g for s in seeds_by_key.get(k, [])])
                for g in groups if g not in results]
        results.update(_run(todo, engine, workers))
        stats["rounds"] += 1
        index = partition.HistoryIndex(results)
        united = 0
        boundary = 0
        for g in groups:
            for k in g:
                for it in by_key.get(k, []):
                    others = index.outside(it["m"], tuple(it["pos"]), g, it.get("lookup"))
                    boundary += bool(others)
                    for o in others:
                        united += uf.union(k, next(iter(o)))
        stats["boundary_queries"] += boundary
        stats["unions"] += united
        if not united:
            break
    stats["groups"] = len(results)
    stats["largest_group_items"] = max((sum(len(by_key.get(k, [])) for k in g) for g in results), default=0)
    return list(results.values()), stats


def ingest_from_parquet(directory: str, db_url: str | None, engine: str = "local", workers: int = 1,
                        progress: bool = False, bucket_days: int = BUCKET_DAYS,
                        ray_address: str | None = None) -> dict[str, Any]:
    """Load a batch output directory into the store at `db_url` ($EVENTWIRE_DB / default
    when None). Idempotent: articles already stored with the same raw hash are skipped."""
    if engine not in ("local", "ray"):
        raise ValueError(f"unknown engine {engine!r} (local or ray)")
    if not Path(directory).is_dir():
        raise FileNotFoundError(f"no batch output directory {directory!r}")
    t0 = time.perf_counter()
    from ..store.schema import MIGRATIONS

    latest = max(n for n, _ in MIGRATIONS)
    if latest > MODELLED_SCHEMA:
        with open_store(db_url) as store:
            counts = store.add_records(read_records(directory), progress=progress)
        return {**counts, "mode": "sequential", "engine": engine, "seconds": {"total": round(time.perf_counter() - t0, 3)},
                "reason": f"store schema v{latest} is newer than the partitioned loader models (v{MODELLED_SCHEMA})"}
    store = open_store(db_url)
    db = store.db
    counts: dict[str, Any] = dict.fromkeys(("new", "updated", "unchanged", "copies", "events_created",
                                            "events_updated", "errors"), 0)
    try:
        scratch = prepare.scratch_for(db)
        prep = prepare.Prepared()
        seq_base = int(db.scalar("SELECT COALESCE(MAX(seq), 0) FROM articles") or 0)
        for at, rec in enumerate(read_records(directory)):
            try:
                prepare.add(prep, db, scratch, rec, seq_base, at)
            except Exception as exc:  # one bad record must not stop the load
                counts["errors"] += 1
                print(str(ItemError(str(getattr(rec.article, "id", "?")), f"prepare failed: {exc}")), file=sys.stderr)
        scratch.close()
        t1 = time.perf_counter()
        _say(progress, f"prepared {len(prep.articles)} articles, {len(prep.items)} queries")
        seeds = _seeds(db, prep)
        if engine == "ray" and prep.items:
            from .ray_init import ensure_ray

            ensure_ray(ray_address, max(workers, 2))
        results, stats = cluster_items(prep.items, seeds, engine, workers, bucket_days)
        t2 = time.perf_counter()
        _say(progress, f"clustered in {stats['groups']} groups, {stats['rounds']} rounds")

        def bulk() -> Iterator[tuple[int, Record]]:
            for at, rec in enumerate(read_records(directory)):
                if at in prep.bulk:
                    yield at, rec

        wrote = write.write(db, prep, bulk(), results, {s["id"]: s for s in seeds})
        if prep.deferred:
            for at, rec in enumerate(read_records(directory)):
                if at in prep.deferred:
                    try:
                        for k, v in add_record(db, rec).items():
                            counts[k] = counts.get(k, 0) + v
                    except Exception as exc:
                        counts["errors"] += 1
                        print(str(ItemError(rec.article.id, f"store failed: {exc}")), file=sys.stderr)
        t3 = time.perf_counter()
        _say(progress, f"wrote {wrote['articles']} articles")
    finally:
        store.close()
    counts["new"] += len(prep.articles)
    counts["unchanged"] += prep.unchanged
    counts["copies"] += sum(1 for a in prep.articles.values() if a["copy_of"])
    counts["events_created"] += sum(len(r["created"]) for r in results)
    per_article: dict[int, dict[str, bool]] = defaultdict(dict)
    for r in results:
        for seq, touched in r["touched"].items():
            per_article[seq].update(touched)
    counts["events_updated"] += sum(1 for t in per_article.values() for new in t.values() if not new)
    counts.update(stats)
    counts.update({"mentions": wrote["mentions"], "links": wrote["links"], "engine": engine, "mode": "partitioned",
                   "seconds": {"prepare": round(t1 - t0, 3), "cluster": round(t2 - t1, 3),
                               "write": round(t3 - t2, 3), "total": round(t3 - t0, 3)}})
    return counts
