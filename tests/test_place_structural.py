"""Recall of area names: transliteration-insensitive first-level areas and ISO second-level areas."""

from eventwire.analyze.gazetteer import gazetteer, norm
from eventwire.analyze.gazetteer_extra import close, skeleton


def test_skeleton_merges_transliterations():
    # dh/th, doubled letters, vowels and the Arabic article do not tell spellings apart
    assert skeleton(norm("Thi Qar")) == skeleton(norm("Dhi Qar"))
    assert skeleton(norm("Al Hasakeh")) == skeleton(norm("Al-Hasakah"))
    assert skeleton(norm("North Sinai")) == skeleton(norm("Noord-Sinaï"))  # compass words
    assert skeleton(norm("Kunar")) != skeleton(norm("Kandahar"))


def test_close_rejects_unrelated_words():
    assert close(norm("Idleb"), norm("Idlib"))
    assert not close(norm("Wasit"), norm("West"))


def test_variant_spelling_of_a_governorate_resolves():
    cands = gazetteer().lookup("Thi Qar")
    assert cands and cands[0].feature == "admin1" and cands[0].country_code == "IQ"


def test_second_level_area_stands_for_its_first_level_area():
    # a French department is not in the gazetteer; ISO 3166-2 says which region it lies in
    cands = gazetteer().lookup("Gironde")
    assert cands and cands[0].country_code == "FR" and cands[0].feature == "admin1"


def test_unknown_words_stay_unknown():
    assert gazetteer().lookup("Qwertyuiop") == ()


def test_a_county_is_not_a_namesake_region():
    # "county" names a second-level area: it must not be dropped to match a foreign region
    assert all(c.country_code != "PE" for c in gazetteer().lookup("Pasco County"))


def test_first_level_area_missing_from_the_gazetteer_comes_from_iso():
    # states created after the gazetteer's source was drawn still resolve, to their country
    cands = gazetteer().lookup("Kavango East")
    assert cands and cands[0].country_code == "NA" and cands[0].feature == "admin1"


def test_compass_suffix_names_a_part_of_an_area():
    # "<Area>-South" as coders split an area: the area itself
    cands = gazetteer().lookup("Bago-West")
    assert cands and cands[0].feature == "admin1" and cands[0].country_code == "MM"


def test_bracketed_address_makes_the_head_a_place():
    from eventwire.analyze.place_chain import framed

    # two or more areas ending with a first-level area: an address, whatever precedes it
    text = "gunmen attacked Foo (Someplace, Ogun) and Bar (Ogun) and Baz (Someplace, Qwerty)."
    assert framed(text, text.index("Foo"), text.index("Foo") + 3)
    assert not framed(text, text.index("Bar"), text.index("Bar") + 3)  # one name may be an aside
    assert not framed(text, text.index("Baz"), text.index("Baz") + 3)  # no known area at the end


def test_streets_of_frames_a_known_town():
    from eventwire.analyze.place_chain import plain

    text = "Hundreds marched through the streets of Bregenz on Monday."
    assert [text[s:e] for s, e in plain(text)] == ["Bregenz"]
    # the same frame around a word no gazetteer knows yields nothing
    assert plain("They marched through the streets of Qwertyville.") == []


def _chains(text: str) -> list[tuple[str, list[str]]]:
    from eventwire.analyze.place_chain import find

    return [(text[c.head[0]:c.head[1]], [text[a:b] for a, b in c.quals]) for c in find(text)]


def test_name_comma_area_kind_is_a_chain():
    # "X, Y region": the written-out kind of area makes it a place and its area, no "in" needed
    assert ("Smallville", ["Ogun"]) in _chains("Troops shelled Smallville, Ogun state on Monday.")


def test_spelling_variant_in_brackets_before_the_address():
    chains = _chains("in Abc Def (Abc Deff) village (Foo township, Ogun state), troops")
    assert any(h == "Abc Def" and q[-1] == "Ogun" for h, q in chains)


def test_compass_words_across_languages():
    # Indonesian "Utara", Korean "-buk-do" and English "North" name the same province part
    assert skeleton(norm("North Maluku")) == skeleton(norm("Maluku Utara"))
    assert skeleton(norm("North Chungcheong")) == skeleton(norm("Chungcheongbuk-do"))
    assert skeleton(norm("North Chungcheong")) != skeleton(norm("South Chungcheong"))


def test_settlement_word_frames_a_town():
    from eventwire.analyze.place_chain import plain

    text = "Students protested at Bregenz town on Monday."
    assert [text[s:e] for s, e in plain(text)] == ["Bregenz"]


def test_coder_note_between_name_and_address():
    chains = _chains("air raids on Smallville (coded to district level) (Ogun). Nothing else.")
    assert ("Smallville", ["Ogun"]) in chains


def test_local_unit_words_frame_the_head():
    # "X kebele/woreda/front/sector (District, Region)": local units of conflict notes
    assert ("Smallville", ["Foo", "Ogun"]) in _chains("clashes in Smallville woreda (Foo, Ogun). Later")
    assert ("Smallville", ["Foo", "Ogun"]) in _chains("fighting on Smallville front (Foo, Ogun). Later")


def test_close_needs_more_than_shared_consonants():
    # same consonant skeleton, different names: "Hayran" (a Yemeni district) is not Haryana
    assert skeleton(norm("Hayran")) == skeleton(norm("Haryana"))
    assert not close(norm("Hayran"), norm("Haryana"))


def test_acronym_is_not_an_alternate_city_name():
    from eventwire.analyze.place_chain import plain

    assert plain("workers went on strike outside the MEG headquarters.") == []


def test_square_bracket_note_and_trailing_area():
    assert ("Foo Well", ["Bar", "Ogun"]) in _chains("seized near Foo Well [Baz Tree] (Bar, Ogun). It was")
    chains = _chains("killed in the Foo village in the Bar countryside, Ogun. Later")
    assert ("Foo", ["Bar", "Ogun"]) in chains


def test_compass_words_alone_are_no_area():
    assert all(c.feature != "admin1" for c in gazetteer().lookup("North South"))
