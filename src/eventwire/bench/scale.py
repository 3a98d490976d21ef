"""`eventwire bench scale`: does the cost of adding one article stay flat as the store grows?

A few hundred dev articles (gvc-dev and news-cluster) are analysed once; 100k records are
then synthesised from them by perturbation, not by re-running spaCy: each gets a new id, a
text mixed from sentences of several analysed articles (so it is not a copy), shifted
dates (a stream of RATE articles a day, so the density of events per blocking window is
that of a real feed whatever the database size), places moved to another base place with
jitter, and scaled figures; every tenth record is a syndicated copy of a recent one.

They are ingested into one fresh SQLite store; reported: ms/article over the first 10k
(database 0 → 10k) and over the last 10k (90k → 100k), their ratio (goal ≤ 1.3), and the
peak RSS of the process (goal < 2 GB). `--limit N` scales both sizes down by N/100000.
EVENTWIRE_SCALE_RECORDS=FILE.jsonl takes the base records from `eventwire extract` output
instead of analysing them here. Every date value of a record moves with its publication
date, month and week values included; EVENTWIRE_SCALE_STREAM=session2 gives the older
stream that moved only full dates (see `synthesise`), to compare with earlier numbers.
"""

from __future__ import annotations

import copy
import json
import os
import random
import resource
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..model import Record
from ..store import open_store
from .common import BenchContext, read_jsonl, records_for

RATE = 400  # articles a day in the synthetic stream
START = date(2020, 1, 1)
BASES = {"gvc-dev": 250, "giveme5w1h/news-cluster": 150}


def _shift(value: Any, days: int, vague: bool = True) -> Any:
    """A TimeML-ish date value moved by `days`: full dates, and (`vague`) month values
    (YYYY-MM, through the 15th) and ISO weeks (YYYY-Www, through their Thursday), which
    are what features.day_of blocks them on. Anything else (years, "PRESENT_REF") stays."""
    if not isinstance(value, str) or len(value) < 7 or value[4] != "-":
        return value
    try:
        if len(value) >= 10 and value[7] == "-":
            d = date.fromisoformat(value[:10]) + timedelta(days=days)
            return d.isoformat() + value[10:]
        if not vague:
            return value
        if value[5] == "W" and value[6:8].isdigit():
            d = date.fromisocalendar(int(value[:4]), int(value[6:8]), 4) + timedelta(days=days)
            y, w, _ = d.isocalendar()
            return f"{y:04d}-W{w:02d}" + value[8:]
        if len(value) == 7 and value[5:7].isdigit():
            d = date(int(value[:4]), int(value[5:7]), 15) + timedelta(days=days)
            return f"{d.year:04d}-{d.month:02d}"
    except ValueError:
        return value
    return value


def synthesise(bases: list[dict[str, Any]], n: int, seed: int = 7, vague: bool = True) -> Any:
    """Yield n Records perturbed from the analysed base record dicts. `vague=False` is the
    session-2 stream, which shifted only full dates: its month- and week-precision event
    dates (≈ 11% of dated mentions) stayed on the same few days for the whole stream, so
    the events there grew with every pass over the bases, as no real feed does."""
    rng = random.Random(seed)
    sentences = [s.strip() for b in bases for s in (b["article"]["text"] or "").split(". ") if len(s) > 40]
    places = [p for b in bases for p in b.get("places") or [] if p.get("lat") is not None]
    recent: list[dict[str, Any]] = []
    for i in range(n):
        if i % 10 == 9 and recent:
            src = rng.choice(recent)
            d = copy.deepcopy(src)
            d["article"]["id"] = f"syn-{i}"
            d["article"]["raw_hash"] = None
            yield Record.from_dict(d)
            continue
        d = copy.deepcopy(bases[i % len(bases)])
        art = d["article"]
        pub = (START + timedelta(days=i // RATE)).isoformat()
        old = art.get("published")
        shift = (date.fromisoformat(pub) - date.fromisoformat(old[:10])).days if old else 0
        art.update(id=f"syn-{i}", published=pub, raw_hash=None,
                   text=". ".join(rng.sample(sentences, 8)) + f". Report {i}.")
        for t in d.get("times") or []:
            t["value"] = _shift(t.get("value"), shift, vague)
        moved = rng.choice(places) if places else None
        for ev in d.get("events") or []:
            if ev.get("date"):
                ev["date"]["value"] = _shift(ev["date"].get("value"), shift, vague)
            if ev.get("location") and moved:
                ev["location"] = {**ev["location"], "name": moved["name"], "country_code": moved.get("country_code"),
                                  "admin1": moved.get("admin1"), "lat": moved["lat"] + rng.uniform(-0.2, 0.2),
                                  "lon": moved["lon"] + rng.uniform(-0.2, 0.2)}
            for f in (ev.get("figures") or {}).values():
                if isinstance(f, dict) and isinstance(f.get("value"), int):
                    f["value"] = max(0, int(f["value"] * rng.uniform(0.5, 2.0)))
        recent = (recent + [d])[-50:]
        yield Record.from_dict(d)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run(ctx: BenchContext) -> dict[str, object]:
    total = min(ctx.limit or 100_000, 100_000)
    window = max(total // 10, 1)
    bases: list[dict[str, Any]] = []
    cached = os.environ.get("EVENTWIRE_SCALE_RECORDS")
    if cached:  # records already analysed (`eventwire extract` output): skip spaCy entirely
        bases = [d for d in read_jsonl(Path(cached)) if d.get("events")][: sum(BASES.values())]
    for name, k in ({} if bases else BASES).items():
        rows = list(read_jsonl(ctx.data(name) / "articles.jsonl"))[:k]  # --limit sizes the stream
        bases += [r.to_dict() for r in records_for(rows) if r.events]
    base_rss = _rss_mb()
    with tempfile.TemporaryDirectory(prefix="ew_scale_") as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'scale.db'}")
        timings: list[float] = []
        cpu: list[float] = []  # CPU ms/article: unaffected by other processes on a shared machine
        marks: dict[int, float] = {}
        t_all = time.perf_counter()
        chunk_start = time.perf_counter()
        cpu_start = time.process_time()
        counts: dict[str, int] = {}
        batch: list[Record] = []
        vague = os.environ.get("EVENTWIRE_SCALE_STREAM") != "session2"
        for i, rec in enumerate(synthesise(bases, total, vague=vague), 1):
            batch.append(rec)
            if len(batch) == 500 or i == total:
                got = store.add_records(batch)
                for k, v in got.items():
                    counts[k] = counts.get(k, 0) + v
                batch = []
                if i % window == 0 or i == total:
                    now, now_cpu = time.perf_counter(), time.process_time()
                    timings.append((now - chunk_start) * 1000 / window)
                    cpu.append((now_cpu - cpu_start) * 1000 / window)
                    marks[i] = timings[-1]
                    chunk_start, cpu_start = now, now_cpu
                    if not ctx.quiet:
                        print(f"  {i:>7} articles: {timings[-1]:.2f} ms/article wall, {cpu[-1]:.2f} CPU"
                              f" (last {window}), rss {_rss_mb():.0f} MB", flush=True)
        size = Path(tmp, "scale.db").stat().st_size / 1e6
        store.close()
    first, last = timings[0], timings[-1]
    metrics = {
        "articles": total, "stream": "all dates shifted" if vague else "session2 (full dates only)", "ms_per_article_first": round(first, 3), "ms_per_article_last": round(last, 3),
        "ratio_last_first": round(last / first, 3) if first else None,
        "cpu_ms_per_article_first": round(cpu[0], 3), "cpu_ms_per_article_last": round(cpu[-1], 3),
        "cpu_ratio_last_first": round(cpu[-1] / cpu[0], 3) if cpu[0] else None,
        "ms_per_article_by_size": {str(k): round(v, 3) for k, v in marks.items()},
        "peak_rss_mb": round(_rss_mb(), 1), "rss_before_ingest_mb": round(base_rss, 1),
        "db_mb": round(size, 1), "total_seconds": round(time.perf_counter() - t_all, 1),
        "base_records": len(bases), **counts,
    }
    ctx.table(f"scale: {total} synthesised articles into one SQLite store ({metrics['stream']})", [
        (f"ms/article, first {window} (db 0→{window})", round(first, 3), None),
        (f"ms/article, last {window} (db {total - window}→{total})", round(last, 3), None),
        ("ratio last/first (wall)", metrics["ratio_last_first"], "goal ≤ 1.3"),
        (f"CPU ms/article, first {window}", metrics["cpu_ms_per_article_first"], None),
        (f"CPU ms/article, last {window}", metrics["cpu_ms_per_article_last"], None),
        ("ratio last/first (CPU)", metrics["cpu_ratio_last_first"], "goal ≤ 1.3"),
        ("peak RSS (MB)", metrics["peak_rss_mb"], "goal < 2048"),
        ("copies found", counts.get("copies", 0), f"{total // 10} planted"),
    ])
    if not ctx.quiet:
        print(json.dumps(metrics["ms_per_article_by_size"]))
    return metrics
