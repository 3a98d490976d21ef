"""The country of a news outlet by its name, from a hand-written table of national and local
outlets, agencies and monitors (data/gazetteer/outlets.csv): "ABC Color" is Paraguayan, "SOHR"
Syrian. Like a country-code domain, it is weak evidence for where an article's homonyms lie."""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "outlets.csv"
_SPLIT = re.compile(r"[;,]")
_DASH = re.compile(r"\s+[-–—]\s+.*$")  # "Saba News Agency - Pro-Houthi": a stance, not the name
_PAREN = re.compile(r"\s*\([^)]*\)")


def key(name: str) -> str:
    """Case, accents, punctuation and a leading "The" do not tell outlets apart."""
    s = unicodedata.normalize("NFKD", name.replace("&", " and "))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9+]+", s.replace("'", "").replace("’", ""))
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    with open(_DATA, encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {key(r["name"]): r["cc"] for r in rows if key(r["name"])}


def outlet_countries(source: str) -> list[str]:
    """The countries of the outlets a source field names ("ABC Color; Ultima Hora"), in order,
    each once; an outlet not in the table says nothing."""
    out: list[str] = []
    for seg in _SPLIT.split(source):
        seg = seg.strip()
        bare = _DASH.sub("", seg)
        inner = re.findall(r"\(([^)]*)\)", bare)  # "Yemen News Agency (SABA)": its short name
        for form in (seg, bare, _PAREN.sub("", bare), *inner):
            cc = table().get(key(form))
            if cc:
                if cc not in out:
                    out.append(cc)
                break
    return out


def outlet_country(source: str) -> str | None:
    """The one country of the outlets a source names; None for none or several."""
    found = outlet_countries(source)
    return found[0] if len(found) == 1 else None
