"""Scoring an article against a story (article-level clustering of any topic).

Why not the event `score`: a story is about *wording*. The event score adds fixed shares
for date, place and type, which for stories are mostly neutral or noisy (an article with no
typed event has no event date, and its "place" is only the most specific place it names),
so they acted as a free constant that let articles with little wording in common join
(on the three clustering dev sets: only the word cosine, 0.824 / 0.797 / 0.939 B³ F1 →
0.843 / 0.871 / 0.951). The score is therefore the word cosine, nudged by time: reports of
one story are published within days of each other, and two stated event dates far apart
are two events. Place is left out: at article level it is the most specific place named
anywhere in the lead (datelines, background mentions), and on the dev sets using it did
not separate stories any better than the wording alone. Participants do: an article whose
key names (its most weighted entity words) the story never mentions, while the article
never mentions the story's, is about other people or things (two similar happenings: the
same kind of incident with another ship, another celebrity, another company). An undated
article has no time evidence but the calendar years it spells out: none in common with the
story's is the same kind of happening in another year, and the partial dates its lead
states (year, month, weekday: cluster/calendar.py) should meet the story's.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .calendar import CALENDAR_WEIGHT, add_calendar, calendar_signal
from .score import VETO_DAYS, add_mention, event_day, new_profile, token_norm, token_score
from .split import remember, without

STORY_THRESHOLD = 0.2  # join the best story at or above this score, else start a new one
DATE_WEIGHT = 0.05  # how far time evidence moves the score (±, see date_signal)
NAMES_PENALTY = 0.05  # the article and the story are about different key names
YEARS_PENALTY = 0.05  # the article and the story spell out no calendar year in common
MAX_PROFILE_YEARS = 30


def date_signal(m: dict[str, Any], e: dict[str, Any]) -> float:
    """Time evidence in [-1, 1]: + close in time, 0 unknown / neutral, - far apart.

    Event dates (from the primary event) when both sides have one; else the article's
    publication day against the story's blocking day."""
    ed, md = event_day(e), m.get("day")
    if md is not None and ed is not None:
        gap = abs(md - ed)
        if gap <= 1:
            return 1.0
        if gap <= 3:
            return 0.5
        exact = m.get("precision") == "day" and e.get("precision") == "day"
        return -1.0 if exact and gap > VETO_DAYS else 0.0
    pd, ep = m.get("published_day"), e.get("block_day")
    if pd is None or ep is None:
        return 0.0
    gap = abs(pd - ep)
    if gap <= 2:
        return 0.5
    if gap <= 7:
        return 0.0
    return -0.5 if gap <= 30 else -1.0


def names_conflict(m: dict[str, Any], e: dict[str, Any]) -> bool:
    """True when neither side mentions the other's key names (features.key_names): two
    similar happenings with other participants (another ship, another person, another
    town) are other stories however alike their wording."""
    mine = m.get("names") or []
    theirs = sorted((e.get("names") or {}).items(), key=lambda kv: (-kv[1], kv[0]))[:len(mine) or 1]
    if not mine or not theirs:
        return False
    et, mt = e.get("tokens") or {}, m.get("tokens") or {}
    return not any(w in et for w in mine) and not any(w in mt for w, _ in theirs)


def years_conflict(m: dict[str, Any], e: dict[str, Any]) -> bool:
    """True when the article and the story both spell out calendar years (features.
    stated_years) and share none: reports of one happening place it, and the background
    they recall, in the same years; a similar happening of another year (last year's
    quake, the coach hired in 2005 and the one fired in 2008) shares the wording but not
    the years. Only for an undated article: a publication date is better time evidence
    (date_signal), and a dated report's years also count background it recalls."""
    if m.get("published_day") is not None or m.get("day") is not None:
        return False
    mine, theirs = m.get("years") or [], e.get("years") or {}
    return bool(mine) and bool(theirs) and not any(str(y) in theirs for y in mine)


def story_score(m: dict[str, Any], e: dict[str, Any], m_norm: float | None = None) -> float:
    """How well article features `m` (story_features) fit story profile `e`: the cosine of
    their weighted words, ± DATE_WEIGHT for time evidence, ± CALENDAR_WEIGHT per field of an
    undated article's lead calendar, − NAMES_PENALTY when their key names do not meet,
    − YEARS_PENALTY when their stated years do not. `m_norm`: the norm of m's words (see
    token_score)."""
    s = token_score(m, e, m_norm) + DATE_WEIGHT * date_signal(m, e) + CALENDAR_WEIGHT * calendar_signal(m, e)
    if names_conflict(m, e):
        s -= NAMES_PENALTY
    return s - YEARS_PENALTY if years_conflict(m, e) else s


def new_story(story_id: str, m: dict[str, Any]) -> dict[str, Any]:
    """The profile of a story that article `m` starts."""
    return remember(add_calendar(_add_years(new_profile(story_id, m), m), m), m)


def add_article(e: dict[str, Any], m: dict[str, Any]) -> dict[str, Any]:
    """The profile of story `e` once article `m` has joined it (a new dict): the event
    profile update plus the stated years ({"year": n articles}), the lead calendars and
    the recent members (cluster/split.py)."""
    return remember(add_calendar(_add_years(add_mention(e, m), m), m), m)


def detach(e: dict[str, Any], ids: list[str], new_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Story `e` split by split.split_off: (e without the recent members `ids`, the new
    story `new_id` they form, built from their kept features in the order they joined)."""
    gone = [x for x in e.get("recent") or [] if str(x.get("article")) in set(ids)]
    new = new_story(new_id, gone[0])
    for x in gone[1:]:
        new = add_article(new, x)
    return without(e, gone), new


def _add_years(e: dict[str, Any], m: dict[str, Any]) -> dict[str, Any]:
    if m.get("years"):
        years = Counter(e.get("years") or {})
        years.update(str(y) for y in m["years"])
        e["years"] = dict(years.most_common(MAX_PROFILE_YEARS))
    return e


def choose(m: dict[str, Any], candidates: list[dict[str, Any]],
           threshold: float = STORY_THRESHOLD) -> str | None:
    """The id of the best-scoring story at or above `threshold` (ties: the smaller id), or
    None for a new story."""
    best: tuple[float, str] | None = None
    norm = token_norm(m.get("tokens") or {})
    for c in candidates:
        key = (story_score(m, c, norm), c["id"])
        if best is None or key[0] > best[0] or (key[0] == best[0] and key[1] < best[1]):
            best = key
    return best[1] if best is not None and best[0] >= threshold else None
