"""Stories: article-level clustering of every article (with typed events or not), with the
pure features as events (cluster.story_features) and the story score of cluster/story.py."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .. import cluster
from .db import Db
from .events import parse_profile, profiles

CANDIDATE_LIMIT = 60


def story_id_for(article_id: str) -> str:
    return "st_" + hashlib.sha1(article_id.encode()).hexdigest()[:12]


def _candidates(db: Db, m: dict[str, Any], terms: list[str]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if terms:
        marks = ",".join("?" for _ in terms)
        found = [parse_profile(r[0]) for r in db.all(
            "SELECT s.profile FROM stories s JOIN (SELECT event_id, COUNT(*) AS n FROM event_terms"
            f" WHERE token IN ({marks}) GROUP BY event_id ORDER BY n DESC, event_id LIMIT 60) t"
            # the tie-break on id makes SQLite and PostgreSQL cut the same 60 and the same 20
            " ON t.event_id = s.id WHERE t.n >= 2 ORDER BY t.n DESC, s.id", terms)][:20]
    seen = {c["id"] for c in found}
    win = cluster.window(m, cluster.WINDOW_DAYS)
    if win:
        rows = db.all("SELECT id FROM stories WHERE block_day BETWEEN ? AND ?"
                      " ORDER BY ABS(block_day - ?), created_seq LIMIT ?", (*win, m["block_day"], CANDIDATE_LIMIT))
    else:
        rows = db.all("SELECT id FROM stories ORDER BY created_seq DESC LIMIT ?", (CANDIDATE_LIMIT,))
    return found + profiles(db, "stories", [r[0] for r in rows if r[0] not in seen])


def choose_story(m: dict[str, Any], cands: list[dict[str, Any]]) -> str | None:
    """The story an article joins (None: a new one). The partitioned loader (scale/) calls
    this too, so both paths share one rule."""
    return cluster.story.choose(m, cands)


def place_story(db: Db, d: dict[str, Any], weights: dict[str, float], aid: str, copy_of: str | None,
                seq: int, terms: list[str]) -> str:
    """Put the article in a story (a copy goes straight into its original's story)."""
    if copy_of:
        sid = db.scalar("SELECT story_id FROM articles WHERE id = ?", (copy_of,))
        if sid:
            db.execute("UPDATE articles SET story_id = ? WHERE id = ?", (sid, aid))
            db.execute("UPDATE stories SET n_articles = n_articles + 1 WHERE id = ?", (sid,))
            return sid
    m = cluster.story_features(d, toks=weights, root=copy_of or aid)
    cands = _candidates(db, m, terms)
    best = choose_story(m, cands)
    if best is None:
        sid = new_story_id(lambda x: db.scalar("SELECT 1 FROM stories WHERE id = ?", (x,)), aid, seq)
        profile = cluster.story.new_story(sid, m)
        db.execute("INSERT INTO stories (id, block_day, n_articles, profile, created_seq) VALUES (?,?,1,?,?)",
                   (sid, profile.get("block_day"), json.dumps(profile), seq))
    else:
        sid = best
        profile = cluster.story.add_article(next(c for c in cands if c["id"] == best), m)
        moved = cluster.split.split_off(profile)
        if moved:
            return _split(db, profile, moved, aid, seq, terms)
        db.execute("UPDATE stories SET block_day = ?, n_articles = n_articles + 1, profile = ? WHERE id = ?",
                   (profile.get("block_day"), json.dumps(profile), sid))
    db.execute("UPDATE articles SET story_id = ? WHERE id = ?", (sid, aid))
    if terms:
        db.executemany("INSERT INTO event_terms (token, event_id) VALUES (?, ?)", [(t, sid) for t in terms[:6]])
    return sid



def new_story_id(exists: Any, aid: str, seq: int) -> str:
    """The id of a story article `aid` starts (`exists(id)`: taken already)."""
    sid = story_id_for(aid)
    return f"{sid}_{seq}" if exists(sid) else sid


def _split(db: Db, profile: dict[str, Any], moved: list[str], aid: str, seq: int, terms: list[str]) -> str:
    """Story `profile` (article `aid` just joined) splits (cluster/split.py): the members
    `moved`, `aid` among them, and their copies form a new story; the old one keeps its id
    and the rest. Returns the new story's id."""
    old = profile["id"]
    sid = new_story_id(lambda x: db.scalar("SELECT 1 FROM stories WHERE id = ?", (x,)), aid, seq)
    kept, new = cluster.story.detach(profile, moved, sid)
    db.execute("INSERT INTO stories (id, block_day, n_articles, profile, created_seq) VALUES (?,?,0,?,?)",
               (sid, new.get("block_day"), json.dumps(new), seq))
    db.execute("UPDATE articles SET story_id = ? WHERE id = ?", (sid, aid))
    marks = ",".join("?" for _ in moved)
    db.execute(f"UPDATE articles SET story_id = ? WHERE story_id = ? AND (id IN ({marks}) OR copy_of IN ({marks}))",
               (sid, old, *moved, *moved))
    db.execute("UPDATE stories SET block_day = ?, profile = ? WHERE id = ?", (kept.get("block_day"), json.dumps(kept), old))
    for x in (old, sid):
        db.execute("UPDATE stories SET n_articles = (SELECT COUNT(*) FROM articles WHERE story_id = ?) WHERE id = ?", (x, x))
    if terms:
        db.executemany("INSERT INTO event_terms (token, event_id) VALUES (?, ?)", [(t, sid) for t in terms[:6]])
    return sid
