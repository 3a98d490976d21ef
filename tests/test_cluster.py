"""Clustering core: pure functions over hand-made mention dicts and record dicts."""

from __future__ import annotations

from datetime import date

from eventwire import cluster

D = date(2024, 5, 10).toordinal()


def mention(**kw) -> dict:
    base = {
        "article": "a", "root": "a", "index": 0, "type": "attack", "subtype": None, "family": "violence",
        "mode": "asserted", "primary": True, "day": D, "precision": "day", "block_day": D,
        "published_day": D, "country": "US", "admin1": "Ohio", "lat": 41.65, "lon": -83.54,
        "place": "Toledo", "place_inferred": False, "actors": [], "figures": {},
        "tokens": {"toledo": 1.0, "gunman": 1.0, "bar": 1.0}, "about": None,
    }
    base.update(kw)
    return base


def test_same_place_day_and_words_score_high() -> None:
    # Rule: two reports of one shooting (same town, same day, shared words) belong together.
    e = cluster.new_profile("ev_1", mention())
    assert cluster.score(mention(article="b"), e) > 0.8


def test_hard_vetoes_and_soft_penalties() -> None:
    # Rule: an incompatible family or exact dates weeks apart never cluster; another stated
    # country is a penalty (geocoding slips happen), enough to split reports that share
    # little wording; violence vs disaster (an "accident" that was a shooting) is a penalty.
    e = cluster.new_profile("ev_1", mention())
    assert cluster.score(mention(family="unrest", type="protest"), e) == 0.0
    assert cluster.score(mention(day=D + 30, block_day=D + 30), e) == 0.0
    abroad = mention(country="CA", lat=43.6, lon=-79.4, place="Toronto", tokens={"toronto": 1.0, "bar": 1.0})
    assert cluster.score(abroad, e) < cluster.THRESHOLD
    same = cluster.score(mention(), e)
    accident = cluster.score(mention(family="disaster", type="man_made_disaster"), e)
    assert 0 < accident < same


def test_far_place_and_other_words_start_new_event() -> None:
    # Rule: same type and day is not enough when place and wording differ.
    e = cluster.new_profile("ev_1", mention())
    far = mention(place="Cleveland", lat=41.50, lon=-81.69, tokens={"cleveland": 1.0, "stabbing": 1.0},
                  day=D + 3, block_day=D + 3)
    best, _, merges = cluster.assign(far, [e])
    assert best is None and merges == []


def test_assign_picks_best_and_merges_bridged_events() -> None:
    # Rule: the best candidate wins; another candidate nearly as good is the same event (merge).
    a = cluster.new_profile("ev_a", mention())
    b = cluster.new_profile("ev_b", mention(article="b", lat=41.66, lon=-83.55))
    other = cluster.new_profile("ev_c", mention(article="c", place="Dayton", lat=39.76, lon=-84.19,
                                                admin1="Ohio", tokens={"dayton": 1.0}, day=D + 5, block_day=D + 5))
    best, s, merges = cluster.assign(mention(article="d"), [other, b, a])
    assert best == "ev_a" and s >= cluster.THRESHOLD
    assert merges == ["ev_b"]


def test_profiles_accumulate_and_merge() -> None:
    # Rule: a profile counts its mentions' types, days, actors and figures; merging adds them up.
    p = cluster.new_profile("ev_1", mention(actors=["isis"], figures={"killed": 3}))
    p = cluster.add_mention(p, mention(day=D + 1, block_day=D + 1, figures={"killed": 5}, mode="claimed"))
    assert p["n"] == 2 and p["figures"]["killed"] == [3, 5] and p["actors"] == {"isis": 1}
    assert cluster.main_mode(p) == "asserted"
    q = cluster.merge_profiles(p, cluster.new_profile("ev_2", mention(type="shooting")))
    assert q["id"] == "ev_1" and q["n"] == 3 and q["types"] == {"attack": 2, "shooting": 1}
    assert cluster.event_day(q) == D


def test_figure_rules_history_40_133_144() -> None:
    # Rule: conservative = lowest of the latest day's credible reports; latest; max.
    reports = [
        {"value": 40, "published": "2024-03-22", "article": "a1", "mode": "asserted"},
        {"value": 133, "published": "2024-03-23", "article": "a2", "mode": "asserted"},
        {"value": 144, "published": "2024-03-24", "article": "a3", "mode": "asserted"},
    ]
    assert cluster.choose(reports, "conservative") == 144
    assert cluster.choose(reports, "latest") == 144
    assert cluster.choose(reports, "max") == 144
    same_day = reports + [{"value": 139, "published": "2024-03-24", "article": "a4", "mode": "asserted"}]
    assert cluster.choose(same_day, "conservative") == 139
    assert cluster.choose(same_day, "max") == 144
    out = cluster.reconcile({"killed": list(reversed(same_day))}, "conservative")["killed"]
    assert [r["value"] for r in out["reports"]][:3] == [40, 133, 144]


def test_figure_rules_downward_revision_and_claims() -> None:
    # Rule: a later lower toll supersedes an earlier higher one (conservative, latest), max keeps
    # the highest; a perpetrator's claimed figure is not credible while asserted reports exist.
    reports = [
        {"value": 200, "published": "2024-01-01", "mode": "asserted"},
        {"value": 150, "published": "2024-01-03", "mode": "asserted"},
        {"value": 400, "published": "2024-01-04", "mode": "claimed"},
    ]
    assert cluster.choose(reports, "conservative") == 150
    assert cluster.choose(reports, "max") == 400
    assert cluster.choose(reports, "latest") == 400
    assert cluster.choose([], "conservative") is None


def test_day_parsing_and_families() -> None:
    # Rule: TimeML values become ordinal days (week → its Thursday, month → the 15th).
    assert cluster.day_of("2024-03-22TNI") == (date(2024, 3, 22).toordinal(), "day")
    assert cluster.day_of("2024-W10")[1] == "week"
    assert cluster.day_of("2024-03") == (date(2024, 3, 15).toordinal(), "month")
    assert cluster.day_of("PAST_REF") == (None, None)
    assert cluster.family("shooting") == cluster.family("armed_clash") == "violence"
    assert cluster.family("something_new") == "something_new"


def test_mention_features_from_record_dict() -> None:
    # Rule: with no place on the mention, the article's most specific place stands in (flagged).
    rec = {
        "article": {"id": "x", "text": "A bomb exploded near the market in Kandahar.", "title": "Blast",
                    "published": "2024-05-11"},
        "entities": [], "times": [], "quotes": [], "figures": [],
        "places": [
            {"name": "Afghanistan", "country_code": "AF", "feature": "country", "role": "location"},
            {"name": "Kandahar", "country_code": "AF", "admin1": "Kandahar", "feature": "city",
             "lat": 31.6, "lon": 65.7, "role": "location"},
        ],
        "events": [{"type": "explosion", "trigger": {"text": "exploded", "start": 7, "end": 15},
                    "date": None, "location": None, "actors": [], "figures": {}}],
    }
    m = cluster.mention_features(rec, 0)
    assert m["place"] == "Kandahar" and m["place_inferred"] is True
    assert m["day"] is None and m["block_day"] == date(2024, 5, 11).toordinal()
    assert m["family"] == "violence" and "kandahar" in m["tokens"]


def story_m(**kw) -> dict:
    base = mention(type="story", family="story", primary=False, day=None, precision=None,
                   actors=[], figures={}, place=None, country=None, lat=None, lon=None)
    base.update(kw)
    return base


def test_story_needs_shared_wording_not_just_unknown_date_and_place() -> None:
    # Rule: with no date and no place on either side, an article joins a story only on its
    # words: little shared wording starts a new story, mostly shared wording joins.
    s = cluster.new_profile("st_1", story_m(tokens={"marlow": 3.0, "rehab": 1.0, "clinic": 1.0}))
    other = story_m(tokens={"vance": 3.0, "court": 2.0, "judge": 2.0, "rehab": 0.5})
    same = story_m(tokens={"marlow": 2.5, "rehab": 1.0, "publicist": 1.0})
    assert cluster.story.choose(other, [s]) is None
    assert cluster.story.choose(same, [s]) == "st_1"


def test_story_time_evidence_moves_the_score() -> None:
    # Rule: the same words published the same day score higher than published two months
    # later, and two exact event dates weeks apart score lower than the same day.
    s = cluster.new_profile("st_1", story_m(published_day=D, block_day=D))
    near = cluster.story.story_score(story_m(article="b", published_day=D + 1, block_day=D + 1), s)
    far = cluster.story.story_score(story_m(article="c", published_day=D + 60, block_day=D + 60), s)
    assert near > far
    ev = cluster.new_profile("st_2", story_m(day=D, precision="day"))
    apart = cluster.story.story_score(story_m(day=D + 40, precision="day", block_day=D + 40), ev)
    assert cluster.story.story_score(story_m(day=D, precision="day"), ev) > apart


def test_story_key_names_that_never_meet_lower_the_score() -> None:
    # Rule: two articles worded alike but about other key names (another ship) score lower
    # than the same article naming the story's ship; naming it anywhere removes the penalty.
    toks = {"navy": 1.0, "pirates": 1.0, "gulf": 1.0}
    s = cluster.new_profile("st_1", story_m(tokens={**toks, "kestrel": 2.0}, names=["kestrel"]))
    other = story_m(tokens={**toks, "osprey": 2.0}, names=["osprey"])
    same = story_m(tokens={**toks, "osprey": 2.0, "kestrel": 0.5}, names=["osprey"])
    assert cluster.story.names_conflict(other, s)
    assert not cluster.story.names_conflict(same, s)
    assert not cluster.story.names_conflict(story_m(tokens=toks, names=[]), s)
    rec = {"article": {"id": "a", "text": "x"}, "entities": [
        {"text": "INS Kestrel", "canonical": "INS Kestrel"}, {"text": "Gulf", "canonical": None}]}
    assert cluster.features.key_names(rec, {"kestrel": 3.0, "ins": 1.0, "gulf": 2.0}, k=2) == ["kestrel", "gulf"]


def test_story_key_names_reach_past_the_side_characters_to_the_shared_main_name() -> None:
    # Rule: an article's key names are its KEY_NAMES (5) most weighted entity words; a
    # name common to the whole story (its main person) weighs less than a report's side
    # characters (a lawyer, a clinic), so three names miss it and two reports of one
    # person's story would look like other participants; five reach it.
    weights = {"heller": 9.0, "morningside": 9.0, "jay": 7.0, "mara": 5.0, "quill": 4.0, "rehab": 5.0}
    rec = {"article": {"id": "a", "text": "x"}, "entities": [
        {"text": "Mark Jay Heller", "canonical": None}, {"text": "Morningside Recovery", "canonical": None},
        {"text": "Mara Quill", "canonical": None}]}
    names = cluster.features.key_names(rec, weights)
    assert names == ["heller", "morningside", "jay", "mara", "quill"]
    story = cluster.new_profile("st_1", story_m(
        tokens={"betty": 9.0, "ford": 9.0, "holley": 6.0, "mara": 4.0, "quill": 3.0, "rehab": 5.0},
        names=["betty", "ford", "holley", "mara", "quill"]))
    assert not cluster.story.names_conflict(story_m(tokens=weights, names=names), story)
    assert cluster.story.names_conflict(story_m(tokens=weights, names=names[:3]), story)


def test_undated_story_articles_with_no_stated_year_in_common_score_lower() -> None:
    # Rule: an undated article that spells out only other calendar years than the story's
    # (the quake of 2005 against the story of the 2008 one) scores lower; sharing one stated
    # year, stating none, or carrying a publication date (time evidence of its own) does not.
    undated = {"published_day": None, "block_day": None}
    toks = {"quake": 2.0, "island": 1.0, "villages": 1.0}
    s = cluster.story.new_story("st_1", story_m(tokens=toks, years=[2005], **undated))
    s = cluster.story.add_article(s, story_m(article="b", tokens=toks, years=[2005, 1999], **undated))
    assert s["years"] == {"2005": 2, "1999": 1} and s["n"] == 2
    other = story_m(article="c", tokens=toks, years=[2008], **undated)
    same = story_m(article="d", tokens=toks, years=[2008, 1999], **undated)
    assert cluster.story.years_conflict(other, s)
    assert cluster.story.story_score(other, s) < cluster.story.story_score(same, s)
    assert not cluster.story.years_conflict(story_m(tokens=toks, years=[], **undated), s)
    assert not cluster.story.years_conflict(story_m(tokens=toks, years=[2008]), s)


def test_stated_years_are_the_years_a_time_expression_spells_out() -> None:
    # Rule: "May 24, 2005" and "in 1999" state years; "Tuesday" resolved against the
    # publication date to 2024-05-07 states none.
    rec = {"times": [{"text": "May 24 , 2005", "value": "2005-05-24"}, {"text": "1999", "value": "1999"},
                     {"text": "Tuesday", "value": "2024-05-07"}, {"text": "recently", "value": "PAST_REF"}]}
    assert cluster.features.stated_years(rec) == [1999, 2005]


def test_story_words_of_the_headline_weigh_more() -> None:
    # Rule: for stories, the headline's words count more than the same words in the lead;
    # the event mentions' weights (shared dict) are left as they were.
    w = {"breach": 2.0, "earnings": 2.0, "@atlanta": 1.0}
    got = cluster.features.headline_weighted(w, "Credit firm apologises for data breach")
    assert got["breach"] > w["breach"] == 2.0 and got["earnings"] == 2.0 and got["@atlanta"] == 1.0
    assert cluster.features.headline_weighted(w, None) == w
    rec = {"article": {"id": "a", "title": "Data breach at Lumacorp", "text": "Earnings fell after the breach.",
                       "published": "2024-05-10"}, "entities": [], "places": [], "times": [], "events": []}
    f = cluster.story_features(rec, toks={"breach": 1.0, "earnings": 1.0})
    assert f["tokens"]["breach"] > f["tokens"]["earnings"]
