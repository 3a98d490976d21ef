"""`eventwire bench gvc-dev`: per-article incident fields vs the Gun Violence Archive record.

Each article is linked to one GVA incident; we compare the article's incident event (the
primary event, or the violent event it is about; see gvdb_dev.incident_event) with the
incident: killed and injured (exact; a missing figure is 0), date (exact day) and city
(GVA `city_or_county` without its parenthesised part, against the event place's name or
text, case-insensitive). GVA counts the whole incident (suspects included), so an early
article can legitimately report fewer. `date (text, else published)` is a separate row that
falls back, explicitly, to the document creation time when the text gives no date.
"""

from __future__ import annotations

import re

from .common import BenchContext, records_for
from .gvdb_dev import _names, count, incident_event, norm_date, place_key


def city_base(city: str | None) -> str | None:
    """GVA's `city_or_county` as a comparable key: "Chicago (Englewood)" is Chicago;
    "Bartow (county)" is Bartow County (the README: sometimes a county)."""
    if not city:
        return None
    county = re.search(r"\(\s*county\s*\)", city, re.I) is not None
    base = re.sub(r"\s*\(.*?\)\s*", " ", city).strip()
    if county and base and not base.lower().endswith(" county"):
        base += " County"
    return place_key(base) or None


def run(ctx: BenchContext) -> dict[str, object]:
    rows = ctx.jsonl("gvc-dev")
    gold = {g["id"]: g for g in ctx.jsonl("gvc-dev", "gold.jsonl")}
    n = k_ok = i_ok = d_ok = dp_ok = c_ok = c_n = 0
    for rec in records_for(rows):
        g = gold.get(rec.article.id)
        if g is None:
            continue
        n += 1
        ev = incident_event(rec.events)
        k_ok += count(ev, "killed") == (g.get("killed") or 0)
        i_ok += count(ev, "injured") == (g.get("injured") or 0)
        gd = norm_date(g.get("date"))
        ed = norm_date((ev.date or {}).get("value")) if ev and ev.date else None
        d_ok += ed is not None and ed == gd
        dp_ok += (ed or norm_date(rec.article.published)) == gd
        base = city_base(g.get("city"))
        if base:
            c_n += 1
            loc = (ev.location or {}) if ev else {}
            names = _names(loc)
            c_ok += base in names
    n = max(n, 1)
    metrics = {
        "articles": n, "killed_acc": k_ok / n, "injured_acc": i_ok / n, "date_acc": d_ok / n,
        "date_acc_with_published_fallback": dp_ok / n, "city_acc": c_ok / max(c_n, 1),
    }
    ctx.table("gvc-dev: per-article incident fields (README: no directly comparable published score)", [
        ("articles", n, None),
        ("killed exact", metrics["killed_acc"], "target 0.80"),
        ("injured exact", metrics["injured_acc"], "target 0.75"),
        ("date exact (from text)", metrics["date_acc"], "target 0.80"),
        ("date exact (text, else published)", metrics["date_acc_with_published_fallback"], None),
        (f"city exact (n={c_n})", metrics["city_acc"], "target 0.85"),
    ])
    return metrics
