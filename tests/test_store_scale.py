"""The write path's cost must not grow with the store: blocking windows are index-only
scans, the cut at CANDIDATE_LIMIT is a total order, merges touch only their own links,
and parsed profiles are shared read-only. Hand-made rows, no analysis."""

from __future__ import annotations

import copy
import json

from eventwire import cluster
from eventwire.store import ingest, open_store
from eventwire.store.events import create_event, link, merge_events, parse_profile

DAY = 738000


def mention(day: int = DAY, family: str = "violence", words: dict[str, float] | None = None) -> dict:
    return {"article": "a", "root": "a", "index": 0, "type": "attack", "subtype": None, "family": family,
            "mode": "asserted", "primary": True, "day": day, "precision": "day", "block_day": day,
            "published_day": day, "country": "US", "admin1": None, "lat": None, "lon": None,
            "place": None, "place_inferred": False, "actors": ["gunmen"], "figures": {"killed": 3},
            "tokens": words or {}, "about": None}


def test_window_query_reads_no_table_rows(tmp_path) -> None:
    """The date-window query of candidates() is answered from events_live_block alone (the
    table rows carry the large profile, read through overflow pages)."""
    st = open_store(f"sqlite:///{tmp_path / 'ew.db'}")
    seen: list[tuple[str, list]] = []
    real = st.db.all

    def spy(q: str, params=()) -> list[tuple]:
        seen.append((q, list(params)))
        return real(q, params)

    st.db.all = spy  # type: ignore[method-assign]
    ingest.candidates(st.db, mention())
    window = [(q, p) for q, p in seen if "block_day BETWEEN" in q]
    assert window, "candidates() no longer runs a date-window query"
    plan = " ".join(str(r) for q, p in window for r in real("EXPLAIN QUERY PLAN " + q, p))
    assert "events_live_block" in plan
    st.close()


def test_window_cut_breaks_ties_by_id(store, monkeypatch) -> None:
    """Two events one article created on the same day tie on (distance, created_seq): the
    id decides which one is kept at the cut, on every backend (scale/partition.py sorts the
    same way)."""
    db = store.db
    with db.tx():
        for eid in ("ev_b", "ev_a", "ev_c"):
            create_event(db, eid, cluster.new_profile(eid, mention()), seq=5)
        create_event(db, "ev_0", cluster.new_profile("ev_0", mention(DAY + 1)), seq=1)
    monkeypatch.setattr(ingest, "CANDIDATE_LIMIT", 2)
    assert [c["id"] for c in ingest.candidates(db, mention())] == ["ev_a", "ev_b"]
    monkeypatch.setattr(ingest, "CANDIDATE_LIMIT", 4)
    assert [c["id"] for c in ingest.candidates(db, mention())] == ["ev_a", "ev_b", "ev_c", "ev_0"]


def test_merge_removes_only_its_own_self_link(store) -> None:
    """A link between the two merged events disappears; links of other events stay."""
    db = store.db
    with db.tx():
        for eid, seq in (("ev_a", 1), ("ev_b", 2), ("ev_c", 3)):
            create_event(db, eid, cluster.new_profile(eid, mention()), seq=seq)
        link(db, "ev_a", "ev_b", "claim_responsibility", "art1")
        link(db, "ev_c", "ev_b", "accusation", "art2")
        pa = parse_profile(db.scalar("SELECT profile FROM events WHERE id = 'ev_a'"))
        pb = parse_profile(db.scalar("SELECT profile FROM events WHERE id = 'ev_b'"))
        keep, _ = merge_events(db, "ev_b", pb, "ev_a", pa)
    assert keep == "ev_a"
    assert sorted(db.all("SELECT src, dst, relation FROM links")) == [("ev_c", "ev_a", "accusation")]


def test_parsed_profiles_are_shared_read_only() -> None:
    """parse_profile returns what json.loads returns, and the cluster functions that take
    a parsed profile build new dicts instead of changing it (the parsed dict is cached)."""
    m = mention(words={"harbour": 2.0, "blast": 1.5})
    text = json.dumps(cluster.new_profile("ev_x", m))
    p = parse_profile(text)
    assert p == json.loads(text)
    before = copy.deepcopy(p)
    other = mention(DAY + 1, words={"harbour": 1.0, "smoke": 3.0})
    cluster.add_mention(p, other)
    cluster.merge_profiles(p, cluster.new_profile("ev_y", other))
    cluster.assign(other, [p])
    p["n"] = 99  # the top level is the caller's own
    assert parse_profile(text) == before == json.loads(text)
