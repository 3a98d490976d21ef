"""A quarter the headline names is the incident's place, under its big city
(event_headline_quarter)."""

from __future__ import annotations

from eventwire.analyze import event_link as link
from eventwire.analyze.event_headline_quarter import headline_quarter
from eventwire.model import Article, EventMention, Place, Record, Span


def _setup(title: str, body: str, at: str, name: str, pop: int) -> tuple[EventMention, Record]:
    text = title + "\n\n" + body
    s = text.index(at, len(title))
    city = Place(at, s, s + len(at), name=name, lat=32.78, lon=-79.93, country_code="US",
                 admin1="South Carolina", feature="city", precision="city", population=pop)
    ev = EventMention(type="attack", trigger=Span("shot", 0, 4), mode="asserted", primary=True)
    ev.location = link.place_dict(city)
    return ev, Record(article=Article(id="t", text=text, title=title))


def test_unknown_quarter_named_in_a_sentence_case_headline() -> None:
    ev, rec = _setup("Man killed in Oakbrook Flats barbershop shooting | WXYZ",
                     "CHARLESTON, S.C. - A man died after he was shot.", "CHARLESTON", "Charleston", 130_000)
    headline_quarter([ev], rec)
    assert ev.location["name"] == "Oakbrook Flats" and ev.location["feature"] == "neighbourhood"
    assert ev.location["city"]["name"] == "Charleston"
    span = ev.location["span"]
    assert rec.article.text[span["start"]:span["end"]] == "Oakbrook Flats"


def test_title_case_headline_a_known_town_or_a_small_town_change_nothing() -> None:
    cases = (("Man Killed In Oakbrook Flats Barbershop Shooting", "CHARLESTON", "Charleston"),  # title case
             ("Man killed in Summerville barbershop shooting", "CHARLESTON", "Charleston"),  # a known town
             ("Man killed in Oakbrook Flats barbershop shooting", "MORETOWN", "Moretown"))  # no quarters
    for title, at, name in cases:
        ev, rec = _setup(title, f"{at}, S.C. - A man died.", at, name, 0)
        headline_quarter([ev], rec)
        assert ev.location["name"] == name


def test_headline_full_stop_is_not_part_of_the_quarter() -> None:
    ev, rec = _setup("A boy was shot and killed Saturday in Oakbrook Flats.",
                     "CHARLESTON, S.C. - A man died after he was shot.", "CHARLESTON", "Charleston", 130_000)
    headline_quarter([ev], rec)
    assert ev.location["name"] == "Oakbrook Flats"


def test_compass_quarter_of_a_big_city_places_an_event_the_body_left_unplaced() -> None:
    title = "Robbery ends with fatal shooting in E. Houston | KXYZ"
    rec = Record(article=Article(id="t", text=title + "\n\nA man died on Market Street.", title=title))
    ev = EventMention(type="attack", trigger=Span("shooting", 0, 8), mode="asserted", primary=True)
    headline_quarter([ev], rec)
    assert ev.location["name"] == "E. Houston" and ev.location["city"]["name"] == "Houston"
    small = "Robbery ends with fatal shooting in E. Moretown | KXYZ"  # no big city of that name
    rec = Record(article=Article(id="t", text=small + "\n\nA man died.", title=small))
    ev = EventMention(type="attack", trigger=Span("shooting", 0, 8), mode="asserted", primary=True)
    headline_quarter([ev], rec)
    assert ev.location is None


def test_a_county_in_the_headline_is_no_quarter() -> None:
    ev, rec = _setup("3 dead in shooting at Berkeley County farm | WXYZ",
                     "CHARLESTON, S.C. - Three people died after a shooting.", "CHARLESTON", "Charleston", 130_000)
    headline_quarter([ev], rec)
    assert ev.location["name"] == "Charleston" and ev.location["feature"] == "city"
