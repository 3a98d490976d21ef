"""Where a resolved place is put and which reading a name gets: former first-level areas,
second-level areas sharing a town's alternate name, country centre points, lists of places
(and countries NER read as people in them), and a name's own area reading as no evidence for
its namesake city."""

from __future__ import annotations

from test_place_cues import find, run  # the places layer on a hand-written text, and a lookup

from eventwire.analyze.gazetteer import Candidate, gazetteer
from eventwire.analyze.place_local import compass_part
from eventwire.analyze.place_local_names import kept
from eventwire.analyze.place_mentions import Mention
from eventwire.analyze.place_pairs import add_listed_countries, add_qualifiers
from eventwire.analyze.place_resolve import Context
from eventwire.geo import distance_km
from eventwire.model import Entity


def _area(name: str, cc: str) -> Candidate:
    return next(c for c in gazetteer().lookup(name) if c.feature == "admin1" and c.country_code == cc)


def test_a_former_province_lies_amid_the_areas_it_was_split_into() -> None:
    nyanza = _area("Nyanza Province", "KE")
    kisumu = _area("Kisumu", "KE")
    assert distance_km(nyanza.lat, nyanza.lon, kisumu.lat, kisumu.lon) < 100
    assert nyanza.population > kisumu.population


def test_a_former_province_joins_a_town_of_its_name_and_context_decides() -> None:
    ps = run("Cholera has spread across Kenya. Health workers in Nyanza have treated hundreds "
             "of patients, the Kenyan health ministry said.")
    assert find(ps, "Nyanza").country_code == "KE"


def test_a_former_province_keeps_no_successor_under_its_old_name() -> None:
    old = gazetteer().lookup("Kasai-Occidental")
    assert len(old) == 1 and old[0].population > _area("Kasai Central", "CD").population


def test_a_province_name_never_joins_another_countrys_area() -> None:
    # "Eastern Province" is Saudi Arabia's (and others'): Kenya's former one does not join them
    assert all(c.country_code != "KE" for c in gazetteer().lookup("Eastern Province"))


def test_a_department_shares_a_name_a_town_has_only_as_an_alternate() -> None:
    somme = [c for c in gazetteer().lookup("Somme") if c.feature == "admin1"]
    assert somme and somme[0].country_code == "FR"


def test_a_shared_department_name_adds_no_spelling_variants() -> None:
    assert not gazetteer().lookup("Lands")  # not Landes by its skeleton


def test_a_country_without_a_written_point_is_at_its_centre_not_its_capital() -> None:
    kh = gazetteer().country("KH")
    assert kh is not None and distance_km(kh.lat, kh.lon, 11.56, 104.92) > 100  # Phnom Penh


def test_the_country_holding_a_state_is_no_town_in_it() -> None:
    us = find(run("Reporters spoke to residents of the US state of Texas about the virus."), "US")
    assert us.feature == "country"


def test_a_list_ending_a_sentence_is_no_address() -> None:
    ps = run("Cases were reported in Boston, Long Island, New York, Ohio, and Texas. More are expected.")
    boston = find(ps, "Boston")
    assert boston.feature == "city" and boston.admin1 == "Massachusetts"


def test_a_list_of_towns_may_end_with_areas() -> None:
    ps = run("Flooding hit Boston, Long Island, New York, Ohio and Texas last week.")
    assert find(ps, "New York").feature == "admin1"


def test_list_items_after_a_town_are_places() -> None:
    ps = run("Birds died in three areas of Egypt: Cairo, Giza, and Alexandria.")
    assert find(ps, "Giza").country_code == "EG"


def test_a_guess_that_is_an_area_of_the_articles_country_is_kept() -> None:
    other = Mention(0, 5, "Kenya", "toponym", cand=gazetteer().country("KE"))
    guess = Mention(10, 16, "Nyanza", "toponym", guess=True, cand=_area("Nyanza", "KE"))
    abroad = Mention(20, 26, "Kasai Central", "toponym", guess=True, cand=_area("Kasai Central", "CD"))
    assert kept([other, guess, abroad]) == [other, guess]


def test_an_areas_own_mention_is_no_evidence_for_its_namesake_city() -> None:
    ctx = Context()
    quebec = _area("Quebec", "CA")
    city = next(c for c in gazetteer().lookup("Quebec") if c.feature == "city" and c.country_code == "CA")
    ctx.add(quebec, 1.0, "Quebec")
    assert ctx.state_weight(city, "Quebec") == 0
    ctx.add(quebec, 1.0, "Quebec province")  # another name of the area is evidence
    assert ctx.state_weight(city, "Quebec") == 1.0


def test_a_country_read_as_a_person_inside_a_list_of_places_is_the_country() -> None:
    text = "Cases were reported in Zambia, Malawi, and Mozambique. Chad said nothing."
    ents = [Entity("Zambia", 23, 29, "GPE"), Entity("Malawi", 31, 37, "PERSON"),
            Entity("Mozambique", 43, 53, "GPE"), Entity("Chad", 55, 59, "PERSON")]
    out = [Mention(23, 29, "Zambia", "toponym"), Mention(43, 53, "Mozambique", "toponym")]
    add_listed_countries(text, ents, out)
    assert sorted(m.text for m in out) == ["Malawi", "Mozambique", "Zambia"]  # not the man Chad


def test_a_country_read_as_a_person_is_the_country_the_article_names_elsewhere() -> None:
    text = "Refugees crossed into Chad. Chad, which shares a border, asked for aid."
    ents = [Entity("Chad", 22, 26, "GPE"), Entity("Chad", 28, 32, "PERSON")]
    out = [Mention(22, 26, "Chad", "toponym")]
    add_listed_countries(text, ents, out)
    assert [m.start for m in out] == [22, 28]


def test_a_qualifier_ending_the_sentence_is_still_the_state() -> None:
    ps = run("A fire broke out in downtown Buffalo, New York. According to the chief, nobody was hurt.")
    assert find(ps, "New York").feature == "admin1" and find(ps, "Buffalo").admin1 == "New York"


def test_a_name_before_governor_is_the_state() -> None:
    ps = run("New York Governor Andrew Smith declared a state-wide emergency on Monday.")
    assert find(ps, "New York").feature == "admin1"


def test_a_town_found_late_takes_its_qualifier() -> None:
    text = "Patients may go to Buffalo, New York in the United States."
    town = Mention(19, 26, "Buffalo", "toponym", guess=True)
    state = Mention(28, 36, "New York", "toponym")
    add_qualifiers(text, [town], [town, state])
    assert town.within == ("US", "New York") and state.kind_of == ("admin1", "US")


def test_a_direction_before_a_country_or_region_names_a_part_of_it() -> None:
    us = compass_part("Western US", lambda n: None)
    assert us is not None and us.feature == "country" and us.country_code == "US"
    europe = compass_part("Northern Europe", lambda n: None)
    assert europe is not None and europe.feature == "region"
    assert compass_part("Western Zarquonia", lambda n: None) is None  # unknown: no guess


def test_a_country_read_as_a_person_after_a_list_item_separated_by_and() -> None:
    # only the nearest toponym on either side can be joined by a list separator
    text = "Cases rose in Kenya and Chad last week, far from Peru."
    out = [Mention(14, 19, "Kenya", "toponym"), Mention(49, 53, "Peru", "toponym")]
    add_listed_countries(text, [Entity("Chad", 24, 28, "PERSON")], out)
    assert [m.text for m in out][-1] == "Chad"
    out = [Mention(49, 53, "Peru", "toponym")]
    add_listed_countries(text, [Entity("Chad", 24, 28, "PERSON")], out)
    assert [m.text for m in out] == ["Peru"]


def _point(name: str, feature: str, cc: str | None = None) -> tuple[float, float]:
    c = next(c for c in gazetteer().lookup(name) if c.feature == feature and cc in (None, c.country_code))
    return c.lat, c.lon


def test_an_area_whose_towns_bunch_in_a_corner_sits_at_its_middle() -> None:
    # Alaska's towns lie on its south coast, Florida's box middle falls in the Gulf of Mexico
    assert distance_km(*_point("Alaska", "admin1", "US"), 64, -150) < 100
    assert distance_km(*_point("Florida", "admin1", "US"), 28.5, -82) < 100


def test_an_area_across_the_antimeridian_is_not_placed_near_greenwich() -> None:
    lat, lon = _point("Chukotka", "admin1", "RU")
    assert lon > 150


def test_st_and_mt_abbreviations_find_saint_and_mount_names() -> None:
    assert gazetteer().lookup("St. Marc")[0].country_code == "HT"
    assert gazetteer().lookup("Ste. Genevieve")


def test_seas_lakes_and_mountain_ranges_are_regions() -> None:
    assert distance_km(*_point("Lake Victoria", "region"), -1, 33) < 100
    assert distance_km(*_point("Urals", "region"), 60, 60) < 100
    # the sea outranks a small town of its name
    assert gazetteer().lookup("North Sea")[0].feature == "region"


def test_a_borough_of_a_big_city_is_qualified_by_the_city_not_the_state() -> None:
    ps = run("Several students at a school in Queens, New York have fallen ill this week.")
    assert find(ps, "New York").feature == "city"
    ps = run("A fire broke out in downtown Buffalo, New York on Monday night.")
    assert find(ps, "New York").feature == "admin1"


def test_a_valley_named_after_a_town_or_area_lies_around_it() -> None:
    salinas = gazetteer().lookup("Salinas Valley")
    assert salinas and all(c.name == "Salinas" for c in salinas)  # no alternate-name matches
    assert gazetteer().lookup("Ohio Valley")[0].feature == "admin1"


def test_englands_statistical_regions_are_regions() -> None:
    assert distance_km(*_point("South West England", "region", "GB"), 50.9, -3.5) < 100
    assert _point("East Anglia", "region", "GB") == _point("East of England", "region", "GB")


def test_first_level_areas_without_towns_are_not_left_at_their_countrys_point() -> None:
    # rule: an area the build placed at its country's point (no town of its own in the data) takes
    # its own centre from admin1_points.csv: Vietnam's Binh Phuoc lies in the south, not at
    # Vietnam's middle; every entry of an area named twice is moved
    from eventwire.analyze.gazetteer import gazetteer
    from eventwire.geo import distance_km

    areas = [c for c in gazetteer().lookup("Binh Phuoc") if c.feature == "admin1"]
    assert areas and all(distance_km(c.lat, c.lon, 11.75, 106.9) < 50 for c in areas)
    hk = [c for c in gazetteer().lookup("Hong Kong SAR") if c.feature == "admin1"]
    assert all(distance_km(c.lat, c.lon, 22.3, 114.2) < 50 for c in hk)


def test_islands_districts_and_airports_the_towns_list_lacks_are_placed() -> None:
    # rule: features.csv places named areas that are no town (islands, districts, airports),
    # so "Heathrow" is London's airport, not a small Florida town of that name
    from eventwire.analyze.gazetteer import gazetteer

    top = gazetteer().lookup("Heathrow")[0]
    assert top.country_code == "GB"
    assert gazetteer().lookup("Eastern Ghouta")[0].country_code == "SY"


def test_rivers_are_placed_at_their_mouths() -> None:
    # rule: a river is a place (features.csv), at its mouth as GeoNames places streams; a bare
    # river name beats a small namesake town ("Thames" in New Zealand)
    from eventwire.analyze.gazetteer import gazetteer

    top = gazetteer().lookup("Thames")[0]
    assert top.country_code == "GB"
    cauvery = gazetteer().lookup("Kaveri")[0]
    assert distance_km(cauvery.lat, cauvery.lon, 11.1, 79.8) < 50
