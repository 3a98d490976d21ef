"""Gold-name normalisation of the gun-violence benches: spelling variants of one city
match; different cities do not."""

from __future__ import annotations

from eventwire.bench.gvc_dev import city_base
from eventwire.bench.gvdb_dev import place_key


def test_saint_and_st_are_one_spelling() -> None:
    assert place_key("St. Louis") == place_key("Saint Louis") == place_key("ST LOUIS")
    assert place_key("Stockton") != place_key("Saint ockton")
    assert place_key("Wilkes Barre") == place_key("Wilkes-Barre")


def test_gva_county_and_neighbourhood_forms() -> None:
    assert city_base("Henry (county)") == place_key("Henry County")
    assert city_base("Chicago (Englewood)") == "chicago"
    assert city_base("Marion County (county)") == place_key("Marion County")
    assert city_base(None) is None


def test_acled_admin1_spellings_match_through_the_gazetteer() -> None:
    from eventwire.bench.acled_dev import admin1_match

    assert admin1_match("Latium", "Lazio", "IT")  # a GeoNames alternate name of the same area
    assert admin1_match("Bavaria", "Bayern", "DE")
    assert not admin1_match("Tuscany", "Lazio", "IT")
    assert not admin1_match("Latium", "Lazio", "FR")  # only within the gold country
    assert not admin1_match("Panama", "Panama Oeste", "PA")  # a compass part is its own area
    assert admin1_match("Kano", "Kano", None)
    assert admin1_match("South Kivu", "Sud-Kivu", "CD")  # the same direction in French


def test_admin1_alternate_name_with_compass_word_in_one_language_only():
    from eventwire.bench.acled_dev import admin1_match

    # one area by its English and its German name: "North" is part of one name only
    assert admin1_match("North Rhine-Westphalia", "Nordrhein-Westfalen", "DE")
    assert not admin1_match("Panama", "Panama Oeste", "PA")  # a province of its own
