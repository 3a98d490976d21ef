"""Hand-kept additions to the built gazetteer, applied at load time (no rebuild needed).

- `place_supplement.csv`: English exonyms and press spellings of places the table holds under
  another form ("Hodeidah" for Al Hudaydah, "Kismayo", "Beletweyne"), and towns and districts it
  lacks altogether (GeoNames' >= 1000-inhabitant extract misses many small towns of conflict
  reporting: "Kantchari", "Bunagana", Pakistan's "Kurram" district), with a point.
- districts known only as "X District" / "X Regency" / "X Agency" (second-level areas of the
  build) also answer to the bare "X" when no place has that name and one area holds it.
- a *loose* key for spellings that differ only in apostrophes, the form of the Arabic article
  ("al-Raqqa" / "ar Raqqah", "Jisr al-Shughur" / "Jisr ash Shughur"), doubled letters or word
  breaks ("Miranshah" / "Miran Shah", "Petion-Ville" / "Pétionville"); used only when the exact
  name is unknown.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import TYPE_CHECKING

from . import gazetteer_extra

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

SUPPLEMENT = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "place_supplement.csv"

_TOKEN = re.compile(r"[a-z0-9]+")
_DOUBLE = re.compile(r"(.)\1+")
_ARTICLES = frozenset({"al", "an", "ar", "as", "ash", "at", "ad", "adh", "ath", "az", "el", "ul"})
_QUOTES = str.maketrans("", "", "'‘’ʻʼ`´")
_LOOSE_WORTHY = re.compile(r"(?:^|\s)(?:al|an|ar|as|ash|at|ad|adh|ath|az|el|ul)\s|['‘’ʻʼ`´]")
# last words of a second-level area's name that are no part of its short name
_DISTRICT = re.compile(r"^(.+) (?:district|regency|agency)$")
# stems that are words, not names: a compass word in any language, a generic word
_NOT_A_STEM = re.compile(r"\b(?:urban|rural|regional|municipal|metropolitan|city|central|capital)$")


def loose(key: str) -> str:
    """A folded name (gazetteer.norm form) with apostrophes, the Arabic article's forms, a
    leading article, doubled letters and word breaks levelled: "ma'arrat an nu'man" and
    "maarat al-numan" -> "maratalnuman", "al qamishli" -> "qamishli". An article inside the
    name stays (as "al"): "Wadi Sirr" is not "Wadi as Sir"."""
    words = ["al" if w in _ARTICLES else w for w in _TOKEN.findall(key.translate(_QUOTES))]
    if len(words) > 1 and words[0] == "al":
        words = words[1:]
    return _DOUBLE.sub(r"\1", "".join(words))


def loose_index(g: Gazetteer) -> dict[str, list[int]]:
    """Loose key -> entries, over the keys that hold an apostrophe or an Arabic article (the
    only ones whose loose form a query cannot reach by dropping its own word breaks)."""
    out: dict[str, list[int]] = {}
    for k in filter(_LOOSE_WORTHY.search, g._index):
        lk = loose(k)
        if len(lk) >= 5:
            bucket = out.setdefault(lk, [])
            bucket.extend(i for i in g._index[k] if i not in bucket)
    return out


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def _target(g: Gazetteer, r: dict[str, str], areas: dict[tuple[str, str], int]) -> int | None:
    """The entry a row without a point names: a first-level area by its gazetteer name, or
    the most populous town of that name in the country (and area, when given)."""
    if r["feature"] == "admin1":
        return areas.get((r["cc"], r["name"]))
    from .gazetteer import norm

    towns = [i for i in g._index.get(norm(r["name"]), ()) if g._entries[i][6] == "city"
             and g._entries[i][4] == r["cc"]
             and (not r["admin1"] or g._admin1[g._entries[i][5]] == r["admin1"])]
    return max(towns, key=lambda i: g._entries[i][7] or 0) if towns else None


def apply(g: Gazetteer, areas: dict[tuple[str, str], int], path: Path = SUPPLEMENT) -> None:
    """Add the rows of place_supplement.csv: a row with a point is a new entry; a row without
    one gives its aliases to an existing entry. An alias joins the entries its key already has
    (the ranking decides: "Shabwa" is Yemen's Shabwah beside a Burmese hamlet)."""
    from .gazetteer import norm

    for r in _rows(path):
        if r["lat"]:
            admin = areas.get((r["cc"], r["admin1"])) if r["admin1"] else None
            g._entries.append([r["name"], None, float(r["lat"]), float(r["lon"]), r["cc"],
                               g._entries[admin][5] if admin is not None else -1,
                               r["feature"] or "city", int(r["population"] or 0)])
            i = len(g._entries) - 1
            names = [r["name"], *filter(None, r["aliases"].split(";"))]
        else:
            t = _target(g, r, areas)
            if t is None:
                continue
            i, names = t, [n for n in r["aliases"].split(";") if n]
            e = g._entries[i]
            g.english_names.update((e[4], e[2], e[3], norm(n)) for n in names)
            if g._entries[i][6] == "admin1" or (g._entries[i][7] or 0) >= 500_000:
                g.press_names.update(norm(n) for n in names)  # big places: safe on sight
        for name in names:
            ids = g._index.setdefault(norm(name), [])
            if i not in ids:
                ids.append(i)


def district_stems(g: Gazetteer) -> dict[str, list[int]]:
    """"Kurram District" -> "Kurram": the bare name of a second-level area stands for its
    first-level area, when no place bears it, one area holds it and it is no generic word
    (consulted only after every other reading of a name, see Gazetteer.lookup)."""
    from .aliases import demonyms

    words = demonyms()
    out: dict[str, list[int]] = {}
    for k, ids in g._districts.items():
        m = _DISTRICT.match(k)
        if m is None or len(set(ids)) != 1:
            continue
        stem = m.group(1)
        if (len(stem) > 3 and stem not in g._index and g._entries[ids[0]][4] != "US"
                and not _NOT_A_STEM.search(stem) and stem not in words
                and not any(w in gazetteer_extra._COMPASS for w in stem.split())):
            out[stem] = [ids[0]]
    return out
