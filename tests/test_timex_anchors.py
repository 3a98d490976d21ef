"""times layer, session 8 rules: anaphoric anchors, tense cues, quarters as a unit, short decades."""

from __future__ import annotations

from eventwire.analyze import timex_calendar as cal
from eventwire.analyze.times import find_times
from eventwire.analyze.timex_context import Ctx
from eventwire.model import Time

SUNDAY = "2024-03-24"


def tx(text: str, published: str | None = SUNDAY) -> list[tuple[str, str]]:
    found: list[Time] = find_times(Ctx(text=text, anchor=cal.parse_anchor(published)))
    return [(t.text, t.value) for t in found]


def _parsed(text: str, published: str = SUNDAY) -> dict[str, str]:
    from eventwire.nlp import load

    ctx = Ctx(text=text, anchor=cal.parse_anchor(published), doc=load("en")(text))
    return {t.text: t.value for t in find_times(ctx)}


def test_that_year_and_the_same_day_take_the_nearest_earlier_time() -> None:
    # TimeML anchors "that year", "later that year", "the same day" on the time the text
    # just named, not on the publication date
    assert tx("He fled in June 1998 and returned later that year.") == [("June 1998", "1998-06"), ("later that year", "1998")]
    assert tx("A report came out on Friday. On the same day, shares fell.") == [
        ("Friday", "2024-03-22"), ("the same day", "2024-03-22")]
    assert tx("He was shot on Oct. 23, 2019. Earlier that day, a fax arrived.")[1] == ("Earlier that day", "2019-10-23")
    # "that day" needs a day before it; "that year" needs a year
    assert tx("Sales rose in 2010. That day was a good one.") == [("2010", "2010")]


def test_the_following_and_previous_unit_shift_the_nearest_earlier_time() -> None:
    assert tx("Sales peaked in March 1989. The following month they fell.")[1] == ("The following month", "1989-04")
    assert tx("In May 1995 he was promoted, and the following year he moved.")[1] == ("the following year", "1996")
    assert tx("Costs fell last year, more than the previous year.")[1] == ("the previous year", "2022")
    assert tx("The raid began on March 3, 2020. The next day troops withdrew.")[1] == ("The next day", "2020-03-04")
    # without an earlier time the publication date is the anchor; "the next day" is left out
    assert tx("The following year he left.") == [("The following year", "2025")]
    assert tx("The next day he left.") == []


def test_a_bare_that_day_needs_a_preposition() -> None:
    # "strong redemptions that day" names no time of its own; "on that day" does
    assert tx("It closed on Friday. You get strong redemptions that day.") == [("Friday", "2024-03-22")]
    assert tx("It closed on Friday. Nobody came on that day.")[1] == ("that day", "2024-03-22")


def test_quarters_are_counted_in_quarters() -> None:
    # TIMEX3 durations and sets keep the quarter unit: P2Q, P1Q, PXQ
    assert tx("The firm has had losses in the past two quarters.") == [("the past two quarters", "P2Q")]
    assert tx("It pays interest every quarter.") == [("every quarter", "P1Q")]
    assert tx("Losses mounted for several quarters.") == [("several quarters", "PXQ")]


def test_decades_without_their_century() -> None:
    # "the 70s and 80s", "the nineties": the latest such decade up to the publication year;
    # ages ("in his 70s") and temperatures ("highs in the 90s") are not decades
    assert tx("the boxy cars of the 70s and 80s", "2007-02-09") == [("the 70s", "197"), ("80s", "198")]
    assert tx("hate crimes fell through the nineties", "1998-03-03") == [("the nineties", "199")]
    assert tx("the bands of the 20s", SUNDAY) == [("the 20s", "202")]
    assert tx("a man in his 70s") == []
    assert tx("temperatures reached highs in the 90s") == []


def test_a_two_digit_year_after_a_preposition() -> None:
    assert tx("The index hit its lowest level since '82.", "2008-10-27") == [("'82", "1982")]
    assert tx("It was founded in '09.", "2024-03-24") == [("'09", "2009")]


def test_a_pluperfect_plan_is_past() -> None:
    # "had been scheduled to expire Friday" (published Monday): the plan's day has passed
    pub = "1989-10-30"  # a Monday
    assert _parsed("The offer had been scheduled to expire at midnight Friday.", pub)["midnight Friday"] == "1989-10-27T24:00"
    assert _parsed("It had been due to expire Friday evening.", pub)["Friday evening"] == "1989-10-27TEV"
    assert _parsed("The offer is scheduled to expire Friday.", pub)["Friday"] == "1989-11-03"


def test_as_early_as_and_a_deferral_until_look_ahead() -> None:
    # "could come as early as Tuesday", "postponed until Tuesday": a date still to come
    pub = "2000-04-03"  # a Monday
    assert _parsed("His father could come to the U.S. as early as Tuesday.", pub)["Tuesday"] == "2000-04-04"
    assert _parsed("Officials postponed until Tuesday any action on the case.", pub)["Tuesday"] == "2000-04-04"
    assert _parsed("The agency extended its deadline until Tuesday.", pub)["Tuesday"] == "2000-04-04"
    # an ordinary past clause stays in the past
    assert _parsed("The talks ended on Tuesday.", pub)["Tuesday"] == "2000-03-28"


def test_a_perfect_modal_is_past() -> None:
    # "may have been responsible for a drop on Wednesday" (published Friday): last Wednesday
    got = _parsed("Concern may have been responsible for a drop in trading on Wednesday.", "1989-10-27")
    assert got["Wednesday"] == "1989-10-25"


def test_a_possessive_weekday_does_not_take_a_modal_from_its_sentence() -> None:
    # "would look for ways to get around Wednesday's ruling": the ruling was last Wednesday
    got = _parsed("Relatives said they would look for ways to get around Wednesday's ruling.", "2000-01-07")
    assert got["Wednesday's"] == "2000-01-05"


def test_the_day_is_the_day_just_told_of() -> None:
    # "ended the day at", "later in the day": the day the text has just named, else the report's
    assert tx("Stocks fell on Friday, ending the day at 8,017.")[1] == ("the day", "2024-03-22")
    assert tx("Stocks fell, ending the day at 8,017.") == [("the day", "2024-03-24")]
    # "the day before X" is not the reporting day
    assert all(v != "2024-03-24" for _, v in tx("the day before the vote"))


def test_the_year_previous_is_the_year_before_the_one_just_named() -> None:
    assert tx("Costs fell in 2009, more than the year previous.") == [("2009", "2009"), ("the year previous", "2008")]


def test_recent_years_is_a_vague_past() -> None:
    # "in recent years", "in past years": PAST_REF, not a measured period; "the past two years" stays P2Y
    assert tx("Kidnappings have risen in recent years.") == [("recent years", "PAST_REF")]
    assert tx("There were sell programs in past years.") == [("past years", "PAST_REF")]
    assert tx("Sales rose in the past two years.") == [("the past two years", "P2Y")]


def test_a_season_after_a_possessive() -> None:
    # "their Autumn meetings": the season of the report's year; "their fall" stays a noun
    assert tx("The IMF held their Autumn meetings.", "2008-10-13") == [("Autumn", "2008-FA")]
    assert tx("Their fall from power was quick.", "2008-10-13") == []


def test_one_unit_compounds_and_four_digit_clock_times() -> None:
    # "a single-day decline", "a day-long meeting", "a year-long probe": one unit
    assert tx("the worst single-day decline") == [("single-day", "P1D")]
    assert tx("their third day-long meeting") == [("day-long", "P1D")]
    assert tx("a year-long probe") == [("year-long", "P1Y")]
    # "at 0800 UTC": a clock time on the report's day
    assert tx("At 0800 UTC, the banks acted.", "2008-09-18") == [("0800 UTC", "2008-09-18T08:00Z")]


def test_the_week_of_a_day_is_its_iso_week() -> None:
    assert tx("a court hearing the week of March 6, 2000") == [("the week of March 6, 2000", "2000-W10")]


def test_last_or_next_before_a_month_and_day() -> None:
    # "last Oct. 23": the latest Oct. 23 before the report; "next March 3" the first after it
    pub = "1999-04-19"
    assert tx("He was shot to death last Oct. 23 at home.", pub) == [("last Oct. 23", "1998-10-23")]
    assert tx("The vote is next March 3.", pub) == [("next March 3", "2000-03-03")]


def test_this_past_season_is_the_latest_one_begun() -> None:
    # in October "this past spring" is this year's spring; "last spring" stays last year's
    pub = "1989-10-30"
    assert tx("It sold the business this past spring.", pub) == [("this past spring", "1989-SP")]
    assert tx("It sold the business last spring.", pub) == [("last spring", "1988-SP")]


def test_a_record_set_on_a_day_is_past() -> None:
    # "set" is a schedule only with "to" or "for" ("set to resume Monday", "set for Dec. 10")
    got = _parsed("The index is within 70 points of its record high set on Aug. 6.", "1998-02-06")
    assert got["Aug. 6"] == "1997-08-06"
    assert _parsed("The trial is set for Dec. 10.", "1998-02-06")["Dec. 10"] == "1998-12-10"


def test_the_same_period_last_year_is_the_period_just_named_a_year_back() -> None:
    pub = "2010-03-03"
    assert tx("Sales rose in February compared to the same period last year.", pub)[1] == (
        "the same period last year", "2009-02")
    assert tx("Net fell in the third quarter from 44 cents for the corresponding period last year.", pub)[1] == (
        "the corresponding period last year", "2008-Q3")
    # nothing named before it: the year before the report's
    assert tx("Sales fell in the same period last year.", pub) == [("the same period last year", "2009")]


def test_the_weeks_ahead_is_an_open_stretch() -> None:
    assert tx("Funds must sell junk in the weeks ahead.") == [("the weeks ahead", "PXW")]
    assert tx("Prices may rise in the months to come.") == [("the months to come", "PXM")]


def test_a_quarter_of_something_is_a_fraction() -> None:
    # "more than a quarter of the market", "789, or about a quarter, of its dealers": a share,
    # not three months; "two quarters of growth" stays a period
    assert tx("Funds account for more than a quarter of the market.") == []
    assert tx("It will close 789, or about a quarter, of its 3,200 dealers.") == []
    assert tx("after two consecutive quarters of negative growth") == [("two consecutive quarters", "P2Q")]


def test_the_first_hours_is_an_open_stretch() -> None:
    # "the first hours of the ground war", "the early years": PTXH, PXY; "the early hours of
    # Thursday morning" is that morning
    assert tx("Prisoners were taken in the first hours of the ground war.") == [("the first hours", "PTXH")]
    assert tx("Fewer lives are saved in the early years.") == [("the early years", "PXY")]
    assert tx("He was arrested in the early hours of Thursday morning.", "1999-10-08") == [
        ("Thursday morning", "1999-10-07TMO")]


def test_a_quoted_title_is_not_a_time() -> None:
    # ABC's "This Week", CBS's ''60 Minutes'': a show's name in quotes, not a time
    from eventwire.analyze.times import analyze
    from eventwire.model import Article, Record

    def run(text: str) -> list[str]:
        return [t.text for t in analyze(Record(article=Article(id="q", text=text, published=SUNDAY)))]

    assert run('Baker said on ABC News\' "This Week" that the talks would go on.') == []
    assert run("He said on CBS's ''60 Minutes'' that he would stay.") == []
    assert run('Officials said "this week" would decide it.') == ["this week"]


def test_the_previous_weekday_counts_from_the_day_just_told_of() -> None:
    # published Monday 1989-10-30: "closed Friday ... down from the previous Friday" is the week before
    pub = "1989-10-30"
    got = tx("Stocks closed Friday at 2082.1, down 4.5% from the previous Friday.", pub)
    assert got == [("Friday", "1989-10-27"), ("the previous Friday", "1989-10-20")]
    assert tx("He was arrested on March 3, 2020. The following Monday he was charged.", pub)[1] == (
        "The following Monday", "2020-03-09")


def test_the_latest_quarter_before_a_verb_ending_in_s() -> None:
    # "the latest quarter was ...", "the latest period includes ...": the verb after it does
    # not hide it; "a quarter point" stays out
    pub = "1989-10-26"
    assert tx("Leading the gains in the latest quarter was its industrial segment.", pub) == [
        ("the latest quarter", "1989-Q3")]
    assert tx("The latest period includes gains of $9.1 million.", pub) == [("The latest period", "1989-Q3")]
    assert tx("The Fed cut rates by the quarter point.", pub) == []
