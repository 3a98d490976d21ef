"""`eventwire ingest` and `eventwire events` end to end (real reading and analysis)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import run_cli

ATTACK = (
    "Gunmen opened fire on a crowded market in the northern city of Kano on Tuesday, killing at "
    "least 12 people and wounding 30 others, police said. Witnesses said the attackers arrived on "
    "motorcycles and fled after the shooting. The state governor condemned the attack and ordered "
    "an investigation. Hospitals in the city appealed for blood donations as the wounded arrived. "
    "No group has claimed responsibility for the attack so far, a police spokesman told reporters."
)
OTHER = (
    "Thousands of farmers marched through the capital on Saturday to protest against new fuel "
    "taxes, blocking the main avenue for several hours. Organisers said the demonstration was "
    "peaceful and that more marches were planned for next week. The agriculture minister agreed "
    "to meet union leaders on Monday, according to a government statement released in the evening."
)


def write_inputs(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "orig.txt").write_text(ATTACK, encoding="utf-8")
    (tmp_path / "in" / "copy.txt").write_text(ATTACK.replace("Witnesses said", "Witnesses reported")
                                              + " (Wire report)", encoding="utf-8")
    (tmp_path / "in" / "other.txt").write_text(OTHER, encoding="utf-8")
    return [str(tmp_path / "in" / n) for n in ("orig.txt", "copy.txt", "other.txt")], str(tmp_path / "missing.txt")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """One real ingest (3 articles + a missing path) shared by the tests below."""
    tmp = tmp_path_factory.mktemp("ingest")
    paths, bad = write_inputs(tmp)
    db = f"sqlite:///{tmp / 'ew.db'}"
    r = run_cli("ingest", *paths, bad, "--db", db, "--published", "2024-05-14", "--no-progress")
    return paths, db, r


def test_ingest_errors_copies_and_idempotency(ingested, cli) -> None:
    # Rule: bad items are reported and make the exit code non-zero, the rest is stored;
    # a copy is linked to its original; a second run changes nothing.
    paths, db, r = ingested
    assert r.returncode == 1, r.stderr
    assert "missing.txt" in r.stderr
    counts = json.loads(r.stderr.strip().splitlines()[-1])
    assert counts["new"] == 3 and counts["copies"] == 1 and counts["errors"] >= 1

    first = cli("events", "--db", db, "--format", "jsonl", "--limit", "100")
    assert first.returncode == 0, first.stderr
    events = [json.loads(line) for line in first.stdout.splitlines()]
    for ev in events:
        assert ev["id"].startswith("ev_") and ev["articles"]
        if paths[0] in ev["articles"]:  # the copy was analysed the same way: same events
            assert paths[1] in ev["articles"] and ev["sources"] == 1

    again = cli("ingest", *paths, "--db", db, "--no-progress")
    assert again.returncode == 0, again.stderr
    counts = json.loads(again.stderr.strip().splitlines()[-1])
    assert counts["new"] == 0 and counts["unchanged"] == 3
    second = cli("events", "--db", db, "--format", "jsonl", "--limit", "100")
    assert [json.loads(line)["id"] for line in second.stdout.splitlines()] == [e["id"] for e in events]


def test_events_formats(ingested, cli) -> None:
    # Rule: csv has a header and one row per event; table shows columns; --id shows one
    # event (or fails cleanly for an unknown id).
    _, db, _ = ingested
    js = [json.loads(x) for x in cli("events", "--db", db).stdout.splitlines()]
    rows = list(csv.DictReader(io.StringIO(cli("events", "--db", db, "--format", "csv").stdout)))
    assert len(rows) == len(js) and (not rows or rows[0]["id"] == js[0]["id"])
    table = cli("events", "--db", db, "--format", "table").stdout
    assert table.splitlines()[0].split()[:3] == ["id", "type", "date"]
    if js:
        detail = cli("events", "--db", db, "--id", js[0]["id"], "--format", "table")
        assert detail.returncode == 0 and detail.stdout.startswith(js[0]["id"])
    missing = cli("events", "--db", db, "--id", "ev_doesnotexist")
    assert missing.returncode == 1 and "no event" in missing.stderr
