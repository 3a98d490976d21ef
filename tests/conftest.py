"""Shared fixtures: the ../shared folder, a PostgreSQL URL, the CLI runner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "SPEC.md").exists():
        pytest.skip(f"../shared not found at {SHARED} (a fresh clone outside CI); set EVENTWIRE_SHARED")
    return SHARED


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def pg_url() -> str:
    url = os.environ.get("EVENTWIRE_TEST_PG")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("EVENTWIRE_TEST_PG must be set in CI (.ci/run starts PostgreSQL)")
        pytest.skip("no PostgreSQL server: set EVENTWIRE_TEST_PG=postgresql://... (.ci/run does)")
    return url


def run_cli(*args: str, input: str | bytes | None = None, cwd: Path | None = None,
            timeout: float = 600) -> subprocess.CompletedProcess:
    """Run the real `eventwire` console entry point in a subprocess."""
    text = not isinstance(input, bytes)
    return subprocess.run(
        [sys.executable, "-m", "eventwire.cli", *args],
        input=input, capture_output=True, text=text, cwd=cwd, timeout=timeout,
    )


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(scope="module")
def pg_db(pg_url, request):
    """A scratch PostgreSQL database for one test module (named after it), dropped after."""
    from eventwire.store.testing import temp_pg_database

    with temp_pg_database(pg_url, "ew_" + request.module.__name__.removeprefix("test_")) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path):
    """The same test against an embedded SQLite store and an emptied PostgreSQL one."""
    from eventwire.store import open_store
    from eventwire.store.testing import reset_pg_database

    if request.param == "sqlite":
        st = open_store(f"sqlite:///{tmp_path / 'ew.db'}")
    else:
        url = request.getfixturevalue("pg_db")
        reset_pg_database(url)
        st = open_store(url)
    yield st
    st.close()


@pytest.fixture(scope="session")
def nlp():
    """The pipeline's spaCy model (loaded once per process by eventwire.nlp)."""
    from eventwire.nlp import load

    return load("en")
