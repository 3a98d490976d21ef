"""A local split check of a growing story: two happenings that one story took in.

Two similar happenings (the same kind of quake on the same island three years apart, two
elections of one parliament) share their wording, so the first report of the second one
can join the first one's story, and the reports after it then follow it there. Each join
looked right on its own; the evidence shows only once several reports of the second
happening sit in the story: they form a group of their own by wording, their leads state a
year, and no other member of the story ever states that year (reports of one happening
place it in the same year; the other group's reports, however undated, never name it, and
none of them was published in it).

So when an article joins a story, the story's recent members (the last SPLIT_MEMBERS, so
the check costs the same in a story of ten articles or of ten thousand, and only while the
story has at most SPLIT_MAX_ARTICLES articles) are split in two by wording (`two_groups`,
average similarity). A member the wording put with the other group but whose lead states the
article's lead year joins the article's group (the year is the evidence, the wording only
proposes the groups; the oldest recent member never moves). When the article's group is not
the group of the oldest recent member, holds at least SPLIT_MIN_GROUP articles, at least
half of which state the article's lead year, and no article outside it states that year or
was published in it (the story's year counts, `years`, cover every member), the group
leaves: it becomes a new story and the old one keeps its id and the rest. Nothing else in
the database is re-clustered.

Pure functions over profiles: the store (store/stories.py) and the partitioned loader
(scale/partition.py) call the same ones. A profile carries its recent members (`recent`,
slim copies of their features) for this check; a story of more than SPLIT_MAX_ARTICLES
articles drops them.
"""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import date
from typing import Any

from .score import event_day, token_norm, token_score

SPLIT_MEMBERS = 10  # recent members a story profile keeps for the check
SPLIT_MIN_ARTICLES = 8  # the check starts once the story holds this many articles
SPLIT_MIN_GROUP = 3  # a group that leaves holds at least this many articles
SPLIT_MAX_ARTICLES = 40  # a story this big is established: no more checks, `recent` dropped
MEMBER_TOKENS = 80  # a recent member keeps this many of its heaviest words (all: features.MAX_TOKENS)
_KEYS = ("article", "day", "precision", "published_day", "block_day", "names", "years", "calendar")


def slim(m: dict[str, Any]) -> dict[str, Any]:
    """What a story profile keeps of a member's features: enough to compare members by
    wording and years and to rebuild a story from them (story.new_story / add_article).
    Every word: a story rebuilt from fewer (30 / 40 heaviest) attracts the rest of its
    reports less well (ecbplus stories 0.949 / 0.951 against 0.956)."""
    out = {k: m.get(k) for k in _KEYS}
    top = sorted((m.get("tokens") or {}).items(), key=lambda kv: (-kv[1], kv[0]))[:MEMBER_TOKENS]
    out["tokens"] = {w: round(v, 4) for w, v in top}
    out.update(type="story", family="story", mode="asserted", subtype=None, actors=[], figures={})
    return out


def remember(e: dict[str, Any], m: dict[str, Any]) -> dict[str, Any]:
    """Profile `e` (a new dict, in place) with member `m` among its recent members."""
    if int(e.get("n", 0)) > SPLIT_MAX_ARTICLES:
        e.pop("recent", None)
        return e
    e["recent"] = [*(e.get("recent") or []), slim(m)][-SPLIT_MEMBERS:]
    return e


def two_groups(members: list[dict[str, Any]]) -> list[int] | None:
    """Members split in two by wording: seeded with the least similar pair, each member
    goes to the group it is on average more similar to, until nothing moves (at most ten
    rounds). A label per member, or None when a group would be empty."""
    n = len(members)
    if n < 2:
        return None
    norms = [token_norm(x.get("tokens") or {}) for x in members]
    sim = [[1.0 if i == j else token_score(members[i], {**members[j], "tokens_norm": norms[j]}, norms[i])
            for j in range(n)] for i in range(n)]
    a, b = min(((i, j) for i in range(n) for j in range(i + 1, n)), key=lambda p: (sim[p[0]][p[1]], p))
    lab = [0 if sim[k][a] >= sim[k][b] else 1 for k in range(n)]
    for _ in range(10):
        groups = [[k for k in range(n) if lab[k] == g] for g in (0, 1)]
        if not groups[0] or not groups[1]:
            return None

        def near(k: int, g: list[int]) -> float:
            others = [x for x in g if x != k]
            return statistics.fmean(sim[k][x] for x in others) if others else 0.0

        new = [0 if near(k, groups[0]) >= near(k, groups[1]) else 1 for k in range(n)]
        if new == lab:
            break
        lab = new
    return lab if 0 < sum(lab) < n else None


def _lead(x: dict[str, Any]) -> list[int]:
    return (x.get("calendar") or {}).get("years") or []


def _published_year(x: dict[str, Any]) -> int | None:
    d = x.get("published_day")
    return date.fromordinal(d).year if d else None


def split_off(e: dict[str, Any]) -> list[str]:
    """Ids of the recent members of story `e` that form another happening with its newest
    member (module docstring), or [] to keep the story whole."""
    recent = e.get("recent") or []
    if int(e.get("n", 0)) < SPLIT_MIN_ARTICLES or len(recent) < 2 * SPLIT_MIN_GROUP:
        return []
    lead = (recent[-1].get("calendar") or {}).get("years") or []
    if not lead:
        return []
    year = lead[0]
    lab = two_groups(recent)
    if lab is None or lab[-1] == lab[0]:
        return []
    # the year is the evidence, the wording only proposes the groups: a member the wording
    # put with the rest whose lead states the year goes with the group (the oldest stays)
    mine = [g == lab[-1] or (k > 0 and year in _lead(x)) for k, (x, g) in enumerate(zip(recent, lab, strict=True))]
    group = [x for x, g in zip(recent, mine, strict=True) if g]
    rest = [x for x, g in zip(recent, mine, strict=True) if not g]
    stating = sum(1 for x in group if year in _lead(x))
    if len(group) < SPLIT_MIN_GROUP or 2 * stating < len(group):
        return []
    # every member's stated years are counted in the profile: the group's own statements
    # must be all of them (no member outside the group states the year)
    in_group = sum(1 for x in group if year in (x.get("years") or []))
    if int((e.get("years") or {}).get(str(year), 0)) > in_group:
        return []
    if any(_published_year(x) == year for x in rest):
        return []
    return [str(x["article"]) for x in group]


def without(e: dict[str, Any], gone: list[dict[str, Any]]) -> dict[str, Any]:
    """Story profile `e` with members `gone` (slim features) taken out: their counts and
    word weights subtracted (a word the profile had capped away stays out)."""
    e = {**e, "n": int(e.get("n", 0)) - len(gone)}
    toks = Counter(e.get("tokens") or {})
    names = Counter(e.get("names") or {})
    years = Counter(e.get("years") or {})
    days = Counter(e.get("days") or {})
    cal = {f: Counter(v) for f, v in (e.get("calendar") or {}).items()}
    for x in gone:
        xt = x.get("tokens") or {}
        toks.subtract({w: v for w, v in xt.items() if w in toks})
        names.subtract({w: xt.get(w, 0.0) for w in x.get("names") or [] if w in names})
        years.subtract(str(y) for y in x.get("years") or [] if str(y) in years)
        if x.get("day") is not None and str(x["day"]) in days:
            days.subtract([str(x["day"])])
        for f, vals in (x.get("calendar") or {}).items():
            if f in cal:
                cal[f].subtract(str(v) for v in vals if str(v) in cal[f])
    e["tokens"] = {w: v for w, v in toks.items() if v > 1e-9}
    e["tokens_norm"] = token_norm(e["tokens"])
    e["names"] = {w: v for w, v in names.items() if v > 1e-9}
    e["years"] = {y: c for y, c in years.items() if c > 0}
    e["days"] = {d: c for d, c in days.items() if c > 0}
    if "calendar" in e:
        e["calendar"] = {f: {v: c for v, c in cnt.items() if c > 0} for f, cnt in cal.items()}
    for key in ("types", "modes"):
        e[key] = {k: max(0, c - len(gone)) if k in ("story", "asserted") else c for k, c in (e.get(key) or {}).items()}
    mode = event_day(e)
    if mode is not None:
        e["block_day"] = mode
    ids = {x.get("article") for x in gone}
    e["recent"] = [x for x in e.get("recent") or [] if x.get("article") not in ids]
    return e
