"""geo-dev: toponym recognition (strict span F1) and resolution (Acc@161km, errors, AUC) on
GeoWebNews + GeoVirus, as ../shared/data/geo-dev/README.md defines them.

Gold: rows with `toponym = true` (GWN: literal and associative types, incl. demonyms and
metonymy; GeoVirus: every row). Predictions: the records' `places`, through the same pipeline as
`extract` (no cleaning, so offsets match). Two prediction sets are scored:
- "all places": everything the layer returns;
- "scheme": what each corpus annotates — GeoVirus annotates no demonyms, no buildings and no
  names inside other names, so demonym, venue and embedded places are left out there (GWN keeps
  all, since it annotates all three).
Country coordinates follow GeoNames (as GWN's gold does); GeoVirus's gold uses Wikipedia's, which
caps a GeoNames-based resolver near its README's oracle (Acc@161km 88).
Resolution is end-to-end: gold toponyms with coordinates that the system recognised (same span).
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

from ..geo import distance_km
from .common import BenchContext, records_for

ANCHORS = {
    "GeoVirus Acc@161km": "CamCoder 82, Edinburgh 78, population baseline 80 (end-to-end)",
    "GeoWebNews Acc@161km": "Mordecai3 94.1 (gold names, N=474; not comparable)",
    "GeoVirus AUC": "CamCoder 0.31",
}


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _auc(errors: list[float]) -> float:
    """CamCoder's AUC: trapezoid over sorted log(1+err), normalised by log(20039) and N-1."""
    if len(errors) < 2:
        return 0.0
    xs = sorted(math.log(1 + e) for e in errors)
    area = sum((xs[i] + xs[i + 1]) / 2 for i in range(len(xs) - 1))
    return area / (math.log(20039) * (len(xs) - 1))


def _in_scheme(corpus: str, p: dict[str, Any]) -> bool:
    return corpus != "GeoVirus" or (p["role"] not in ("demonym", "embedded") and p["feature"] != "venue")


def evaluate(preds: dict[str, list[dict[str, Any]]], gold: list[dict[str, Any]],
             corpus_of: dict[str, str]) -> dict[str, Any]:
    gold_by: dict[str, dict[tuple[int, int], dict]] = defaultdict(dict)
    for g in gold:
        if g["toponym"] and g["doc"] in preds:
            gold_by[g["doc"]][(g["start"], g["end"])] = g
    out: dict[str, Any] = {}
    for corpus in ("GeoWebNews", "GeoVirus", "all"):
        docs = [d for d in preds if corpus in ("all", corpus_of[d])]
        for variant in ("all", "scheme"):
            n_pred = tp_pred = n_gold = tp_gold = 0
            lenient = 0
            errors: list[float] = []
            for d in docs:
                ps = [p for p in preds[d] if variant == "all" or _in_scheme(corpus_of[d], p)]
                spans = {(p["start"], p["end"]): p for p in ps}
                g = gold_by.get(d, {})
                n_pred += len(spans)
                n_gold += len(g)
                tp_pred += sum(1 for s in spans if s in g)
                tp_gold += sum(1 for s in g if s in spans)
                lenient += sum(1 for gs, ge in g if any(s < ge and e > gs for s, e in spans))
                if variant == "scheme":
                    for s, row in g.items():
                        p = spans.get(s)
                        if p and row["lat"] is not None and p["lat"] is not None:
                            errors.append(distance_km(row["lat"], row["lon"], p["lat"], p["lon"]))
                        elif p and row["lat"] is not None:
                            errors.append(20039.0)  # recognised but unresolved: worst error
            p, r, f = _prf(tp_pred, n_pred, tp_gold, n_gold)
            key = f"{corpus} {variant}"
            out[key] = {"precision": p, "recall": r, "f1": f,
                        "lenient_recall": lenient / n_gold if n_gold else 0.0,
                        "n_pred": n_pred, "n_gold": n_gold}
            if variant == "scheme" and errors:
                errors.sort()
                out[key].update({
                    "acc161": sum(e < 161 for e in errors) / len(errors),
                    "mean_km": sum(errors) / len(errors), "median_km": errors[len(errors) // 2],
                    "auc": _auc(errors), "n_resolved": len(errors)})
    # GWN marks each toponym literal (a location) or associative (metonymy, demonym, modifier,
    # embedded): does the place's role agree (role "location" <=> literal)?
    agree = total = 0
    for d, g in gold_by.items():
        spans = {(p["start"], p["end"]): p for p in preds.get(d, [])}
        for s, row in g.items():
            if row["literal"] is not None and s in spans:
                total += 1
                agree += row["literal"] == (spans[s]["role"] == "location")
    out["role"] = {"accuracy": agree / total if total else 0.0, "n": total}
    return out


def run(ctx: BenchContext) -> dict[str, Any]:
    rows = ctx.jsonl("geo-dev")
    gold = ctx.jsonl("geo-dev", "gold.jsonl")
    corpus_of = {str(r["id"]): r.get("corpus") or "" for r in rows}
    preds: dict[str, list[dict[str, Any]]] = {}
    for rec in records_for(rows):
        preds[rec.article.id] = [
            {"start": p.start, "end": p.end, "lat": p.lat, "lon": p.lon, "role": p.role,
             "feature": p.feature} for p in rec.places]
    res = evaluate(preds, gold, corpus_of)
    table = []
    for key in ("GeoWebNews all", "GeoVirus all", "GeoVirus scheme", "all scheme"):
        m = res[key]
        table.append((f"{key}: toponym P/R", f"{m['precision']:.3f}/{m['recall']:.3f}", None))
        table.append((f"{key}: toponym F1 (strict)", m["f1"], None))
    for corpus in ("GeoWebNews", "GeoVirus"):
        m = res[f"{corpus} scheme"]
        if "acc161" in m:
            table.append((f"{corpus} Acc@161km", m["acc161"] * 100, ANCHORS[f"{corpus} Acc@161km"]))
            table.append((f"{corpus} mean / median km", f"{m['mean_km']:.0f}/{m['median_km']:.0f}",
                          None))
            table.append((f"{corpus} AUC", m["auc"], ANCHORS.get(f"{corpus} AUC")))
    table.append(("GWN role accuracy (literal=location)", res["role"]["accuracy"], None))
    table.append(("articles analysed", f"{len(preds)}/{len(rows)}", None))
    ctx.table("geo-dev (GeoWebNews + GeoVirus): toponym F1 strict; Acc@161 on recognised", table)
    flat: dict[str, Any] = {"articles": len(preds)}
    for key, m in res.items():
        for k, v in m.items():
            flat[f"{key.replace(' ', '_')}_{k}"] = round(v, 4) if isinstance(v, float) else v
    return flat
