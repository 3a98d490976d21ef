"""Chain qualifiers read in the chain's country; a head's namesake counts only inside the area."""

from __future__ import annotations

from collections import Counter

from eventwire.analyze import entities, place_chain, places
from eventwire.model import Article, Place, Record
from eventwire.nlp import load


def run_src(text: str, source: str) -> list[Place]:
    rec = Record(article=Article(id="t", text=text, language="en", source=source))
    rec.doc = load("en")(text)
    rec.entities = entities.analyze(rec)
    return places.analyze(rec)


def test_head_namesake_elsewhere_in_a_country_is_no_sign_for_it() -> None:
    # "Sucre" is a state of Venezuela and a department of Colombia; Maracaibo is a Venezuelan
    # city, but not in Sucre state: it says nothing for Venezuela, and the outlet's weight decides
    w = place_chain.within(["Sucre"], Counter({"CO": 1.0}), True, "Maracaibo")
    assert w is not None and w[0] == "CO"


def test_head_namesake_inside_the_named_area_counts() -> None:
    # Cumana is Sucre state's capital: a Venezuelan reading is the better one
    w = place_chain.within(["Sucre"], Counter({"CO": 1.0}), True, "Cumana")
    assert w is not None and w[0] == "VE"


def test_chain_qualifier_is_the_area_of_the_heads_country() -> None:
    # La Paz names areas of Bolivia, El Salvador and Honduras; a village the gazetteer does not
    # know, in a Salvadoran outlet's note, lies in El Salvador's department, not in the Bolivian
    # one a context-free reading of the chain prefers
    ps = run_src("On 3 May, in El Pimiental municipality, La Paz, two men were shot dead.",
                 source="Diario El Salvador")
    qual = [p for p in ps if p.text == "La Paz"]
    assert qual and qual[0].country_code == "SV"


def test_the_area_city_of_x_names_x_inside_the_area() -> None:
    # "the <area> city of X": X is the place and the name before "city" its area, not a town
    # of that name qualified by X (the reverse of "Bara district of Idleb province")
    ps = run_src("A gunman killed three people in the Texas city of Paris on Saturday.", source="")
    town = [p for p in ps if p.text == "Paris"]
    assert town and town[0].country_code == "US" and town[0].admin1 == "Texas"
    assert not [p for p in ps if p.text == "Texas" and p.feature == "city"]


def test_a_nationality_before_city_of_is_no_place() -> None:
    # "the Ukrainian city of X": a nationality adjective, never a town called "Ukrainian"
    ps = run_src("A drone hit a market in the northeastern Ukrainian city of Sumy on Thursday.", source="")
    assert not [p for p in ps if p.text == "Ukrainian" and p.feature != "country"]
    assert [p for p in ps if p.text == "Sumy" and p.country_code == "UA"]
