"""The ordered pre-pass of a Parquet load: copies, TF-IDF weights and mention features.

The single-machine write path makes three order-dependent decisions per article before
it clusters anything: is it a copy of an earlier article (exact hash, then MinHash LSH),
its `seq`, and the IDF weights of its words, computed from the document frequencies of
the originals stored *before* it. This pass makes them in the same order (Parquet order)
with the store's own functions (`ingest._find_original`, `ingest._weights`) run against a
scratch in-memory SQLite store seeded with the target's document frequencies, so every
mention gets exactly the features `add_record` would have given it. What remains —
scoring mentions against events, the expensive part — is then partitioned.

Only small things are kept per article (ids, hashes, MinHash bytes, features); the
records themselves are streamed again from Parquet when the load writes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .. import cluster
from ..model import Article, Record
from ..store import dedup
from ..store import ingest as _ingest
from ..store.db import Db
from ..store.ingest import STATEMENT_TYPES, _find_original, _weights, event_id_for


def _terms(scratch: Db, m: dict[str, Any]) -> dict[str, list[str]]:
    """The rare words store.ingest picks for a mention (looked up / added as keys) from the
    document frequencies of this moment; nothing when the store has no rare-word keys."""
    if not hasattr(_ingest, "rare_terms"):
        return {}
    k = _ingest.TERMS_PER_MENTION
    return {"lookup": _ingest.rare_terms(scratch, m, k * 2), "addterms": _ingest.rare_terms(scratch, m, k)}


@dataclass
class Prepared:
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)  # aid → row facts
    items: list[dict[str, Any]] = field(default_factory=list)  # placements and link searches
    about: list[tuple[tuple[int, int, int], str, int, int, str]] = field(default_factory=list)
    df_delta: Counter[str] = field(default_factory=Counter)
    docs: int = 0
    unchanged: int = 0
    bulk: set[int] = field(default_factory=set)  # stream positions of the articles bulk-loaded
    deferred: set[int] = field(default_factory=set)  # stream positions to store with add_record
    errors: list[str] = field(default_factory=list)
    days: list[int] = field(default_factory=list)


def scratch_for(target: Db) -> Db:
    """An in-memory store holding the target's document frequencies (and nothing else)."""
    db = Db(":memory:")
    with db.tx():
        db.executemany("INSERT INTO df (token, n) VALUES (?, ?)", [tuple(r) for r in target.all("SELECT token, n FROM df")])
        docs = target.scalar("SELECT value FROM meta WHERE key = 'docs'")
        if docs is not None:
            db.execute("INSERT INTO meta (key, value) VALUES ('docs', ?)", (str(docs),))
    return db


def _original(target: Db, scratch: Db, aid: str, th: str, sig: Any) -> tuple[str | None, str | None]:
    """store.ingest._find_original over target + this load (target rows are older)."""
    got_t = _find_original(target, aid, th, sig)
    if got_t[1] == "exact":
        return got_t
    got_s = _find_original(scratch, aid, th, sig)
    if got_s[1] == "exact" or got_t[0] is None:
        return got_s
    if got_s[0] is None:
        return got_t

    def jac(db: Db, cand: str) -> float:
        other = dedup.from_bytes(db.scalar("SELECT minhash FROM articles WHERE id = ?", (cand,)))
        return dedup.jaccard(sig, other) if other is not None else 0.0
    return got_t if jac(target, got_t[0]) >= jac(scratch, got_s[0]) else got_s


def add(prep: Prepared, target: Db, scratch: Db, rec: Record, seq_base: int, at: int) -> None:
    """One article, in load order (mirrors store.ingest.add_record up to clustering)."""
    d = rec.to_dict()
    art = d["article"]
    aid = str(art["id"])
    raw = art.get("raw_hash") or Article.hash_raw(art.get("text") or "")
    if aid in prep.articles:
        if prep.articles[aid]["raw_hash"] == raw:
            prep.unchanged += 1
        else:
            prep.deferred.add(at)
        return
    old = target.one("SELECT raw_hash FROM articles WHERE id = ?", (aid,))
    if old:
        if old[0] == raw:
            prep.unchanged += 1
        else:
            prep.deferred.add(at)  # an update: the store's own path handles it afterwards
        return
    # All or nothing, like add_record's transaction: a record that fails here leaves no trace.
    sizes = (len(prep.items), len(prep.about), len(prep.days), prep.df_delta.copy(), prep.docs)
    try:
        with scratch.tx():
            _add_new(prep, target, scratch, d, aid, raw, seq_base, at)
    except Exception:
        prep.articles.pop(aid, None)
        prep.bulk.discard(at)
        del prep.items[sizes[0]:], prep.about[sizes[1]:], prep.days[sizes[2]:]
        prep.df_delta, prep.docs = sizes[3], sizes[4]
        raise


def _add_new(prep: Prepared, target: Db, scratch: Db, d: dict[str, Any], aid: str, raw: str,
             seq_base: int, at: int) -> None:
    text = d["article"].get("text") or ""
    th = dedup.text_hash(text)
    sig = dedup.signature(text)
    copy_of, kind = _original(target, scratch, aid, th, sig)
    seq = seq_base + len(prep.articles) + 1
    mh = dedup.to_bytes(sig)
    scratch.execute(
        "INSERT INTO articles (id, raw_hash, text_hash, copy_of, copy_kind, ingested_at, seq, minhash, record)"
        " VALUES (?,?,?,?,?,'',?,?,'')", (aid, raw, th, copy_of, kind, seq, mh))
    if copy_of is None and sig is not None:
        scratch.executemany("INSERT INTO lsh (band, bucket, article_id) VALUES (?,?,?)",
                            [(b, h, aid) for b, h in dedup.buckets(sig)])
    toks = cluster.article_tokens(d)
    weights = _weights(scratch, toks, count=copy_of is None)
    if toks and copy_of is None:
        prep.df_delta.update(toks.keys())
    prep.bulk.add(at)
    prep.articles[aid] = {"raw_hash": raw, "text_hash": th, "copy_of": copy_of, "copy_kind": kind,
                          "seq": seq, "minhash": mh, "original": copy_of is None and sig is not None}
    events = d.get("events") or []
    placed: set[int] = set()
    for idx in range(len(events)):
        m = cluster.mention_features(d, idx, toks=weights, root=copy_of or aid)
        prep.articles[aid].setdefault("features", {})[idx] = m
        if m["mode"] in cluster.features.STATEMENT_MODES:
            continue
        placed.add(idx)
        if m.get("block_day") is not None:
            prep.days.append(int(m["block_day"]))
        prep.items.append({"kind": "place", "pos": (seq, 0, idx), "seq": seq, "aid": aid, "idx": idx,
                           "new_id": event_id_for(aid, idx), "m": m, **_terms(scratch, m)})
    for idx, ev in enumerate(events):  # store.ingest._link_statements, in its order
        if idx not in placed:
            continue
        about = ev.get("about")
        if isinstance(about, int) and 0 <= about < len(events) and about != idx:
            prep.about.append(((seq, 1, idx), aid, idx, about, ev.get("type") or "related"))
            continue
        if (ev.get("type") or "") not in STATEMENT_TYPES:
            continue
        feats = prep.articles[aid]["features"][idx]
        probe = {**feats, "family": "violence", "type": None, "actors": []}
        prep.items.append({"kind": "probe", "pos": (seq, 1, idx), "seq": seq, "aid": aid, "idx": idx,
                           "relation": ev.get("type") or "related", "m": probe, **_terms(scratch, probe)})
    if hasattr(_ingest, "place_story"):  # store.stories.place_story, after the links
        _story(prep, target, scratch, d, aid, seq, weights, copy_of)
    prep.docs = int(scratch.scalar("SELECT value FROM meta WHERE key = 'docs'") or 0)


def _story(prep: Prepared, target: Db, scratch: Db, d: dict[str, Any], aid: str, seq: int,
           weights: dict[str, float], copy_of: str | None) -> None:
    """A copy joins its original's story; other articles get a story placement item."""
    from ..store.stories import story_id_for

    if copy_of:
        if copy_of in prep.articles:
            prep.articles[aid]["story_copy"] = copy_of
            return
        sid = target.scalar("SELECT story_id FROM articles WHERE id = ?", (copy_of,))
        if sid:
            prep.articles[aid]["story_fixed"] = sid
            return
    lookup = _ingest.rare_terms(scratch, {"tokens": weights}, _ingest.TERMS_PER_MENTION * 2)
    m = cluster.story_features(d, toks=weights, root=copy_of or aid)
    if m.get("block_day") is not None:
        prep.days.append(int(m["block_day"]))
    prep.items.append({"kind": "story", "pos": (seq, 2, 0), "seq": seq, "aid": aid, "idx": -1,
                       "new_id": story_id_for(aid), "m": m, "lookup": lookup})
