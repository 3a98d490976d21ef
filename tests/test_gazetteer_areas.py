"""First-level areas by their current names and other names, and second-level areas (districts)
that stand for their first-level area when they qualify a place."""

from collections import Counter

from eventwire.analyze import place_chain
from eventwire.analyze.gazetteer import gazetteer


def _admin1(name: str, cc: str) -> list[str]:
    return [c.name for c in gazetteer().lookup(name) if c.feature == "admin1" and c.country_code == cc]


def test_renamed_areas_carry_their_current_name():
    # Nepal's 2015 provinces replaced the development regions: a city lies in its province
    kathmandu = [c for c in gazetteer().lookup("Kathmandu") if c.country_code == "NP"][0]
    assert kathmandu.admin1 == "Bagmati"
    assert _admin1("Gandaki", "NP")


def test_other_names_of_an_area_find_it():
    # local-language and English names of one area are one area
    assert _admin1("Niedersachsen", "DE") == _admin1("Lower Saxony", "DE")
    assert _admin1("Vlaanderen", "BE") == _admin1("Flanders", "BE")


def test_area_name_shared_with_a_village_of_that_country_keeps_both():
    # "Sachsen" is the state and also a village in Bavaria: both are candidates
    cands = gazetteer().lookup("Sachsen")
    assert {c.feature for c in cands if c.country_code == "DE"} >= {"admin1", "city"}


def test_big_place_abroad_keeps_its_name():
    # an area's foreign-language form does not join the key of a big city elsewhere
    assert all(c.feature != "admin1" or c.country_code == "GB" for c in gazetteer().lookup("London"))


def test_district_names_its_first_level_area():
    assert [c.country_code for c in gazetteer().districts("Myagdi")] == ["NP"]
    assert gazetteer().districts("Qwertyuiop") == ()


def test_district_qualifier_fixes_the_country_of_a_namesake():
    # "Beni (Myagdi district)": Beni is also a big Congolese city; the district is Nepal's
    w = place_chain.within(["Myagdi"], Counter(), True, "Beni")
    assert w is not None and w[0] == "NP" and w[1] == "Gandaki"


def test_first_level_area_beats_a_district_of_the_same_name():
    # "(Cordoba)": Argentina's province, not the Spanish province (a second-level area there)
    w = place_chain.within(["Cordoba"], Counter(), True, "Sinsacate")
    assert w is not None and w[0] == "AR"


def test_area_abbreviation_inside_an_address():
    # "(Hangu, KPK)": the abbreviation after a name is Khyber Pakhtunkhwa, so Hangu is Pakistan's
    text = "Activists took out a protest rally in Hangu city (Hangu, KPK) on Sunday."
    assert [text[a:b] for a, b in place_chain.brackets(text)[0]] == ["Hangu", "KPK"]
    w = place_chain.within(["Hangu", "KPK"], Counter(), True, "Hangu")
    assert w is not None and w[:2] == ("PK", "Khyber Pakhtunkhwa")


def test_short_abbreviation_alone_is_not_an_area():
    # "(UP)" alone may be a news agency; two letters count only after a place name
    assert place_chain.brackets("The minister resigned, officials said (UP).") == []
    assert gazetteer().lookup("UP") == () or all(c.feature != "admin1" for c in gazetteer().lookup("UP"))


def test_a_former_state_is_placed_at_its_successor() -> None:
    # country_aliases.csv names added after the table was built are read at load time
    hit = gazetteer().lookup("Soviet Union")
    assert hit and hit[0].feature == "country" and hit[0].country_code == "RU"
    assert gazetteer().lookup("Republic of Congo")[0].country_code == "CG"


def test_area_whose_towns_one_source_misses_still_has_its_name():
    # Paraguay's Misiones department is an area of its own beside Argentina's province, and
    # its towns know it
    assert _admin1("Misiones", "PY") == ["Misiones"]
    ayolas = [c for c in gazetteer().lookup("Ayolas") if c.country_code == "PY"][0]
    assert ayolas.admin1 == "Misiones"


def test_area_named_after_its_big_city_is_no_key_of_its_own():
    # the emirate of Dubai is named as its city is (and is no candidate beside it); a tiny
    # council ("Marsa", Malta) is no key either
    assert [c.feature for c in gazetteer().lookup("Dubai") if c.country_code == "AE"] == ["city"]
    assert [c for c in gazetteer().lookup("Dubai") if c.country_code == "AE"][0].admin1 == "Dubai"
    assert not _admin1("Marsa", "MT")
