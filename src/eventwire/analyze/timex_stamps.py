"""Times that stamp the article rather than tell of anything in it: a dated dateline
("LAFAYETTE, Ind. (Jan. 8, 2015) –", "NEW HAVEN, Conn., Oct. 27 (UPI) --"), "Posted: Saturday,
December 27, 2014", "Updated at 10:39 a.m. Sunday", "as of Wednesday", or a line holding nothing but a date.

Text-only rules (no parse), so the times layer can use them before anything else: an article
without a publication date takes it from its own dated stamp (`report_date`), and the events
layer never dates an event with a stamp (event_date_cues.header_times).
"""

from __future__ import annotations

import re

from ..model import Time

_STAMP_BEFORE = re.compile(r"(?i)\b(?:posted|(?P<upd>updated?|modified|last updated)|published|created)\s*(?:on|at)?\s*[:,]?\s*"
                           r"(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s*(?:[ECMP][SD]T)?\s*,?\s*(?:on\s+)?)?$")  # "Updated at 10:39 a.m. on"
_AS_OF = re.compile(r"(?i)\bas of\s+$")
_HAS_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A wire dateline: a capitalised place opening the paragraph, the date, an optional agency in
# brackets, then a dash.
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Za-z .'-]{1,30},(?:[ \t]*[A-Z][A-Za-z.]{1,14},)?[ \t]*$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\))?[ \t]*(?:--|—|–|-)(?=\s)")
# ... or the date first: "Monday, December 15, 2014 AUBURN, Alabama --", "December 5, 2015 NEW YORK (AP)"
_DATE_FIRST_AFTER = re.compile(r"[ \t]+[A-Z][A-Z.'-]+(?:[ \t]+[A-Z][A-Z.'-]+)*(?:,|[ \t]*\()")
_LINE_REST = re.compile(r"[\W\d]|\b(?:[ap]\.?m\.?|[ECMP][SD]T|GMT|UTC)\b", re.I)
_DAY = re.compile(r"^\d{4}-\d\d-\d\d")


def stamp_kinds(text: str, times: list[Time]) -> dict[int, str]:
    """Index of each stamping time -> its kind: "posted", "updated", "as_of", "dateline" or "line"."""
    out: dict[int, str] = {}
    for i, t in enumerate(times):
        if t.type not in ("DATE", "TIME"):
            continue
        before, after = text[max(0, t.start - 30):t.start], text[t.end:t.end + 4]
        m = _STAMP_BEFORE.search(before)
        if m:  # "Posted: ...", "Update, 9:45 a.m. Sunday:"
            out[i] = "updated" if m.group("upd") else "posted"
        elif _AS_OF.search(before):
            out[i] = "as_of"  # "As of Wednesday afternoon, the fund had raised $31,000": a state, like an update
        elif _DATELINE_AFTER.match(text, t.end, t.end + 40) and _DATELINE_BEFORE.search(text, max(0, t.start - 48), t.start):
            out[i] = "dateline"
        elif _HAS_YEAR.search(t.text):
            if before.endswith("(") and after.startswith(")"):
                out[i] = "dateline"  # "INDIANAPOLIS, Ind. (Jan. 8, 2016) –"
                continue
            line_start = text.rfind("\n", 0, t.start) + 1
            if not text[line_start:t.start].strip() and _DATE_FIRST_AFTER.match(text, t.end, t.end + 40):
                out[i] = "dateline"
                continue
            line_end = text.find("\n", t.end)
            rest = text[line_start:t.start] + text[t.end:len(text) if line_end < 0 else line_end]
            if not _LINE_REST.sub("", rest).strip():
                out[i] = "line"
    return out


def report_date(text: str, times: list[Time]) -> str | None:
    """The day the article itself says it was filed: its first dated stamp that spells out
    the year ("Posted: Monday, May 4, 2015", "INDIANAPOLIS (Dec. 2, 2015) –", a date line).
    Not an update time, which may come years later. None when there is no such stamp: the
    year is never guessed."""
    for i, kind in sorted(stamp_kinds(text, times).items()):
        t = times[i]
        if kind not in ("updated", "as_of") and _HAS_YEAR.search(t.text) and _DAY.match(t.value or ""):
            return t.value[:10]
    return None
