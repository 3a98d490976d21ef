"""`ingest_from_parquet`: the partitioned (Ray) bulk load writes the very store that the
single-machine `eventwire ingest` writes for the same records in the same order.

What "the same" means here (`snapshot`): every article row (copy detection, seq), every
mention row (its event id, score, features), every live event (id, summary columns,
profile), every absorbed id and where it redirects, every statement link, actor row, LSH
bucket and document frequency. Only ingestion timestamps (and what derives from them)
are left out. So the partition of mentions into events is identical, with identical ids.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import read_jsonl

from eventwire.model import Record
from eventwire.scale.load import ingest_from_parquet
from eventwire.scale.parquet import read_records, write_records
from eventwire.scale.shards import Shard
from eventwire.store import open_store
from eventwire.store.db import Db
from eventwire.store.testing import temp_pg_database

N_ARTICLES = 200


def snapshot(db: Db) -> dict[str, Any]:
    def rnd(x: Any) -> Any:
        # PostgreSQL REAL is float4, SQLite's is float8: compare both as the float4 the
        # value becomes (rounding a float8 to 5 places could differ from rounding its float4
        # in the last place: 0.74832 vs 0.74833)
        return round(struct.unpack("f", struct.pack("f", x))[0], 5) if isinstance(x, float) else x

    return {
        "articles": {r[0]: r[1:] for r in db.all(
            "SELECT id, raw_hash, text_hash, copy_of, copy_kind, seq, title, published, record FROM articles")},
        "mentions": {(r[0], r[1]): (r[2], r[3], r[4], r[5], rnd(r[6]), json.loads(r[7]), json.loads(r[8]))
                     for r in db.all("SELECT article_id, idx, event_id, type, mode, is_primary, score, data,"
                                     " features FROM mentions")},
        "live": {r[0]: tuple(rnd(x) for x in r[1:-2]) + (sorted((r[-2] or "").split()), json.loads(r[-1]))
                 for r in db.all(
            "SELECT id, family, type, subtype, mode, block_day, day, date_value, date_precision, country,"
            " admin1, place, lat, lon, n_mentions, n_articles, n_sources, created_seq, search, profile"
            " FROM events WHERE redirect IS NULL")},
        "absorbed": {r[0]: (r[1], r[2], r[3], json.loads(r[4])) for r in db.all(
            "SELECT id, redirect, n_mentions, created_seq, profile FROM events WHERE redirect IS NOT NULL")},
        "links": Counter(tuple(r) for r in db.all("SELECT src, dst, relation, article_id FROM links")),
        "actors": Counter(tuple(r) for r in db.all(
            "SELECT event_id, article_id, name, canonical, kind, role FROM actors")),
        "lsh": Counter(tuple(r) for r in db.all("SELECT band, bucket, article_id FROM lsh")),
        "df": dict(db.all("SELECT token, n FROM df")),
        "docs": db.scalar("SELECT value FROM meta WHERE key = 'docs'"),
        "event_terms": Counter(tuple(r) for r in db.all("SELECT token, event_id FROM event_terms"))
        if _version(db) >= 2 else None,
        "stories": {r[0]: (r[1], r[2], r[3], json.loads(r[4])) for r in db.all(
            "SELECT id, block_day, n_articles, created_seq, profile FROM stories")} if _version(db) >= 3 else None,
        "story_of": dict(db.all("SELECT id, story_id FROM articles")) if _version(db) >= 3 else None,
    }


def _version(db: Db) -> int:
    return int(db.scalar("SELECT value FROM meta WHERE key = 'schema_version'") or 0)


def event_partition(snap: dict[str, Any]) -> set[frozenset]:
    groups: dict[str, set] = {}
    for key, row in snap["mentions"].items():
        if row[0]:
            groups.setdefault(row[0], set()).add(key)
    return {frozenset(g) for g in groups.values()}


def assert_same(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert a["articles"] == b["articles"], "the two paths did not store the same analysed records"
    assert event_partition(a) == event_partition(b)
    for k in a:
        assert a[k] == b[k], f"{k} differs"


def open_snapshot(url: str) -> dict[str, Any]:
    store = open_store(url)
    try:
        return snapshot(store.db)
    finally:
        store.close()


# -- real articles: gvc-dev through `eventwire batch`, then both write paths -------------

@pytest.fixture(scope="module")
def gvc(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """200 gvc-dev articles in 2 shards, analysed once by `eventwire batch` (Ray, 2 workers)
    and once more by the single-machine `eventwire ingest` (same shards, in the order the
    Parquet parts are read) into SQLite."""
    tmp = tmp_path_factory.mktemp("gvc")
    rows = read_jsonl(shared / "data" / "gvc-dev" / "articles.jsonl")[:N_ARTICLES]
    shards = []
    for i in range(2):
        p = tmp / f"shard{i}.jsonl"
        p.write_text("".join(json.dumps(r) + "\n" for r in rows[i::2]), encoding="utf-8")
        shards.append(p)
    out = tmp / "out"
    ordered = sorted(shards, key=lambda p: Shard(str(p)).output(out).name)  # read_records order
    seq_url = f"sqlite:///{tmp / 'single.db'}"
    # Both analyses at once (they share nothing): the whole file stays within ~3 minutes.
    procs = [subprocess.Popen([sys.executable, "-m", "eventwire.cli", *args], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
             for args in (["batch", *map(str, shards), "--out", str(out), "--engine", "ray", "--workers", "2"],
                          ["ingest", *map(str, ordered), "--db", seq_url, "--no-progress"])]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
    return {"out": out, "single": open_snapshot(seq_url)}


def test_ray_load_into_postgres_equals_single_machine_ingest(gvc: dict[str, Any], pg_url: str) -> None:
    with temp_pg_database(pg_url) as url:
        got = ingest_from_parquet(str(gvc["out"]), url, engine="ray", workers=2)
        assert got["mode"] == "partitioned", got.get("reason")
        assert got["new"] == N_ARTICLES and got["errors"] == 0
        # The work really was partitioned, and the boundary path really ran.
        assert got["partitions"] > 10 and got["groups"] > 10
        assert got["boundary_queries"] > 0 and got["rounds"] >= 2
        bulk = open_snapshot(url)
        assert len(bulk["mentions"]) > N_ARTICLES and len(bulk["live"]) > 50
        assert_same(gvc["single"], bulk)

        again = ingest_from_parquet(str(gvc["out"]), url, engine="ray", workers=2)
        assert again["unchanged"] == N_ARTICLES and again["new"] == 0 and again["events_created"] == 0
        assert open_snapshot(url) == bulk


# -- hand-made records: merges across partitions, links, copies, incremental loads -------

D = 739019  # 2024-05-13: the last day of a 30-day partition window (D % 30 == 29)
WORDS1 = "warehouse forklift loading dock conveyor pallets foreman crates depot"
WORDS2 = "orchard tractor barn silo harvest vineyard cider apples"


def _text(words: str, extra: str = "") -> str:
    return f"The {words} {extra}".strip()


def _event(etype: str, day: int | None, country: str | None = None, mode: str = "asserted",
           about: int | None = None, killed: int | None = 3) -> dict[str, Any]:
    loc = {"name": "Springfield", "country_code": country, "admin1": "Illinois", "lat": 39.8,
           "lon": -89.65} if country else None
    return {"type": etype, "trigger": {"text": "shot", "start": 0, "end": 4}, "mode": mode, "primary": True,
            "actors": [{"name": "Acme Gang", "role": "perpetrator", "canonical": "Acme Gang"}],
            "location": loc, "date": {"value": date.fromordinal(day).isoformat(), "precision": "day"} if day else None,
            "figures": {"killed": {"value": killed, "qualifier": "exact"}} if killed else {}, "about": about}


def _rec(aid: str, text: str, events: list[dict[str, Any]], published: int = D + 4) -> Record:
    return Record.from_dict({"article": {"id": aid, "title": aid, "text": text,
                                         "published": date.fromordinal(published).isoformat()},
                             "events": events})


def _records() -> list[Record]:
    return [
        # Two reports of one incident that share no words: two events, in different
        # partitions (stated US, day D / unknown region, next window).
        _rec("a1", _text(WORDS1), [_event("shooting", D, "US")]),
        _rec("a2", _text(WORDS2), [_event("shooting", D + 3)]),
        _rec("a7", _text(WORDS1), []),  # an exact copy of a1 (no events of its own)
        _rec("a8", _text("marina yacht harbour pier"), [_event("shooting", D + 100, "US")]),
        # Bridges them (both word sets): joins one event, the other merges into it, across
        # the region and window boundary.
        _rec("a3", _text(WORDS1 + " " + WORDS2), [_event("shooting", D + 1)]),
        # A claim found for the incident by the cross-article link search.
        _rec("a4", _text(WORDS1, "responsibility"), [_event("claim_responsibility", D + 1, killed=None)]),
        # A claim about an event of its own article; a hypothetical mention (never clustered).
        _rec("a5", _text("stadium parking garage", "claimed"),
             [_event("bombing", D + 40, "US"), _event("claim_responsibility", D + 40, about=0, killed=None),
              _event("shooting", D + 41, "US", mode="hypothetical")]),
    ]


def _single(records: list[Record], url: str) -> dict[str, Any]:
    store = open_store(url)
    try:
        counts = store.add_records(records)
        assert counts["errors"] == 0
        return snapshot(store.db)
    finally:
        store.close()


def _parquet(records: list[Record], path: Path) -> str:
    path.mkdir(parents=True)
    write_records(records, path / "part-0.parquet")
    return str(path)


def test_merge_across_partitions_matches_single_machine(tmp_path: Path) -> None:
    """Rule: a mention that bridges events living in different partitions must end in one
    event, with the same kept id and redirect, as when the store sees every article."""
    recs = _records()
    want = _single(recs, f"sqlite:///{tmp_path / 'single.db'}")
    assert len(want["absorbed"]) == 1, "the fixture should make the single-machine path merge"
    assert len(want["links"]) == 2 and want["articles"]["a7"][2] == "a1"  # copy_of
    got_counts = ingest_from_parquet(_parquet(recs, tmp_path / "p"), f"sqlite:///{tmp_path / 'bulk.db'}")
    assert got_counts["mode"] == "partitioned", got_counts.get("reason")
    assert got_counts["unions"] >= 1 and got_counts["copies"] == 1
    assert_same(want, open_snapshot(f"sqlite:///{tmp_path / 'bulk.db'}"))


def test_incremental_loads_and_updates_match_single_machine(tmp_path: Path) -> None:
    """Rule: loading into a store that already holds events (they are candidates too, and
    may be absorbed), then loading a changed article (an update), ends as one ingest of all."""
    recs = _records()
    changed = _rec("a8", _text("marina yacht harbour pier", "updated"), [_event("shooting", D + 101, "US")])
    want = _single(recs + [changed], f"sqlite:///{tmp_path / 'single.db'}")
    url = f"sqlite:///{tmp_path / 'bulk.db'}"
    ingest_from_parquet(_parquet(recs[:4], tmp_path / "p1"), url, engine="local")
    second = ingest_from_parquet(_parquet(recs[4:], tmp_path / "p2"), url, engine="local")
    assert second["new"] == 3
    third = ingest_from_parquet(_parquet([changed], tmp_path / "p3"), url)
    assert third["updated"] == 1
    assert_same(want, open_snapshot(url))
    assert [r.article.id for r in read_records(tmp_path / "p3")] == ["a8"]


def test_bad_engine_or_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        ingest_from_parquet(str(tmp_path), f"sqlite:///{tmp_path / 'x.db'}", engine="spark")
    with pytest.raises(FileNotFoundError):
        ingest_from_parquet(str(tmp_path / "missing"), f"sqlite:///{tmp_path / 'x.db'}")


def test_a_record_that_fails_is_counted_and_leaves_no_trace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rule: one bad record is an error count, and the others load as if it were absent."""
    from eventwire.scale import prepare

    recs = _records()
    want = _single([r for r in recs if r.article.id != "a2"], f"sqlite:///{tmp_path / 'single.db'}")
    real = prepare.cluster.mention_features

    def flaky(d: dict[str, Any], idx: int, **kw: Any) -> dict[str, Any]:
        if d["article"]["id"] == "a2":
            raise RuntimeError("bad record")
        return real(d, idx, **kw)

    monkeypatch.setattr(prepare.cluster, "mention_features", flaky)
    got = ingest_from_parquet(_parquet(recs, tmp_path / "p"), f"sqlite:///{tmp_path / 'bulk.db'}")
    monkeypatch.undo()
    assert got["errors"] == 1 and got["new"] == len(recs) - 1
    assert_same(want, open_snapshot(f"sqlite:///{tmp_path / 'bulk.db'}"))


# -- a story split (cluster/split.py): same stories on both paths, also across loads ------

def _story_recs() -> list[Record]:
    theme = "quake island village houses walls collapsed tremor magnitude"

    def rec(aid: str, words: str, stated: bool) -> Record:
        lead = "March 14, 2006 - " if stated else ""
        times = [{"value": "2006-03-14", "text": "March 14, 2006", "start": 0, "end": 14, "type": "DATE"}] if stated else []
        return Record.from_dict({"article": {"id": aid, "title": None, "text": f"{lead}The {theme} {words} {aid}word.",
                                             "published": None}, "events": [], "times": times})

    return ([rec(f"s{i}", "ridgeford ostholm governor relief ambulance", False) for i in range(5)]
            + [rec(f"t{i}", "kelvara marlow hospital rescue dozens", True) for i in range(3)])


def test_story_split_matches_single_machine_also_across_loads(tmp_path: Path) -> None:
    """Rule: a story split moves the same articles to the same new story on both paths, also
    when the articles it moves were stored by an earlier load."""
    recs = _story_recs()
    want = _single(recs, f"sqlite:///{tmp_path / 'single.db'}")
    assert len(set(want["story_of"].values())) == 2, "the fixture should make the single-machine path split"
    assert want["story_of"]["t0"] == want["story_of"]["t2"] != want["story_of"]["s0"]
    ingest_from_parquet(_parquet(recs, tmp_path / "p"), f"sqlite:///{tmp_path / 'bulk.db'}")
    assert_same(want, open_snapshot(f"sqlite:///{tmp_path / 'bulk.db'}"))
    url = f"sqlite:///{tmp_path / 'twice.db'}"
    ingest_from_parquet(_parquet(recs[:7], tmp_path / "p1"), url, engine="local")
    ingest_from_parquet(_parquet(recs[7:], tmp_path / "p2"), url, engine="local")
    assert_same(want, open_snapshot(url))
