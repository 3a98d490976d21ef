"""Plain-dict features of event mentions and articles, the inputs of `score`/`assign`.

Everything here is a pure function of a record dict (`Record.to_dict()`), so the same
code runs inside the store, on a Ray worker, or in a benchmark.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from .calendar import lead_calendar, stated_year, url_line

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]{2,}|\d{2,}")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
# Words that say "news article", not "which incident": common in every report.
_NEWSY = frozenset(
    "said says told according reported report reports news police officials official people "
    "year years day days time times week weeks month months monday tuesday wednesday thursday "
    "friday saturday sunday january february march april june july august september october "
    "november december also just like would could million percent".split()
)
LEAD_CHARS = 1500  # the lead says what the story is about; the rest adds noise
MAX_TOKENS = 80
KEY_NAMES = 5  # names per article for the story name-conflict check (see key_names)
HEADLINE_BOOST = 0.75  # story word weights: headline words count this much more
STATEMENT_MODES = frozenset({"hypothetical"})  # mentions never clustered into events


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    text = resources.files("eventwire").joinpath("data/cluster/families.toml").read_text("utf-8")
    return tomllib.loads(text)


def _families() -> dict[str, str]:
    return _table().get("families", {})


def compatible(fam: str) -> list[str]:
    """Other families whose events may be the same event as one of `fam` (at a penalty)."""
    return list(_table().get("compatible", {}).get(fam, []))


def family(mtype: str | None, acled: dict[str, Any] | None = None) -> str:
    """Blocking family: coarser than the type (see data/cluster/families.toml)."""
    fam = _families()
    key = (mtype or "").lower()
    if key in fam:
        return fam[key]
    if acled and acled.get("event_type"):
        got = fam.get(str(acled["event_type"]).lower())
        if got:
            return got
    return key or "other"


def day_of(value: str | None) -> tuple[int | None, str | None]:
    """(proleptic ordinal day, precision) of a TimeML-ish value; None when too vague."""
    if not value or not isinstance(value, str):
        return None, None
    try:
        m = _DAY.match(value)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3])).toordinal(), "day"
        m = _WEEK.match(value)
        if m:  # Thursday of the ISO week: its middle
            return date.fromisocalendar(int(m[1]), int(m[2]), 4).toordinal(), "week"
        m = _MONTH.match(value)
        if m:
            return date(int(m[1]), int(m[2]), 15).toordinal(), "month"
    except ValueError:
        return None, None
    return None, None


def iso(day: int | None) -> str | None:
    return date.fromordinal(day).isoformat() if day else None


def tokens(text: str) -> Counter[str]:
    """Content words (lower-cased, no stop words or newsroom boilerplate)."""
    out: Counter[str] = Counter()
    for w in _WORD.findall(text):
        lw = w.lower().strip("'-")
        if len(lw) < 3 or lw in STOP_WORDS or lw in _NEWSY:
            continue
        out[lw] += 1
    return out


def article_tokens(rec: dict[str, Any]) -> dict[str, float]:
    """The article's salient words: title and lead, plus named entities (weighted up:
    names of victims, streets and towns are what tells one incident from another)."""
    art = rec.get("article") or {}
    text = art.get("text") or ""
    counts = tokens((art.get("title") or "") + "\n" + text[:LEAD_CHARS])
    for ent in rec.get("entities") or []:
        name = (ent.get("canonical") or ent.get("text") or "").lower()
        for w in _WORD.findall(name):
            lw = w.lower()
            if lw not in STOP_WORDS and lw not in _NEWSY:
                counts[lw] += 2
    for pl in rec.get("places") or []:
        if pl.get("name"):
            counts["@" + pl["name"].lower()] += 1
    top = counts.most_common(MAX_TOKENS)
    return {t: float(c) for t, c in top}


def _place(m: dict[str, Any], rec: dict[str, Any]) -> dict[str, Any] | None:
    loc = m.get("location")
    if loc:
        return loc
    # No place on the mention: the article's most specific located place stands in for
    # blocking only (flagged so scoring trusts it less).
    best = None
    rank = {"venue": 0, "point": 0, "city": 1, "admin1": 2, "country": 3, "region": 4}
    for p in rec.get("places") or []:
        if p.get("role", "location") != "location" or not p.get("country_code"):
            continue
        if best is None or rank.get(p.get("feature") or "", 5) < rank.get(best.get("feature") or "", 5):
            best = p
    return {**best, "inferred": True} if best else None


def mention_features(rec: dict[str, Any], idx: int, toks: dict[str, float] | None = None,
                     root: str | None = None) -> dict[str, Any]:
    """Features of the idx-th event mention of a record dict.

    `toks` lets a caller reuse `article_tokens(rec)` (optionally IDF-weighted) across the
    record's mentions; `root` is the article id this one is a copy of (for source counting).
    """
    art = rec.get("article") or {}
    m = rec["events"][idx]
    pub_day, _ = day_of(art.get("published"))
    dval = (m.get("date") or {}).get("value")
    day, prec = day_of(dval)
    loc = _place(m, rec) or {}
    actors = sorted({(a.get("canonical") or a.get("name") or "").lower()
                     for a in m.get("actors") or [] if (a.get("canonical") or a.get("name"))})
    figures = {k: v.get("value") for k, v in (m.get("figures") or {}).items()
               if isinstance(v, dict) and isinstance(v.get("value"), int)}
    return {
        "article": art.get("id"),
        "root": root or art.get("id"),
        "index": idx,
        "type": m.get("type") or "other",
        "subtype": m.get("subtype"),
        "family": family(m.get("type"), m.get("acled")),
        "mode": m.get("mode") or "asserted",
        "primary": bool(m.get("primary")),
        "day": day,
        "precision": prec,
        "block_day": day if day is not None else pub_day,
        "published_day": pub_day,
        "country": loc.get("country_code"),
        "admin1": loc.get("admin1"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "place": (loc.get("name") or None),
        "place_inferred": bool(loc.get("inferred")),
        "actors": actors,
        "figures": figures,
        "tokens": toks if toks is not None else article_tokens(rec),
        "about": m.get("about"),
    }


def window(m: dict[str, Any], days: int) -> tuple[int, int] | None:
    """The blocking window of days around a mention (wider when its date is inferred)."""
    d = m.get("block_day")
    if d is None:
        return None
    pad = days if m.get("day") is not None and m.get("precision") == "day" else days * 2
    return d - pad, d + pad


def story_features(rec: dict[str, Any], toks: dict[str, float] | None = None,
                   root: str | None = None) -> dict[str, Any]:
    """Article-level features for story clustering: the primary mention's date and place
    when there is one, else the publication day and the article's most specific place."""
    events = rec.get("events") or []
    idx = next((i for i, m in enumerate(events) if m.get("primary")), None)
    if idx is not None:
        f = mention_features(rec, idx, toks=toks, root=root)
    else:
        f = mention_features({**rec, "events": [{"type": "story"}]}, 0, toks=toks, root=root)
        f["day"], f["precision"] = None, None
    f.update(type="story", subtype=None, family="story", mode="asserted", actors=[], figures={})
    f["names"] = key_names(rec, f["tokens"])
    f["tokens"] = headline_weighted(f["tokens"], (rec.get("article") or {}).get("title"))
    f["years"] = stated_years(rec)
    f["calendar"] = lead_calendar(rec)
    return f


def headline_weighted(weights: dict[str, float], title: str | None) -> dict[str, float]:
    """The article's word weights with the headline's words weighted up (× 1 + HEADLINE_BOOST):
    the headline says in a few words which story the article tells, while the lead also
    carries background; reports of a story weeks apart still share their headlines' words.
    A new dict: `weights` is shared with the event mentions."""
    head = tokens(title or "")
    if not head:
        return weights
    return {w: v * (1.0 + HEADLINE_BOOST) if w in head else v for w, v in weights.items()}


def stated_years(rec: dict[str, Any]) -> list[int]:
    """Calendar years the article's time expressions spell out ("May 24, 2005", "in 2012"),
    not years a relative date took from the publication date: the years a report places
    itself and its background in (story.years_conflict). Not the digits of a URL line."""
    text = (rec.get("article") or {}).get("text") or ""
    out: set[int] = set()
    for t in rec.get("times") or []:
        year = stated_year(t)
        if year is not None and not (isinstance(t.get("start"), int) and url_line(text, t["start"])):
            out.add(year)
    return sorted(out)


def key_names(rec: dict[str, Any], weights: dict[str, float], k: int = KEY_NAMES) -> list[str]:
    """The k highest-weighted words of the article's named entities: who and where the
    story is about (the victim, the ship, the company), for story.names_conflict. Five, not
    three: with IDF weights the name every report of a story repeats (its main person)
    weighs less than one report's side characters (a lawyer, a clinic), and three words
    often stop short of it (ecbplus stories 0.940 with 2-4, 0.946 with 5-10)."""
    cand: set[str] = set()
    for ent in rec.get("entities") or []:
        for w in _WORD.findall((ent.get("canonical") or ent.get("text") or "").lower()):
            if w in weights:
                cand.add(w)
    return sorted(cand, key=lambda w: (-weights[w], w))[:k]
