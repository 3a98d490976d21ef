"""Reconciling the casualty/arrest figures that several reports give for one event.

Every report is kept (value, qualifier, article, published, speaker, span, mode); the
event's value for a figure is chosen by one of three rules:

- ``conservative`` (default, ACLED's "most conservative" practice): tolls are revised as
  information arrives, so a report is *superseded* when another credible report of the same
  figure was published on a later day. Among the reports that are not superseded (those of
  the latest reporting day), the **lowest** value is taken. Reports whose mention is not
  asserted (claimed, alleged, denied, hypothetical: e.g. a group's own claim of how many it
  killed) are not credible and are ignored while any asserted report exists.
  40 (day 1) → 133 (day 2) → 144 and 139 (day 3) gives 139.
- ``latest``: the value of the most recently published report (ties: the later ingested,
  then the higher one).
- ``max``: the highest value reported.

Reports without a publication date sort before dated ones.
"""

from __future__ import annotations

from typing import Any

RULES = ("conservative", "latest", "max")
CREDIBLE_MODES = frozenset({"asserted", None})


def _day(published: str | None) -> str:
    return (published or "")[:10]


def choose(reports: list[dict[str, Any]], rule: str = "conservative") -> int | None:
    """The event's value of one figure under `rule`, from its reports."""
    vals = [r for r in reports if isinstance(r.get("value"), int)]
    if not vals:
        return None
    if rule == "max":
        return max(r["value"] for r in vals)
    if rule == "latest":
        best = max(enumerate(vals), key=lambda ir: (_day(ir[1].get("published")),
                                                   ir[1].get("published") or "", ir[0], ir[1]["value"]))
        return best[1]["value"]
    if rule != "conservative":
        raise ValueError(f"unknown figure rule {rule!r} (one of {', '.join(RULES)})")
    credible = [r for r in vals if r.get("mode") in CREDIBLE_MODES] or vals
    last = max(_day(r.get("published")) for r in credible)
    current = [r for r in credible if _day(r.get("published")) == last]
    return min(r["value"] for r in current)


def reconcile(reports_by_kind: dict[str, list[dict[str, Any]]], rule: str = "conservative") -> dict[str, Any]:
    """{kind: {value, rule, reports}} with reports sorted by publication date."""
    out: dict[str, Any] = {}
    for kind, reports in reports_by_kind.items():
        ordered = sorted(reports, key=lambda r: (r.get("published") or "", r.get("article") or ""))
        out[kind] = {"value": choose(ordered, rule), "rule": rule, "reports": ordered}
    return out
