"""Event rows: create, merge (the absorbed id redirects), refresh the summary columns
that list filters use, and take an article's mentions back out."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .. import cluster, taxonomy
from .db import Db

# Parsed profiles kept (about 40 kB each at the 300-word cap): a blocking window's worth.
PARSED_PROFILES = 16384  # parsed profiles kept: more than the events and stories a ±7-day window holds at 400 articles a day


def create_event(db: Db, eid: str, profile: dict[str, Any], seq: int) -> None:
    db.execute(
        "INSERT INTO events (id, family, block_day, profile, created_seq) VALUES (?,?,?,?,?)",
        (eid, profile["family"], profile.get("block_day"), json.dumps(profile), seq),
    )


def merge_events(db: Db, a: str, pa: dict[str, Any], b: str, pb: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Merge events a and b; the older one keeps its id, the other redirects to it."""
    seqs = dict(db.all("SELECT id, created_seq FROM events WHERE id IN (?, ?)", (a, b)))
    keep, gone, pk, pg = (a, b, pa, pb) if seqs.get(a, 0) <= seqs.get(b, 0) else (b, a, pb, pa)
    profile = cluster.merge_profiles({**pk, "id": keep}, pg)
    for table, col in (("mentions", "event_id"), ("actors", "event_id"), ("links", "src"), ("links", "dst"),
                       ("event_terms", "event_id")):
        db.execute(f"UPDATE {table} SET {col} = ? WHERE {col} = ?", (keep, gone))
    # Only keep can have become a self-link (each merge removes its own), so this is an
    # indexed delete rather than a scan of every link in the store.
    db.execute("DELETE FROM links WHERE src = ? AND dst = ?", (keep, keep))
    db.execute("UPDATE events SET redirect = ? WHERE redirect = ?", (keep, gone))
    db.execute("UPDATE events SET redirect = ?, n_mentions = 0 WHERE id = ?", (keep, gone))
    db.execute("UPDATE events SET profile = ? WHERE id = ?", (json.dumps(profile), keep))
    return keep, profile


def link(db: Db, src: str, dst: str, relation: str, article_id: str) -> None:
    """One row per supporting article, so taking an article out keeps the others' links."""
    if db.scalar("SELECT 1 FROM links WHERE src = ? AND dst = ? AND relation = ? AND article_id = ?",
                 (src, dst, relation, article_id)):
        return
    db.execute("INSERT INTO links (src, dst, relation, article_id) VALUES (?,?,?,?)",
               (src, dst, relation, article_id))


def refresh_event(db: Db, eid: str) -> None:
    """Recompute the denormalised columns of one event from its profile and members."""
    row = db.one("SELECT profile FROM events WHERE id = ?", (eid,))
    if not row:
        return
    p = parse_profile(row[0])
    agg = db.one(
        "SELECT COUNT(*), COUNT(DISTINCT m.article_id), COUNT(DISTINCT COALESCE(a.copy_of, a.id)),"
        " MIN(COALESCE(a.published, a.ingested_at)), MAX(COALESCE(a.published, a.ingested_at))"
        " FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = ?", (eid,))
    n_mentions, n_articles, n_sources, first, last = agg or (0, 0, 0, None, None)
    day = cluster.event_day(p)
    main = cluster.main_type(p)
    words = [main or "", p.get("place") or "", p.get("country") or "", p.get("admin1") or ""]
    words += list((p.get("actors") or {}).keys())
    titles = db.all("SELECT DISTINCT a.title FROM mentions m JOIN articles a ON a.id = m.article_id"
                    " WHERE m.event_id = ? ORDER BY a.title LIMIT 20", (eid,))
    words += [t[0] for t in titles if t[0]]
    # the subtype must be one of the main type's: an event typed natural_disaster whose
    # mentions also include a stray "killing" must not read natural_disaster/armed_assault
    subtypes = {k: v for k, v in (p.get("subtypes") or {}).items() if taxonomy.type_of(k) == main}
    subtype = max(subtypes.items(), key=lambda kv: (kv[1], kv[0]))[0] if subtypes else None
    db.execute(
        "UPDATE events SET type = ?, subtype = ?, mode = ?, block_day = ?, day = ?, date_value = ?,"
        " date_precision = ?, country = ?, admin1 = ?, place = ?, lat = ?, lon = ?, n_mentions = ?,"
        " n_articles = ?, n_sources = ?, first_seen = ?, last_seen = ?, search = ? WHERE id = ?",
        (main, subtype, cluster.main_mode(p), p.get("block_day"),
         day if day is not None else p.get("block_day"),
         cluster.iso(day) if day is not None else None, p.get("precision") if day is not None else None,
         p.get("country"), p.get("admin1"), p.get("place"), p.get("lat"), p.get("lon"),
         n_mentions, n_articles, n_sources, first, last, " ".join(words).lower(), eid),
    )


def remove_article_mentions(db: Db, aid: str) -> None:
    """Take an article's mentions out of their events (its text changed): profiles are
    rebuilt from the remaining mentions' stored features; emptied events are deleted."""
    eids = [r[0] for r in db.all("SELECT DISTINCT event_id FROM mentions WHERE article_id = ? AND event_id IS NOT NULL", (aid,))]
    db.execute("DELETE FROM mentions WHERE article_id = ?", (aid,))
    db.execute("DELETE FROM actors WHERE article_id = ?", (aid,))
    db.execute("DELETE FROM links WHERE article_id = ?", (aid,))
    for eid in eids:
        rows = db.all("SELECT features FROM mentions WHERE event_id = ? ORDER BY article_id, idx", (eid,))
        if not rows:
            db.execute("DELETE FROM links WHERE src = ? OR dst = ?", (eid, eid))
            db.execute("DELETE FROM events WHERE id = ? OR redirect = ?", (eid, eid))
            continue
        feats = [json.loads(r[0]) for r in rows]
        profile = cluster.new_profile(eid, feats[0])
        for f in feats[1:]:
            profile = cluster.add_mention(profile, f)
        db.execute("UPDATE events SET profile = ? WHERE id = ?", (json.dumps(profile), eid))
        refresh_event(db, eid)


@lru_cache(maxsize=PARSED_PROFILES)
def _parsed(text: str) -> dict[str, Any]:
    return json.loads(text)


def parse_profile(text: str) -> dict[str, Any]:
    """A stored profile as a dict. Blocking hands the same hot events (and stories) to
    article after article, and decoding their JSON was the largest cost that grew with
    them; the cache is keyed by the stored text itself, so it can never be stale whoever
    wrote the row. The nested values are shared between callers: read-only (the cluster
    functions build new dicts, see tests/test_store.py), only the top level is copied."""
    return dict(_parsed(text))


def profiles(db: Db, table: str, ids: list[str]) -> list[dict[str, Any]]:
    """Parsed profiles of events (or stories) by id, in the order of `ids`."""
    if not ids:
        return []
    marks = ",".join("?" for _ in ids)
    got = {i: parse_profile(p) for i, p in db.all(f"SELECT id, profile FROM {table} WHERE id IN ({marks})", ids)}
    return [got[i] for i in ids if i in got]
