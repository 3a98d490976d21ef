"""Event dates beyond the mention's own sentence: the headline, the lead, the next sentences,
background by date. Called by the events layer once mentions are clustered (and the primary
event is known). Every date keeps the span of the time expression it came from; none is
invented from the publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from ..model import Record
from . import event_link as link
from .event_coref import LEAD_UNITS, Cluster
from .event_date_cues import (
    date_words,
    header_times,
    on_follow_up_verb,
    on_report_verb,
    token_at,
    updated_stamp,
    verb_of,
)
from .event_triggers import units

LEAD_CHARS = 700  # the least a lead reaches past the event's first mention


def headline_date(clusters: list[Cluster]) -> None:
    """A headline states the incident the lead then tells with its date ("Man shot near X" /
    "... a man was shot Thursday night near X"). A headline event with no date of its own
    takes the date of the first event of its family in the lead, even when a misread place
    kept the two apart."""
    for cl in clusters:
        h = cl.head
        if h.sent != 0 or cl.best("date") or h.mode in ("hypothetical", "background"):
            continue
        for other in clusters:
            o = other.head
            d = other.best("date")
            if other is cl or not 0 < o.sent < LEAD_UNITS or o.family != h.family or o.mode != h.mode:
                continue
            if d:
                h.date = (d[0], 1)
            break  # only the lead's first event of that family is the headline's



def lead_date(record: Record, doc: Any, cl: Cluster, claimed: set[int], clusters: list[Cluster]) -> None:
    """The article's main violent event still undated takes the first day of the headline
    and lead that dates neither a statement, nor a later step of the case, nor an event of
    another kind: the lead tells the incident ("A man was shot. ... It happened Sunday
    night."); later dates are follow-ups. Its own sentences count too (a parse that hung
    "Wednesday night" on the wrong verb should not cost the incident its date), and so do
    days held by another violent mention, which in a local story is mostly the same incident
    told twice. The lead is counted from the event's first mention. Never after publication.

    An event dated only far past the lead (its cluster took in a mention of an aftermath or of
    an earlier case the article recalls) gets the lead's day instead, unless that day is a
    dateline's stamp or lies weeks after the event's (a story about the sentencing)."""
    h = cl.head
    if h.family != "violence" or h.mode != "asserted":
        return
    spans = units(doc)
    if not spans:
        return
    hi = _lead_end(doc, cl)
    best = cl.best("date")
    if _day_dated(cl) and (best is None or best[0]["span"]["start"] < hi):
        return  # dated in the lead already
    pub = (record.article.published or "")[:10]
    own = {t.i for m in cl.members for t in m.cand.words}
    violent = violent_ids(clusters)
    for i, t in enumerate(record.times):
        if t.start >= hi:
            break
        if link.clock_only(t) or on_report_verb(doc, t) or on_follow_up_verb(doc, t, own):
            continue  # a statement's or a hearing's date is not the event's
        if i in claimed and not link.attached(doc, t, violent):
            continue  # the date of an event of another kind
        d = link.date_dict(t)
        if d and d["precision"] == "day" and (not pub or d["value"][:10] <= pub):
            if i in header_times(doc, record.times) and (_day_dated(cl) or updated_stamp(doc, record.times, i)):
                # a dateline's date stamps the report: it does not replace one the text gives (a
                # same-day story's "around 3 a.m." is that day's); an update time is only later
                continue
            if best is not None and best[0]["precision"] == "day" and days(best[0]["value"], d["value"]) > 45:
                return  # a lead dated long after the event's day: a sentencing or anniversary story
            override = _day_dated(cl)
            if override:
                # a date only far past the lead belongs to an aftermath or an earlier case the
                # article recalls: the lead's day is the incident's
                for m in cl.members:
                    if m.date and m.date[0]["span"]["start"] >= hi:
                        m.date = None
            h.date = (d, 2 if override else 1)
            return


def before_death(record: Record, doc: Any, cl: Cluster) -> None:
    """A shooting victim can die days later: when the violent event's day is the day of a
    death ("died Tuesday morning as a result of the injuries she sustained Jan. 2", "was
    pronounced dead at 12:09 p.m. Wednesday ... Around 9:15 p.m. Monday, deputies responded"),
    an earlier day in the lead (within a month, not a statement's or a later step's) is the
    incident's."""
    best = cl.best("date")
    if cl.head.family != "violence" or best is None or best[0]["precision"] != "day":
        return
    death = date_words()["death"]
    tok = token_at(doc, best[0]["span"]["start"])
    if tok is None or verb_of(tok).lower_ not in death:
        return
    for t in record.times:
        if t.start >= _lead_end(doc, cl):
            break
        d = link.date_dict(t)
        if not d or d["precision"] != "day" or not 0 < days(d["value"], best[0]["value"]) <= 31 or link.clock_only(t):
            continue
        at = token_at(doc, t.start)
        if at is None or verb_of(at).lower_ in death or on_report_verb(doc, t) or on_follow_up_verb(doc, t):
            continue
        for m in cl.members:
            if m.date and m.date[0]["span"]["start"] == best[0]["span"]["start"]:
                m.date = None
        cl.head.date = (d, best[1])
        return


def from_first_violent(main: Cluster, first: Cluster | None) -> None:
    """The article's main violent event, still undated (named again only far below, "the two
    homicides"), is the incident the lead tells: it takes the day of the lead's first violent
    event, as a headline event does (headline_date)."""
    if first is None or first is main or main.best("date") or main.head.family != "violence" \
            or main.head.mode != "asserted" or first.head.sent >= LEAD_UNITS:
        return
    d = first.best("date")
    if d and d[0]["precision"] == "day":
        main.head.date = (d[0], 1)


def _verb_of_noun(c: Any) -> Any:
    """The verb of a nominal trigger that is its subject or object ("the shooting happened
    Friday"): times on that verb are the event's (the events layer links them so too)."""
    tok = c.token
    if c.nominal and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and (tok.head.tag_ or "").startswith("VB"):
        return tok.head
    return tok


def _day_dated(cl: Cluster) -> bool:
    """Has the cluster a date other than a bare clock time ("at 1 a.m.", which the times layer
    reads on the report day and so says nothing about which day it was)?"""
    return any(m.date and not link.clock_only_text(m.date[0]["span"]["text"]) for m in cl.members)


def from_next_sentences(record: Record, doc: Any, clusters: list[Cluster], claimed: set[int]) -> None:
    """News states the event, then when: "A man was shot and killed. It happened Monday near ...".
    A violent event with no date in its own sentences takes the first date of the next two
    that dates neither a statement, a later step, nor an event of another kind ("police
    arrested the teen Tuesday ... in the March 18th shooting": Tuesday is the arrest's)."""
    spans = units(doc)
    pub = (record.article.published or "")[:10]
    violent = violent_ids(clusters)
    stamps = header_times(doc, record.times)
    for cl in clusters:
        h = cl.head
        if cl.best("date") or h.family != "violence" or h.mode == "hypothetical":
            continue
        lo = spans[h.sent][1] if h.sent < len(spans) else None
        hi = spans[min(h.sent + 2, len(spans) - 1)][1] if lo is not None else None
        for i, t in enumerate(record.times):
            if lo is None or not (lo <= t.start < hi) or link.clock_only(t) or i in stamps:
                continue
            if on_report_verb(doc, t) or on_follow_up_verb(doc, t):
                continue  # "police said Monday", "was charged Tuesday": not when it happened
            if i in claimed and not link.attached(doc, t, violent):
                continue
            d = link.date_dict(t)
            if d and (not pub or d["value"][:10] <= pub):
                h.date = (d, 1)
                break


def violent_ids(clusters: list[Cluster]) -> set[int]:
    """Token ids of the asserted violent mentions (and the verbs of nominal ones)."""
    return {t.i for c in clusters for m in c.members if m.family == "violence" and m.mode == "asserted"
            for t in (*m.cand.words, _verb_of_noun(m.cand))}


def background_by_date(clusters: list[Cluster], p: int | None) -> None:
    """A violent event dated well before the main event is context, not news."""
    if p is None:
        return
    pd = clusters[p].best("date")
    if not pd or pd[1] < 2 or len(pd[0]["value"]) < 10:
        return
    for i, c in enumerate(clusters):
        d = c.best("date")
        if i == p or not d or d[1] < 2 or len(d[0]["value"]) < 10 or c.head.mode != "asserted" \
                or c.head.family != "violence":
            continue
        if d[0]["value"] < pd[0]["value"] and days(d[0]["value"], pd[0]["value"]) > 7:
            for m in c.members:
                m.mode = "background"



def days(a: str, b: str) -> int:
    try:
        return (date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days
    except ValueError:
        return 0




_COARSE = frozenset({"week", "month", "year"})


def _period(value: str, precision: str) -> tuple[str, str] | None:
    """First and last day (ISO) of a week, month or year value."""
    try:
        if precision == "week":
            monday = date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
        if precision == "month":
            return f"{value[:7]}-01", f"{value[:7]}-31"
        if precision == "year":
            return f"{value[:4]}-01-01", f"{value[:4]}-12-31"
    except ValueError:
        return None
    return None


def refine_coarse(record: Record, doc: Any, cl: Cluster) -> None:
    """A coarse date of the main event ("last weekend", "this week", "in April") gives way to
    the first day the lead names inside that period ("at 12:30 p.m. on Saturday", "Oct.
    20"): the day states the same time more finely. Statement and follow-up dates do not count,
    nor days after publication, nor days far below (they tell of other things)."""
    best = cl.best("date")
    if not best or best[0]["precision"] not in _COARSE:
        return
    period = _period(best[0]["value"], best[0]["precision"])
    if period is None:
        return
    pub = (record.article.published or "")[:10]
    hi = _lead_end(doc, cl)
    for t in record.times:
        if t.start >= hi:
            break
        if link.clock_only(t) or on_report_verb(doc, t) or on_follow_up_verb(doc, t):
            continue
        d = link.date_dict(t)
        if not d or d["precision"] != "day" or (pub and d["value"][:10] > pub):
            continue
        if period[0] <= d["value"][:10] <= period[1]:
            cl.head.date = (d, max(best[1], 2))
            return


def _lead_end(doc: Any, cl: Cluster) -> int:
    """End (char) of the event's lead: five units from its first mention, and at least the 600
    characters after it (datelines, bylines and one-line paragraphs cut leads into short units)."""
    spans = units(doc)
    if not spans:
        return 0
    first = min(m.sent for m in cl.members)
    return max(spans[min(max(LEAD_UNITS, first + 3), len(spans)) - 1][1], spans[min(first, len(spans) - 1)][0] + LEAD_CHARS)


_CALENDAR = re.compile(r"\d{4}(?:-\d\d){0,2}")


def other_month(a: str, b: str) -> bool:
    """A year or month date and a date outside it ("2024-06" and "2024-07-07", "2012" and
    "2014-12-15"); two days are compared by distance instead."""
    if not (_CALENDAR.fullmatch(a) and _CALENDAR.fullmatch(b)):
        return False
    n = min(len(a), len(b))
    return n < 10 and a[:n] != b[:n]
