"""The local split check of a growing story (cluster/split.py): a wording group of recent
members whose leads state a year that no other member states leaves the story."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventwire.cluster import split
from eventwire.cluster import story as S

THEME = {w: 1.0 for w in "quake island village houses walls collapsed tremor magnitude".split()}
OLD = {w: 2.0 for w in "ridgeford ostholm governor relief ambulance".split()}
NEW = {w: 2.0 for w in "kelvara marlow hospital rescue dozens".split()}


def art(aid: str, words: dict[str, float], lead_year: int | None = None, years: list[int] | None = None,
        published: int | None = None) -> dict[str, Any]:
    """Story features of a hand-made article (story_features' shape)."""
    return {"article": aid, "root": aid, "index": 0, "type": "story", "subtype": None, "family": "story",
            "mode": "asserted", "primary": False, "day": None, "precision": None, "block_day": published,
            "published_day": published, "country": None, "admin1": None, "lat": None, "lon": None,
            "place": None, "place_inferred": False, "actors": [], "figures": {}, "about": None,
            "tokens": {**THEME, **words, aid: 1.0}, "names": [],
            "years": years if years is not None else ([lead_year] if lead_year else []),
            "calendar": {"years": [lead_year] if lead_year else [], "months": [], "weekdays": []}}


def grow(members: list[dict[str, Any]]) -> dict[str, Any]:
    e = S.new_story("st_old", members[0])
    for m in members[1:]:
        e = S.add_article(e, m)
    return e


def old_reports(n: int = 5, **kw: Any) -> list[dict[str, Any]]:
    return [art(f"a{i}", OLD, **kw) for i in range(n)]


def new_reports(n: int = 3) -> list[dict[str, Any]]:
    return [art(f"b{i}", NEW, lead_year=2006) for i in range(n)]


def test_a_group_stating_a_year_no_other_member_states_leaves() -> None:
    # Rule: undated reports of one happening, then reports of a similar one whose leads
    # state its year; once that group is big enough (SPLIT_MIN_GROUP) it splits off.
    e = grow(old_reports() + new_reports())
    assert split.split_off(e) == ["b0", "b1", "b2"]
    kept, new = S.detach(e, split.split_off(e), "st_new")
    assert kept["id"] == "st_old" and kept["n"] == 5 and new["id"] == "st_new" and new["n"] == 3
    assert "kelvara" not in kept["tokens"] and "ridgeford" in kept["tokens"] and "2006" not in kept["years"]
    assert new["years"] == {"2006": 3} and [x["article"] for x in new["recent"]] == ["b0", "b1", "b2"]
    assert [x["article"] for x in kept["recent"]] == [f"a{i}" for i in range(5)]


def test_too_few_reports_of_the_other_happening_do_not_split() -> None:
    # Rule: two reports are not yet a group (SPLIT_MIN_GROUP = 3), nor is a small story.
    assert split.split_off(grow(old_reports() + new_reports(2))) == []
    assert split.split_off(grow(old_reports(3) + new_reports(3))) == []


def test_the_year_stated_by_another_member_keeps_the_story_whole() -> None:
    # Rule: if a member outside the group states the year anywhere in its text, the two
    # groups place themselves in the same year: one happening told two ways.
    olds = old_reports()
    olds[1] = art("a1", OLD, years=[1998, 2006])
    assert split.split_off(grow(olds + new_reports())) == []


def test_a_member_published_in_that_year_keeps_the_story_whole() -> None:
    # Rule: a dated report published in the year the group states is of that year too.
    olds = old_reports()
    olds[0] = art("a0", OLD, published=date(2006, 3, 15).toordinal())
    assert split.split_off(grow(olds + new_reports())) == []


def test_one_wording_keeps_the_story_whole() -> None:
    # Rule: the year alone splits nothing: the members that state it must also form a
    # wording group apart from the oldest recent member's.
    e = grow(old_reports() + [art(f"b{i}", OLD, lead_year=2006) for i in range(3)])
    assert split.split_off(e) == []


def test_recent_members_are_capped_and_dropped_on_a_big_story() -> None:
    # Rule: the check's cost is bounded: SPLIT_MEMBERS recent members per profile, none
    # once the story holds more than SPLIT_MAX_ARTICLES articles.
    e = grow(old_reports(split.SPLIT_MEMBERS + 3))
    assert len(e["recent"]) == split.SPLIT_MEMBERS and e["recent"][-1]["article"] == f"a{split.SPLIT_MEMBERS + 2}"
    e = grow(old_reports(split.SPLIT_MAX_ARTICLES + 2))
    assert "recent" not in e and split.split_off(e) == []


def test_a_member_whose_lead_states_the_year_goes_with_the_group() -> None:
    # Rule: the wording only proposes the groups; a member the wording puts with the rest
    # but whose lead states the group's year leaves with the group (never the oldest one).
    olds = old_reports()
    olds[3] = art("a3", OLD, lead_year=2006)
    e = grow(olds + new_reports())
    assert split.split_off(e) == ["a3", "b0", "b1", "b2"]
    kept, new = S.detach(e, split.split_off(e), "st_new")
    assert "2006" not in kept["years"] and new["years"] == {"2006": 4}
    olds = old_reports()
    olds[0] = art("a0", OLD, lead_year=2006)  # the oldest states it: one happening
    assert split.split_off(grow(olds + new_reports())) == []
