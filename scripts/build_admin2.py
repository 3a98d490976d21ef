"""Build src/eventwire/data/gazetteer/admin2_iso.csv: second-level areas and their first-level one,
and the first-level areas of ISO 3166-2 that the gazetteer lacks (rows naming themselves).

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
import gettext
import re
import sys
from collections import defaultdict
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_admin1_aliases import _close, fold  # noqa: E402

from eventwire.analyze.gazetteer import gazetteer  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "gazetteer" / "admin2_iso.csv"


def main() -> None:
    if OUT.exists():  # link against the gazetteer as it is without this file
        OUT.unlink()
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

    en = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)

    def forms(sd) -> list[str]:
        """"Illes Balears [Islas Baleares]", "Murcia, Región de", "Elgeyo/Marakwet": the plain names."""
        out = []
        for raw in (sd.name, en.gettext(sd.name)):
            out += [re.sub(r"\s*\[.*?\]", "", raw).split(",")[0].strip(), *re.findall(r"\[(.*?)\]", raw)]
        out += [f.replace("/", " ") for f in out if "/" in f]
        return [f for f in dict.fromkeys(out) if len(f) > 2]

    def linked_one(cc: str, name: str) -> str:
        f = fold(name)
        if f in areas[cc]:
            return areas[cc][f]
        if (cc, f) in aliases:
            return aliases[(cc, f)]
        hit = _close({name}, areas[cc]) if areas[cc] else set()
        if hit:
            return hit.pop()
        # a transliteration or translation the gazetteer's skeleton keys know ("Castilla y León")
        same = [c for c in g.lookup(name) if c.feature == "admin1" and c.country_code == cc]
        return same[0].name if same else ""

    def linked(sd) -> str:
        return next((a for f in forms(sd) if (a := linked_one(sd.country_code, f))), "")

    rows = []
    for sd in pycountry.subdivisions:
        if sd.parent_code is None and not linked(sd) and sd.country_code in areas:
            # a first-level area the gazetteer lacks (newer states: "West Darfur", "Kavango East")
            for form in forms(sd):
                rows.append((sd.country_code, form, forms(sd)[0], ""))
            continue
        if sd.parent_code is None or linked(sd):
            continue  # first-level in ISO, or in the gazetteer (Indonesia's provinces under islands)
        up, link = sd, ""
        while up.parent_code is not None and up.parent_code in subs and not link:
            up = subs[up.parent_code]
            link = linked(up)  # the nearest ancestor the gazetteer has as a first-level area
        rows += [(sd.country_code, f, forms(up)[0], link) for f in forms(sd)]
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("# Second-level areas of ISO 3166-2 with their first-level ancestor, built by\n"
                 "# scripts/build_admin2.py. cc,name,admin1_iso (ISO name),admin1 (gazetteer name or empty)\n")
        w = csv.writer(fh)
        w.writerow(["cc", "name", "admin1_iso", "admin1"])
        w.writerows(sorted(rows))
    print(f"{len(rows)} second-level areas, {sum(1 for r in rows if r[3])} linked")


if __name__ == "__main__":
    main()
