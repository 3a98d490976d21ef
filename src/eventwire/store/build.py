"""Assembling consolidated event dicts (SPEC §2) from event rows and their mentions."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from .. import cluster
from .db import Db

EVENT_COLS = ("id, type, subtype, mode, day, date_value, date_precision, country, admin1, place,"
              " lat, lon, n_mentions, n_articles, n_sources, first_seen, last_seen, profile")
_PREC_RANK = {"point": 0, "venue": 0, "city": 1, "near": 2, "admin2": 2, "admin1": 3, "country": 4, "region": 5}


def build_events(db: Db, rows: list[tuple], rule: str = "conservative") -> list[dict[str, Any]]:
    """Event dicts for rows selected with EVENT_COLS, in the rows' order."""
    if rule not in cluster.RULES:
        raise ValueError(f"unknown figure rule {rule!r} (one of {', '.join(cluster.RULES)})")
    if not rows:
        return []
    ids = [r[0] for r in rows]
    marks = ",".join("?" for _ in ids)
    members: dict[str, list[tuple]] = {i: [] for i in ids}
    for m in db.all(
        "SELECT m.event_id, m.article_id, m.idx, m.mode, m.is_primary, m.data, a.published, a.ingested_at,"
        f" a.copy_of, a.source FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id IN ({marks})"
        " ORDER BY a.seq, m.idx", ids):
        members[m[0]].append(m)
    related: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    seen: set[tuple] = set()
    for src, dst, rel, stype, dtype in db.all(
        "SELECT l.src, l.dst, l.relation, s.type, d.type FROM links l JOIN events s ON s.id = l.src"
        f" JOIN events d ON d.id = l.dst WHERE l.src IN ({marks}) OR l.dst IN ({marks})", ids + ids):
        if dst in related and (dst, src, rel) not in seen:
            seen.add((dst, src, rel))
            related[dst].append({"id": src, "type": stype, "relation": rel})
        if src in related and (src, dst, "about") not in seen:
            seen.add((src, dst, "about"))
            related[src].append({"id": dst, "type": dtype, "relation": "about"})
    redirects: dict[str, list[str]] = {i: [] for i in ids}
    for gone, keep in db.all(f"SELECT id, redirect FROM events WHERE redirect IN ({marks}) ORDER BY id", ids):
        redirects[keep].append(gone)
    speakers = _speakers(db, members)
    return [_one(r, members[r[0]], related[r[0]], redirects[r[0]], speakers, rule) for r in rows]


def _speakers(db: Db, members: dict[str, list[tuple]]) -> dict[str, list[tuple[int, int, str]]]:
    """(start, end, speaker) of the quotes of articles that report figures: a figure inside a
    quote or attribution is the speaker's."""
    arts = {m[1] for ms in members.values() for m in ms if json.loads(m[5]).get("figures")}
    out: dict[str, list[tuple[int, int, str]]] = {}
    for aid in arts:
        rec = json.loads(db.scalar("SELECT record FROM articles WHERE id = ?", (aid,)) or "{}")
        spans = []
        for q in rec.get("quotes") or []:
            sp = q.get("speaker") or {}
            name = sp.get("canonical") or sp.get("text")
            if name:
                spans.append((q["start"], q["end"], name))
        out[aid] = spans
    return out


def _one(row: tuple, members: list[tuple], related: list[dict[str, Any]], redirects: list[str],
         speakers: dict[str, list[tuple[int, int, str]]], rule: str) -> dict[str, Any]:
    (eid, etype, subtype, mode, _day, date_value, date_prec, _cc, _a1, _place, _lat, _lon,
     _nm, _na, n_sources, first_seen, last_seen, profile) = row
    actors: dict[tuple, dict[str, Any]] = {}
    reports: dict[str, list[dict[str, Any]]] = {}
    mentions, articles, primary_for = [], [], []
    locs: list[dict[str, Any]] = []
    dates: Counter = Counter()
    acled: Counter = Counter()
    confs: dict[str, float] = {}
    for _eid, aid, _idx, mmode, is_primary, data, published, ingested, copy_of, _src in members:
        m = json.loads(data)
        if aid not in articles:
            articles.append(aid)
        if is_primary and aid not in primary_for:
            primary_for.append(aid)
        mentions.append({"article": aid, "trigger": m.get("trigger"), "type": m.get("type"),
                         "mode": mmode, "sentence": m.get("sentence")})
        for a in m.get("actors") or []:
            key = (a.get("canonical") or a.get("name"), a.get("role"))
            ent = actors.setdefault(key, {"name": a.get("name"), "canonical": a.get("canonical"),
                                          "role": a.get("role"), "articles": []})
            if aid not in ent["articles"]:
                ent["articles"].append(aid)
        for kind, f in (m.get("figures") or {}).items():
            if not isinstance(f, dict) or not isinstance(f.get("value"), int):
                continue
            span = f.get("span")
            reports.setdefault(kind, []).append({
                "value": f["value"], "qualifier": f.get("qualifier"), "article": aid,
                "published": published or ingested, "speaker": _speaker_of(span, speakers.get(aid, [])),
                "span": span, "mode": mmode,
            })
        if m.get("location") and m["location"].get("name"):
            locs.append(m["location"])
        if (m.get("date") or {}).get("value"):
            dates[(m["date"]["value"][:10], m["date"].get("precision"))] += 1
        if m.get("acled"):
            acled[json.dumps(m["acled"], sort_keys=True)] += 1
        root = copy_of or aid
        confs[root] = max(confs.get(root, 0.0), float(m.get("confidence") or 0.5))
    p = json.loads(profile)
    if date_value:
        best = [k for k in dates if k[0] == date_value]
        date = {"value": date_value, "precision": best[0][1] if best else date_prec}
    elif dates:
        (value, prec), _ = dates.most_common(1)[0]
        date = {"value": value, "precision": prec}
    else:
        date = None
    miss = 1.0
    for c in confs.values():
        miss *= 1.0 - min(c, 0.99)
    return {
        "id": eid, "type": etype, "subtype": subtype,
        "acled": json.loads(acled.most_common(1)[0][0]) if acled else None,
        "mode": mode, "date": date, "location": _location(locs, p),
        "actors": list(actors.values()), "articles": articles, "primary_for": primary_for,
        "mentions": mentions, "sources": n_sources, "first_seen": first_seen, "last_seen": last_seen,
        "figures": cluster.reconcile(reports, rule), "related": related, "redirects": redirects,
        "confidence": round(1.0 - miss, 3),
    }


def _speaker_of(span: dict[str, Any] | None, quotes: list[tuple[int, int, str]]) -> str | None:
    if not span:
        return None
    for start, end, name in quotes:
        if start <= span.get("start", -1) and span.get("end", 1 << 60) <= end:
            return name
    return None


def _location(locs: list[dict[str, Any]], p: dict[str, Any]) -> dict[str, Any] | None:
    """The most precise place the reports give (ties: the most often given)."""
    if not locs:
        if not p.get("country"):
            return None
        return {"name": p.get("place"), "country_code": p.get("country"), "admin1": p.get("admin1"),
                "lat": p.get("lat"), "lon": p.get("lon"), "precision": None, "geonames_id": None,
                "inferred": True}
    counts = Counter(json.dumps({k: loc.get(k) for k in ("name", "geonames_id")}, sort_keys=True) for loc in locs)

    def rank(loc: dict[str, Any]) -> tuple:
        prec = loc.get("precision") or loc.get("feature") or ""
        key = json.dumps({k: loc.get(k) for k in ("name", "geonames_id")}, sort_keys=True)
        return (_PREC_RANK.get(prec, 6), -counts[key])

    best = min(locs, key=rank)
    return {"name": best.get("name"), "country_code": best.get("country_code"), "admin1": best.get("admin1"),
            "lat": best.get("lat"), "lon": best.get("lon"),
            "precision": best.get("precision") or best.get("feature"), "geonames_id": best.get("geonames_id")}
