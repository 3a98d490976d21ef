"""Lead calendars of undated articles in story clustering (cluster/calendar.py)."""

from __future__ import annotations

from test_cluster import D, story_m

from eventwire import cluster
from eventwire.cluster import calendar

TOKS = {"quake": 2.0, "island": 1.0, "villages": 1.0}
UNDATED = {"published_day": None, "block_day": None}


def _rec(text: str, times: list[tuple[str, str]]) -> dict:
    return {"article": {"id": "a", "text": text},
            "times": [{"text": t, "value": v, "start": text.index(t)} for t, v in times]}


def test_lead_calendar_reads_the_leads_years_months_and_weekdays_but_not_a_url_line() -> None:
    # Rule: the partial dates of the lead (after any URL line) are its calendar; a URL's
    # digits and a date past the lead are not, nor is a year a relative date inherited.
    text = ("http : / / news . example . org / 2011 / 03 / story\n"
            "Posted Tuesday , November 28 , 2005\nA quake shook the island on Sunday .\n"
            + "More words follow here . " * 40 + "It recalled the one of March 1997 .")
    rec = _rec(text, [("2011", "2011"), ("Tuesday", "XXXX-WXX-2"), ("November 28", "XXXX-11-28"),
                      ("2005", "2005"), ("Sunday", "XXXX-WXX-7"), ("March 1997", "1997-03")])
    assert calendar.lead_calendar(rec) == {"years": [2005], "months": [11], "weekdays": [2, 7]}
    assert cluster.features.stated_years(rec) == [1997, 2005]


def _story(sid: str, cal: dict, **kw) -> dict:
    s = cluster.story.new_story(sid, story_m(tokens=TOKS, calendar=cal, **kw))
    return cluster.story.add_article(s, story_m(article="a2", tokens=TOKS, calendar=cal, **kw))


def test_undated_article_whose_lead_calendar_misses_the_storys_scores_lower() -> None:
    # Rule: an undated article worded like the story but whose lead states another year and
    # a month far from the story's (the quake of November 2005 against the one of
    # September 2008) scores lower than one stating the story's year and month; an
    # adjacent month or nothing stated is no evidence either way; a story's field stated by
    # one article only weighs half.
    cal = {"years": [2008], "months": [9], "weekdays": [7]}
    one = cluster.story.new_story("st_0", story_m(tokens=TOKS, calendar=cal, **UNDATED))
    s = _story("st_1", cal, **UNDATED)
    assert s["calendar"] == {"years": {"2008": 2}, "months": {"9": 2}, "weekdays": {"7": 2}}
    other = story_m(article="b", tokens=TOKS, calendar={"years": [2005], "months": [11], "weekdays": [1]},
                    **UNDATED)
    same = story_m(article="c", tokens=TOKS, calendar={"years": [2008], "months": [9], "weekdays": [7]},
                   **UNDATED)
    assert calendar.calendar_signal(other, s) == -3.0
    assert calendar.calendar_signal(other, one) == -1.5
    assert calendar.calendar_signal(same, s) > 0
    assert cluster.story.story_score(other, s) < cluster.story.story_score(same, s)
    near = story_m(article="d", tokens=TOKS, calendar={"years": [], "months": [10], "weekdays": []}, **UNDATED)
    assert calendar.calendar_signal(near, s) == 0.0
    assert calendar.calendar_signal(story_m(article="e", tokens=TOKS, **UNDATED), s) == 0.0


def test_a_publication_day_against_a_dated_story_leaves_the_calendar_out() -> None:
    # Rule: when both sides have a day, date_signal compares them and the calendar adds
    # nothing; against a story with no day at all, a stamped article's calendar still counts.
    cal = {"years": [2005], "months": [11], "weekdays": []}
    dated = _story("st_1", {"years": [2008], "months": [9], "weekdays": []}, published_day=D, block_day=D)
    undated = _story("st_2", {"years": [2008], "months": [9], "weekdays": []}, **UNDATED)
    stamped = story_m(article="b", tokens=TOKS, published_day=D + 900, block_day=D + 900, calendar=cal)
    assert calendar.calendar_signal(stamped, dated) == 0.0
    assert calendar.calendar_signal(stamped, undated) == -2.0


def test_lead_calendar_year_is_the_latest_the_lead_states() -> None:
    # Rule: the years before the latest one in a lead are background (a birth, a career),
    # so the lead's calendar year is its latest stated year.
    text = "The actress , born in 1923 , who posed in 1955 , died on Thursday , Dec. 11 , 2008 ."
    rec = _rec(text, [("1923", "1923"), ("1955", "1955"), ("Thursday", "XXXX-WXX-4"),
                      ("Dec. 11 , 2008", "2008-12-11")])
    assert calendar.lead_calendar(rec) == {"years": [2008], "months": [12], "weekdays": [4]}


def test_a_year_much_older_than_the_storys_latest_is_background_not_a_conflict() -> None:
    # Rule: an article's year later than the story's, or a little older (within
    # BACKGROUND_YEARS of the story's latest), is another happening; a year much older is
    # what a lead of background states (an obituary's 1955 against the story's 2005) and
    # counts neither way.
    s = _story("st_1", {"years": [2005], "months": [], "weekdays": []}, **UNDATED)

    def year_signal(year: int) -> float:
        m = story_m(article=f"y{year}", tokens=TOKS, calendar={"years": [year], "months": [], "weekdays": []},
                    **UNDATED)
        return calendar.calendar_signal(m, s)

    assert year_signal(2005) > 0
    assert year_signal(2013) == -1.0
    assert year_signal(2005 - calendar.BACKGROUND_YEARS) == -1.0
    assert year_signal(2004) == -1.0
    assert year_signal(1955) == 0.0
    assert year_signal(2005 - calendar.BACKGROUND_YEARS - 1) == 0.0
