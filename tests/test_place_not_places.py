"""Names of places used as something else: a currency prefix, a disease."""

from __future__ import annotations

from test_place_cues import run


def test_a_currency_prefix_is_not_the_country() -> None:
    # rule: "US$460 million" and "$US 1.5 billion" are money; "the US" elsewhere is the country
    text = "The settlement of US$460 million was paid, and the US welcomed it. The crop is worth $US 1.5 billion."
    starts = {p.start for p in run(text) if p.text == "US"}
    assert starts == {text.index("the US") + 4}


def test_a_disease_named_after_a_place_is_not_the_place() -> None:
    # rule: "West Nile virus", "Marburg haemorrhagic fever", "Minamata disease" are diseases;
    # "the United States flu season" is still the country
    got = run("Vermont confirmed its first case of West Nile virus. Marburg haemorrhagic fever killed "
              "three people in Angola. The United States flu season has started.")
    texts = {p.text for p in got}
    assert "West Nile" not in texts and "Marburg" not in texts
    assert {"Vermont", "Angola", "United States"} <= texts


def test_state_is_part_of_a_nigerian_or_capitalised_foreign_state_name() -> None:
    # rule: "Benue state" / "Osun State" name Nigeria's states whole; "Oaxaca State" (capital S)
    # another country's; a US state's "State" is a following noun ("Maryland State Police")
    assert [p.text for p in run("Gunmen attacked villages in Benue state on Friday.")] == ["Benue state"]
    got = run("Migrants camped in Matias Romero, Oaxaca State, Mexico, on Wednesday.")
    assert "Oaxaca State" in {p.text for p in got}
    got = run("Troopers of the Maryland State Police charged him.")
    assert "Maryland State" not in {p.text for p in got}


def test_a_demonym_keeps_its_people_through_a_prefix_a_pair_or_a_region() -> None:
    # rule: "anti-Russian" names Russia's people, "Syrian-Turkish" both peoples; "Ontarians"
    # (demonyms.csv) are Ontario's people
    assert [(p.text, p.role) for p in run("It reflected the anti-Russian policy.")] == [("Russian", "demonym")]
    assert [p.text for p in run("Towns along the Syrian-Turkish border.")] == ["Syrian", "Turkish"]
    got = run("In 2017 alone, 37 Ontarians died while waiting.")
    assert [(p.text, p.name) for p in got] == [("Ontarians", "Ontario")]


def test_a_person_named_as_a_state_of_two_words_is_the_state() -> None:
    # rule: NER reads "Tamil Nadu" at a sentence start as a person; no person has the exact
    # name of a country or first-level area of two or more words
    got = run("Tamil Nadu on Saturday moved the Supreme Court over the water dispute.")
    assert [(p.text, p.feature) for p in got] == [("Tamil Nadu", "admin1")]
