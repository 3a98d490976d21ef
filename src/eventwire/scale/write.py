"""Writing a partitioned clustering into the target store, as add_record would have.

Every row add_record writes is written here with the same values: articles (same seq,
copy detection, MinHash), LSH buckets, mentions (event id, score, features), actors,
events (stable ids `event_id_for(article, idx)`, absorbed ids redirecting to the live
one), statement links, document frequencies. Event ids recorded at one moment of the
global order are renamed by the merges that happen *after* that moment — exactly what
the `UPDATE ... SET event_id = keep WHERE event_id = gone` statements of
`store.events.merge_events` do to the rows that exist when a merge happens (so a link
written with an id that was absorbed earlier in its own article keeps that id, as in the
store). Summary columns come from the store's own `refresh_event`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from ..model import Record
from ..store.db import Db
from ..store.events import refresh_event

Pos = tuple[int, int, int]


class Merges:
    """Every merge of the load, in global order: gone → (when, keep)."""

    def __init__(self, results: list[dict[str, Any]]) -> None:
        self.absorbed: dict[str, tuple[tuple[Pos, int], str]] = {}
        for res in results:
            for k, (pos, gone, keep) in enumerate(res["merges"]):
                self.absorbed[gone] = ((tuple(pos), k), keep)

    def final(self, eid: str, after: Pos | None = None) -> str:
        """The id a row written at `after` holding `eid` ends up with (None: an older row)."""
        cur = eid
        for _ in range(len(self.absorbed) + 1):
            nxt = self.absorbed.get(cur)
            if not nxt or (after is not None and nxt[0][0] <= after):
                return cur
            cur = nxt[1]
        return cur

    def link(self, src: str, dst: str, at: Pos) -> tuple[str, str] | None:
        """Both ends of a link row written at `at`; None when a merge made it a self-link
        (merge_events deletes those)."""
        t: tuple[Pos, int] = (at, 10**9)
        while True:
            steps = [x for x in (self.absorbed.get(src), self.absorbed.get(dst)) if x and x[0] > t]
            if not steps:
                return src, dst
            when = min(s[0] for s in steps)
            if self.absorbed.get(src, (None,))[0] == when:
                src = self.absorbed[src][1]
            if self.absorbed.get(dst, (None,))[0] == when:
                dst = self.absorbed[dst][1]
            t = when
            if src == dst:
                return None


def links(prep: Any, placed: dict[tuple[str, int], tuple[str, float | None]], found: list[tuple],
          merges: Merges) -> list[tuple[str, str, str, str]]:
    """Link rows (src, dst, relation, article) as store.ingest._link_statements writes them."""
    made: list[tuple[Pos, str, str, str, str]] = []
    for pos, aid, idx, about, rel in prep.about:
        src = placed[(aid, idx)][0]
        dst = placed.get((aid, about), (None, None))[0]
        if dst and dst != src:
            made.append((tuple(pos), src, dst, rel, aid))
    for pos, aid, idx, dst, rel in found:
        made.append((tuple(pos), placed[(aid, idx)][0], dst, rel, aid))
    made.sort(key=lambda r: r[0])
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for pos, src, dst, rel, aid in made:
        if (src, dst, rel, aid) in seen:  # events.link: one row per supporting article
            continue
        seen.add((src, dst, rel, aid))
        ends = merges.link(src, dst, pos)
        if ends:
            out.append((ends[0], ends[1], rel, aid))
    return out


def _has_table(db: Db, name: str) -> bool:
    try:
        db.one(f"SELECT 1 FROM {name} LIMIT 1")
        return True
    except Exception:  # noqa: BLE001 - an older schema
        return False


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write(db: Db, prep: Any, records: Iterator[tuple[int, Record]], results: list[dict[str, Any]],
          seeds: dict[str, dict[str, Any]], batch: int = 500) -> dict[str, int]:
    """All rows of the load, in one transaction (a killed load writes nothing)."""
    merges = Merges(results)
    placed: dict[tuple[str, int], tuple[str, float | None]] = {}
    stored: dict[str, dict[str, Any]] = {}
    cols: dict[str, dict[str, Any]] = {}
    found: list[tuple] = []
    live_touched: set[str] = set()
    for res in results:
        placed.update({tuple(k) if isinstance(k, list) else k: v for k, v in res["placed"].items()})
        stored.update(res["stored"])
        cols.update(res["cols"])
        found += res["found"]
        for touched in res["touched"].values():
            live_touched.update(touched)
    now = _now()
    counts = {"articles": 0, "mentions": 0, "links": 0}
    terms = any("terms_added" in r for r in results) and _has_table(db, "event_terms")
    story_of: dict[str, str] = {}
    stories: dict[str, dict[str, Any]] = {}
    for res in results:
        story_of.update(res.get("story_of") or {})
        stories.update(res.get("stories") or {})
    with_stories = bool(stories) or _has_table(db, "stories")
    for aid, a in prep.articles.items():  # copies join their original's story
        if a.get("story_copy"):
            story_of[aid] = story_of.get(a["story_copy"]) or ""
        elif a.get("story_fixed"):
            story_of[aid] = a["story_fixed"]
    with db.tx():
        # Rows that existed before the load follow the merges all the way (merge_events).
        for gone in (g for g in merges.absorbed if g in seeds and not seeds[g].get("story")):
            keep = merges.final(gone)
            for table, col in (("mentions", "event_id"), ("actors", "event_id"), ("links", "src"), ("links", "dst"),
                               *((("event_terms", "event_id"),) if terms else ())):
                db.execute(f"UPDATE {table} SET {col} = ? WHERE {col} = ?", (keep, gone))
            # Only keep can have become a self-link (the store holds none otherwise), so this
            # is an indexed delete, not a scan of every link per absorbed event (merge_events).
            db.execute("DELETE FROM links WHERE src = ? AND dst = ?", (keep, keep))
            db.execute("UPDATE events SET redirect = ? WHERE redirect = ?", (keep, gone))
        art_rows, lsh_rows, men_rows, act_rows = [], [], [], []

        def flush() -> None:
            db.executemany(
                "INSERT INTO articles (id, raw_hash, text_hash, copy_of, copy_kind, title, source, url,"
                " published, ingested_at, seq, minhash, record" + (", story_id" if with_stories else "")
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?" + (",?" if with_stories else "") + ")", art_rows)
            db.executemany("INSERT INTO lsh (band, bucket, article_id) VALUES (?,?,?)", lsh_rows)
            db.executemany(
                "INSERT INTO mentions (article_id, idx, event_id, type, mode, is_primary, score, data,"
                " features) VALUES (?,?,?,?,?,?,?,?,?)", men_rows)
            db.executemany("INSERT INTO actors (event_id, article_id, name, canonical, kind, role)"
                           " VALUES (?,?,?,?,?,?)", act_rows)
            for rows in (art_rows, lsh_rows, men_rows, act_rows):
                rows.clear()

        from ..store import dedup

        for _, rec in records:
            d = rec.to_dict()
            art = d["article"]
            aid = str(art["id"])
            a = prep.articles[aid]
            art_rows.append((aid, a["raw_hash"], a["text_hash"], a["copy_of"], a["copy_kind"], art.get("title"),
                             art.get("source"), art.get("url"), art.get("published"), now, a["seq"],
                             db.blob(a["minhash"]) if a["minhash"] is not None else None,
                             json.dumps(d, ensure_ascii=False)) + ((story_of.get(aid) or None,) if with_stories else ()))
            if a["original"]:
                lsh_rows += [(b, h, aid) for b, h in dedup.buckets(dedup.from_bytes(a["minhash"]))]
            for idx, m in enumerate(d.get("events") or []):
                feats = a["features"][idx]
                eid, score = placed.get((aid, idx), (None, None))
                if eid:
                    eid = merges.final(eid, (a["seq"], 0, idx))
                men_rows.append((aid, idx, eid, feats["type"], feats["mode"], int(feats["primary"]), score,
                                 json.dumps(m, ensure_ascii=False), json.dumps(feats)))
                if eid:
                    act_rows += [(eid, aid, x.get("name"), x.get("canonical") or x.get("name"), x.get("kind"),
                                  x.get("role")) for x in m.get("actors") or []]
            counts["articles"] += 1
            counts["mentions"] += len(d.get("events") or [])
            if len(art_rows) >= batch:
                flush()
        flush()
        ev_rows = []
        for res in results:
            for eid, _seq in res["created"]:
                c = cols[eid]
                redirect = merges.final(eid) if eid in merges.absorbed else None
                ev_rows.append((eid, redirect, c["family"], stored[eid].get("block_day"), json.dumps(stored[eid]),
                                c["created_seq"]))
        db.executemany("INSERT INTO events (id, redirect, family, block_day, profile, created_seq)"
                       " VALUES (?,?,?,?,?,?)", ev_rows)
        for eid, seed in seeds.items():
            if seed.get("story"):
                continue
            if eid in merges.absorbed:
                db.execute("UPDATE events SET redirect = ?, n_mentions = 0, profile = ? WHERE id = ?",
                           (merges.final(eid), json.dumps(stored[eid]), eid))
            elif stored.get(eid) != seed["profile"]:
                db.execute("UPDATE events SET profile = ? WHERE id = ?", (json.dumps(stored[eid]), eid))
        if stories:
            n_arts: dict[str, int] = {}
            for sid in story_of.values():
                if sid:
                    n_arts[sid] = n_arts.get(sid, 0) + 1
            for sid, st in stories.items():
                if sid in seeds:
                    if st["profile"] != seeds[sid]["profile"] or n_arts.get(sid):
                        db.execute("UPDATE stories SET block_day = ?, n_articles = n_articles + ?, profile = ?"
                                   " WHERE id = ?", (st["block_day"], n_arts.get(sid, 0), json.dumps(st["profile"]), sid))
                else:
                    db.execute("INSERT INTO stories (id, block_day, n_articles, profile, created_seq) VALUES (?,?,?,?,?)",
                               (sid, st["block_day"], n_arts.get(sid, 0), json.dumps(st["profile"]), st["created_seq"]))
            for sid in set(n_arts) - set(stories):  # copies of articles stored before this load
                db.execute("UPDATE stories SET n_articles = n_articles + ? WHERE id = ?", (n_arts[sid], sid))
            _story_moves(db, [mv for res in results for mv in (res.get("story_moves") or {}).items()])
        link_rows = links(prep, placed, found, merges)
        db.executemany("INSERT INTO links (src, dst, relation, article_id) VALUES (?,?,?,?)", link_rows)
        counts["links"] = len(link_rows)
        if terms:
            db.executemany("INSERT INTO event_terms (token, event_id) VALUES (?, ?)",
                           [(t, merges.final(eid, tuple(pos))) for r in results for pos, t, eid in r["terms_added"]])
        if prep.df_delta:
            db.executemany("INSERT INTO df (token, n) VALUES (?, ?) ON CONFLICT (token) DO UPDATE"
                           " SET n = df.n + excluded.n", sorted(prep.df_delta.items()))
            db.execute("DELETE FROM meta WHERE key = 'docs'")
            db.execute("INSERT INTO meta (key, value) VALUES ('docs', ?)", (str(prep.docs),))
        for eid in sorted(live_touched):
            if eid not in merges.absorbed:
                refresh_event(db, eid)
    return counts


def _story_moves(db: Db, moves: list[tuple[str, tuple[str, str]]]) -> None:
    """Articles stored before the load that a story split moved (store.stories._split):
    they and their copies go to the new story; both stories' counts are recounted."""
    touched: set[str] = set()
    for aid, (old, new) in sorted(moves):
        db.execute("UPDATE articles SET story_id = ? WHERE story_id = ? AND (id = ? OR copy_of = ?)", (new, old, aid, aid))
        touched.update((old, new))
    for sid in sorted(touched):
        db.execute("UPDATE stories SET n_articles = (SELECT COUNT(*) FROM articles WHERE story_id = ?) WHERE id = ?",
                   (sid, sid))
