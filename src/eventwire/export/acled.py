"""ACLED-style CSV: one row per event, ACLED's column names and coding conventions.

What we cannot know stays blank (admin2, admin3, source_scale); conventions applied:
fatalities 0 when no figure is reported (ACLED codes unknown as 0); an attack on
civilians with no named perpetrator gets 'Unidentified Armed Group (Country)';
protests/riots without named participants get 'Protesters (Country)' / 'Rioters (Country)';
civilian victims are 'Civilians (Country)'. Events ACLED does not code (claims,
accusations, denials, warnings, disasters; hypothetical or denied events) are skipped
unless `include_unmapped` is set, then their ACLED types stay blank.
"""

from __future__ import annotations

from typing import Any

from .common import (
    ArticleMeta,
    acled_area,
    acled_date,
    actor_kinds,
    actor_name,
    country,
    epoch,
    figure,
    first_sentence,
    inter_codes,
    sides,
    source_names,
)

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]

SKIP_MODES = ("hypothetical", "denied")


def disorder_type(event_type: str, sub_event_type: str) -> str:
    if event_type == "Strategic developments":
        return "Strategic developments"
    if sub_event_type == "Excessive force against protesters" or sub_event_type == "Excessive force against protestors":
        return "Political violence; Demonstrations"
    if event_type == "Protests" or sub_event_type == "Violent demonstration":
        return "Demonstrations"
    return "Political violence" if event_type else ""


def geo_precision(loc: dict[str, Any]) -> int | str:
    """1 = the town/point itself, 2 = a nearby or part-of-region place, 3 = a larger region."""
    p = (loc.get("precision") or loc.get("feature") or "").lower()
    if not p:
        return "" if loc.get("lat") is None else 1
    if p in ("point", "venue", "city", "town", "village", "exact"):
        return 1
    if p in ("admin2", "district", "near"):
        return 2
    return 3


def _inter(actor: dict[str, Any] | None, kinds: dict[str, str]) -> int | str:
    """ACLED actor type code from the actor's kind, else its first word, else blank."""
    if actor is None:
        return ""
    codes = inter_codes()
    kind = actor.get("kind") or next(
        (kinds[k.lower()] for k in (actor.get("canonical"), actor.get("name")) if k and k.lower() in kinds), None)
    if kind and kind.lower() in codes["by_kind"]:
        return int(codes["by_kind"][kind.lower()])
    words = actor_name(actor).lower().split()
    if words and words[0] in codes["by_first_word"]:
        return int(codes["by_first_word"][words[0]])
    return ""


def row(ev: dict[str, Any], meta: ArticleMeta | None = None, include_unmapped: bool = False) -> dict[str, Any] | None:
    """One ACLED row for a consolidated event, or None when ACLED would not code it."""
    acled = ev.get("acled") or {}
    if not include_unmapped and (not acled or ev.get("mode") in SKIP_MODES):
        return None
    event_type = acled.get("event_type") or ""
    sub_event_type = acled.get("sub_event_type") or ""
    loc = ev.get("location") or {}
    cc, admin1, admin2 = acled_area(loc)
    ctry = country(cc)
    cname = ctry.get("acled_country") or cc or ""
    suffix = f" ({cname})" if cname else ""
    event_date, precision = acled_date(ev.get("date"))

    kinds = actor_kinds(ev, meta)
    one, two = sides(ev.get("actors") or [])
    a1 = actor_name(one[0]) if one else ""
    inter1: int | str = _inter(one[0], kinds) if one else ""
    if not a1:
        if event_type == "Protests":
            a1, inter1 = f"Protesters{suffix}", 6
        elif event_type == "Riots":
            a1, inter1 = f"Rioters{suffix}", 5
        elif event_type in ("Violence against civilians", "Explosions/Remote violence", "Battles"):
            a1, inter1 = f"Unidentified Armed Group{suffix}", 3
    # ACLED codes unarmed victims of violence against civilians as 'Civilians (Country)'.
    civ_target = event_type == "Violence against civilians"
    targets = [a for a in two if a.get("role") != "victim"] or two
    a2 = actor_name(targets[0]) if targets else ""
    inter2: int | str = _inter(targets[0], kinds) if targets else ""
    if civ_target and (not targets or all(a.get("role") == "victim" for a in targets) or inter2 == 7):
        a2, inter2 = f"Civilians{suffix}", 7
    interaction: int | str = ""
    if isinstance(inter1, int):
        pair = sorted([inter1, inter2]) if isinstance(inter2, int) else [inter1]
        interaction = int("".join(str(x) for x in pair)) if len(pair) == 2 else inter1 * 10
    assoc1 = "; ".join(actor_name(a) for a in one[1:])
    assoc2 = "; ".join(actor_name(a) for a in targets[1:] if actor_name(a) != a2)

    tags = []
    for kind in ("injured", "arrested", "kidnapped"):
        n = figure(ev, kind)
        if n is not None:
            tags.append(f"{kind}={n}")
    if ev.get("mode") and ev.get("mode") != "asserted":
        tags.append(f"mode={ev['mode']}")
    notes = first_sentence(ev)  # the evidence sentence stands in for the coder's summary

    return {
        "event_id_cnty": ev.get("id", ""),
        "event_date": event_date,
        "year": event_date[:4] if event_date else "",
        "time_precision": precision or "",
        "disorder_type": disorder_type(event_type, sub_event_type),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": a1,
        "assoc_actor_1": assoc1,
        "inter1": inter1,
        "actor2": a2,
        "assoc_actor_2": assoc2,
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if civ_target else "",
        "iso": ctry.get("iso_numeric", ""),
        "region": ctry.get("acled_region", ""),
        "country": cname,
        "admin1": admin1,
        "admin2": admin2,
        "admin3": "",
        "location": loc.get("name") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": geo_precision(loc) if loc else "",
        "source": "; ".join(source_names(ev, meta)),
        "source_scale": "",
        "notes": notes,
        "fatalities": figure(ev, "killed") or 0,
        "tags": "; ".join(tags),
        "timestamp": epoch(ev.get("last_seen")) or "",
    }
