"""Scoring a mention against an event profile, choosing where it goes, and keeping
profiles up to date. Pure functions over plain dicts (no database, no I/O)."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from ..geo import distance_km
from .features import compatible

# Weights of the evidence kinds; they sum to 1 so a score is in [0, 1].
WEIGHTS = {"tokens": 0.40, "date": 0.20, "place": 0.20, "actors": 0.08, "figures": 0.04, "type": 0.08}
THRESHOLD = 0.42  # join the best candidate at or above this score, else start a new event
MERGE_THRESHOLD = 0.62  # a second candidate this close to the mention is the same event: merge
WINDOW_DAYS = 7  # blocking: candidate events within ± this many days
VETO_DAYS = 14  # exact dates further apart than this never corefer
COMPATIBLE_FACTOR = 0.85  # score factor across compatible families (families.toml)
COUNTRY_PENALTY = 0.2  # both reports state different countries: usually a geocoding slip if all else agrees
MAX_PROFILE_TOKENS = 300
MAX_PROFILE_NAMES = 50  # key names kept on a story profile (cluster/story.py)
# What the *scoring* profile keeps of actors and figures, so a long-lived event (hundreds of
# reports) does not grow without bound and slow every later mention scored against it.
# Nothing else is lost: every report's actors and figures stay in the mentions and actors
# tables, which the figure history, the actor filter and the event page read
# (store/build.py), whatever the profile keeps (the `q` text search indexes the profile's
# actors, so on such an event it matches the main ones; `actor=` searches them all). The rule: actors by report count (the main
# participants are named again and again; a name once reported drops out once the event has
# more than MAX_PROFILE_ACTORS names, ties kept in order of first report), figures the last
# MAX_PROFILE_FIGURES distinct values of each kind (tolls are revised upwards, so the next
# report is compared with the recent values). Below the caps profiles are unchanged.
MAX_PROFILE_ACTORS = 100
MAX_PROFILE_FIGURES = 8
NEUTRAL = 0.35  # the value of a component when one side lacks the evidence


def event_day(e: dict[str, Any]) -> int | None:
    days = e.get("days") or {}
    if not days:
        return None
    return int(max(days.items(), key=lambda kv: (kv[1], -int(kv[0])))[0])


def date_score(m: dict[str, Any], e: dict[str, Any]) -> float | None:
    """1 for the same day, decaying with distance; None to veto (far apart, both exact)."""
    ed = event_day(e)
    md = m.get("day")
    if md is None or ed is None:
        # Fall back on publication days: reports of one incident are published close together.
        pd, ep = m.get("published_day"), e.get("block_day")
        if pd is None or ep is None:
            return NEUTRAL
        gap = abs(pd - ep)
        return 0.6 if gap <= 2 else 0.4 if gap <= 7 else 0.25 if gap <= 30 else 0.15
    gap = abs(md - ed)
    exact = m.get("precision") == "day" and e.get("precision") == "day"
    if gap == 0:
        return 1.0
    if gap <= 1:
        return 0.8
    if gap <= 3:
        return 0.5
    if gap <= WINDOW_DAYS:
        return 0.25
    if gap > VETO_DAYS and exact:
        return None
    return 0.1


def place_score(m: dict[str, Any], e: dict[str, Any]) -> float | None:
    """Near places score high; different countries (both stated) veto."""
    mc, ec = m.get("country"), e.get("country")
    if not mc or not ec:
        return NEUTRAL
    inferred = m.get("place_inferred") or e.get("place_inferred")
    if mc != ec:
        return 0.0 if inferred else -COUNTRY_PENALTY / WEIGHTS["place"]
    if m.get("place") and m.get("place") == e.get("place"):
        return 1.0
    if None not in (m.get("lat"), m.get("lon"), e.get("lat"), e.get("lon")):
        km = distance_km(m["lat"], m["lon"], e["lat"], e["lon"])
        if km <= 2:
            return 1.0
        if km <= 25:
            return 0.8
        if km <= 100:
            return 0.5
    if m.get("admin1") and m.get("admin1") == e.get("admin1"):
        return 0.45
    return 0.2 if inferred else 0.15


def token_norm(toks: dict[str, float]) -> float:
    """The Euclidean norm of a word-weight vector. `math.fsum` is exactly rounded, so the
    norm does not depend on the dict's order: a profile built by the partitioned loader
    (scale/) or read back from Parquet or PostgreSQL scores to the bit as the one built
    article by article (a plain `sum` in another order differs in the last bit, which
    can flip a rounded score)."""
    return math.sqrt(math.fsum(w * w for w in toks.values()))


def token_score(m: dict[str, Any], e: dict[str, Any], m_norm: float | None = None) -> float:
    """Cosine of the mention's (weighted) words against the event's word centroid.

    This is the innermost loop of ingest (every mention against every candidate), so the
    norms are not recomputed per pair: `m_norm` is the mention's, computed once by the
    caller (`assign`, `story.choose`), and profiles carry theirs (`tokens_norm`, kept by
    add_mention / merge_profiles; older stored profiles lack it and get it computed). The
    dot product walks the mention's words (at most features.MAX_TOKENS, fewer than a
    profile's MAX_PROFILE_TOKENS) and skips the ones the event lacks (their products are 0.0).
    Both sums are exactly rounded (`math.fsum`), so a score does not depend on the order in
    which the words were stored."""
    mt: dict[str, float] = m.get("tokens") or {}
    et: dict[str, float] = e.get("tokens") or {}
    if not mt or not et:
        return 0.0
    dot = math.fsum(w * et[t] for t, w in mt.items() if t in et)  # order-free, see token_norm
    if dot <= 0:
        return 0.0
    nm = m_norm if m_norm is not None else token_norm(mt)
    ne = e.get("tokens_norm")
    if ne is None:
        ne = token_norm(et)
    return dot / (nm * ne) if nm and ne else 0.0


def actor_score(m: dict[str, Any], e: dict[str, Any]) -> float:
    ma, ea = set(m.get("actors") or []), set((e.get("actors") or {}).keys())
    if not ma or not ea:
        return NEUTRAL
    return len(ma & ea) / min(len(ma), len(ea))


def figure_score(m: dict[str, Any], e: dict[str, Any]) -> float:
    mf, ef = m.get("figures") or {}, e.get("figures") or {}
    shared = [k for k in mf if k in ef]
    if not shared:
        return NEUTRAL
    best = 0.0
    for k in shared:
        for v in ef[k]:
            a, b = mf[k], v
            if a == b:
                best = max(best, 1.0)
            elif max(a, b) and abs(a - b) / max(a, b) <= 0.5:
                best = max(best, 0.6)  # tolls get revised
            else:
                best = max(best, 0.1)
    return best


def score(m: dict[str, Any], e: dict[str, Any], weights: dict[str, float] | None = None,
          m_norm: float | None = None) -> float:
    """How likely mention `m` reports event `e` (0..1). 0 when a hard constraint fails:
    another, incompatible family or exact dates more than VETO_DAYS apart. `m_norm`: the
    norm of m's words, when the caller scores m against many events (token_score)."""
    factor = 1.0
    if m.get("family") != e.get("family"):
        if e.get("family") not in compatible(m.get("family") or ""):
            return 0.0
        factor = COMPATIBLE_FACTOR
    d = date_score(m, e)
    p = place_score(m, e)
    if d is None or p is None:
        return 0.0
    types = e.get("types") or {}
    t = 1.0 if types.get(m.get("type")) else 0.5
    parts = {"tokens": token_score(m, e, m_norm), "date": d, "place": p, "actors": actor_score(m, e),
             "figures": figure_score(m, e), "type": t}
    w = weights or WEIGHTS
    return max(0.0, factor * sum(w.get(k, 0.0) * v for k, v in parts.items()))


def assign(m: dict[str, Any], candidates: list[dict[str, Any]], threshold: float = THRESHOLD,
           merge_threshold: float = MERGE_THRESHOLD,
           weights: dict[str, float] | None = None) -> tuple[str | None, float, list[str]]:
    """(event id to join or None for a new event, its score, ids of other candidates that the
    mention shows are the same event as the chosen one and should merge into it)."""
    norm = token_norm(m.get("tokens") or {})
    scored = sorted(((score(m, c, weights, norm), c["id"]) for c in candidates), key=lambda x: (-x[0], x[1]))
    if not scored or scored[0][0] < threshold:
        return None, scored[0][0] if scored else 0.0, []
    best_score, best = scored[0]
    merges = [cid for s, cid in scored[1:] if s >= merge_threshold]
    return best, best_score, merges


def new_profile(event_id: str, m: dict[str, Any]) -> dict[str, Any]:
    return add_mention({"id": event_id, "family": m["family"], "n": 0}, m)


def _capped_actors(actors: Counter[str]) -> dict[str, int]:
    return dict(actors.most_common(MAX_PROFILE_ACTORS) if len(actors) > MAX_PROFILE_ACTORS else actors)


def _capped_figures(figs: dict[str, list[int]]) -> dict[str, list[int]]:
    return {k: v[-MAX_PROFILE_FIGURES:] for k, v in figs.items()}


def add_mention(e: dict[str, Any], m: dict[str, Any]) -> dict[str, Any]:
    """The profile of `e` once `m` has joined it (returns a new dict)."""
    e = {**e}
    e["n"] = int(e.get("n", 0)) + 1
    types = Counter(e.get("types") or {})
    types[m["type"]] += 1
    e["types"] = dict(types)
    modes = Counter(e.get("modes") or {})
    modes[m.get("mode") or "asserted"] += 1
    e["modes"] = dict(modes)
    if m.get("subtype"):
        subtypes = Counter(e.get("subtypes") or {})
        subtypes[m["subtype"]] += 1
        e["subtypes"] = dict(subtypes)
    days = Counter({int(k): v for k, v in (e.get("days") or {}).items()})
    if m.get("day") is not None:
        days[m["day"]] += 1
        if m.get("precision") == "day" or not e.get("precision"):
            e["precision"] = m.get("precision")
    e["days"] = {str(k): v for k, v in days.items()}
    mode = event_day(e)
    e["block_day"] = mode if mode is not None else (e.get("block_day") or m.get("block_day"))
    if m.get("country") and (not e.get("country") or e.get("place_inferred") and not m.get("place_inferred")):
        for k in ("country", "admin1", "lat", "lon", "place"):
            e[k] = m.get(k)
        e["place_inferred"] = m.get("place_inferred", False)
    actors = Counter(e.get("actors") or {})
    actors.update(m.get("actors") or [])
    e["actors"] = _capped_actors(actors)
    figs = {k: list(v) for k, v in (e.get("figures") or {}).items()}
    for k, v in (m.get("figures") or {}).items():
        if v not in figs.setdefault(k, []):
            figs[k].append(v)
    e["figures"] = _capped_figures(figs)
    toks = Counter(e.get("tokens") or {})
    toks.update(m.get("tokens") or {})
    e["tokens"] = dict(toks.most_common(MAX_PROFILE_TOKENS))
    e["tokens_norm"] = token_norm(e["tokens"])
    if m.get("names"):  # stories only (story_features): key names, by summed weight
        names = Counter(e.get("names") or {})
        names.update({w: (m.get("tokens") or {}).get(w, 0.0) for w in m["names"]})
        e["names"] = dict(names.most_common(MAX_PROFILE_NAMES))
    return e


def merge_profiles(keep: dict[str, Any], gone: dict[str, Any]) -> dict[str, Any]:
    """The profile after event `gone` is absorbed into `keep`."""
    e = {**keep, "n": keep.get("n", 0) + gone.get("n", 0)}
    e["types"] = dict(Counter(keep.get("types") or {}) + Counter(gone.get("types") or {}))
    e["days"] = dict(Counter(keep.get("days") or {}) + Counter(gone.get("days") or {}))
    e["modes"] = dict(Counter(keep.get("modes") or {}) + Counter(gone.get("modes") or {}))
    e["subtypes"] = dict(Counter(keep.get("subtypes") or {}) + Counter(gone.get("subtypes") or {}))
    mode = event_day(e)
    e["block_day"] = mode if mode is not None else keep.get("block_day")
    if not e.get("country") and gone.get("country"):
        for k in ("country", "admin1", "lat", "lon", "place", "place_inferred"):
            e[k] = gone.get(k)
    e["actors"] = _capped_actors(Counter(keep.get("actors") or {}) + Counter(gone.get("actors") or {}))
    figs = {k: list(v) for k, v in (keep.get("figures") or {}).items()}
    for k, vals in (gone.get("figures") or {}).items():
        for v in vals:
            if v not in figs.setdefault(k, []):
                figs[k].append(v)
    e["figures"] = _capped_figures(figs)
    toks = Counter(keep.get("tokens") or {}) + Counter(gone.get("tokens") or {})
    e["tokens"] = dict(toks.most_common(MAX_PROFILE_TOKENS))
    e["tokens_norm"] = token_norm(e["tokens"])
    if keep.get("names") or gone.get("names"):
        names = Counter(keep.get("names") or {}) + Counter(gone.get("names") or {})
        e["names"] = dict(names.most_common(MAX_PROFILE_NAMES))
    return e


def main_mode(e: dict[str, Any]) -> str:
    """'asserted' as soon as one report asserts the event; else the commonest mode."""
    modes = e.get("modes") or {}
    if not modes or modes.get("asserted"):
        return "asserted"
    return max(modes.items(), key=lambda kv: (kv[1], kv[0]))[0]


def main_type(e: dict[str, Any]) -> str | None:
    types = e.get("types") or {}
    return max(types.items(), key=lambda kv: (kv[1], kv[0]))[0] if types else None
