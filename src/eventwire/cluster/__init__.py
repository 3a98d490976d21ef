"""Incremental event clustering: pure functions over plain dicts.

The store calls these per article; a partitioned batch job (Ray, by time window and
region) can call the very same functions per partition and then merge the boundary cases
with `score` / `merge_profiles`. Nothing here touches a database.

Data shapes
-----------
*Mention features* — `mention_features(record_dict, idx, toks=None, root=None)`::

    {article, root, index, type, family, mode, primary,
     day, precision,            # event date as a proleptic ordinal day (None if unknown/vague)
     block_day, published_day,  # blocking day (event date, else publication date)
     country, admin1, lat, lon, place, place_inferred,
     actors: [canonical, ...], figures: {kind: int}, tokens: {word: weight}, about}

*Event profile* — built by `new_profile(event_id, m)` and `add_mention(profile, m)`::

    {id, family, n, types: {type: n}, days: {"ordinal": n}, precision, block_day,
     country, admin1, lat, lon, place, place_inferred,
     actors: {canonical: n}, figures: {kind: [values]}, tokens: {word: summed weight}}

Algorithm
---------
1. Blocking (done by the caller with indexed queries, so the cost of one article does not
   grow with the database): candidate events share the mention's `family` (coarse type,
   data/cluster/families.toml) or a compatible one (violence ~ disaster), and either their
   `block_day` lies within `window(m, WINDOW_DAYS)` (nearest first, at most 200), or they
   share at least two *rare* words with the mention (words in ≤ RARE_DF stored articles:
   names of victims, streets, vessels), which finds follow-ups published weeks later.
   Rare words have short posting lists, so this lookup is bounded too.
2. `score(m, e)` in [0, 1]: weighted word-centroid cosine (TF-IDF of title + lead + entity
   names), date closeness, place closeness (same place / km / admin1), shared actors,
   compatible figures, same type. Hard vetoes: an incompatible family, exact dates more
   than VETO_DAYS apart. Soft penalties: another compatible family (× COMPATIBLE_FACTOR),
   two stated countries that differ (− COUNTRY_PENALTY: usually a geocoding slip when
   wording, date and figures agree).
3. `assign(m, candidates)` → (best id or None, score, merge ids): join the best candidate
   at ≥ THRESHOLD, else start a new event; any other candidate at ≥ MERGE_THRESHOLD is the
   same event and is merged into the chosen one (the absorbed id then redirects; the older
   event keeps its id).
4. Stories: `story_features(record_dict)` gives every article (typed event or not) one
   article-level mention of family "story"; `story.choose` (word cosine nudged by time, key
   names and, for undated articles, stated years, see cluster/story.py: stories cover any
   topic, so the wording carries the evidence) groups articles into news stories (profiles
   by `story.new_story` / `story.add_article`; the store keeps them in `stories`,
   `Store.document_stories()`). When an article joins, `split.split_off` checks the
   story's recent members: a wording group whose leads state a year no other member states
   leaves as a new story (`story.detach`; the old story keeps its id, nothing else moves).
5. `figures.reconcile(reports, rule)` chooses each figure's value (conservative / latest
   / max, see cluster/figures.py for the exact rules).
"""

from . import score as score_module
from . import split, story
from .features import (
    article_tokens,
    day_of,
    family,
    iso,
    mention_features,
    story_features,
    tokens,
    window,
)
from .figures import RULES, choose, reconcile
from .score import (
    MERGE_THRESHOLD,
    THRESHOLD,
    WINDOW_DAYS,
    add_mention,
    assign,
    event_day,
    main_mode,
    main_type,
    merge_profiles,
    new_profile,
    score,
)

__all__ = [
    "MERGE_THRESHOLD", "RULES", "THRESHOLD", "WINDOW_DAYS", "add_mention", "article_tokens",
    "assign", "choose", "event_day", "day_of", "family", "iso", "main_mode", "main_type", "mention_features",
    "merge_profiles", "new_profile", "reconcile", "score", "score_module", "split", "story", "story_features", "tokens", "window",
]
