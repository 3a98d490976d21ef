"""`eventwire bench seed`: the worked example of SPEC §1.

Runs extract on examples/seed-article.txt with the published date seed-expected.json names
and checks every fact listed there with the matching rules it states: event `type_like` is a
substring of type or subtype, places match within `within_km` (or by name), actor names are
case-insensitive substrings of name or canonical. The matcher reads the expectations; nothing
about the article is written here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..geo import distance_km
from .common import BenchContext


def _has(hay: str | None, needles: list[str]) -> bool:
    h = (hay or "").lower()
    return any(n.lower() in h for n in needles)


def _type_ok(ev: dict[str, Any], likes: list[str]) -> bool:
    return _has(ev.get("type"), likes) or _has(ev.get("subtype"), likes)


def _actor_names(a: dict[str, Any]) -> str:
    return f"{a.get('name') or ''} | {a.get('canonical') or ''}"


def _location_ok(loc: dict[str, Any] | None, want: dict[str, Any]) -> bool:
    if not loc:
        return False
    if want.get("country_code") and loc.get("country_code") != want["country_code"]:
        return False
    if "lat" in want and "lon" in want:
        if loc.get("lat") is not None and loc.get("lon") is not None:
            if distance_km(loc["lat"], loc["lon"], want["lat"], want["lon"]) <= want.get("within_km", 50):
                return True
        span = (loc.get("span") or {}).get("text")
        return _has(loc.get("name"), want.get("name_like", [])) or _has(span, want.get("name_like", []))
    if want.get("name_like"):
        return _has(loc.get("name"), want["name_like"])
    return True


def event_ok(i: int, ev: dict[str, Any], want: dict[str, Any], events: list[dict[str, Any]]) -> bool:
    """Does event i satisfy every constraint of one expected event?"""
    if "type_like" in want and not _type_ok(ev, want["type_like"]):
        return False
    if "acled_event_type" in want and (ev.get("acled") or {}).get("event_type") not in want["acled_event_type"]:
        return False
    if want.get("primary_or_about_target") and not (
            ev.get("primary") or any(e.get("primary") and e.get("about") == i for e in events)):
        return False
    if "date" in want and not str((ev.get("date") or {}).get("value") or "").startswith(want["date"]):
        return False
    if "location" in want and not _location_ok(ev.get("location"), want["location"]):
        return False
    for kind, fig in (want.get("figures") or {}).items():
        got = (ev.get("figures") or {}).get(kind)
        if not got or got.get("value") != fig["value"]:
            return False
        if "qualifier" in fig and got.get("qualifier") != fig["qualifier"]:
            return False
    actors = ev.get("actors") or []
    if "actors_any" in want and not any(_has(_actor_names(a), want["actors_any"]) for a in actors):
        return False
    for ar in want.get("actors_roles", []):
        if not any(_has(_actor_names(a), ar["name_like"]) and _has(a.get("role"), ar["role_like"]) for a in actors):
            return False
    if "about_type_like" in want:
        j = ev.get("about")
        if j is None or not (0 <= j < len(events)) or not _type_ok(events[j], want["about_type_like"]):
            return False
    if "mode" in want and ev.get("mode") not in want["mode"]:
        return False
    return True


def check(record: dict[str, Any], expected: dict[str, Any]) -> list[tuple[str, bool]]:
    """Every fact of seed-expected.json as (description, found)."""
    out: list[tuple[str, bool]] = []
    art = record.get("article") or {}
    text = art.get("text") or ""
    a = expected.get("article", {})
    if "title" in a:
        out.append(("article title", (art.get("title") or "").strip().lower() == a["title"].lower()))
    if "source" in a:
        out.append(("article source", (art.get("source") or "").lower() == a["source"].lower()))
    if "text_has_title_at_most" in a and a.get("title"):
        out.append(("title not repeated in text", text.count(a["title"]) <= a["text_has_title_at_most"]))
    for s in a.get("text_lacks", []):
        out.append((f"text lacks {s!r}", s not in text))
    events = record.get("events") or []
    for want in expected.get("events", []):
        ok = any(event_ok(i, ev, want, events) for i, ev in enumerate(events))
        out.append((f"event: {want.get('what', want.get('type_like'))}", ok))
    quotes = record.get("quotes") or []
    for q in expected.get("quotes", []):
        ok = any(q["content_like"].lower() in (x.get("text") or "").lower()
                 and _has(_speaker(x), q.get("speaker_like", [""])) for x in quotes)
        out.append((f"quote: {q['content_like']}", ok))
    for name in expected.get("attributions_any", []):
        ok = any(_has(_speaker(x), [name]) for x in quotes)
        out.append((f"attribution: {name}", ok))
    for ent in expected.get("entities_canonical", []):
        ok = any((e.get("text") or "").lower() == ent["mention"].lower()
                 and _has(e.get("canonical"), ent["canonical_like"]) for e in record.get("entities") or [])
        out.append((f"entity: {ent['mention']}", ok))
    return out


def _speaker(q: dict[str, Any]) -> str:
    sp = q.get("speaker") or {}
    return f"{sp.get('text') or ''} | {sp.get('canonical') or ''}"


def extract_seed(shared: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The seed record through the same code path as `eventwire extract` (read -> clean -> analyze)."""
    from ..model import ItemError
    from ..pipeline import extract

    examples = shared / "examples"
    expected = json.loads((examples / "seed-expected.json").read_text(encoding="utf-8"))
    path = examples / expected.get("input", "seed-article.txt")
    items = [r for r in extract([str(path)], published=expected.get("published")) if not isinstance(r, ItemError)]
    return (items[0].to_dict() if items else {}), expected


def run(ctx: BenchContext) -> dict[str, object]:
    record, expected = extract_seed(ctx.shared)
    facts = check(record, expected)
    found = sum(ok for _, ok in facts)
    if not ctx.quiet:
        print("\nseed: facts of examples/seed-expected.json")
        for what, ok in facts:
            print(f"  [{'x' if ok else ' '}] {what}")
    ctx.table("seed", [("facts found", f"{found}/{len(facts)}", "all")])
    return {"facts_found": found, "facts_total": len(facts), "missing": [w for w, ok in facts if not ok]}
