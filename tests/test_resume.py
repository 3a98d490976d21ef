"""kill -9 in the middle of a real `eventwire ingest`, then run it again: every article is
stored exactly once and the events equal those of an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

CITIES = ["Mosul", "Aleppo", "Kabul", "Mogadishu", "Maiduguri", "Sanaa", "Tripoli", "Bamako",
          "Goma", "Peshawar"]


def articles() -> list[dict]:
    """30 short reports: 10 incidents, each reported three times with rising tolls."""
    out = []
    for i, city in enumerate(CITIES):
        for k in range(3):
            toll = 5 + i + 4 * k
            out.append({
                "id": f"art-{i:02d}-{k}",
                "title": f"Bombing in {city}",
                "published": f"2024-0{1 + i % 9}-1{k}",
                "text": (f"A car bomb exploded near a checkpoint in {city} on Monday, killing {toll} "
                         f"people, officials said. Report number {k} on incident {i}. The blast damaged "
                         f"shops in the city centre and wounded {2 * toll} others, according to hospital "
                         f"staff. Security forces sealed off the area after the explosion."),
            })
    return out


def ingest(db: str, src: str, throttle_ms: int = 0) -> subprocess.Popen:
    env = {**os.environ, "EVENTWIRE_INGEST_THROTTLE_MS": str(throttle_ms)}
    return subprocess.Popen([sys.executable, "-m", "eventwire.cli", "ingest", src, "--db", db, "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def count(path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def snapshot(path) -> dict:
    from eventwire.store import open_store

    st = open_store(f"sqlite:///{path}")
    try:
        events = {e["id"]: sorted(e["articles"]) for e in st.iter_events()}
        db = st.db
        arts = db.all("SELECT id, record FROM articles ORDER BY id")
        n_mentions = {a: len(json.loads(r)["events"]) for a, r in arts}
        stored = dict(db.all("SELECT article_id, COUNT(*) FROM mentions GROUP BY article_id"))
        dangling = db.scalar("SELECT COUNT(*) FROM mentions m LEFT JOIN events e ON e.id = m.event_id"
                             " WHERE m.event_id IS NOT NULL AND (e.id IS NULL OR e.redirect IS NOT NULL)")
        return {"ids": [a for a, _ in arts], "events": events, "mentions_ok": all(
            stored.get(a, 0) == n for a, n in n_mentions.items()), "dangling": dangling}
    finally:
        st.close()


def test_kill_and_resume(tmp_path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in articles()) + "\n", encoding="utf-8")
    path = tmp_path / "ew.db"
    proc = ingest(f"sqlite:///{path}", str(src), throttle_ms=400)
    deadline = time.time() + 240
    while count(path) < 6 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be killed: " + proc.stderr.read()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = count(path)
    assert 6 <= done_before < 30

    again = ingest(f"sqlite:///{path}", str(src))
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    counts = json.loads(err.strip().splitlines()[-1])
    assert counts["unchanged"] >= done_before and counts["new"] + counts["unchanged"] == 30

    resumed = snapshot(path)
    assert resumed["ids"] == sorted(a["id"] for a in articles())
    assert resumed["mentions_ok"] and resumed["dangling"] == 0

    clean_path = tmp_path / "clean.db"
    clean = ingest(f"sqlite:///{clean_path}", str(src))
    _, err = clean.communicate(timeout=300)
    assert clean.returncode == 0, err
    assert snapshot(clean_path)["events"] == resumed["events"]
