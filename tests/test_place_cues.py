"""Homonyms the words around a name decide: "X state", "the city of X", lists of areas,
"Town, Area" pairs, one sense per article, and the outlet's country domain."""

from __future__ import annotations

from eventwire.analyze import entities, places
from eventwire.analyze.place_mentions import domain_country
from eventwire.analyze.place_outlets import outlet_countries, outlet_country
from eventwire.geo import distance_km
from eventwire.model import Article, Place, Record
from eventwire.nlp import load


def run(text: str, source: str | None = None) -> list[Place]:
    rec = Record(article=Article(id="t", text=text, language="en", source=source))
    rec.doc = load("en")(text)
    rec.entities = entities.analyze(rec)
    return places.analyze(rec)


def find(ps: list[Place], surface: str, nth: int = 0) -> Place:
    hits = [p for p in ps if p.text == surface]
    assert len(hits) > nth, f"{surface!r} not among {[p.text for p in ps]}"
    return hits[nth]


def test_the_qualifier_of_a_town_is_the_state_not_its_namesake_city() -> None:
    ny = find(run("The girl, who lived in Buffalo, New York, died on Monday."), "New York")
    assert ny.feature == "admin1" and ny.country_code == "US"


def test_name_followed_by_state_is_the_state() -> None:
    ny = find(run("The governor declared a disaster across New York state on Friday."), "New York")
    assert ny.feature == "admin1"


def test_one_sense_per_article_for_a_name_marked_as_the_state() -> None:
    ps = run("The governor declared a disaster across New York state. At least 75 people have "
             "died in New York since April.")
    assert find(ps, "New York", 1).feature == "admin1"


def test_bare_new_york_is_still_the_city() -> None:
    ny = find(run("He grew up in New York and moved to Chicago in 2010."), "New York")
    assert ny.feature == "city" and ny.name == "New York City"


def test_list_of_states_makes_an_ambiguous_member_a_state() -> None:
    ps = run("Illnesses were reported in Texas and Georgia last week.")
    ga = find(ps, "Georgia")
    assert ga.country_code == "US" and ga.feature == "admin1"


def test_list_of_countries_keeps_the_country() -> None:
    ga = find(run("Officials warned Armenia, Azerbaijan and Georgia to be cautious."), "Georgia")
    assert ga.country_code == "GE"


def test_a_list_with_a_city_is_no_list_of_states() -> None:
    ps = run("After stops in Washington, New York and Boston, the prince flew to Paris.")
    assert find(ps, "Washington").admin1 == "District of Columbia"
    assert find(ps, "New York").name == "New York City"


def test_a_listed_state_is_not_a_town_in_the_next_state() -> None:
    ps = run("Officials are investigating cases in Washington, Pennsylvania and California.")
    wa = find(ps, "Washington")
    assert wa.feature == "admin1" and wa.name == "Washington"


def test_a_known_town_with_no_namesake_in_the_next_area_is_a_list_item() -> None:
    ps = run("The band was due to play in Copenhagen, Hamburg, Brasoc and Mannheim this month.")
    assert find(ps, "Copenhagen").country_code == "DK"
    assert find(ps, "Hamburg").feature == "city"


def test_the_city_of_a_name_is_the_city_not_the_state() -> None:
    sp = find(run("The city of Sao Paulo reported 327 deaths on Tuesday."), "Sao Paulo")
    assert sp.feature == "city" and distance_km(sp.lat, sp.lon, -23.55, -46.63) < 30


def test_a_city_state_named_as_an_area_keeps_the_city() -> None:
    bj = find(run("The province of Beijing closed its schools."), "Beijing")
    assert distance_km(bj.lat, bj.lon, 39.9, 116.4) < 50


def test_country_domain_of_the_outlet_is_weak_evidence() -> None:
    # (Perth, Scotland is also under 2% of Perth, Australia: the outlet's country keeps it)
    text = "A man was arrested in Perth on Monday after a break-in, police said."
    assert find(run(text), "Perth").country_code == "AU"
    assert find(run(text, source="www.thecourier.co.uk"), "Perth").country_code == "GB"


def test_domain_country() -> None:
    assert domain_country("www.thesun.co.uk") == "GB"
    assert domain_country("abc.net.au") == "AU"
    assert domain_country("wkbn.com") is None
    assert domain_country("news.example.tv") is None  # sold worldwide as a generic domain
    assert domain_country("someone.blogspot.nl") is None
    assert domain_country("Irrawaddy") is None  # an outlet's name, not a host


def test_saint_and_st_are_one_primary_name() -> None:
    text = ("Russia ordered the US consulate in St. Petersburg to close, the Kremlin said, after "
            "Washington expelled 60 Russian diplomats.")
    assert find(run(text), "St. Petersburg").country_code == "RU"


def test_a_world_city_is_not_displaced_by_a_small_namesake_on_country_evidence() -> None:
    # the US evidence outweighs Vienna's size in the score, but names no state or nearby town
    text = "US officials said the American commuters from the United States flew to Vienna, the US embassy said."
    assert find(run(text), "Vienna").country_code == "AT"


def test_a_small_namesake_near_another_town_of_the_article_stays() -> None:
    near = find(run("Commuters from Fairfax, Virginia, drove to Vienna on Monday."), "Vienna")
    assert near.country_code == "US" and near.admin1 == "Virginia"


def test_close_namesakes_go_to_the_one_near_a_sure_town() -> None:
    from eventwire.analyze.gazetteer import Candidate
    from eventwire.analyze.place_resolve import Context, best

    east = Candidate("Springdale", 1, 40.0, -75.0, "US", "Pennsylvania", "city", 20_000)
    west = Candidate("Springdale", 2, 36.2, -94.1, "US", "Arkansas", "city", 30_000)
    assert best((east, west), "Springdale", Context()) == west  # bigger
    ctx = Context(anchors=[("norristown", (40.12, -75.34))])
    assert best((east, west), "Springdale", ctx) == east  # beside a town the article places


def test_a_big_city_under_a_million_is_not_displaced_by_a_village_on_passing_state_evidence() -> None:
    from eventwire.analyze.gazetteer import gazetteer
    from eventwire.analyze.place_resolve import Context, best

    cands = gazetteer().lookup("Boston")
    village = next(c for c in cands if c.country_code == "US" and c.admin1 == "New York")
    ctx = Context()
    ctx.add(next(c for c in gazetteer().lookup("New York") if c.feature == "admin1"), 1.0)
    assert best((village, *cands), "Boston", ctx).admin1 == "Massachusetts"  # one mention of the state
    ctx.add(next(c for c in gazetteer().lookup("New York") if c.feature == "admin1"), 2.0)
    assert best((village, *cands), "Boston", ctx) == village  # the state named again and again


def test_known_outlet_name_is_weak_evidence_for_its_country() -> None:
    # Cadiz, Philippines is bigger than Cadiz, Spain: a Spanish outlet keeps the Spanish one
    text = "Nurses gathered in Cadiz on Tuesday to demand better pay."
    assert find(run(text), "Cadiz").country_code == "PH"
    assert find(run(text, source="Europa Press"), "Cadiz").country_code == "ES"


def test_outlet_countries_read_each_outlet_of_a_source() -> None:
    assert outlet_countries("ABC Color; The Guardian (Nigeria)") == ["PY", "NG"]
    assert outlet_countries("Saba News Agency - Pro-Government") == ["YE"]  # a stance, not a name
    assert outlet_countries("Yemen Agency (SABA)") == ["YE"]  # its short name in brackets
    assert outlet_country("ABC Color; Ultima Hora (Paraguay)") == "PY"
    assert outlet_country("ABC Color; Clarin") is None  # two countries: none
    assert outlet_countries("Reuters") == []  # worldwide agencies are left out


def test_bare_compass_word_in_brackets_is_no_area() -> None:
    # "(East)" tells two villages of one name apart; it is not Cameroon's East region
    ps = run("Soldiers burned houses in Thit Gyi (East) village, Shwebo township, Sagaing region.")
    assert find(ps, "Thit Gyi").country_code != "CM"
