"""The article's incident (helper of events): the violent event a local story reports, and the
violent mentions split off it only because a report date or a far venue looked different."""

from __future__ import annotations

from .. import taxonomy
from ..geo import points_km
from . import event_dates as dates
from .event_coref import Cluster, nested_area

# weapon-specific subtypes: an air strike and a suicide bombing are two events
_SPECIFIC = set(taxonomy.subtypes("attack")) - {"armed_assault"} | {"armed_clash"}


def absorb_into_incident(clusters: list[Cluster], incident: Cluster | None) -> bool:
    """Violent mentions split off the article's incident only because a report date or a far
    venue looked different are folded back when nothing really conflicts (same country, dates
    at most 3 days apart): a local news story reports one incident."""
    if incident is None or incident.head.family != "violence":
        return False
    iloc, idate = incident.best("loc"), incident.best("date")
    moved = False
    for c in list(clusters):
        h = c.head
        if c is incident or h.family != "violence" or h.mode in ("hypothetical", "background"):
            continue
        loc, date = c.best("loc"), c.best("date")
        if loc and iloc and loc[0].get("country_code") != iloc[0].get("country_code"):
            continue
        if loc and iloc and loc[1] >= 2 and iloc[1] >= 2:
            km = None if nested_area(loc[0], iloc[0]) else points_km(loc[0], iloc[0])
            if km is not None and km > 50:
                continue  # two places: two events (a round-up of attacks)
        if c.subtype != incident.subtype and {c.subtype, incident.subtype} <= _SPECIFIC:
            continue  # an air strike and a suicide bombing are two events
        if date and idate and date[1] >= 2 and idate[1] >= 2 and len(date[0]["value"]) == len(idate[0]["value"]) == 10 \
                and abs(dates.days(date[0]["value"], idate[0]["value"])) > 3:
            continue
        if date and idate and date[1] >= 2 and idate[1] >= 2 and dates.other_month(date[0]["value"], idate[0]["value"]):
            continue  # "Last month, 39 students were abducted": an earlier event of the same kind
        incident.members.extend(c.members)
        clusters.remove(c)
        moved = True
    incident.members.sort(key=lambda m: m.cand.start)
    return moved


def incident_of(clusters: list[Cluster], p: int | None) -> Cluster | None:
    """The violent event the article reports: the primary, what it is about, or the biggest one."""
    if p is not None:
        if clusters[p].head.family in ("violence", "disaster"):
            return clusters[p]
        a = clusters[p].about
        if a is not None and clusters[a].head.family == "violence" and clusters[a].head.mode != "hypothetical":
            return clusters[a]
    real = [c for c in clusters if c.head.family in ("violence", "disaster")
            and c.head.mode not in ("hypothetical", "background")]
    return max(real, key=lambda c: len(c.members)) if real else None
