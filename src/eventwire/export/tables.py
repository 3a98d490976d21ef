"""GeoJSON features and the flat Parquet table of consolidated events."""

from __future__ import annotations

import json
from typing import Any

from .common import actor_name, figure

FIGURE_KINDS = ("killed", "injured", "arrested", "kidnapped")


def feature(ev: dict[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON Point feature, or None for an event without coordinates."""
    loc = ev.get("location") or {}
    lat, lon = loc.get("lat"), loc.get("lon")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    date = ev.get("date") or {}
    props = {
        "id": ev.get("id"), "type": ev.get("type"), "subtype": ev.get("subtype"), "mode": ev.get("mode"),
        "acled_event_type": (ev.get("acled") or {}).get("event_type"),
        "acled_sub_event_type": (ev.get("acled") or {}).get("sub_event_type"),
        "date": date.get("value"), "date_precision": date.get("precision"),
        "location": loc.get("name"), "country_code": loc.get("country_code"), "admin1": loc.get("admin1"),
        "geo_precision": loc.get("precision"), "geonames_id": loc.get("geonames_id"),
        "actors": [{"name": actor_name(a), "role": a.get("role")} for a in ev.get("actors") or []],
        "sources": ev.get("sources"), "articles": ev.get("articles") or [],
        "first_seen": ev.get("first_seen"), "last_seen": ev.get("last_seen"),
        "confidence": ev.get("confidence"),
    }
    for kind in FIGURE_KINDS:
        props[kind] = figure(ev, kind)
    return {"type": "Feature", "id": ev.get("id"),
            "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]}, "properties": props}


def schema() -> Any:
    import pyarrow as pa

    actor = pa.struct([("name", pa.string()), ("canonical", pa.string()), ("role", pa.string())])
    related = pa.struct([("id", pa.string()), ("type", pa.string()), ("relation", pa.string())])
    fields = [
        ("id", pa.string()), ("type", pa.string()), ("subtype", pa.string()), ("mode", pa.string()),
        ("acled_event_type", pa.string()), ("acled_sub_event_type", pa.string()),
        ("date", pa.string()), ("date_precision", pa.string()),
        ("location", pa.string()), ("country_code", pa.string()), ("admin1", pa.string()),
        ("latitude", pa.float64()), ("longitude", pa.float64()), ("geo_precision", pa.string()),
        ("geonames_id", pa.int64()),
        ("actors", pa.list_(actor)), ("articles", pa.list_(pa.string())),
        ("primary_for", pa.list_(pa.string())), ("sources", pa.int64()),
        ("first_seen", pa.string()), ("last_seen", pa.string()),
        *[(k, pa.int64()) for k in FIGURE_KINDS], ("figure_rule", pa.string()),
        ("related", pa.list_(related)), ("confidence", pa.float64()),
        ("event_json", pa.string()),  # the whole consolidated event, lossless
    ]
    return pa.schema(fields)


def _int(v: Any) -> int | None:
    try:
        return int(v) if v is not None and v != "" else None
    except (TypeError, ValueError):
        return None


def _float(v: Any) -> float | None:
    try:
        return float(v) if v is not None and v != "" else None
    except (TypeError, ValueError):
        return None


def flat(ev: dict[str, Any], rule: str) -> dict[str, Any]:
    loc = ev.get("location") or {}
    date = ev.get("date") or {}
    acled = ev.get("acled") or {}
    out = {
        "id": ev.get("id"), "type": ev.get("type"), "subtype": ev.get("subtype"), "mode": ev.get("mode"),
        "acled_event_type": acled.get("event_type"), "acled_sub_event_type": acled.get("sub_event_type"),
        "date": date.get("value"), "date_precision": date.get("precision"),
        "location": loc.get("name"), "country_code": loc.get("country_code"), "admin1": loc.get("admin1"),
        "latitude": _float(loc.get("lat")), "longitude": _float(loc.get("lon")),
        "geo_precision": loc.get("precision"), "geonames_id": _int(loc.get("geonames_id")),
        "actors": [{"name": a.get("name"), "canonical": a.get("canonical"), "role": a.get("role")}
                   for a in ev.get("actors") or []],
        "articles": [str(a) for a in ev.get("articles") or []],
        "primary_for": [str(a) for a in ev.get("primary_for") or []],
        "sources": _int(ev.get("sources")),
        "first_seen": ev.get("first_seen"), "last_seen": ev.get("last_seen"),
        "figure_rule": rule,
        "related": [{"id": r.get("id"), "type": r.get("type"), "relation": r.get("relation")}
                    for r in ev.get("related") or []],
        "confidence": _float(ev.get("confidence")),
        "event_json": json.dumps(ev, ensure_ascii=False, default=str),
    }
    for kind in FIGURE_KINDS:
        out[kind] = figure(ev, kind)
    return out
