"""Build src/eventwire/data/gazetteer/admin2_iso.csv: second-level areas and their first-level one.

Conflict notes and local news qualify a village with its district or province ("Kantchari,
Tapoa", "Merignac (Gironde)"); the gazetteer has cities and first-level areas only. ISO 3166-2
lists the second level for some countries with its parent (Burkina Faso's provinces, France's
departments, Spain's and Italy's provinces, the Philippines' provinces, ...). Source (offline):
pycountry's subdivisions. Each row: the country, the second-level name, the ISO name of its
first-level ancestor and, when it can be linked (same rule as scripts/build_admin1_aliases.py:
equal folded name or a clearly closest transliteration), the gazetteer's name for that area.

Usage: PYTHONPATH=src python scripts/build_admin2.py
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_admin1_aliases import _close, fold  # noqa: E402

from eventwire.analyze.gazetteer import gazetteer  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "gazetteer" / "admin2_iso.csv"


def main() -> None:
    g = gazetteer()
    areas: dict[str, dict[str, str]] = defaultdict(dict)  # cc -> folded name -> gazetteer name
    for e in g._entries:
        if e[6] == "admin1" and e[4]:
            areas[e[4]][fold(e[0])] = e[0]
    aliases: dict[tuple[str, str], str] = {}  # (cc, folded alias) -> gazetteer name
    alias_file = OUT.parent / "admin1_aliases.csv"
    with open(alias_file, encoding="utf-8") as fh:
        for r in csv.DictReader(line for line in fh if not line.startswith("#")):
            for a in r["aliases"].split(";"):
                aliases[(r["cc"], fold(a))] = r["admin1"]
    subs = {sd.code: sd for sd in pycountry.subdivisions}

    def linked(sd) -> str:
        cc, f = sd.country_code, fold(sd.name)
        if f in areas[cc]:
            return areas[cc][f]
        if (cc, f) in aliases:
            return aliases[(cc, f)]
        hit = _close({sd.name}, areas[cc]) if areas[cc] else set()
        return hit.pop() if hit else ""

    rows = []
    for sd in pycountry.subdivisions:
        if sd.parent_code is None or linked(sd):
            continue  # first-level in ISO, or in the gazetteer (Indonesia's provinces under islands)
        up, link = sd, ""
        while up.parent_code is not None and up.parent_code in subs and not link:
            up = subs[up.parent_code]
            link = linked(up)  # the nearest ancestor the gazetteer has as a first-level area
        rows.append((sd.country_code, sd.name, up.name, link))
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("# Second-level areas of ISO 3166-2 with their first-level ancestor, built by\n"
                 "# scripts/build_admin2.py. cc,name,admin1_iso (ISO name),admin1 (gazetteer name or empty)\n")
        w = csv.writer(fh)
        w.writerow(["cc", "name", "admin1_iso", "admin1"])
        w.writerows(sorted(rows))
    print(f"{len(rows)} second-level areas, {sum(1 for r in rows if r[3])} linked")


if __name__ == "__main__":
    main()
