"""Decode world-atlas countries-110m TopoJSON into the compact GeoJSON beside this file.

Run once at development time: `npm pack world-atlas@2.0.2`, unpack, then
`python build_basemap.py package/countries-110m.json countries-110m.geojson`.
"""

from __future__ import annotations

import json
import sys

import pycountry


def decode_arcs(topo: dict) -> list[list[list[float]]]:
    """Delta-decode the quantised arcs and apply the transform."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append([round(x * sx + tx, 3), round(y * sy + ty, 3)])
        arcs.append(pts)
    return arcs


def ring(arcs: list, idx: list[int]) -> list[list[float]]:
    out: list[list[float]] = []
    for i in idx:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]  # negative index = reversed arc
        out.extend(pts if not out else pts[1:])
    return out


def unwrap(r: list[list[float]]) -> list[list[float]]:
    """Make an antimeridian-crossing ring continuous (its eastern tail runs past 180°, off the
    world view) instead of a stripe across the map; rings winding round the pole stay."""
    pairs = list(zip(r, r[1:], strict=False))
    deltas = [((b[0] - a[0] + 180) % 360) - 180 for a, b in pairs]
    if abs(sum(deltas)) > 300 or not any(abs(a[0] - b[0]) > 180 for a, b in pairs):
        return r
    out = [list(r[0])]
    for (_x, y), d in zip(r[1:], deltas, strict=True):
        out.append([round(out[-1][0] + d, 3), y])
    shift = 360 if min(p[0] for p in out) < -180 else 0
    return [[x + shift, y] for x, y in out]


def convert(topo: dict) -> dict:
    arcs = decode_arcs(topo)
    feats = []
    for g in topo["objects"]["countries"]["geometries"]:
        if g.get("type") == "Polygon":
            coords = [[unwrap(ring(arcs, r)) for r in g["arcs"]]]
        elif g.get("type") == "MultiPolygon":
            coords = [[unwrap(ring(arcs, r)) for r in p] for p in g["arcs"]]
        else:
            continue
        num = g.get("id")
        c = pycountry.countries.get(numeric=str(num).zfill(3)) if num else None
        feats.append({"type": "Feature", "id": num,
                      "properties": {"name": g["properties"]["name"], "iso_a2": c.alpha_2 if c else None},
                      "geometry": {"type": "MultiPolygon", "coordinates": coords}})
    return {"type": "FeatureCollection", "features": feats}


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        data = convert(json.load(fh))
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        json.dump(data, fh, separators=(",", ":"))
