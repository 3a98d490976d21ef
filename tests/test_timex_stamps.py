"""Report stamps: an article without a publication date takes it only from its own dated stamp."""

from __future__ import annotations

from eventwire.analyze.times import analyze, find_times
from eventwire.analyze.timex_context import Ctx
from eventwire.analyze.timex_stamps import report_date, stamp_kinds
from eventwire.model import Article, Record


def _undated(text: str) -> Record:
    rec = Record(article=Article(id="t", text=text, published=None, language="en"))
    rec.times = analyze(rec)
    return rec


def _kinds(text: str) -> dict[str, str]:
    times = find_times(Ctx(text=text, anchor=None))
    return {times[i].text: k for i, k in stamp_kinds(text, times).items()}


def test_a_dated_dateline_gives_the_missing_publication_date_and_anchors_weekdays():
    rec = _undated("INDIANAPOLIS, Ind. (Dec. 2, 2015) – A man was shot Friday night on the east side.")
    assert (rec.article.published, rec.article.published_source) == ("2015-12-02", "text")
    assert [t.value for t in rec.times if t.text.startswith("Friday")] == ["2015-11-27TNI"]


def test_a_posted_line_and_a_date_first_dateline_are_report_stamps():
    assert _undated("Posted: Monday, May 4, 2015 5:29 PM EDT\n\nA hunter shot a man.").article.published == "2015-05-04"
    text = "Monday, December 15, 2014 AUBURN, Alabama -- A student was shot and killed Sunday morning."
    assert _kinds(text) == {"Monday, December 15, 2014": "dateline"}
    assert _undated(text).article.published == "2014-12-15"


def test_an_update_time_is_not_the_publication_date():
    # an update can come years after the story: it neither anchors nor dates anything
    rec = _undated("Last updated at 10:39 a.m. on Sunday, Nov. 27, 2016\n\nA man was shot Friday.")
    assert rec.article.published is None
    assert _kinds("Last updated at 10:39 a.m. on Sunday, Nov. 27, 2016\n\nA man was shot.") == {
        "Sunday, Nov. 27, 2016": "updated"}


def test_no_stamp_no_guess():
    # a year in a sentence is not the report's date, and a yearless dateline gives no year
    rec = _undated("A man was shot Friday. He had been arrested in 2014 for robbery.")
    assert rec.article.published is None
    assert all(not t.value.startswith("2") for t in rec.times if t.text == "Friday")
    text = "NEW HAVEN, Conn., Oct. 27 (UPI) -- One person was killed in a shooting Saturday."
    assert _kinds(text) == {"Oct. 27": "dateline"}
    assert report_date(text, find_times(Ctx(text=text, anchor=None))) is None


def test_holidays_on_a_weekday_of_their_month():
    # Father's Day is the third Sunday of June (2015-06-21), Memorial Day the last Monday of May
    from eventwire.analyze import timex_calendar as cal
    for text, value in [("A family died in a Father\u2019s Day murder-suicide.", "2015-06-21"),
                        ("A man was shot on Memorial Day.", "2015-05-25"),
                        ("Two were hurt on Labor Day 2014.", "2014-09-01")]:
        ctx = Ctx(text=text, anchor=cal.parse_anchor("2015-06-22"))
        assert [t.value for t in find_times(ctx)] == [value]


def test_as_of_states_a_status_not_a_report_or_an_event_day():
    text = "As of Wednesday, Dec. 2, 2015, the fund had raised $31,000 for the family of the man shot Sunday."
    assert _kinds(text) == {"Wednesday, Dec. 2, 2015": "as_of"}
    assert _undated(text).article.published is None
