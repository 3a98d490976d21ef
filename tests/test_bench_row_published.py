"""Dataset rows get their publication date as the readers give it (bench/common.row_published)."""

from __future__ import annotations

from eventwire.bench.common import row_published


def test_row_published_prefers_the_rows_date_then_its_urls_then_the_fallback() -> None:
    # Rule: like read.common.pick_published, a row's own date wins; without one a date
    # written in its URL path is the publication date; else the given fallback.
    url = "http://news.example.com/2013/05/02/star-checks-into-rehab/"
    assert row_published({"published": "2013-05-09", "url": url}) == "2013-05-09"
    assert row_published({"published": None, "url": url}, "2000-01-01") == "2013-05-02"
    assert row_published({"url": "http://news.example.com/story/12345"}, "2000-01-01") == "2000-01-01"
    assert row_published({}) is None
