"""times layer: each case states the TimeML rule it checks (anchor = publication date)."""

from __future__ import annotations

import json

import pytest

from eventwire.analyze import timex_calendar as cal
from eventwire.analyze.times import _KEYED, RULES, analyze, date_and_precision, date_of, find_times
from eventwire.analyze.timex_context import Ctx
from eventwire.model import Article, Record, Time

SUNDAY = "2024-03-24"  # a Sunday, ISO week 12


def tx(text: str, published: str | None = SUNDAY) -> list[Time]:
    return find_times(Ctx(text=text, anchor=cal.parse_anchor(published)))


def one(text: str, published: str | None = SUNDAY) -> Time:
    found = tx(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text,value,typ,precision", [
    # weekdays in past-tense news: the latest such day on or before publication
    ("The attack happened on Friday.", "2024-03-22", "DATE", "day"),
    # "this <weekday>": that day of the publication's ISO week
    ("Gunmen stormed the hall this Saturday.", "2024-03-23", "DATE", "day"),
    # part of day: TimeML TNI/TMO, type TIME, precision of the date
    ("Gunmen opened fire Friday night.", "2024-03-22TNI", "TIME", "day"),
    # "last Tuesday": strictly before
    ("He was arrested last Tuesday.", "2024-03-19", "DATE", "day"),
    # "next Monday": strictly after
    ("The trial opens next Monday.", "2024-03-25", "DATE", "day"),
    # future clause: the coming weekday
    ("The minister will travel on Wednesday.", "2024-03-27", "DATE", "day"),
    ("It was reported yesterday.", "2024-03-23", "DATE", "day"),
    ("Talks resume tomorrow.", "2024-03-25", "DATE", "day"),
    ("Officials spoke this morning.", "2024-03-24TMO", "TIME", "day"),
    # "N weeks ago" is an ISO week (W10 when published on 2024-03-24)
    ("Two weeks ago the embassy warned of an attack.", "2024-W10", "DATE", "week"),
    ("Three days ago a bomb exploded.", "2024-03-21", "DATE", "day"),
    ("Prices rose last month.", "2024-02", "DATE", "month"),
    ("Sales fell last year.", "2023", "DATE", "year"),
    ("The group formed this week.", "2024-W12", "DATE", "week"),
    # month without year: this year's, in a past clause never a later month
    ("The talks collapsed in March.", "2024-03", "DATE", "month"),
    ("Voting took place in November.", "2023-11", "DATE", "month"),
    ("He was born on 22 March 2001.", "2001-03-22", "DATE", "day"),
    ("The blast on March 22 killed 40.", "2024-03-22", "DATE", "day"),
    # "Tuesday, Jan. 27": the year comes from the publication date
    ("The court met Tuesday, Jan. 27.", "2024-01-27", "DATE", "day"),
    ("Filed on 2015-12-10.", "2015-12-10", "DATE", "day"),
    ("Dated 12/10/2015.", "2015-12-10", "DATE", "day"),
    ("Elections were held in 2019.", "2019", "DATE", "year"),
    ("It began in July 2021.", "2021-07", "DATE", "month"),
    # decades: TimeML writes the 1990s as 199
    ("Crime peaked in the 1990s.", "199", "DATE", "decade"),
    ("Profit rose in the third quarter.", "2023-Q3", "DATE", "quarter"),
    ("The talks last summer failed.", "2023-SU", "DATE", "season"),
])
def test_dates(text: str, value: str, typ: str, precision: str) -> None:
    t = one(text)
    assert (t.value, t.type, t.precision) == (value, typ, precision), t


@pytest.mark.parametrize("text,value,typ", [
    ("Rebels have held the town for months.", "PXM", "DURATION"),  # bare plural: unknown length
    ("The siege lasted two weeks.", "P2W", "DURATION"),
    ("The flight took three hours.", "PT3H", "DURATION"),  # clock units take the T
    ("a five-year plan", "P5Y", "DURATION"),
    ("over the past two months", "P2M", "DURATION"),
    ("several years", "PXY", "DURATION"),
    ("the past year", "P1Y", "DURATION"),  # TimeML: a period, not last year's date
    # "and a half" after the unit; clock units split into minutes/seconds
    ("the minute and a half long video", "PT1M30S", "DURATION"),
    ("a wait of 5 1/2 hours", "PT5H30M", "DURATION"),
    # a period measured from another event: DURATION, the signal word left out
    ("He died three years after the crash.", "P3Y", "DURATION"),
    ("Patrols run every week.", "P1W", "SET"),
    ("They meet every Thursday.", "XXXX-WXX-4", "SET"),
    ("a daily briefing", "P1D", "SET"),
    ("It earns $5 a year.", "P1Y", "SET"),  # "a year" after an amount is a rate
    ("Prices are high now.", "PRESENT_REF", "DATE"),
    ("He recently resigned.", "PAST_REF", "DATE"),
    ("in the near future", "FUTURE_REF", "DATE"),
])
def test_durations_sets_refs(text: str, value: str, typ: str) -> None:
    t = one(text)
    assert (t.value, t.type) == (value, typ), t


def test_the_day_is_the_reporting_day() -> None:
    # "ended the day down 3%": the publication day; "the day before X" is not
    assert one("Stocks ended the day lower.").value == SUNDAY
    assert tx("He left the day before the vote.") == []


def test_quarters_resolve_to_the_nearest_year() -> None:
    # in August the coming fourth quarter is this year's; in January it is last year's
    assert one("It expects a loss in the fourth quarter.", "2006-08-19").value == "2006-Q4"
    assert one("Profit fell in the fourth quarter.", "2007-01-18").value == "2006-Q4"
    # once a quarter is named, "a year earlier" is that quarter a year before
    found = tx("Third-quarter profit rose to $5 million from $4 million a year earlier.", "1989-10-26")
    assert [t.value for t in found] == ["1989-Q3", "1988-Q3"]
    # "the quarter a year ago": the last reported quarter, a year before
    assert one("Sales topped the quarter a year ago.", "1989-10-26").value == "1988-Q3"


def test_clock_times() -> None:
    # "8:20 a.m." on the publication day; "shortly before 3 p.m." keeps the clock time
    assert one("The first shot came at 8:20 a.m.").value == "2024-03-24T08:20"
    assert one("It ended shortly before 3 p.m. yesterday").value == "2024-03-23T15:00"
    assert one("Launch at 18:00 UTC.").value == "2024-03-24T18:00Z"
    assert one("The offer expires at 5 p.m. EST Nov. 9.", "1989-11-02").value == "1989-11-09T17:00"


def test_the_year() -> None:
    # "the year ended Sept. 30" is a one-year period; "for the year" the reporting year
    t, end = tx("Net rose in the year ended Sept. 30.")
    assert (t.text, t.value, t.type) == ("the year", "P1Y", "DURATION")
    assert end.value == "2023-09-30"  # a past clause: the latest Sept. 30
    assert one("For the year, sales rose.").value == "2024"
    assert [x.value for x in tx("the year before", SUNDAY)] == []


def test_spoken_years() -> None:
    # transcripts spell years out; "two thousand people" stays a number
    assert one("The approach of the year two thousand has worried many.").value == "2000"
    assert one("It began in nineteen ninety-six.").value == "1996"
    assert [t for t in tx("Two thousand people marched.") if t.precision == "year"] == []


def test_discourse_now_is_not_a_time() -> None:
    assert tx("Now, he says, the plan has failed.") == []
    assert one("The plan has now failed.").value == "PRESENT_REF"


def test_age_is_not_a_duration() -> None:
    # "a 30-year-old man" and "52 years old" are ages
    assert tx("A 30-year-old man was hurt.") == []
    assert tx("The victim was 52 years old.") == []


def test_counted_numbers_are_not_years_but_years_are() -> None:
    assert [t.value for t in tx("He paid $1990 for it.")] == []
    assert [t.value for t in tx("It rose 2015% in a day.") if t.type == "DATE"] == []


def test_month_words_need_a_capital() -> None:
    # "may" and "march" are also a verb and a noun
    assert tx("Protesters may march again.") == []


def test_no_publication_date() -> None:
    # absolute dates still resolve; relative ones stay unanchored
    assert one("Filed on 2015-12-10.", None).value == "2015-12-10"
    t = one("The attack happened on Friday.", None)
    assert (t.value, t.anchored) == ("XXXX-WXX-5", False)
    assert tx("Two weeks ago", None)[0].value == "PAST_REF"


def test_anchored_flag() -> None:
    assert one("on Friday").anchored is True
    assert one("in 2019").anchored is False


def test_date_of_and_precision() -> None:
    night = Time("Friday night", 0, 12, "TIME", "2024-03-22TNI", "day", True)
    assert date_of(night) == "2024-03-22"
    assert date_and_precision(Time("x", 0, 1, "DATE", "2024-W10", "week")) == ("2024-W10", "week")
    assert date_and_precision(Time("x", 0, 1, "DATE", "2024-03", "month")) == ("2024-03", "month")
    assert date_of(Time("x", 0, 1, "DURATION", "P2W")) is None
    assert date_of(Time("x", 0, 1, "DATE", "PAST_REF")) is None
    assert date_of(Time("x", 0, 1, "DATE", "XXXX-WXX-5")) is None


def test_keyed_rules_still_find_everything() -> None:
    # times.py runs the slow rules only near key words; a sentence using each kind of rule
    # must still come out (and capitalised or odd-cased text too)
    assert len(_KEYED) >= 14
    text = ("Two Weeks Ago, in MARCH, a 5-year plan for the third quarter of 2023 began; "
            "last SUMMER and on Christmas, yesterday and on Friday, for months.")
    values = {t.value for t in tx(text)}
    assert {"2024-W10", "2024-03", "P5Y", "2023-Q3", "2023-SU", "2023-12-25", "2024-03-23",
            "2024-03-22", "PXM"} <= values, values
    assert RULES  # the rule table is importable and non-empty


def test_empty_and_odd_input_do_not_crash() -> None:
    assert analyze(Record(Article(id="e", text=""))) == []
    # impossible dates are dropped, not raised
    found = tx("Feb. 30 and 13/45/2020 and 99:99 UTC")
    assert [t.value for t in found if t.precision in ("day", "time", "year")] == []
    assert all(t.value for t in tx("Feb. 30, 2024 was not a day."))


def test_seed_article(shared) -> None:
    """The worked example: this Saturday, Friday night and two weeks ago (see seed-record.example.json)."""
    text = (shared / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    expected = json.loads((shared / "examples" / "seed-record.example.json").read_text(encoding="utf-8"))["times"]
    got = {(t.text, t.value, t.type) for t in tx(text, "2024-03-24")}
    for e in expected:
        assert (e["text"], e["value"], e["type"]) in got
    assert ("Friday", "2024-03-22", "DATE") in got
    assert any(t[1] == "PXM" for t in got)  # "for months"


def test_the_day_after_a_known_day_is_the_next_day():
    """"the day after Thanksgiving" is one DATE, the Friday; "the day before Dec. 5" the 4th."""
    t = one("A girl was shot the day after Thanksgiving, police said.", "2016-11-29")
    assert (t.text, t.value) == ("the day after Thanksgiving", "2016-11-25")
    t = one("He left the day before Dec. 5, 2016.", None)
    assert t.value == "2016-12-04"


def test_a_time_word_inside_a_longer_name_is_not_a_date() -> None:
    from eventwire.analyze import analyze
    from eventwire.model import Article, Record

    rec = analyze(Record(article=Article(id="n", text="Gunmen attacked a bus in Kano, USA TODAY reported on Tuesday.",
                                         published="2024-05-06")))
    assert [t.text for t in rec.times] == ["Tuesday"]


def test_keyed_year_rule_keeps_modifiers_and_lookaheads() -> None:
    # the year rule runs only around 4-digit years: its longest modifier before the digits
    # and its lookaheads after them must still fit the window
    found = {(t.text, t.value) for t in tx("At the beginning of    2019 and in 1999, not 2005 percent or 2010-year.")}
    assert ("the beginning of    2019", "2019") in found, found
    assert ("1999", "1999") in found
    assert not any(v in ("2005", "2010") for _, v in found)


def _parsed(text: str, published: str) -> dict[str, str]:
    from eventwire.nlp import load

    ctx = Ctx(text=text, anchor=cal.parse_anchor(published), doc=load("en")(text))
    return {t.text: t.value for t in find_times(ctx)}


def test_direction_words_between_a_date_and_its_verb() -> None:
    # a date without a year: "since" puts it before the report whatever the verb's tense,
    # "effective"/"payable" after it (a date things take effect), and a reduced relative
    # ("shares issued July 1") is a past event
    pub = "1989-10-26"
    assert _parsed("Police have searched the area since the Dec. 20 slaying.", pub)["Dec. 20"] == "1988-12-20"
    assert _parsed("The bank created a new office, effective Feb. 1.", pub)["Feb. 1"] == "1990-02-01"
    assert _parsed("The company declared a dividend, payable Dec. 15.", "1990-01-10")["Dec. 15"] == "1990-12-15"
    assert _parsed("It bought a block of shares issued July 1 by the firm.", "1990-02-20")["July 1"] == "1989-07-01"


def test_month_or_season_followed_by_its_year_is_one_expression() -> None:
    pub = "1998-03-20"
    got = [(t.text, t.value) for t in tx("Sales rose in June last year and fell in January this year.", pub)]
    assert got == [("June last year", "1997-06"), ("January this year", "1998-01")]
    assert [(t.text, t.value) for t in tx("in the winter of nineteen ninety-four", pub)] == [
        ("the winter of nineteen ninety-four", "1994-WI")]
    # a comma separates two expressions
    assert [t.value for t in tx("in March, last year it was", pub)] == ["1998-03", "1997"]


def test_a_weekday_under_a_plan_or_an_until_is_the_coming_one() -> None:
    # published on a Sunday: a plan ("planned a march on Saturday", "were planning to drive
    # on Monday") and a state lasting "until Friday" under a present clause look ahead; "as of
    # Sunday morning" and a headline's present ("shooting kills one") keep the latest such day
    assert _parsed("Protesters planned a large march on Saturday.", SUNDAY)["Saturday"] == "2024-03-30"
    assert _parsed("They were planning to drive around the airport on Monday.", SUNDAY)["Monday"] == "2024-03-25"
    assert _parsed("The government has kept the markets closed until Friday.", SUNDAY)["Friday"] == "2024-03-29"
    assert _parsed("No other details are being released until Monday.", SUNDAY)["Monday"] == "2024-03-25"
    assert _parsed("As of Friday morning, the victim remains in hospital.", SUNDAY)["Friday morning"] == "2024-03-22TMO"
    assert _parsed("Friday night shooting kills one person.", SUNDAY)["Friday night"] == "2024-03-22TNI"
    assert _parsed("The attack happened on Friday.", SUNDAY)["Friday"] == "2024-03-22"
