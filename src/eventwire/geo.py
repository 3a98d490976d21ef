"""Distance on the earth: one great-circle function for every stage (places, events,
clustering, benches), so a threshold means the same kilometres everywhere."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

EARTH_RADIUS_KM = 6371.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def points_km(a: Mapping[str, Any], b: Mapping[str, Any]) -> float | None:
    """Distance between two records with "lat"/"lon" keys; None when either lacks them."""
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return None
    return distance_km(a["lat"], a["lon"], b["lat"], b["lon"])
