"""Query-parameter validation for the JSON API.

Every bad value becomes a `BadRequest` (HTTP 400) with a message saying which
parameter is wrong and what is expected, so a typo never reaches the store and
never turns into a 500.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

MODES = ("asserted", "claimed", "alleged", "denied", "hypothetical", "background")
FIGURE_RULES = ("conservative", "latest", "max")
SORT_KEYS = ("last_seen", "first_seen", "date", "sources")
MAX_LIMIT = 500
MAX_POINTS = 10000

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_TYPE_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_CC_RE = re.compile(r"^[A-Za-z]{2}$")


class BadRequest(ValueError):
    """A client error: the message is shown to the caller as is."""


def parse_date(name: str, value: str | None, *, end: bool = False) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD → a full ISO day (the range's first or, with end, last day)."""
    if value is None or value == "":
        return None
    m = _DATE_RE.match(value.strip())
    if not m:
        raise BadRequest(f"{name}: expected a date YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d is not None:
            return date(y, int(mo), int(d)).isoformat()
        if mo is not None:
            month = int(mo)
            first = date(y, month, 1)
            if not end:
                return first.isoformat()
            nxt = date(y + (month == 12), month % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1).isoformat()
        return (date(y, 12, 31) if end else date(y, 1, 1)).isoformat()
    except ValueError as exc:
        raise BadRequest(f"{name}: {value!r} is not a real date ({exc})") from None


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """"min_lon,min_lat,max_lon,max_lat" in degrees, each inside the world, min <= max."""
    if value is None or value == "":
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise BadRequest("bbox: expected four numbers min_lon,min_lat,max_lon,max_lat")
    try:
        x0, y0, x1, y1 = (float(p) for p in parts)
    except ValueError:
        raise BadRequest(f"bbox: not numbers: {value!r}") from None
    if any(v != v for v in (x0, y0, x1, y1)):  # NaN
        raise BadRequest("bbox: NaN is not a coordinate")
    if not (-180 <= x0 <= 180 and -180 <= x1 <= 180 and -90 <= y0 <= 90 and -90 <= y1 <= 90):
        raise BadRequest("bbox: longitudes must lie in [-180, 180] and latitudes in [-90, 90]")
    if x0 > x1 or y0 > y1:
        raise BadRequest("bbox: min_lon must be <= max_lon and min_lat <= max_lat")
    return (x0, y0, x1, y1)


def parse_country(value: str | None) -> str | None:
    if not value:
        return None
    if not _CC_RE.match(value):
        raise BadRequest(f"country: expected an ISO 3166-1 alpha-2 code like 'FR', got {value!r}")
    return value.upper()


def parse_type(value: str | None) -> str | None:
    if not value:
        return None
    if not _TYPE_RE.match(value):
        raise BadRequest(f"type: expected a taxonomy type name like 'armed_clash', got {value!r}")
    return value


def parse_choice(name: str, value: str | None, choices: tuple[str, ...]) -> str | None:
    if not value:
        return None
    if value not in choices:
        raise BadRequest(f"{name}: expected one of {', '.join(choices)}; got {value!r}")
    return value


def parse_sort(value: str | None) -> str:
    value = value or "-last_seen"
    key = value.lstrip("-+")
    if key not in SORT_KEYS:
        opts = ", ".join(SORT_KEYS)
        raise BadRequest(f"sort: expected one of {opts} (prefix '-' for descending); got {value!r}")
    return ("-" if value.startswith("-") else "") + key


def parse_page(limit: int | None, offset: int | None, *, max_limit: int = MAX_LIMIT) -> tuple[int, int]:
    limit = 50 if limit is None else limit
    offset = 0 if offset is None else offset
    if not 1 <= limit <= max_limit:
        raise BadRequest(f"limit: must be between 1 and {max_limit}, got {limit}")
    if offset < 0:
        raise BadRequest(f"offset: must be >= 0, got {offset}")
    return limit, offset


def parse_text(name: str, value: str | None, max_len: int = 200) -> str | None:
    if value is None or value.strip() == "":
        return None
    if len(value) > max_len:
        raise BadRequest(f"{name}: at most {max_len} characters")
    return value.strip()


def event_filters(raw: dict[str, Any]) -> dict[str, Any]:
    """The store's `list_events` keyword filters from raw query values (all validated)."""
    date_from = parse_date("date_from", raw.get("date_from"))
    date_to = parse_date("date_to", raw.get("date_to"), end=True)
    if date_from and date_to and date_from > date_to:
        raise BadRequest(f"date_from ({date_from}) is after date_to ({date_to})")
    min_sources = raw.get("min_sources")
    if min_sources is not None and not 0 <= min_sources <= 100000:
        raise BadRequest(f"min_sources: must be between 0 and 100000, got {min_sources}")
    return {
        "date_from": date_from,
        "date_to": date_to,
        "country": parse_country(raw.get("country")),
        "admin1": parse_text("admin1", raw.get("admin1")),
        "bbox": parse_bbox(raw.get("bbox")),
        "type": parse_type(raw.get("type")),
        "actor": parse_text("actor", raw.get("actor")),
        "q": parse_text("q", raw.get("q")),
        "min_sources": min_sources or None,
        "mode": parse_choice("mode", raw.get("mode"), MODES),
    }


def date_start(value: Any) -> str | None:
    """First day of a TimeML date value ("2024-03-22", "2024-03", "2024-W10", "2024-03-22TNI")."""
    if not isinstance(value, str):
        return None
    m = re.match(r"^(\d{4})-W(\d{2})", value)
    if m:
        try:
            return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1).isoformat()
        except ValueError:
            return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)).isoformat()
    except ValueError:
        return None
