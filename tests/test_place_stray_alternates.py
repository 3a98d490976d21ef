"""places: a town known by a name only as one of its many alternates, in a country the article
does not otherwise name, is not that town (place_resolve._stray_alternate)."""

from __future__ import annotations

from eventwire.analyze import analyze
from eventwire.model import Article, Record


def _places(text: str) -> dict[str, str | None]:
    rec = analyze(Record(article=Article(id="t", text=text, published="2022-03-15", language="en")))
    return {p.text: p.country_code for p in rec.places}


def test_an_unknown_village_of_a_syrian_story_is_no_danish_town() -> None:
    # "Zir" is an alternate name of Randers, Denmark; the story is set in Syria
    got = _places("Clashes near Zir left two fighters dead in eastern Syria on Monday.")
    assert got.get("Syria") == "SY"
    assert got.get("Zir") in (None, "SY")


def test_a_primary_name_abroad_stays_placed() -> None:
    # a town named by its own (primary) name keeps its country, whatever else the story names
    got = _places("Syrian refugees who fled Homs arrived in Randers, Denmark, on Monday.")
    assert got.get("Randers") == "DK"
