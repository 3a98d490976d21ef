"""`eventwire batch`: same answers as extract, resumable, and real Ray in local mode."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_cli

from eventwire.commands.demo import corpus_path
from eventwire.scale.parquet import read_records


def _shards(tmp_path: Path, n: int, copies: int = 1) -> list[Path]:
    """Split the bundled demo corpus (JSON lines) into n shard files; `copies` repeats
    each article under new ids so a shard takes long enough to be killed inside."""
    rows = [json.loads(x) for x in (corpus_path() / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = [{**r, "id": f"{r['id']}-{c}"} for c in range(copies) for r in rows]
    paths = []
    for i in range(n):
        p = tmp_path / f"shard{i:02d}.jsonl"
        p.write_text("".join(json.dumps(r) + "\n" for r in rows[i::n]), encoding="utf-8")
        paths.append(p)
    return paths


def _extract(paths: list[Path]) -> dict[str, dict]:
    res = run_cli("extract", *map(str, paths))
    assert res.returncode == 0, res.stderr
    return {r["article"]["id"]: r for r in map(json.loads, res.stdout.splitlines())}


@pytest.mark.parametrize("engine", ["local", "ray"])
def test_batch_output_equals_extract(tmp_path: Path, engine: str) -> None:
    shards = _shards(tmp_path, 3)
    out = tmp_path / "out"
    res = run_cli("batch", *map(str, shards), "--out", str(out), "--engine", engine, "--workers", "2")
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    assert summary["processed"] == 3 and summary["articles"] == 12
    batch = {r.article.id: r.to_dict() for r in read_records(out)}
    assert batch == _extract(shards)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["articles"] == 12 and len(manifest["shards"]) == 3


def test_batch_resumes_after_kill(tmp_path: Path) -> None:
    shards = _shards(tmp_path, 6, copies=10)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "eventwire.cli", "batch", *map(str, shards), "--out", str(out)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 300
    while time.time() < deadline and not list(out.glob("part-*.parquet")):
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    finished_before = len(list(out.glob("part-*.parquet")))
    assert 1 <= finished_before < 6, "the kill should land mid-run"
    (out / "part-deadbeef.parquet.tmp").write_bytes(b"half a file")  # a partial part from the kill
    res = run_cli("batch", *map(str, shards), "--out", str(out))
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    assert summary["skipped"] == finished_before
    assert summary["processed"] == 6 - finished_before
    ids = [r.article.id for r in read_records(out)]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 120
    assert not list(out.glob("*.tmp"))
    assert os.path.exists(out / "manifest.json")


def test_ingest_from_parquet_cli_matches_direct_ingest(tmp_path: Path) -> None:
    """`batch` then `ingest --from-parquet` stores the same events as `ingest` of the shards."""
    shards = _shards(tmp_path, 2)
    out = tmp_path / "out"
    assert run_cli("batch", *map(str, shards), "--out", str(out)).returncode == 0
    # The direct ingest reads the shards in the order the Parquet parts are loaded.
    order = {r.article.id: i for i, r in enumerate(read_records(out))}
    direct_db, bulk_db = f"sqlite:///{tmp_path / 'direct.db'}", f"sqlite:///{tmp_path / 'bulk.db'}"
    first_ids = {s: json.loads(s.read_text().splitlines()[0])["id"] for s in shards}
    ordered = sorted(shards, key=lambda s: order[first_ids[s]])
    res = run_cli("ingest", *map(str, ordered), "--db", direct_db)
    assert res.returncode == 0, res.stderr
    res = run_cli("ingest", "--from-parquet", str(out), "--db", bulk_db)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stderr.strip().splitlines()[-1])["new"] == 12

    def events(db: str) -> list[tuple[str, tuple[str, ...]]]:
        r = run_cli("events", "--db", db, "--format", "jsonl", "--limit", "500")
        assert r.returncode == 0, r.stderr
        return sorted((e["id"], tuple(sorted(e["articles"]))) for e in map(json.loads, r.stdout.splitlines()))

    assert events(bulk_db) == events(direct_db) != []
    again = run_cli("ingest", "--from-parquet", str(out), "--db", bulk_db)
    assert json.loads(again.stderr.strip().splitlines()[-1])["unchanged"] == 12


def test_ingest_needs_paths_or_parquet(tmp_path: Path) -> None:
    res = run_cli("ingest", "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert res.returncode == 2 and "needs at least one PATH" in res.stderr
