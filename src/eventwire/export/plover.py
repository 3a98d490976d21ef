"""PLOVER-style JSON events (the Political Language Ontology for Verifiable Event Records):
event type, mode and context from the project taxonomy's PLOVER columns, source actor and
recipient, location and date, with eventwire's own fields kept alongside for provenance."""

from __future__ import annotations

from typing import Any

from .common import actor_name, country, figure, sides, taxonomy_row

# PLOVER contexts implied by project types (a event may carry several).
CONTEXT_BY_TYPE = {
    "attack": ["terrorism"], "battle": ["military"], "protest": ["protest"], "riot": ["protest"],
    "arrest": ["crime"], "claim_responsibility": ["terrorism"], "accusation": ["political"],
    "denial": ["political"], "warning": ["political"], "diplomatic": ["diplomatic"],
    "natural_disaster": ["environment"], "crime": ["crime"], "disaster": ["environment"],
}


def _actor(a: dict[str, Any] | None, cc: str | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"name": actor_name(a), "text": a.get("name"), "role": a.get("role"), "kind": a.get("kind"),
            "country": cc}


def event(ev: dict[str, Any]) -> dict[str, Any]:
    tax = taxonomy_row(ev.get("type"), ev.get("subtype"))
    loc = ev.get("location") or {}
    cc = loc.get("country_code")
    one, two = sides(ev.get("actors") or [])
    date = ev.get("date") or {}
    contexts = list(CONTEXT_BY_TYPE.get(ev.get("type") or "", []))
    if ev.get("mode") in ("claimed", "alleged", "denied"):
        contexts.append("attribution")
    return {
        "id": ev.get("id"),
        "date": date.get("value"),
        "date_precision": date.get("precision"),
        "event_type": getattr(tax, "plover_type", None),
        "mode": getattr(tax, "plover_mode", None),
        "context": contexts,
        "actor": _actor(one[0] if one else None, None),
        "recipient": _actor(two[0] if two else None, None),
        "other_actors": [_actor(a, None) for a in one[1:] + two[1:]],
        "location": {
            "name": loc.get("name"), "country": country(cc).get("iso_a3") or cc, "country_code": cc,
            "admin1": loc.get("admin1"), "lat": loc.get("lat"), "lon": loc.get("lon"),
            "geonames_id": loc.get("geonames_id"), "precision": loc.get("precision"),
        } if loc else None,
        "fatalities": figure(ev, "killed"),
        "injuries": figure(ev, "injured"),
        "eventwire": {
            "type": ev.get("type"), "subtype": ev.get("subtype"), "mode": ev.get("mode"),
            "acled": ev.get("acled"), "sources": ev.get("sources"), "articles": ev.get("articles") or [],
            "related": ev.get("related") or [], "confidence": ev.get("confidence"),
            "first_seen": ev.get("first_seen"), "last_seen": ev.get("last_seen"),
        },
    }
