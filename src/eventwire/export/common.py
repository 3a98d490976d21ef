"""Helpers every export format shares: country table, dates, actors by role, taxonomy codes."""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import Any

ArticleMeta = Callable[[str], dict[str, Any] | None]

# Roles that put an actor on the acting side (ACLED actor1) vs. the receiving side (actor2).
SIDE1 = ("perpetrator", "attacker", "claimant", "accuser", "denier", "warner", "arresting",
         "protester", "rioter", "initiator", "source")
SIDE2 = ("target", "victim", "accused", "arrested", "kidnapped", "recipient")


@lru_cache(maxsize=1)
def countries() -> dict[str, dict[str, str]]:
    """iso_a2 → {iso_a3, iso_numeric, acled_country, acled_region, acled_parent, acled_admin1}
    (data/basemap/countries.csv)."""
    text = resources.files("eventwire").joinpath("data/basemap/countries.csv").read_text(encoding="utf-8")
    return {row["iso_a2"]: row for row in csv.DictReader(text.splitlines())}


def country(cc: str | None) -> dict[str, str]:
    return countries().get((cc or "").upper(), {}) if cc else {}


def acled_area(loc: dict[str, Any]) -> tuple[str | None, str, str]:
    """(country code, admin1, admin2) of a location as ACLED files it: a territory ACLED
    codes under another country (Hong Kong, Macau -> China) becomes that country's admin1,
    and our first-level area its admin2."""
    cc = loc.get("country_code")
    row = country(cc)
    if row.get("acled_parent"):
        return row["acled_parent"], row.get("acled_admin1") or "", loc.get("admin1") or ""
    return cc, loc.get("admin1") or "", ""


@lru_cache(maxsize=1)
def inter_codes() -> dict[str, dict[str, int]]:
    """ACLED actor type codes by actor kind and by first word (data/basemap/acled_inter.toml)."""
    text = resources.files("eventwire").joinpath("data/basemap/acled_inter.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def actor_kinds(ev: dict[str, Any], meta: ArticleMeta | None) -> dict[str, str]:
    """name/canonical → kind, from the event mentions and entities of the member articles
    (consolidated actors may carry no kind of their own)."""
    kinds: dict[str, str] = {}
    if meta is None:
        return kinds
    for aid in ev.get("articles") or []:
        rec = meta(aid) or {}
        for ent in rec.get("entities") or []:
            if ent.get("kind"):
                for key in (ent.get("canonical"), ent.get("text")):
                    if key:
                        kinds.setdefault(key.lower(), ent["kind"])
        for m in rec.get("events") or []:
            for a in m.get("actors") or []:
                if a.get("kind"):
                    for key in (a.get("canonical"), a.get("name")):
                        if key:
                            kinds.setdefault(key.lower(), a["kind"])
    return kinds


def taxonomy_row(type_: str | None, subtype: str | None) -> Any:
    """The project taxonomy row (PLOVER, GTD, CAMEO codes) for a type, or None."""
    if not type_:
        return None
    try:
        from .. import taxonomy
    except ImportError:  # taxonomy module not present: the codes stay blank
        return None
    try:
        return taxonomy.row(type_, subtype)
    except Exception:
        return None


def parse_day(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def acled_date(d: dict[str, Any] | None) -> tuple[str, int | None]:
    """(event_date, time_precision) by ACLED's rules: 1 = the day is known, 2 = the week
    (coded to its middle day), 3 = only the month (coded to its middle) or a coarser period."""
    if not d or not isinstance(d.get("value"), str):
        return "", None
    value, precision = d["value"], (d.get("precision") or "").lower()
    if value[:4].isdigit() and "-W" in value[:6]:
        try:
            mid = date.fromisocalendar(int(value[:4]), int(value[6:8]), 4)
            return mid.isoformat(), 2
        except ValueError:
            return "", None
    day = parse_day(value)
    if day and precision in ("", "day", "time", "hour", "minute"):
        return day.isoformat(), 1
    if day and precision == "week":
        return day.isoformat(), 2
    parts = value.split("-")
    try:
        year = int(parts[0][:4])
        if len(parts) >= 2 and parts[1][:2].isdigit():
            return date(year, int(parts[1][:2]), 15).isoformat(), 3
        return date(year, 7, 1).isoformat(), 3
    except (ValueError, IndexError):
        return "", None


def epoch(value: Any) -> int | None:
    """Unix seconds of an ISO date/datetime (ACLED's `timestamp`: when the row last changed)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        day = parse_day(value)
        if not day:
            return None
        dt = datetime(day.year, day.month, day.day)
    if dt.tzinfo is None:
        from datetime import UTC

        dt = dt.replace(tzinfo=UTC)
    return int(dt.timestamp())


def actor_name(a: dict[str, Any]) -> str:
    return (a.get("canonical") or a.get("name") or "").strip()


def sides(actors: list[dict[str, Any]]) -> tuple[list[dict], list[dict]]:
    """Actors split into the acting side and the receiving side; unknown roles go with side 1."""
    one, two = [], []
    for a in actors or []:
        if not actor_name(a):
            continue
        (two if a.get("role") in SIDE2 else one).append(a)
    return one, two


def figure(ev: dict[str, Any], kind: str) -> int | None:
    f = (ev.get("figures") or {}).get(kind)
    value = f.get("value") if isinstance(f, dict) else None
    return int(value) if isinstance(value, int | float) else None


def first_sentence(ev: dict[str, Any]) -> str:
    """The evidence sentence of the event's first mention (primary articles first)."""
    mentions = ev.get("mentions") or []
    primary = set(ev.get("primary_for") or [])
    for m in sorted(mentions, key=lambda m: m.get("article") not in primary):
        sent = m.get("sentence") or {}
        if sent.get("text"):
            return " ".join(str(sent["text"]).split())
    return ""


def source_names(ev: dict[str, Any], meta: ArticleMeta | None) -> list[str]:
    """Distinct source names of the member articles, in article order."""
    out: list[str] = []
    if meta is None:
        return out
    for aid in ev.get("articles") or []:
        rec = meta(aid) or {}
        name = (rec.get("article") or rec).get("source")
        if name and name not in out:
            out.append(name)
    return out
