"""Partitioned clustering: the store's write-path clustering, in memory, per partition.

`run_group(items, seeds)` replays what `store.ingest.add_record` does to the `events`,
`event_terms` and `stories` tables for the items it is given, in the order given, with
the same pure cluster functions (`cluster.assign`, `new_profile`, `add_mention`,
`merge_profiles`, `story_features`) and the same blocking rules as
`store.ingest.candidates` / `_term_candidates` and `store.stories._candidates`. The table
columns the blocking queries read are modelled apart from the profiles, because that is
what the SQL sees: an event's `block_day` / `country` columns are only rewritten by
`refresh_event` at the end of each article.

A *partition* is (family, region, time bucket) of a query: region is the stated country
("unknown" without one, or when inferred), the bucket is `block_day // bucket_days`.
Partitions run independently (Ray tasks). `HistoryIndex.outside` then finds the boundary
cases: a query that, in one global run, could have been shown an event of another group
(a superset: any state that event ever had while alive, by date window, family, country
where the store still filters on it, and shared rare-word rows). Such groups are united
and re-run together (load.py) until no query can see outside its group; then every
group's run is, step for step, the single global run restricted to that group.

Items are plain dicts (cheap to ship to Ray workers):
  place: {kind: "place", pos, seq, aid, idx, new_id, m, lookup, addterms}
  probe: {kind: "probe", pos, seq, aid, idx, relation, m, lookup}   (statement link search)
  story: {kind: "story", pos, seq, aid, new_id, m, lookup}          (article-level story)
pos = (article seq, 0 placement / 1 link search / 2 story, mention idx) is the global order.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from typing import Any

from .. import cluster
from ..store import ingest as _ingest

CANDIDATE_LIMIT = _ingest.CANDIDATE_LIMIT
# The store's blocking is being extended: with rare-word blocking keys (event_terms) it
# also drops the country filter and adds compatible families. Both generations are
# modelled; which one the store runs is detected here.
TERMS = hasattr(_ingest, "rare_terms")
TERM_CANDIDATES = getattr(_ingest, "TERM_CANDIDATES", 20)
STORIES = hasattr(_ingest, "place_story")  # article-level stories (store/stories.py)

Pos = tuple[int, int, int]
SEED_POS: Pos = (-1, 0, 0)  # events already in the target store exist before every item
UNKNOWN = "unknown"
UNDATED = "undated"


def region(m: dict[str, Any]) -> str:
    """The blocking region of a mention: a stated country, else unknown."""
    return m["country"] if m.get("country") and not m.get("place_inferred") else UNKNOWN


def partition_key(m: dict[str, Any], bucket_days: int) -> tuple[str, str, str]:
    bd = m.get("block_day")
    bucket = UNDATED if bd is None else str(int(bd) // bucket_days)
    return (m["family"], region(m), bucket)


def seed_key(ev: dict[str, Any], bucket_days: int) -> tuple[str, str, str]:
    bd = ev.get("block_day")
    bucket = UNDATED if bd is None else str(int(bd) // bucket_days)
    return (ev["family"], ev.get("country") or UNKNOWN, bucket)


def families(fam: str) -> list[str]:
    """The families a query on `fam` looks in (store.ingest.candidates)."""
    compatible = getattr(cluster.features, "compatible", None)
    return [fam] + (list(compatible(fam)) if TERMS and compatible else [])


def matches(m: dict[str, Any], family: str, block_day: int | None, country: str | None,
            fams: list[str] | None = None) -> bool:
    """The WHERE clause of store.ingest.candidates' date-window query, for one event row."""
    if family not in (fams or families(m["family"])):
        return False
    win = cluster.window(m, cluster.WINDOW_DAYS)
    if win and (block_day is None or not win[0] <= block_day <= win[1]):
        return False
    if not TERMS and m.get("country") and not m.get("place_inferred"):
        return country is None or country == m["country"]
    return True


class Group:
    """One partition's (or united partitions') events table, in memory."""

    def __init__(self, seeds: Iterable[dict[str, Any]] = ()) -> None:
        self.stored: dict[str, dict[str, Any]] = {}  # events.profile as last written
        self.cols: dict[str, dict[str, Any]] = {}  # family, block_day, country, redirect, created_seq
        self.order: dict[str, int] = {}  # creation order: a stable tie-break for ORDER BY block_day
        self.history: dict[str, dict[str, Any]] = {}  # for the coupling check
        self.placed: dict[tuple[str, int], tuple[str, float | None]] = {}
        self.merges: list[tuple[Pos, str, str]] = []
        self.found: list[tuple[Pos, str, int, str, str]] = []  # link searches: pos, aid, idx, dst, relation
        self.touched: dict[int, dict[str, bool]] = {}  # seq → {event id: created in that article}
        self.created: list[tuple[str, int]] = []
        self.terms: dict[str, Counter[str]] = {}  # event_terms rows, by event (or story)
        self.posting: dict[str, set[str]] = {}  # word → ids holding a row of it
        self.by_day: dict[tuple[str, int | None], set[str]] = {}  # live events by (family, block_day column)
        self.story_days: dict[int | None, set[str]] = {}
        self.terms_added: list[tuple[Pos, str, str]] = []
        self.stories: dict[str, dict[str, Any]] = {}  # stories table: block_day, created_seq, profile
        self.story_of: dict[str, str] = {}  # article → story
        self.story_moves: dict[str, tuple[str, str]] = {}  # stored article → (old, new) story, by a split
        for ev in seeds:
            if ev.get("story"):
                self._add_story(ev["id"], ev["profile"], int(ev["created_seq"]), SEED_POS)
                for t, n in (ev.get("terms") or {}).items():
                    self._rows(ev["id"], t, n)
                self._note_terms(ev["id"])
                continue
            self._add(ev["id"], ev["profile"], ev["family"], ev.get("block_day"), ev.get("country"),
                      int(ev["created_seq"]), SEED_POS)
            for t, n in (ev.get("terms") or {}).items():
                self._rows(ev["id"], t, n)
            self._note_terms(ev["id"])

    def _rows(self, eid: str, word: str, n: int = 1) -> None:
        self.terms.setdefault(eid, Counter())[word] += n
        self.posting.setdefault(word, set()).add(eid)

    def _day(self, eid: str, block_day: int | None) -> None:
        """Move a live event to its new block_day column value in the day index."""
        c = self.cols[eid]
        self.by_day.get((c["family"], c["block_day"]), set()).discard(eid)
        c["block_day"] = block_day
        if c["redirect"] is None:
            self.by_day.setdefault((c["family"], block_day), set()).add(eid)

    def _term_counts(self, lookup: list[str]) -> list[tuple[int, int, str]]:
        """(rows shared with `lookup`, creation order, id) of every id holding one of the words."""
        ids = set().union(*(self.posting.get(t, set()) for t in lookup)) if lookup else set()
        return [(sum(self.terms[e].get(t, 0) for t in lookup), self.order[e], e) for e in ids]

    def _note_terms(self, eid: str) -> None:
        hist = self.history[eid].setdefault("terms", {})
        for t, n in self.terms.get(eid, {}).items():
            hist[t] = max(hist.get(t, 0), n)

    def _add(self, eid: str, profile: dict[str, Any], family: str, block_day: int | None,
             country: str | None, seq: int, pos: Pos) -> None:
        self.stored[eid] = profile
        self.cols[eid] = {"family": family, "block_day": None, "country": country,
                          "redirect": None, "created_seq": seq}
        self._day(eid, block_day)
        self.order[eid] = len(self.order)
        self.history[eid] = {"family": family, "created": pos, "absorbed": None,
                             "states": {(block_day, country)}}

    def _add_story(self, sid: str, profile: dict[str, Any], seq: int, pos: Pos) -> None:
        self.stories[sid] = {"block_day": profile.get("block_day"), "created_seq": seq, "profile": profile}
        self.story_days.setdefault(profile.get("block_day"), set()).add(sid)
        self.order[sid] = len(self.order)
        self.history[sid] = {"family": "story", "created": pos, "absorbed": None,
                             "states": {(profile.get("block_day"), None)}}

    def _set_story(self, sid: str, prof: dict[str, Any]) -> None:
        self.story_days.get(self.stories[sid]["block_day"], set()).discard(sid)
        self.story_days.setdefault(prof.get("block_day"), set()).add(sid)
        self.stories[sid].update(block_day=prof.get("block_day"), profile=prof)
        self.history[sid]["states"].add((prof.get("block_day"), None))

    def story(self, it: dict[str, Any]) -> None:
        """store.stories.place_story for an article that is not a copy of a stored one."""
        from ..store import stories as st

        m, seq, pos, lookup = it["m"], it["seq"], tuple(it["pos"]), it.get("lookup") or []
        counts = self._term_counts(lookup)
        top = sorted((x for x in counts if x[0] > 0), key=lambda x: (-x[0], x[2]))[:60]  # SQL: n DESC, id
        found = [e for n, _, e in top if n >= 2 and e in self.stories][:20]
        win = cluster.window(m, cluster.WINDOW_DAYS)
        if win:
            near = sorted((e for d in range(win[0], win[1] + 1) for e in self.story_days.get(d, ())),
                          key=lambda e: (abs(self.stories[e]["block_day"] - m["block_day"]),
                                         self.stories[e]["created_seq"], self.order[e]))
        else:
            near = sorted(self.stories, key=lambda e: (-self.stories[e]["created_seq"], self.order[e]))
        cands = [self.stories[e]["profile"] for e in found]
        cands += [self.stories[e]["profile"] for e in near[:CANDIDATE_LIMIT] if e not in set(found)]
        best = st.choose_story(m, cands)
        if best is None:
            sid = it["new_id"] if it["new_id"] not in self.stories else f"{it['new_id']}_{seq}"
            self._add_story(sid, cluster.story.new_story(sid, m), seq, pos)
        else:
            sid = best
            prof = cluster.story.add_article(next(c for c in cands if c["id"] == best), m)
            moved = cluster.split.split_off(prof)
            if moved:  # store.stories._split
                old = sid
                sid = it["new_id"] if it["new_id"] not in self.stories else f"{it['new_id']}_{seq}"
                prof, new = cluster.story.detach(prof, moved, sid)
                self._add_story(sid, new, seq, pos)
                for aid in moved:
                    if aid in self.story_of:  # (an updated article may have left the story since)
                        if self.story_of[aid] == old:
                            self.story_of[aid] = sid
                    else:  # stored before this load: write.py moves it (and its copies)
                        self.story_moves[aid] = (self.story_moves.get(aid, (old, sid))[0], sid)
                self._set_story(old, prof)
            else:
                self._set_story(sid, prof)
        self.story_of[it["aid"]] = sid
        for t in lookup[:6]:
            self._rows(sid, t)
            self.terms_added.append((pos, t, sid))
        self._note_terms(sid)

    def candidates(self, m: dict[str, Any], lookup: list[str], family: str | None = None) -> list[dict[str, Any]]:
        """store.ingest.candidates (ordered as its SQL: distance, created_seq, id)."""
        fams = families(family or m["family"])
        win = cluster.window(m, cluster.WINDOW_DAYS)
        pool = ([e for f in fams for d in range(win[0], win[1] + 1) for e in self.by_day.get((f, d), ())] if win
                else [e for (f, _), ids in self.by_day.items() if f in fams for e in ids])
        hits = [e for e in pool if matches(m, self.cols[e]["family"], self.cols[e]["block_day"],
                                           self.cols[e]["country"], fams)]
        if not TERMS:
            hits.sort(key=lambda e: (-(self.cols[e]["block_day"] or -10**9), self.order[e]))
            return [self.stored[e] for e in hits[:CANDIDATE_LIMIT]]
        found = self.term_candidates(lookup, fams)
        if cluster.window(m, cluster.WINDOW_DAYS):
            hits.sort(key=lambda e: (abs(self.cols[e]["block_day"] - m["block_day"]), self.cols[e]["created_seq"], e))
        else:
            hits.sort(key=lambda e: (-self.cols[e]["created_seq"], e))
        seen = set(found)
        return [self.stored[e] for e in found] + [self.stored[e] for e in hits[:CANDIDATE_LIMIT] if e not in seen]

    def term_candidates(self, lookup: list[str], fams: list[str]) -> list[str]:
        """store.ingest._term_candidates: events holding >= 2 rows of the mention's rare words."""
        if not lookup:
            return []
        counts = self._term_counts(lookup)
        top = sorted((x for x in counts if x[0] > 0), key=lambda x: (-x[0], x[2]))[: TERM_CANDIDATES * 3]
        return [e for n, _, e in top if n >= 2 and e in self.cols and self.cols[e]["redirect"] is None
                and self.cols[e]["family"] in fams][:TERM_CANDIDATES]

    def _merge(self, a: str, pa: dict[str, Any], b: str, pb: dict[str, Any], pos: Pos) -> tuple[str, dict[str, Any]]:
        """store.events.merge_events: the older event keeps its id, the other redirects."""
        sa, sb = self.cols[a]["created_seq"], self.cols[b]["created_seq"]
        keep, gone, pk, pg = (a, b, pa, pb) if sa <= sb else (b, a, pb, pa)
        profile = cluster.merge_profiles({**pk, "id": keep}, pg)
        for c in self.cols.values():
            if c["redirect"] == gone:
                c["redirect"] = keep
        self.by_day.get((self.cols[gone]["family"], self.cols[gone]["block_day"]), set()).discard(gone)
        self.cols[gone]["redirect"] = keep
        self.history[gone]["absorbed"] = pos
        if gone in self.terms:  # UPDATE event_terms SET event_id = keep
            for t, n in self.terms.pop(gone).items():
                self.posting[t].discard(gone)
                self._rows(keep, t, n)
            self._note_terms(keep)
        self.stored[keep] = profile
        self.merges.append((pos, gone, keep))
        return keep, profile

    def place(self, it: dict[str, Any]) -> None:
        """store.ingest._place_mention."""
        m, seq, pos = it["m"], it["seq"], tuple(it["pos"])
        touched = self.touched.setdefault(seq, {})
        cands = self.candidates(m, it.get("lookup") or [])
        best, score, merges = cluster.assign(m, cands)
        if best is None:
            new_id = it["new_id"]
            if new_id in self.cols:
                new_id = f"{new_id}_{seq}"
            prof = cluster.new_profile(new_id, m)
            self._add(new_id, prof, prof["family"], prof.get("block_day"), None, seq, pos)
            self.created.append((new_id, seq))
            touched[new_id] = True
            self.placed[(it["aid"], it["idx"])] = (new_id, None)
            self._add_terms(it, new_id, pos)
            return
        by_id = {c["id"]: c for c in cands}
        profile = cluster.add_mention(by_id[best], m)
        target = best
        for other in merges:
            target, profile = self._merge(target, profile, other, by_id[other], pos)
            touched.pop(other, None)
        self.stored[target] = profile
        touched.setdefault(target, False)
        if target != best:
            touched.pop(best, None)
        self.placed[(it["aid"], it["idx"])] = (target, score)
        self._add_terms(it, target, pos)

    def _add_terms(self, it: dict[str, Any], eid: str, pos: Pos) -> None:
        """store.ingest.add_terms (the rare words were chosen in the ordered pre-pass)."""
        have = self.terms.setdefault(eid, Counter())
        for t in it.get("addterms") or []:
            if not have.get(t):
                self._rows(eid, t)
                self.terms_added.append((pos, t, eid))
        self._note_terms(eid)

    def probe(self, it: dict[str, Any]) -> None:
        """The cross-article half of store.ingest._link_statements."""
        src = self.placed.get((it["aid"], it["idx"]), (None, None))[0]
        cands = [c for c in self.candidates(it["m"], it.get("lookup") or [], family="violence") if c["id"] != src]
        best, _, _ = cluster.assign(it["m"], cands, threshold=cluster.THRESHOLD * 0.8, merge_threshold=2.0)
        if best:
            self.found.append((tuple(it["pos"]), it["aid"], it["idx"], best, it["relation"]))

    def refresh(self, seq: int) -> None:
        """End of an article: refresh_event rewrites the touched events' columns."""
        for eid in self.touched.get(seq, {}):
            p = self.stored[eid]
            c = self.cols[eid]
            self._day(eid, p.get("block_day"))
            c["country"] = p.get("country")
            self.history[eid]["states"].add((c["block_day"], c["country"]))

    def run(self, items: list[dict[str, Any]]) -> None:
        last = None
        for it in sorted(items, key=lambda x: tuple(x["pos"])):
            if last is not None and it["seq"] != last:
                self.refresh(last)
            last = it["seq"]
            if it["kind"] == "place":
                self.place(it)
            elif it["kind"] == "story":
                self.story(it)
            else:
                self.probe(it)
        if last is not None:
            self.refresh(last)

    def result(self) -> dict[str, Any]:
        return {"stored": self.stored, "cols": self.cols, "history": self.history, "placed": self.placed,
                "merges": self.merges, "found": self.found, "touched": self.touched, "created": self.created,
                "terms_added": self.terms_added, "stories": self.stories, "story_of": self.story_of,
                "story_moves": self.story_moves}


def run_group(items: list[dict[str, Any]], seeds: list[dict[str, Any]]) -> dict[str, Any]:
    g = Group(seeds)
    g.run(items)
    return g.result()


def run_groups(jobs: list[tuple[Any, list[dict[str, Any]], list[dict[str, Any]]]]) -> list[tuple[Any, dict[str, Any]]]:
    """Several independent groups in one task (fewer, larger Ray tasks)."""
    return [(gid, run_group(items, seeds)) for gid, items, seeds in jobs]


class HistoryIndex:
    """Every (block_day, country) state and every rare word every event of every group ever
    had, by family, so a query can ask 'could another group's event have been my candidate?'."""

    def __init__(self, results: dict[Any, dict[str, Any]]) -> None:
        self.dated: dict[str, list[tuple[int, Any, str | None, Pos, Pos | None]]] = {}
        self.undated: dict[str, list[tuple[Any, str | None, Pos, Pos | None]]] = {}
        self.words: dict[str, list[tuple[Any, str, dict[str, Any]]]] = {}
        for gid, res in results.items():
            for eid, h in res["history"].items():
                created, absorbed = tuple(h["created"]), h["absorbed"] and tuple(h["absorbed"])
                h = {**h, "created": created, "absorbed": absorbed}
                for bd, country in h["states"]:
                    if bd is None:  # only queries without a window see these (no BETWEEN)
                        self.undated.setdefault(h["family"], []).append((gid, country, created, absorbed))
                    else:
                        self.dated.setdefault(h["family"], []).append((bd, gid, country, created, absorbed))
                for t in h.get("terms") or {}:
                    self.words.setdefault(t, []).append((gid, eid, h))
        for rows in self.dated.values():
            rows.sort(key=lambda r: r[0])

    def outside(self, m: dict[str, Any], pos: Pos, own: Any, lookup: list[str] | None = None,
                family: str | None = None) -> set[Any]:
        """Groups other than `own` holding an event that was alive at `pos` and could have
        been returned by the blocking query of `m` (a superset: safe)."""
        fams = families(family or m["family"])
        out: set[Any] = set()

        def alive(gid: Any, created: Pos, absorbed: Pos | None) -> bool:
            return gid != own and gid not in out and created < pos and (absorbed is None or absorbed >= pos)

        win = cluster.window(m, cluster.WINDOW_DAYS)
        for fam in fams:
            dated = self.dated.get(fam, [])
            lo = bisect.bisect_left(dated, (win[0],), key=lambda r: (r[0],)) if win else 0
            for bd, gid, country, created, absorbed in dated[lo:]:
                if win and bd > win[1]:
                    break
                if alive(gid, created, absorbed) and matches(m, fam, bd, country, fams):
                    out.add(gid)
            for gid, country, created, absorbed in ([] if win else self.undated.get(fam, [])):
                if alive(gid, created, absorbed) and matches(m, fam, None, country, fams):
                    out.add(gid)
        # Rare-word keys: >= 2 rows shared (counted with the most rows a word ever had).
        shared: dict[tuple[Any, str], int] = {}
        for t in lookup or []:
            for gid, eid, h in self.words.get(t, []):
                if h["family"] in fams and alive(gid, h["created"], h["absorbed"]):
                    shared[(gid, eid)] = shared.get((gid, eid), 0) + h["terms"][t]
        out.update(gid for (gid, _), n in shared.items() if n >= 2)
        return out
