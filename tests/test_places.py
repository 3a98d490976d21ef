"""places layer: each test states one resolution rule on a hand-written sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.analyze import entities, places
from eventwire.geo import distance_km
from eventwire.model import Article, Place, Record
from eventwire.nlp import load


def run(text: str) -> list[Place]:
    rec = Record(article=Article(id="t", text=text, language="en"))
    rec.doc = load("en")(text)
    rec.entities = entities.analyze(rec)
    return places.analyze(rec)


def find(ps: list[Place], surface: str) -> Place:
    hits = [p for p in ps if p.text == surface]
    assert hits, f"{surface!r} not among {[p.text for p in ps]}"
    return hits[0]


def test_city_state_pair_picks_the_homonym_in_that_state() -> None:
    ps = run("The festival was held in Paris, Texas, on Saturday.")
    paris = find(ps, "Paris")
    assert paris.country_code == "US" and paris.admin1 == "Texas"
    assert find(ps, "Texas").feature == "admin1"


def test_springfield_illinois() -> None:
    p = find(run("Two men were arrested in Springfield, Illinois, after the robbery."), "Springfield")
    assert p.admin1 == "Illinois"
    assert distance_km(p.lat, p.lon, 39.80, -89.64) < 30


def test_ap_state_abbreviation_in_a_dateline() -> None:
    ps = run("ROCKFORD, Ill. (AP) — A man was shot outside a bar late Friday, police said.")
    city = find(ps, "ROCKFORD")
    assert city.name == "Rockford" and city.admin1 == "Illinois"
    assert find(ps, "Ill.").name == "Illinois"


def test_bare_city_follows_the_state_the_article_names() -> None:
    text = ("Police in Ohio are looking for a gunman. The shooting happened in Springfield "
            "on Tuesday night, officers said.")
    assert find(run(text), "Springfield").admin1 == "Ohio"


def test_population_prior_without_context() -> None:
    assert find(run("She moved to Paris last year."), "Paris").country_code == "FR"


def test_capital_as_subject_of_a_speech_verb_is_an_actor() -> None:
    ps = run("Moscow said the sanctions were illegal, while Kyiv denied any role.")
    assert find(ps, "Moscow").role == "actor"
    assert find(ps, "Moscow").country_code == "RU"  # still resolved


def test_place_of_an_event_is_a_location() -> None:
    assert find(run("A bomb exploded in Moscow on Monday."), "Moscow").role == "location"


def test_demonym_gets_its_country() -> None:
    p = find(run("Russian officials met their counterparts on Monday."), "Russian")
    assert p.role == "demonym" and p.country_code == "RU" and p.feature == "country"


def test_venue_takes_the_coordinates_of_its_city() -> None:
    ps = run("Gunmen opened fire at the Bataclan Concert Hall in Lyon on Friday.")
    venue = [p for p in ps if p.feature == "venue"]
    assert venue, [(p.text, p.feature) for p in ps]
    lyon = find(ps, "Lyon")
    assert venue[0].country_code == "FR" and (venue[0].lat, venue[0].lon) == (lyon.lat, lyon.lon)


def test_lower_case_alias_is_resolved() -> None:
    p = find(run("The ministry in kiev rejected the claim."), "kiev")
    assert p.name == "Kyiv" and p.country_code == "UA"


def test_empty_text_gives_no_places() -> None:
    rec = Record(article=Article(id="e", text=""))
    rec.doc = load("en")("")
    assert places.analyze(rec) == []


def test_seed_article_places(shared: Path) -> None:
    from eventwire.analyze import analyze

    text = (shared / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    rec = analyze(Record(article=Article(id="seed", text=text, published="2024-03-24",
                                         language="en")))
    by_name = {p.name: p for p in rec.places}
    k = by_name.get("Krasnogorsk")
    assert k and k.country_code == "RU" and k.admin1 == "Moscow Oblast"
    assert abs(k.lat - 55.82) < 0.05 and abs(k.lon - 37.33) < 0.05
    venue = [p for p in rec.places if p.feature == "venue" and "City Hall" in p.text]
    assert venue and (venue[0].lat, venue[0].lon) == (k.lat, k.lon)
    assert by_name["Moscow"].country_code == "RU"
    assert by_name["Ukraine"].country_code == "UA" and by_name["Ukraine"].feature == "country"
    kyiv = [p for p in rec.places if p.text == "kyiv"]
    assert kyiv and kyiv[0].name == "Kyiv"


@pytest.mark.parametrize("surface,cc", [("U.S.", "US"), ("Britain", "GB"), ("Syria", "SY")])
def test_country_aliases(surface: str, cc: str) -> None:
    p = find(run(f"Officials in {surface} spoke about the attack in the capital."), surface)
    assert p.country_code == cc and p.feature == "country"


def test_place_inside_an_organisation_name_is_embedded_not_a_location() -> None:
    ps = run("The Washington Post reported the story on Monday.")
    emb = [p for p in ps if p.text == "Washington"]
    assert emb and emb[0].role == "embedded"
    assert not [p for p in ps if p.role == "location"]


def test_direction_words_are_not_places() -> None:
    ps = run("Fighting spread to the South and the Centre of the country, officials said.")
    assert not [p for p in ps if p.text in ("South", "Centre")]


def test_all_caps_dateline_city_is_found_even_without_ner() -> None:
    ps = run("TORONTO — A man was stabbed near a subway station on Sunday, police said.")
    p = find(ps, "TORONTO")
    assert p.country_code == "CA" and p.role == "location"


def test_possessive_of_a_state_policy_is_an_actor_but_its_capital_is_not() -> None:
    ps = run("Japan's trade policy changed. Floods hit Japan's north last week.")
    roles = [p.role for p in ps if p.text == "Japan"]
    assert roles == ["actor", "location"]


def test_city_police_keep_their_city_a_location() -> None:
    ps = run("A man was shot on Friday, according to Dallas police.")
    assert find(ps, "Dallas").role == "location"


def run_src(text: str, source: str | None = None, title: str | None = None) -> list[Place]:
    rec = Record(article=Article(id="t", text=text, language="en", source=source, title=title))
    rec.doc = load("en")(text)
    rec.entities = entities.analyze(rec)
    return places.analyze(rec)


def test_unknown_village_in_brackets_takes_its_province() -> None:
    # rule: "Village (Province)": a village the gazetteer lacks gets the province's coordinates,
    # country and admin1, with precision admin1
    p = find(run("Gunmen killed a farmer in Zorvakino village (Ghazni) on Monday."), "Zorvakino")
    assert p.country_code == "AF" and p.admin1 == "Ghazni"
    assert p.precision == "admin1" and p.lat is not None


def test_bracketed_area_overrides_a_bigger_namesake_abroad() -> None:
    # rule: the head of "X (A, B)" is chosen only among places inside A/B
    p = find(run("Residents blocked a road in San Fernando (Pampanga) on Friday."), "San Fernando")
    assert p.country_code == "PH"


def test_town_comma_province_chain() -> None:
    # rule: "in Town, Province": the province fixes country and admin1 of an unknown town
    p = find(run("Artillery hit houses in Zorvakino, Kharkiv, on Tuesday."), "Zorvakino")
    assert p.country_code == "UA" and p.admin1 and "Kharkiv" in p.admin1


def test_known_name_after_in_is_a_place_but_not_a_month() -> None:
    from eventwire.analyze import place_chain

    text = "They marched in Limoges in March against the reform."
    got = [text[s:e] for s, e in place_chain.plain(text)]
    assert got == ["Limoges"]


def test_admin1_is_found_by_its_bare_name() -> None:
    from eventwire.analyze.gazetteer import gazetteer

    # rule: "Kharkiv" also names the oblast, "Hudaydah" the governorate
    assert any(c.feature == "admin1" and c.country_code == "UA" for c in gazetteer().lookup("Kharkiv"))
    assert any(c.feature == "admin1" and c.country_code == "YE" for c in gazetteer().lookup("Hudaydah"))


def test_outlet_country_is_a_prior() -> None:
    # rule: the source's name ("Times of India") pulls ambiguous names to its country
    p = find(run_src("Protesters gathered in Hyderabad on Sunday.", source="The Times of India"), "Hyderabad")
    assert p.country_code == "IN"


def test_dateline_glued_to_title_with_dash_and_no_space() -> None:
    title = "Man shot overnight | Fox 9"
    text = title + "SPRINGFIELD, Ill. (Jan. 3, 2016)—Police said a man was shot."
    d = places.dateline(text, title)
    assert d is not None and d[0] == "SPRINGFIELD"


def test_county_dateline_takes_its_state() -> None:
    # rule: "X COUNTY, St. —" is a county in that state (state coordinates, feature county)
    ps = run_src("ADAMS COUNTY, Colo. — Deputies said a man was shot at a home.")
    p = find(ps, "ADAMS COUNTY")
    assert p.feature == "county" and p.admin1 == "Colorado" and p.country_code == "US"


def test_neighbourhood_of_a_named_city_sits_at_that_city() -> None:
    # rule: "City's X neighborhood": X is located at City, not at a namesake town elsewhere
    ps = run("A man was shot in Chicago's Austin neighborhood on Monday.")
    p = find(ps, "Austin")
    assert p.feature == "neighbourhood" and p.admin1 == "Illinois"
    assert distance_km(p.lat, p.lon, 41.88, -87.63) < 30


def test_nested_town_in_province() -> None:
    # rule: "X town in Y province": Y fixes the country and admin1 of an unknown X
    p = find(run("Shells hit Zorvakino town in Kharkiv province on Monday."), "Zorvakino")
    assert p.country_code == "UA" and p.admin1 and "Kharkiv" in p.admin1


def test_city_dash_district_is_the_city() -> None:
    # rule: "City - District" (a district of a city) resolves to the city
    ps = run("Dozens of people protested in Lyon - Zorvakino against the closure.")
    p = next(p for p in ps if p.text.startswith("Lyon"))
    assert p.country_code == "FR"


def test_bracket_area_beats_a_same_name_town() -> None:
    # rule: in "X (A)", a first-level area named A outranks towns named A elsewhere
    from collections import Counter

    from eventwire.analyze import place_chain

    w = place_chain.within(["Valparaiso"], Counter(), True, "Zorvakino")
    assert w is not None and w[0] == "CL"


def test_county_named_after_a_city_takes_that_citys_state() -> None:
    # rule: "X County" with no state named lies in the state of the US city X
    p = find(run("Deputies from Sacramento County said the man was shot twice."), "Sacramento County")
    assert p.feature == "county" and p.admin1 == "California"


def test_township_dateline_is_a_town_in_its_state() -> None:
    # rule: "X TOWNSHIP, St. —" is a local municipality in that state
    p = find(run("BENTON TOWNSHIP, Mich. — Police said a man was shot on Friday."), "BENTON TOWNSHIP")
    assert p.feature == "city" and p.admin1 == "Michigan"


def test_direction_word_inside_a_name_is_not_a_region() -> None:
    # rule: "South" inside an organisation's name is a direction, never a foreign admin1 area
    ps = run("Officers from the South Side Community Bank security team responded.")
    assert not any(p.text == "South" for p in ps)


def test_country_a_stance_is_about_is_not_the_scene() -> None:
    # rule: "solidarity with X" / "the invasion of X": X stands for a state (actor role)
    ps = run("Hundreds rallied in Lyon in solidarity with Georgia after the invasion of Georgia.")
    assert find(ps, "Lyon").role == "location"
    assert all(p.role == "actor" for p in ps if p.text == "Georgia")


def test_name_at_the_start_of_a_body_glued_to_its_title() -> None:
    # rule: when the title runs into the body ("... | site.comChicago police said"), a known
    # name starting the body is a place, not part of the site's name
    title = "Man wounded in shooting | example.com"
    ps = run_src(title + "Chicago police said a man was shot on Monday.", title=title)
    p = find(ps, "Chicago")
    assert p.role == "location" and p.admin1 == "Illinois"


def test_capital_without_an_area_is_its_own_district() -> None:
    # rule: a capital the data gives no first-level area names its own capital district
    p = find(run("Thousands marched in Asuncion on Friday."), "Asuncion")
    assert p.country_code == "PY" and p.admin1


def test_hyphenated_names_cut_by_ner_are_one_place_and_big_cities_are_not_venues() -> None:
    from eventwire.analyze import analyze
    from eventwire.model import Article, Record

    def places(text: str) -> list[tuple[str, str | None]]:
        rec = analyze(Record(article=Article(id="h", text=text, published="2024-05-06")))
        return [(p.text, p.country_code) for p in rec.places]

    # the whole hyphenated name is known to the gazetteer: not "Mazar" somewhere else
    assert ("Mazar-i-Sharif", "AF") in places("Clashes erupted today in Mazar-i-Sharif, Afghanistan.")
    # a capital the NER calls a facility keeps its own country, not the other town's
    assert ("Port-au-Prince", "HT") in places("Troops moved from Kano-based units to Port-au-Prince.")


def test_county_sits_at_the_town_of_its_name_in_its_state() -> None:
    # rule: no county coordinates in the gazetteer: "Orange County" lies at Orange, California
    p = find(run("Deputies from Orange County, California, said the man was shot twice."), "Orange County")
    assert p.feature == "county" and p.admin1 == "California"
    assert distance_km(p.lat, p.lon, 33.79, -117.85) < 30


def test_a_county_dateline_names_the_state_of_the_articles_towns() -> None:
    # rule: "X COUNTY, St. —": the state is the article's, for its bare town names too
    ps = run_src("HORRY COUNTY, S.C. — A man was seen on Atlantic Avenue in Garden City on Monday.")
    assert find(ps, "Garden City").admin1 == "South Carolina"


def test_a_small_namesake_abroad_qualified_by_home_towns_is_placed_at_home() -> None:
    # rule (place_home): the gazetteer knows no Malabar in Sri Lanka, only a small town in
    # Australia; two Sri Lankan towns named beside it say the village is in Sri Lanka
    p = find(run("On Monday, farmers protested in Malabar village near Kandy and Matale."), "Malabar")
    assert p.country_code == "LK" and p.admin1 == "Central"


def test_a_country_named_as_the_topic_does_not_pull_a_town_home() -> None:
    # rule (place_home): only areas and towns count as where the story is; "Ukraine" is the topic
    p = find(run("On Monday, people rallied in Cetinje in support of Ukraine and the Ukrainian people."),
             "Cetinje")
    assert p.country_code == "ME"


def test_the_outlet_name_states_its_country() -> None:
    from eventwire.analyze.place_mentions import stated_country

    assert stated_country("Daily Herald (Kenya)") == "KE"
    assert stated_country("Kenyan Times") == "KE"
    assert stated_country("Evening Chronicle") is None


def test_a_name_followed_by_state_is_the_state_unless_its_city_is_most_of_it() -> None:
    # "Kaduna state": the words name the area; its namesake city (about half the state's
    # counted people) does not stand for it. A city-state (Beijing) still does.
    # (a Nigerian state's span takes "state" with it, see test_place_not_places)
    assert find(run("Gunmen abducted 15 students from a school in Kaduna state on Sunday."), "Kaduna state").feature == "admin1"
    assert find(run("Heavy rain fell in Beijing province on Sunday."), "Beijing").feature == "city"


def test_a_name_in_an_affiliation_compound_is_an_actor() -> None:
    # "Iran-aligned rebels": whose side they are on, not where anything happened
    ps = run("The strike hit a camp used by the Iran-aligned rebels in Yemen.")
    assert find(ps, "Iran").role == "actor"
    assert find(ps, "Yemen").role == "location"


def test_an_areas_possessive_names_a_part_of_it() -> None:
    # "Jharkhand's Gumla district": the district's town, in that state (NER tags no name there)
    ps = run("A mob killed a man in Jharkhand's Gumla district on Tuesday.")
    gumla = find(ps, "Gumla")
    assert gumla.country_code == "IN" and gumla.admin1 == "Jharkhand" and gumla.role == "location"
