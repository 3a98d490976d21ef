"""Shapes the API adds on top of the store's consolidated event dicts."""

from __future__ import annotations

import re
from typing import Any

from .params import date_start

_SENT_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n\s*\n")


def point(ev: dict[str, Any]) -> list[Any]:
    """[id, lon, lat, day, type, sources] — what the map and the timeline need, nothing more."""
    loc = ev.get("location") or {}
    lon, lat = loc.get("lon"), loc.get("lat")
    if not isinstance(lon, int | float) or not isinstance(lat, int | float):
        lon = lat = None
    date = ev.get("date") or {}
    return [ev.get("id"), lon, lat, date_start(date.get("value")), ev.get("type"), ev.get("sources")]


def sentence_around(text: str, start: int, end: int) -> dict[str, Any]:
    """The sentence holding [start, end) when a mention carries none (cheap boundary scan)."""
    begin = 0
    for m in _SENT_END.finditer(text, 0, max(start, 0)):
        begin = m.end()
    m = _SENT_END.search(text, max(end, 0))
    stop = m.start() + 1 if m else len(text)
    stop = min(max(stop, end), len(text))
    return {"text": text[begin:stop], "start": begin, "end": stop}


def _evidence(mention: dict[str, Any], text: str | None) -> dict[str, Any]:
    trig = mention.get("trigger") or {}
    sent = mention.get("sentence")
    if not sent and text is not None and isinstance(trig.get("start"), int):
        sent = sentence_around(text, trig["start"], trig.get("end", trig["start"]))
    return {"type": mention.get("type"), "mode": mention.get("mode"), "trigger": trig, "sentence": sent}


def event_detail(
    event: dict[str, Any], records: dict[str, dict | None], related: list[dict[str, Any]]
) -> dict[str, Any]:
    """The event plus, per member article, its metadata and evidence sentences."""
    out = dict(event)
    primary = set(event.get("primary_for") or [])
    by_article: dict[str, list[dict[str, Any]]] = {}
    texts = {aid: ((rec or {}).get("article") or {}).get("text") for aid, rec in records.items()}
    for m in event.get("mentions") or []:
        aid = m.get("article")
        by_article.setdefault(aid, []).append(_evidence(m, texts.get(aid)))
    sources = []
    for aid in event.get("articles") or []:
        art = ((records.get(aid) or {}).get("article")) or {}
        sources.append({
            "id": aid,
            "title": art.get("title"),
            "published": art.get("published"),
            "source": art.get("source"),
            "url": art.get("url"),
            "primary": aid in primary,
            "evidence": by_article.get(aid, []),
        })
    out["sources_detail"] = sources
    out["related_detail"] = related
    return out


def related(rel: dict[str, Any], other: dict[str, Any] | None) -> dict[str, Any]:
    """A related event (claim, accusation, denial, arrest...) summarised for side-by-side display."""
    base = {"id": rel.get("id"), "type": rel.get("type"), "relation": rel.get("relation")}
    if other is None:
        return {**base, "missing": True}
    mentions = other.get("mentions") or []
    return {
        **base,
        "type": other.get("type") or rel.get("type"),
        "mode": other.get("mode"),
        "date": other.get("date"),
        "location": other.get("location"),
        "actors": other.get("actors") or [],
        "sources": other.get("sources"),
        "articles": other.get("articles") or [],
        "evidence": [_evidence(m, None) for m in mentions[:3]],
    }
