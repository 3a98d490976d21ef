"""Publication dates: normalise what records/HTML/WARC give, find dates in URLs."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:\d{6})?\s*$")  # 20160223 or WARC-style 20160223120000
# Dates in URL paths: /2016/02/23/, 2016-02-23, /20160223/ (also _ and . separators).
_URL_DATES = (
    re.compile(r"(?<!\d)((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?=/|$|[^\d])"),
    re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.](\d{2})[-_.](\d{2})(?!\d)"),
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_\-.]|$)"),
)
# A URL path like /web/20151017184847/http://... is an archive capture time, not publication.
_ARCHIVE_PREFIX = re.compile(r"^https?://web\.archive\.org/web/\d+[a-z_]*/", re.I)


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    if not 1900 <= y <= date.today().year + 1:
        return None
    return day.isoformat()


@lru_cache(maxsize=4096)
def normalize_date(value: str | None) -> str | None:
    """An ISO date YYYY-MM-DD from common date spellings, or None when unreadable."""
    if not value or not isinstance(value, str):
        return None
    s = value.strip()
    m = _ISO.match(s) or _COMPACT.match(s)
    if m:
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    try:  # RFC 2822 (RSS, HTTP, e-mail): "Tue, 23 Feb 2016 10:00:00 GMT"
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    return _dateparser(s)


def _dateparser(s: str) -> str | None:
    # Last resort, cached by normalize_date; dateparser is slow to import so load it lazily.
    if len(s) > 64 or not any(c.isdigit() for c in s):
        return None
    try:
        import dateparser

        parsed = dateparser.parse(s, settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"})
    except Exception:
        return None
    return _valid(parsed.year, parsed.month, parsed.day) if parsed else None


def url_date(url: str | None) -> str | None:
    """The publication date written in a URL path, if any."""
    if not url:
        return None
    url = _ARCHIVE_PREFIX.sub("", url)
    for pattern in _URL_DATES:
        for m in pattern.finditer(url):
            found = _valid(int(m[1]), int(m[2]), int(m[3]))
            if found:
                return found
    return None
