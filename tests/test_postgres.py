"""The CLI against a real PostgreSQL server: same results as the embedded SQLite file."""

from __future__ import annotations

import json

import pytest
from test_resume import articles

from eventwire.store import open_store
from eventwire.store.schema import MIGRATIONS
from eventwire.store.testing import temp_pg_database

pytestmark = pytest.mark.postgres


def events_of(cli, db: str) -> dict:
    r = cli("events", "--db", db, "--format", "jsonl", "--limit", "1000", "--rule", "max")
    assert r.returncode == 0, r.stderr
    return {e["id"]: (sorted(e["articles"]), e["figures"].get("killed", {}).get("value"))
            for e in map(json.loads, r.stdout.splitlines())}


def test_cli_on_postgres_matches_sqlite(tmp_path, cli, pg_url) -> None:
    # Rule: a PostgreSQL URL works for ingest and events, is idempotent, and clusters exactly
    # as the SQLite backend does (one SQL dialect layer, one clustering code path).
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in articles()[:12]) + "\n", encoding="utf-8")
    lite = f"sqlite:///{tmp_path / 'ew.db'}"
    assert cli("ingest", str(src), "--db", lite, "--no-progress").returncode == 0
    with temp_pg_database(pg_url, "ew_cli") as pg:
        r = cli("ingest", str(src), "--db", pg, "--no-progress")
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stderr.strip().splitlines()[-1])["new"] == 12
        r = cli("ingest", str(src), "--db", pg, "--no-progress")
        assert json.loads(r.stderr.strip().splitlines()[-1])["unchanged"] == 12
        assert events_of(cli, pg) == events_of(cli, lite)
        st = open_store(pg)
        try:
            assert st.db.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == str(MIGRATIONS[-1][0])
            assert st.stats()["articles"] == 12
        finally:
            st.close()
