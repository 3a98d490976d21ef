"""Cleaning rules, each on a small hand-written page, plus the worked example from ../shared."""

from __future__ import annotations

import json
import time

import pytest

from eventwire.clean import clean_article, clean_text
from eventwire.model import Article
from eventwire.read import read_paths

BODY = (
    "Gunmen attacked a police station in the eastern province on Tuesday, killing three officers.\n\n"
    "The governor said the attackers fled towards the hills after a two-hour gunfight.\n\n"
    "Aftermath and reactions\n\n"
    "No group has claimed responsibility. “We will find them,” the governor told reporters.\n\n"
    "Schools stayed closed."
)


def test_normal_article_survives_untouched():
    # Short subheading mid-body, a quote and a short last sentence are all body text.
    res = clean_text(BODY, title="Police station attacked")
    assert res.text == BODY
    assert res.title == "Police station attacked"
    assert res.source is None


def test_headline_repeated_as_lines_is_removed():
    text = "Police station attacked\n\nPolice station attacked\n\n" + BODY
    res = clean_text(text, title="Police station attacked")
    assert res.text == BODY


def test_two_identical_first_lines_become_the_title_when_none_is_given():
    text = "Police station attacked\n\nPolice station attacked\n\n" + BODY
    res = clean_text(text)
    assert res.title == "Police station attacked"
    assert res.text == BODY


def test_glued_page_title_is_stripped_and_site_suffix_split():
    title = "Man shot in parking lot - Springfield Gazette"
    text = title + "A man was shot in a supermarket parking lot on Monday night, police said."
    res = clean_text(text, title=title)
    assert res.text == "A man was shot in a supermarket parking lot on Monday night, police said."
    assert res.title == "Man shot in parking lot"
    assert res.source == "Springfield Gazette"  # no source was known
    # Raw offsets move onto the clean text by the length of the glued title.
    assert res.to_clean(len(title) + 2) == 2
    assert res.to_clean(3) is None


def test_short_title_is_not_cut_from_an_ordinary_first_word():
    res = clean_text("Shootings rose sharply in the city last year, police said.", title="Shooting")
    assert res.text.startswith("Shootings rose")


def test_site_suffix_kept_source_when_source_known():
    res = clean_text(BODY, title="Police station attacked | Daily Courier", source="courier.example")
    assert res.title == "Police station attacked"
    assert res.source == "courier.example"


def test_comment_form_at_the_tail_goes_with_everything_after_it():
    text = BODY + "\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nName\n\nWebsite"
    assert clean_text(text).text == BODY


def test_related_list_at_the_tail_goes():
    text = BODY + "\n\nYou may also like\n\nFloods hit the coast\n\nMinister resigns over scandal\n\nMarkets fall again"
    assert clean_text(text).text == BODY


def test_related_heading_amid_long_body_only_loses_the_heading():
    long_par = "The ministry said the reforms would take effect next year and affect every region. " * 6
    text = "Intro paragraph about the reform plans was published on Monday.\n\nRelated articles\n\n" + \
        "\n\n".join([long_par.strip()] * 3)
    res = clean_text(text)
    assert "Related articles" not in res.text
    assert res.text.count("The ministry said") == 18


def test_strong_furniture_lines_go_anywhere():
    paras = BODY.split("\n\n")
    text = "\n\n".join([paras[0], "Advertisement", paras[1], "Share on Facebook", "We use cookies to improve your experience.",
                        "Photo: Reuters/Jane Roe", *paras[2:]])
    assert clean_text(text).text == BODY


def test_trailing_source_line_becomes_the_source():
    for line in ("Source: Daily Courier", "Source - Daily Courier", "(Source: Daily Courier)"):
        res = clean_text(BODY + "\n\n" + line)
        assert res.text == BODY, line
        assert res.source == "Daily Courier", line


def test_source_in_parentheses_glued_to_the_last_paragraph():
    res = clean_text(BODY + " (Source: Wire Agency)")
    assert res.text == BODY
    assert res.source == "Wire Agency"


def test_byline_and_timestamp_at_the_top_go():
    text = "By Jane Roe and John Doe\n\nUpdated: March 3, 2021 10:45 AM\n\n" + BODY
    assert clean_text(text).text == BODY


def test_navigation_line_at_the_top_goes():
    text = "Home | World | Africa | Politics\n\n" + BODY
    assert clean_text(text).text == BODY


def test_copyright_notice_at_the_end_goes():
    text = BODY + " Copyright 2016 The Example Press. All rights reserved. This material may not be published."
    assert clean_text(text).text == BODY
    assert clean_text(BODY + "\n\n© 2016 Example Media Group").text == BODY


def test_wire_credit_line_at_the_end_goes():
    text = BODY + "\n\n(Reporting by Jane Roe; Editing by John Doe)"
    assert clean_text(text).text == BODY


def test_blank_line_runs_collapse_but_characters_in_lines_stay():
    text = "First paragraph says “hello”  twice.  \n\n\n\nSecond   paragraph.\nSame paragraph line."
    res = clean_text(text)
    assert res.text == "First paragraph says “hello”  twice.\n\nSecond   paragraph.\nSame paragraph line."
    assert res.to_clean(text.index("Second")) == res.text.index("Second")


def test_clean_article_returns_a_new_article():
    art = Article(id="x", text="Attack on a market\n\nAttack on a market\n\n" + BODY + "\n\nSource: Wire",
                  title="Attack on a market")
    out = clean_article(art)
    assert out is not art and art.text.startswith("Attack on a market")
    assert (out.text, out.title, out.source, out.id) == (BODY, "Attack on a market", "Wire", "x")


def test_cleaning_is_fast():
    text = ("Menu | Home | News\n\n" + BODY + "\n\n") * 20 + "Related stories\n\nA\n\nB"
    start = time.perf_counter()
    for _ in range(200):
        clean_text(text, title="Police station attacked")
    assert time.perf_counter() - start < 2.0  # ~ms per 10 kB page


def test_seed_article_is_cleaned_like_the_example_record(shared):
    (article,) = list(read_paths([str(shared / "examples" / "seed-article.txt")], published="2024-03-24"))
    out = clean_article(article)
    expected = json.loads((shared / "examples" / "seed-record.example.json").read_text())["article"]
    assert out.title == expected["title"]
    assert out.source == expected["source"]
    assert out.text.count(out.title) <= 1
    for clutter in ("Leave a Reply", "Your email address will not be published",
                    "Required fields are marked", "Latest Posts", "Source: "):
        assert clutter not in out.text
    assert out.text == expected["text"]


def test_a_lead_sentence_printed_twice_keeps_one_copy():
    lead = "Rebels shelled the market in the northern town on Sunday, killing four people."
    res = clean_text(lead + "\n" + lead + "\n" + BODY)
    assert res.title is None
    assert res.text == lead + "\n" + BODY


def test_a_title_cut_mid_word_is_not_taken_for_a_glued_title():
    text = "Girl killed in weekend hunting accident Posted: Saturday\n\n" + BODY
    res = clean_text(text, title="Girl killed in weekend hunting accide")
    assert res.text.startswith("Girl killed in weekend hunting accident")


def test_a_page_title_glued_twice_is_stripped_twice():
    title = "Man shot in parking lot | Local News - Gazette Home"
    body = "A man was shot in a supermarket parking lot on Monday night, police said."
    assert clean_text(title + title + " " + body, title=title).text == body


def test_a_page_of_furniture_only_is_an_error_not_an_empty_article():
    art = Article(id="x", text="Share on Facebook\n\nAdvertisement\n\nWe use cookies.")
    with pytest.raises(ValueError, match="nothing left after cleaning"):
        clean_article(art)
