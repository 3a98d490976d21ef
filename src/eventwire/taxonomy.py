"""The project event taxonomy and its mapping tables (ACLED, GTD, PLOVER, CAMEO, CASE-2021).

Data lives in eventwire/data/taxonomy/ (subtypes.csv: one row per type/subtype; taxonomy.toml:
families, descriptions and ACLED's actor-dependent rules). Every stage that needs a code asks
here, so the mapping is defined once.
"""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Row:
    type: str
    subtype: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    gtd_attack_type: str | None
    plover_type: str | None
    plover_mode: str | None
    cameo_root: str | None
    case2021: str | None
    description: str


def _data(name: str) -> str:
    return resources.files("eventwire.data.taxonomy").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def rows() -> tuple[Row, ...]:
    out = []
    for r in csv.DictReader(_data("subtypes.csv").splitlines()):
        out.append(Row(**{k: (v.strip() or None) if k != "description" else v for k, v in r.items()}))  # type: ignore[arg-type]
    return tuple(out)


@lru_cache(maxsize=1)
def config() -> dict[str, Any]:
    return tomllib.loads(_data("taxonomy.toml"))


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, str | None], Row]:
    return {(r.type, r.subtype): r for r in rows()}


def types() -> list[str]:
    """All event types, in taxonomy order."""
    seen: dict[str, None] = {}
    for r in rows():
        seen.setdefault(r.type, None)
    return list(seen)


def subtypes(type_: str | None = None) -> list[str]:
    """Subtype keys (of one type, or all)."""
    return [r.subtype for r in rows() if r.subtype and (type_ is None or r.type == type_)]


def type_of(subtype: str) -> str | None:
    """The type a subtype key belongs to (subtype keys are unique except 'other')."""
    for r in rows():
        if r.subtype == subtype:
            return r.type
    return None


def row(type_: str, subtype: str | None = None) -> Row | None:
    idx = _index()
    return idx.get((type_, subtype)) or idx.get((type_, None)) or _first(type_)


def _first(type_: str) -> Row | None:
    return next((r for r in rows() if r.type == type_), None)


def is_valid(type_: str, subtype: str | None = None) -> bool:
    if subtype is None:
        return any(r.type == type_ for r in rows())
    return (type_, subtype) in _index()


def family(type_: str) -> str:
    """The coreference family of a type ('violence', 'attribution', ...); the type itself if none."""
    for fam, members in config()["families"].items():
        if type_ in members:
            return fam
    return type_


def _kinds(actors: Iterable[Any] | None, role: str) -> list[str]:
    out = []
    for a in actors or []:
        r = a.get("role") if isinstance(a, dict) else getattr(a, "role", None)
        k = a.get("kind") if isinstance(a, dict) else getattr(a, "kind", None)
        if r == role:
            out.append(k or "")
    return out


def acled_for(type_: str, subtype: str | None = None, actors: Iterable[Any] | None = None) -> dict[str, str] | None:
    """ACLED {event_type, sub_event_type} for a project type/subtype, or None outside ACLED.

    ACLED's actor rule: an armed assault whose targets are all armed actors is a battle
    (Battles/Armed clash), not violence against civilians. Weapon-defined subtypes
    (explosions/remote violence) keep their code whoever the target is.
    """
    r = _index().get((type_, subtype))
    if r is None:
        default = {"attack": "armed_assault", "battle": "armed_clash", "protest": "peaceful_protest",
                   "riot": "violent_demonstration", "arrest": "arrest", "strategic_development": "other"}
        if type_ not in default:
            return None
        r = _index()[(type_, default[type_])]
    if not r.acled_event_type:
        return None
    if r.subtype == "armed_assault":
        targets = _kinds(actors, "target") + _kinds(actors, "victim")
        armed = set(config()["rules"]["armed_kinds"])
        if targets and all(k in armed for k in targets):
            return {"event_type": "Battles", "sub_event_type": "Armed clash"}
    return {"event_type": r.acled_event_type, "sub_event_type": r.acled_sub_event_type or ""}


def plover_for(type_: str, subtype: str | None = None) -> dict[str, str | None] | None:
    """PLOVER {type, mode} or None."""
    r = row(type_, subtype)
    if r is None or not r.plover_type:
        return None
    return {"type": r.plover_type, "mode": r.plover_mode}


def gtd_for(type_: str, subtype: str | None = None) -> str | None:
    r = row(type_, subtype)
    return r.gtd_attack_type if r else None


def cameo_for(type_: str, subtype: str | None = None) -> str | None:
    r = row(type_, subtype)
    return r.cameo_root if r else None


def case2021_for(type_: str, subtype: str | None = None) -> str | None:
    r = row(type_, subtype)
    return r.case2021 if r else None


def acled_labels() -> list[tuple[str, str]]:
    """Every (event_type, sub_event_type) pair the taxonomy maps to."""
    out: dict[tuple[str, str], None] = {}
    for r in rows():
        if r.acled_event_type and r.acled_sub_event_type:
            out.setdefault((r.acled_event_type, r.acled_sub_event_type), None)
    return list(out)


def from_acled(event_type: str, sub_event_type: str) -> tuple[str, str | None] | None:
    """The project (type, subtype) for an ACLED label pair."""
    for r in rows():
        if r.acled_event_type == event_type and r.acled_sub_event_type == sub_event_type:
            return r.type, r.subtype
    return None
