"""The write path: one article per transaction — its row, copy detection, mentions,
cluster assignment, actors and links — so a killed run loses at most the article in
flight, and redoing it is idempotent (same article id + raw hash changes nothing)."""

from __future__ import annotations

import hashlib
import json
import math
from datetime import UTC, datetime
from typing import Any

from .. import cluster
from ..model import Article, Record
from . import dedup
from .db import Db
from .events import (
    create_event,
    link,
    merge_events,
    parse_profile,
    profiles,
    refresh_event,
    remove_article_mentions,
)
from .stories import place_story

CANDIDATE_LIMIT = 60  # blocking never returns more than this many events (nearest in time)
RARE_DF = 25  # words in at most this many stored articles are blocking keys
TERMS_PER_MENTION = 6  # rare words a mention adds to its event's blocking keys
TERM_CANDIDATES = 20
# Word weights (_weights) count the store as holding this many more articles, none of them
# with the word: a cold start. In a store of a few articles every word of the first story
# is in nearly all of them, so its IDF is ~0 and the story's reports look alike only in
# their incidental words (ECB+ topic 1, ingested first, fell into 12 stories); with the
# prior, a word in all of 10 stored articles still weighs log(87/11) ≈ 2.1 against a new
# word's log(87) ≈ 4.5. Beyond a few thousand articles it changes nothing.
IDF_PRIOR_DOCS = 75
STATEMENT_TYPES = frozenset({"claim_responsibility", "accusation", "accuse", "denial", "deny",
                             "arrest", "warning", "threat", "media_release"})


def event_id_for(article_id: str, idx: int) -> str:
    """Stable id: the hash of the first mention that created the event."""
    return "ev_" + hashlib.sha1(f"{article_id}#{idx}".encode()).hexdigest()[:12]


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def add_record(db: Db, rec: Record) -> dict[str, int]:
    """Store one analysed record; returns count increments (see Store.add_records)."""
    d = rec.to_dict()
    art = d["article"]
    aid = str(art["id"])
    raw = art.get("raw_hash") or Article.hash_raw(art.get("text") or "")
    old = db.one("SELECT raw_hash FROM articles WHERE id = ?", (aid,))
    if old and old[0] == raw:
        return {"unchanged": 1}
    counts = {"new": 0, "updated": 0, "copies": 0, "events_created": 0, "events_updated": 0}
    with db.tx():
        if old:
            remove_article_mentions(db, aid)
            db.execute("DELETE FROM lsh WHERE article_id = ?", (aid,))
            db.execute("DELETE FROM articles WHERE id = ?", (aid,))
            counts["updated"] = 1
        else:
            counts["new"] = 1
        text = art.get("text") or ""
        th = dedup.text_hash(text)
        sig = dedup.signature(text)
        copy_of, kind = _find_original(db, aid, th, sig)
        counts["copies"] = int(copy_of is not None)
        seq = int(db.scalar("SELECT COALESCE(MAX(seq), 0) FROM articles") or 0) + 1
        db.execute(
            "INSERT INTO articles (id, raw_hash, text_hash, copy_of, copy_kind, title, source, url,"
            " published, ingested_at, seq, minhash, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (aid, raw, th, copy_of, kind, art.get("title"), art.get("source"), art.get("url"),
             art.get("published"), _now(), seq, dedup.to_bytes(sig), json.dumps(d, ensure_ascii=False)),
        )
        if copy_of is None and sig is not None:
            db.executemany("INSERT INTO lsh (band, bucket, article_id) VALUES (?,?,?)",
                           [(b, h, aid) for b, h in dedup.buckets(sig)])
        weights = _weights(db, cluster.article_tokens(d), count=copy_of is None)
        touched: dict[str, bool] = {}
        mention_event: dict[int, str] = {}
        for idx, m in enumerate(d.get("events") or []):
            feats = cluster.mention_features(d, idx, toks=weights, root=copy_of or aid)
            eid = None
            score = None
            if feats["mode"] not in cluster.features.STATEMENT_MODES:
                eid, score, created = _place_mention(db, feats, event_id_for(aid, idx), seq, touched)
                add_terms(db, feats, eid)
                counts["events_created"] += int(created)
                mention_event[idx] = eid
            db.execute(
                "INSERT INTO mentions (article_id, idx, event_id, type, mode, is_primary, score, data,"
                " features) VALUES (?,?,?,?,?,?,?,?,?)",
                (aid, idx, eid, feats["type"], feats["mode"], int(feats["primary"]), score,
                 json.dumps(m, ensure_ascii=False), json.dumps(feats)),
            )
            if eid:
                db.executemany(
                    "INSERT INTO actors (event_id, article_id, name, canonical, kind, role) VALUES (?,?,?,?,?,?)",
                    [(eid, aid, a.get("name"), a.get("canonical") or a.get("name"), a.get("kind"), a.get("role"))
                     for a in m.get("actors") or []],
                )
        _link_statements(db, d, mention_event, aid)
        probe = {"tokens": weights}
        place_story(db, d, weights, aid, copy_of, seq, rare_terms(db, probe, TERMS_PER_MENTION * 2))
        for eid in touched:
            refresh_event(db, eid)
        counts["events_updated"] = sum(1 for eid, new in touched.items() if not new)
    return counts


def _find_original(db: Db, aid: str, th: str, sig: Any) -> tuple[str | None, str | None]:
    row = db.one("SELECT COALESCE(copy_of, id) FROM articles WHERE text_hash = ? AND id <> ? ORDER BY seq LIMIT 1",
                 (th, aid))
    if row:
        return row[0], "exact"
    if sig is None:
        return None, None
    bks = dedup.buckets(sig)
    where = " OR ".join("(band = ? AND bucket = ?)" for _ in bks)
    params = [x for bk in bks for x in bk]
    ids = [r[0] for r in db.all(f"SELECT DISTINCT article_id FROM lsh WHERE {where} ORDER BY article_id LIMIT 50", params)]
    best, best_j = None, 0.0
    for cand in ids:
        other = dedup.from_bytes(db.scalar("SELECT minhash FROM articles WHERE id = ?", (cand,)))
        if other is None:
            continue
        j = dedup.jaccard(sig, other)
        if j > best_j:
            best, best_j = cand, j
    return (best, "near") if best and best_j >= dedup.NEAR_DUP_JACCARD else (None, None)


def _weights(db: Db, toks: dict[str, float], count: bool) -> dict[str, float]:
    """TF-IDF weights from the store's running document frequencies (originals only, so
    syndication does not make a story's words look common), the article count smoothed by
    IDF_PRIOR_DOCS."""
    if not toks:
        return {}
    keys = list(toks)
    n_docs = int(db.scalar("SELECT value FROM meta WHERE key = 'docs'") or 0)
    marks = ",".join("?" for _ in keys)
    df = dict(db.all(f"SELECT token, n FROM df WHERE token IN ({marks})", keys))
    out = {t: (1.0 + math.log(c)) * math.log((n_docs + IDF_PRIOR_DOCS + 2) / (df.get(t, 0) + 1)) for t, c in toks.items()}
    if count:
        db.executemany("INSERT INTO df (token, n) VALUES (?, 1) ON CONFLICT (token) DO UPDATE SET n = df.n + 1",
                       [(t,) for t in keys])
        if n_docs:
            db.execute("UPDATE meta SET value = ? WHERE key = 'docs'", (str(n_docs + 1),))
        else:
            db.execute("DELETE FROM meta WHERE key = 'docs'")
            db.execute("INSERT INTO meta (key, value) VALUES ('docs', '1')")
    return {t: round(w, 4) for t, w in out.items() if w > 0}


def candidates(db: Db, m: dict[str, Any], family: str | None = None) -> list[dict[str, Any]]:
    """Blocking: live events of the (or a compatible) family within the date window, the
    nearest in time first. Countries are not a blocking key: geocoding slips happen, and
    `score` weighs them."""
    win = cluster.window(m, cluster.WINDOW_DAYS)
    fams = [family or m["family"]]
    fams += cluster.features.compatible(fams[0])
    marks = ",".join("?" for _ in fams)
    # Two steps: ids first (no profile read while scanning the window), then the profiles.
    q = f"SELECT id FROM events WHERE redirect IS NULL AND family IN ({marks})"
    params: list[Any] = list(fams)
    if win:
        q += " AND block_day BETWEEN ? AND ?"
        params += list(win)
    found = _term_candidates(db, m, fams)
    seen = {c["id"] for c in found}
    # A total order (id breaks the ties between events one article created), so the cut at
    # CANDIDATE_LIMIT is the same on every backend and in scale/partition.py; it is also the
    # order of the events_live_block index, which answers this query without the table.
    if win:
        q += " ORDER BY ABS(block_day - ?), created_seq, id LIMIT ?"
        params += [m["block_day"], CANDIDATE_LIMIT]
    else:
        q += " ORDER BY created_seq DESC, id LIMIT ?"
        params.append(CANDIDATE_LIMIT)
    ids = [r[0] for r in db.all(q, params) if r[0] not in seen]
    return found + profiles(db, "events", ids)


def rare_terms(db: Db, m: dict[str, Any], k: int) -> list[str]:
    """The mention's k highest-weighted words that are rare in the store."""
    toks = sorted((m.get("tokens") or {}).items(), key=lambda kv: -kv[1])[: k * 3]
    if not toks:
        return []
    keys = [t for t, _ in toks]
    marks = ",".join("?" for _ in keys)
    df = dict(db.all(f"SELECT token, n FROM df WHERE token IN ({marks})", keys))
    return [t for t in keys if df.get(t, 0) <= RARE_DF][:k]


def _term_candidates(db: Db, m: dict[str, Any], fams: list[str]) -> list[dict[str, Any]]:
    """Events sharing rare words with the mention, whatever their date (bounded: rare words
    have short posting lists)."""
    terms = rare_terms(db, m, TERMS_PER_MENTION * 2)
    if not terms:
        return []
    marks = ",".join("?" for _ in terms)
    fmarks = ",".join("?" for _ in fams)
    rows = db.all(
        f"SELECT e.profile FROM events e JOIN (SELECT event_id, COUNT(*) AS n FROM event_terms WHERE token IN ({marks})"
        " GROUP BY event_id ORDER BY n DESC, event_id LIMIT ?) t ON t.event_id = e.id"
        f" WHERE e.redirect IS NULL AND e.family IN ({fmarks}) AND t.n >= 2 ORDER BY t.n DESC, e.id",
        [*terms, TERM_CANDIDATES * 3, *fams])
    return [parse_profile(r[0]) for r in rows[:TERM_CANDIDATES]]


def add_terms(db: Db, m: dict[str, Any], eid: str) -> None:
    terms = rare_terms(db, m, TERMS_PER_MENTION)
    if not terms:
        return
    marks = ",".join("?" for _ in terms)
    have = {r[0] for r in db.all(f"SELECT token FROM event_terms WHERE event_id = ? AND token IN ({marks})",
                                 [eid, *terms])}
    db.executemany("INSERT INTO event_terms (token, event_id) VALUES (?, ?)",
                   [(t, eid) for t in terms if t not in have])


def _place_mention(db: Db, m: dict[str, Any], new_id: str, seq: int,
                   touched: dict[str, bool]) -> tuple[str, float | None, bool]:
    """Join the best candidate event, start a new one, and merge what the mention bridges."""
    cands = candidates(db, m)
    best, score, merges = cluster.assign(m, cands)
    if best is None:
        if db.scalar("SELECT 1 FROM events WHERE id = ?", (new_id,)):
            new_id = new_id + "_" + str(seq)  # the same id was used and then absorbed
        create_event(db, new_id, cluster.new_profile(new_id, m), seq)
        touched[new_id] = True
        return new_id, None, True
    by_id = {c["id"]: c for c in cands}
    profile = cluster.add_mention(by_id[best], m)
    target = best
    for other in merges:
        target, profile = merge_events(db, target, profile, other, by_id[other])
        touched.pop(other, None)
    db.execute("UPDATE events SET profile = ? WHERE id = ?", (json.dumps(profile), target))
    touched.setdefault(target, False)
    if target != best:
        touched.pop(best, None)
    return target, score, False


def _link_statements(db: Db, d: dict[str, Any], mention_event: dict[int, str], aid: str) -> None:
    """Claims, accusations, denials, arrests → the event they are about: through `about`
    inside the article, else the best-scoring violent event nearby (across articles)."""
    events = d.get("events") or []
    for idx, m in enumerate(events):
        src = mention_event.get(idx)
        if not src:
            continue
        about = m.get("about")
        if isinstance(about, int) and 0 <= about < len(events) and about != idx:
            dst = mention_event.get(about)
            if dst and dst != src:
                link(db, src, dst, m.get("type") or "related", aid)
            continue
        if (m.get("type") or "") not in STATEMENT_TYPES:
            continue
        feats = json.loads(db.scalar("SELECT features FROM mentions WHERE article_id = ? AND idx = ?",
                                     (aid, idx)))
        probe = {**feats, "family": "violence", "type": None, "actors": []}
        cands = [c for c in candidates(db, probe, family="violence") if c["id"] != src]
        best, _, _ = cluster.assign(probe, cands, threshold=cluster.THRESHOLD * 0.8, merge_threshold=2.0)
        if best:
            link(db, src, best, m.get("type") or "related", aid)
