"""The scale bench's synthetic stream moves every event date with its article."""

from __future__ import annotations

from eventwire.bench.scale import _shift
from eventwire.cluster import day_of


def test_month_and_week_dates_move_with_the_article() -> None:
    # Rule: a month or ISO-week date is moved through the day it blocks on (the 15th, the
    # week's Thursday), so vague dates spread over the stream like exact ones.
    assert _shift("2015-04-02T10:00", 40) == "2015-05-12T10:00"
    assert _shift("2015-04", 40) == "2015-05"
    assert _shift("2015-12", 30) == "2016-01"
    assert _shift("2016-W36", 14) == "2016-W38"
    assert _shift("2015-W52", 7) == "2015-W53" and _shift("2015-W53", 7) == "2016-W01"
    week, month = day_of(_shift("2016-W36", 100)), day_of(_shift("2015-04", 100))
    assert week[1] == "week" and abs(week[0] - day_of("2016-W36")[0] - 100) <= 3
    assert month[1] == "month" and abs(month[0] - day_of("2015-04")[0] - 100) <= 15


def test_the_session2_stream_moves_full_dates_only() -> None:
    # Rule: vague=False reproduces the older stream for comparisons with earlier numbers.
    assert _shift("2015-04", 40, vague=False) == "2015-04"
    assert _shift("2016-W36", 14, vague=False) == "2016-W36"
    assert _shift("2015-04-02", 40, vague=False) == "2015-05-12"
    for odd in ("2016", "PRESENT_REF", "XXXX-WXX", "2015-04-XX", None, 7):
        assert _shift(odd, 40) == odd
