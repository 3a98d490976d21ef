"""`Store`: the one object the CLI, the API, the exports and the batch job talk to."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from ..model import ItemError, Record
from .build import EVENT_COLS, build_events
from .db import Db
from .ingest import add_record

SORTS = {
    "-last_seen": "last_seen DESC, id", "last_seen": "last_seen ASC, id",
    "-first_seen": "first_seen DESC, id", "first_seen": "first_seen ASC, id",
    "-date": "day DESC, id", "date": "day ASC, id",
    "-sources": "n_sources DESC, last_seen DESC, id", "sources": "n_sources ASC, id",
}
INCIDENT_FAMILIES = frozenset({"violence", "unrest", "disaster"})
COUNT_KEYS = ("new", "updated", "unchanged", "copies", "events_created", "events_updated", "errors")


def _day(value: str | date | None) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.toordinal()
    return date.fromisoformat(str(value)[:10]).toordinal()


class Store:
    def __init__(self, url: str) -> None:
        self.url = url
        self.db = Db(url)
        # Pause after each stored article (EVENTWIRE_INGEST_THROTTLE_MS): lets the resume
        # test kill a real ingest midway; 0 in normal runs.
        self.throttle = float(os.environ.get("EVENTWIRE_INGEST_THROTTLE_MS") or 0) / 1000.0

    # -- writing ----------------------------------------------------------
    def add_records(self, records: Iterable[Record | ItemError], progress: bool = False,
                    on_error: Any = None) -> dict[str, int]:
        """Store analysed records, one transaction each. ItemErrors in the stream (and
        records that fail to store) are counted as errors and passed to `on_error`
        (default: printed on stderr); the run goes on."""
        counts = dict.fromkeys(COUNT_KEYS, 0)
        report = on_error or (lambda e: print(str(e), file=sys.stderr, flush=True))
        bar = _Progress() if progress else None
        try:
            for rec in records:
                if isinstance(rec, ItemError):
                    counts["errors"] += 1
                    report(rec)
                    continue
                try:
                    got = add_record(self.db, rec)
                except Exception as exc:  # one bad record must not stop the run
                    counts["errors"] += 1
                    report(ItemError(str(getattr(rec.article, "id", "?")), f"store failed: {type(exc).__name__}: {exc}"))
                    continue
                for k, v in got.items():
                    counts[k] = counts.get(k, 0) + v
                if self.throttle:
                    time.sleep(self.throttle)
                if bar:
                    bar.advance(counts)
        finally:
            if bar:
                bar.close()
        return counts

    def has_article(self, article_id: str, raw_hash: str | None = None) -> bool:
        """True when this article (with this raw hash, if given) is stored: lets ingest skip
        analysis of what a killed run already stored."""
        row = self.db.one("SELECT raw_hash FROM articles WHERE id = ?", (article_id,))
        return bool(row) and (raw_hash is None or row[0] == raw_hash)

    # -- events -----------------------------------------------------------
    def list_events(self, *, date_from: Any = None, date_to: Any = None, country: str | None = None,
                    admin1: str | None = None, bbox: tuple[float, float, float, float] | None = None,
                    type: str | None = None, actor: str | None = None, q: str | None = None,
                    min_sources: int | None = None, mode: str | None = None, sort: str = "-last_seen",
                    limit: int = 50, offset: int = 0, figure_rule: str = "conservative",
                    ) -> tuple[list[dict[str, Any]], int]:
        where, params = ["redirect IS NULL", "n_mentions > 0"], []
        if date_from:
            where.append("day >= ?")
            params.append(_day(date_from))
        if date_to:
            where.append("day <= ?")
            params.append(_day(date_to))
        if country:
            where.append("country = ?")
            params.append(country.upper())
        if admin1:
            where.append("LOWER(admin1) = ?")
            params.append(admin1.lower())
        if bbox:
            min_lon, min_lat, max_lon, max_lat = bbox
            where.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
            params += [min_lon, max_lon, min_lat, max_lat]
        if type:
            types = [t.strip() for t in type.split(",") if t.strip()]
            where.append("(type IN ({0}) OR family IN ({0}))".format(",".join("?" for _ in types)))
            params += types + types
        if mode:
            where.append("mode = ?")
            params.append(mode)
        if min_sources:
            where.append("n_sources >= ?")
            params.append(int(min_sources))
        if q:
            where.append("search LIKE ?")
            params.append("%" + q.lower() + "%")
        if actor:
            where.append("id IN (SELECT event_id FROM actors WHERE LOWER(canonical) LIKE ? OR LOWER(name) LIKE ?)")
            params += ["%" + actor.lower() + "%"] * 2
        cond = " AND ".join(where)
        total = int(self.db.scalar(f"SELECT COUNT(*) FROM events WHERE {cond}", params) or 0)
        order = SORTS.get(sort)
        if order is None:
            raise ValueError(f"unknown sort {sort!r} (one of {', '.join(SORTS)})")
        rows = self.db.all(f"SELECT {EVENT_COLS} FROM events WHERE {cond} ORDER BY {order} LIMIT ? OFFSET ?",
                           params + [int(limit), int(offset)])
        return build_events(self.db, rows, figure_rule), total

    def resolve(self, event_id: str) -> str | None:
        """The live id an event id stands for now (absorbed ids redirect)."""
        seen = set()
        cur = event_id
        while cur and cur not in seen:
            seen.add(cur)
            row = self.db.one("SELECT redirect FROM events WHERE id = ?", (cur,))
            if not row:
                return None
            if not row[0]:
                return cur
            cur = row[0]
        return None

    def get_event(self, event_id: str, figure_rule: str = "conservative") -> dict[str, Any] | None:
        live = self.resolve(event_id)
        if live is None:
            return None
        rows = self.db.all(f"SELECT {EVENT_COLS} FROM events WHERE id = ?", (live,))
        return build_events(self.db, rows, figure_rule)[0] if rows else None

    def iter_events(self, figure_rule: str = "conservative", batch: int = 200) -> Iterator[dict[str, Any]]:
        last = -1
        while True:
            rows = self.db.all(
                f"SELECT {EVENT_COLS}, created_seq FROM events WHERE redirect IS NULL AND n_mentions > 0"
                " AND created_seq > ? ORDER BY created_seq LIMIT ?", (last, batch))
            if not rows:
                return
            last = rows[-1][-1]
            yield from build_events(self.db, [r[:-1] for r in rows], figure_rule)

    # -- articles, actors, stats -----------------------------------------
    def list_articles(self, limit: int = 50, offset: int = 0, q: str | None = None) -> tuple[list[dict[str, Any]], int]:
        cond, params = "", []
        if q:
            cond = " WHERE LOWER(COALESCE(title, '')) LIKE ? OR LOWER(record) LIKE ?"
            params = ["%" + q.lower() + "%"] * 2
        total = int(self.db.scalar(f"SELECT COUNT(*) FROM articles{cond}", params) or 0)
        rows = self.db.all(
            "SELECT id, title, source, url, published, ingested_at, copy_of, copy_kind, story_id FROM articles"
            f"{cond} ORDER BY seq DESC LIMIT ? OFFSET ?", params + [int(limit), int(offset)])
        out = []
        for aid, title, source, url, published, ingested, copy_of, kind, story in rows:
            events = [r[0] for r in self.db.all(
                "SELECT DISTINCT event_id FROM mentions WHERE article_id = ? AND event_id IS NOT NULL", (aid,))]
            out.append({"id": aid, "title": title, "source": source, "url": url, "published": published,
                        "ingested_at": ingested, "copy_of": copy_of, "copy_kind": kind, "story": story,
                        "events": sorted(events)})
        return out, total

    def document_events(self) -> dict[str, str | None]:
        """{article id: the live event the article is mainly about} — its incident: the
        primary mention's event when that is an incident (violence, unrest, disaster...);
        when the primary is a statement (arrest, claim, accusation, warning...), the event it
        is linked to, else the article's first asserted incident; else the primary's event,
        else the event most of its mentions joined, else None."""
        rows = self.db.all("SELECT m.article_id, m.event_id, m.is_primary, m.mode, e.family FROM mentions m"
                           " LEFT JOIN events e ON e.id = m.event_id ORDER BY m.article_id, m.idx")
        links = {(src, aid): dst for src, dst, aid in self.db.all("SELECT src, dst, article_id FROM links")}
        out: dict[str, str | None] = {aid: None for (aid,) in self.db.all("SELECT id FROM articles")}
        by_article: dict[str, list[tuple]] = {}
        for aid, eid, primary, mode, fam in rows:
            by_article.setdefault(aid, []).append((eid, primary, mode, fam))
        for aid, ms in by_article.items():
            placed = [m for m in ms if m[0]]
            if not placed:
                continue
            primary = next((m for m in placed if m[1]), None)
            incidents = [m for m in placed if m[3] in INCIDENT_FAMILIES and m[2] in ("asserted", None)]
            if primary and primary[3] in INCIDENT_FAMILIES:
                best = primary[0]
            elif primary and (primary[0], aid) in links:
                best = links[(primary[0], aid)]
            elif incidents:
                best = incidents[0][0]
            elif primary:
                best = primary[0]
            else:
                counts: dict[str, int] = {}
                for m in placed:
                    counts[m[0]] = counts.get(m[0], 0) + 1
                best = max(counts.items(), key=lambda kv: kv[1])[0]
            out[aid] = self.resolve(best)
        return out

    def document_stories(self) -> dict[str, str | None]:
        """{article id: its story id} (article-level clustering of every article)."""
        return dict(self.db.all("SELECT id, story_id FROM articles"))

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        raw = self.db.scalar("SELECT record FROM articles WHERE id = ?", (article_id,))
        return json.loads(raw) if raw else None

    def list_actors(self, q: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        cond, params = "", []
        if q:
            cond = " AND (LOWER(a.canonical) LIKE ? OR LOWER(a.name) LIKE ?)"
            params = ["%" + q.lower() + "%"] * 2
        rows = self.db.all(
            "SELECT a.canonical, MAX(a.kind), COUNT(DISTINCT a.event_id) AS n FROM actors a JOIN events e ON"
            f" e.id = a.event_id WHERE e.redirect IS NULL AND a.canonical IS NOT NULL{cond}"
            " GROUP BY a.canonical ORDER BY n DESC, a.canonical LIMIT ?", params + [int(limit)])
        return [{"canonical": c, "kind": k, "events": int(n)} for c, k, n in rows]

    def stats(self) -> dict[str, Any]:
        live = "redirect IS NULL AND n_mentions > 0"
        by_day = {str(d): int(n) for d, n in self.db.all(
            f"SELECT date_value, COUNT(*) FROM events WHERE {live} AND date_value IS NOT NULL"
            " GROUP BY date_value ORDER BY date_value")}
        by_type = {str(t): int(n) for t, n in self.db.all(
            f"SELECT type, COUNT(*) FROM events WHERE {live} GROUP BY type ORDER BY COUNT(*) DESC")}
        by_country = {str(c): int(n) for c, n in self.db.all(
            f"SELECT country, COUNT(*) FROM events WHERE {live} AND country IS NOT NULL GROUP BY country"
            " ORDER BY COUNT(*) DESC")}
        return {
            "articles": int(self.db.scalar("SELECT COUNT(*) FROM articles") or 0),
            "copies": int(self.db.scalar("SELECT COUNT(*) FROM articles WHERE copy_of IS NOT NULL") or 0),
            "events": int(self.db.scalar(f"SELECT COUNT(*) FROM events WHERE {live}") or 0),
            "mentions": int(self.db.scalar("SELECT COUNT(*) FROM mentions") or 0),
            "by_day": by_day, "by_type": by_type, "by_country": by_country,
        }

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Progress:
    """A rich progress bar on stderr (counts of articles stored so far)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                 TextColumn("{task.completed} articles"), TimeElapsedColumn(),
                                 console=Console(stderr=True), transient=False)
        self.task = self.progress.add_task("ingest", total=None)
        self.progress.start()

    def advance(self, counts: dict[str, int]) -> None:
        done = sum(counts.get(k, 0) for k in ("new", "updated", "unchanged"))
        self.progress.update(self.task, completed=done,
                             description=f"ingest: {counts['new']} new, {counts['copies']} copies,"
                                         f" {counts['events_created']} events")

    def close(self) -> None:
        self.progress.stop()
