"""Build src/eventwire/data/gazetteer/admin1_aliases.csv: other spellings of first-level areas.

The gazetteer names each first-level area once, by its GeoNames ASCII name ("Lowgar",
"Bavaria", "Muhafazat Shamal Sina'"); news and coders write ISO 3166-2 names or other
languages' forms ("Logar", "Bayern", "North Sinai"). Source (offline): pycountry's ISO 3166-2
subdivisions and the iso-codes translations it ships. An ISO subdivision is linked to the
gazetteer area whose name equals (after folding accents, case and generic words such as
"Province") its ISO name or one of its translations; every other form becomes an alias. Only
one-to-one links are kept; a
subdivision with no equal name links to a clearly most similar one (a transliteration).

Usage: python scripts/build_admin1_aliases.py   (needs the package importable: PYTHONPATH=src)
"""

from __future__ import annotations

import csv
import gettext
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import jellyfish
import pycountry

from eventwire.analyze.gazetteer import gazetteer

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "gazetteer" / "admin1_aliases.csv"
LANGS = ["en", "fr", "de", "es", "it", "pt", "nl"]
_GENERIC = {"province", "region", "state", "oblast", "oblysy", "governorate", "department", "district",
            "county", "prefecture", "division", "municipality", "of", "the", "muhafazat", "wilayat",
            "provincia", "departamento", "estado", "autonomous", "republic", "voivodeship", "do"}


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("’", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"\[.*?\]", " ", s)  # "Wales [Cymru GB-CYM]"
    return " ".join(w for w in re.findall(r"[a-z0-9]+", s) if w not in _GENERIC)


def _close(forms: set[str], names: dict[str, str]) -> set[str]:
    """A transliteration variant ("Lōgar" / "Lowgar"): the one area whose folded name is
    clearly the most similar (Jaro-Winkler >= 0.9, runner-up well behind)."""
    scored = sorted(((max(jellyfish.jaro_winkler_similarity(fold(f), k) for f in forms), k)
                     for k in names), reverse=True)
    if not scored or scored[0][0] < 0.9 or len(scored) > 1 and scored[1][0] > scored[0][0] - 0.05:
        return set()
    return {names[scored[0][1]]}


def main() -> None:
    g = gazetteer()
    areas: dict[str, dict[str, str]] = defaultdict(dict)  # cc -> folded name -> gazetteer name
    for e in g._entries:
        if e[6] == "admin1" and e[4]:
            areas[e[4]][fold(e[0])] = e[0]
    trans = []
    for lang in LANGS:
        try:
            trans.append(gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:
            continue
    rows: dict[tuple[str, str], set[str]] = defaultdict(set)
    for sd in pycountry.subdivisions:
        if sd.parent_code is not None or sd.country_code not in areas:
            continue
        forms = {sd.name, *(t.gettext(sd.name) for t in trans)}
        # translations sometimes pack several forms or a gloss: "X; Noord-X, Province", "Kiev (stad)"
        forms = {p.strip() for f in forms for p in re.sub(r"\s*\[.*?\]", "", f).split(";")}
        forms = {f for f in forms if f and not re.search(r"[,()]|Provin", f)}
        hits = {areas[sd.country_code][fold(f)] for f in forms if fold(f) in areas[sd.country_code]}
        if not hits and forms:
            hits = _close(forms, areas[sd.country_code])
        if len(hits) != 1:
            continue
        name = hits.pop()
        for f in forms:
            if fold(f) != fold(name) and len(fold(f)) > 2:
                rows[(sd.country_code, name)].add(f)
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("# Other names of first-level areas (ISO 3166-2 and its translations), built by\n"
                 "# scripts/build_admin1_aliases.py. cc,admin1 (gazetteer name),aliases (; separated)\n")
        w = csv.writer(fh)
        w.writerow(["cc", "admin1", "aliases"])
        for (cc, name), al in sorted(rows.items()):
            w.writerow([cc, name, ";".join(sorted(al))])
    print(f"{len(rows)} areas with aliases")


if __name__ == "__main__":
    main()
