"""entities layer: canonical names and kinds from the alias table, and its case rules."""

from __future__ import annotations

import os
from pathlib import Path

from eventwire.analyze import aliases, entities
from eventwire.model import Article, Entity, Record
from eventwire.nlp import load


def run(text: str) -> list[Entity]:
    rec = Record(article=Article(id="t", text=text, language="en"))
    rec.doc = load("en")(text)
    return entities.analyze(rec)


def canon(ents: list[Entity], surface: str) -> Entity:
    hits = [e for e in ents if e.text == surface]
    assert hits, f"{surface!r} not among {[e.text for e in ents]}"
    return hits[0]


def test_branch_resolves_with_its_parent() -> None:
    e = canon(run("The ISIS-K cell was dismantled last week."), "ISIS-K")
    assert e.canonical == "Islamic State Khorasan Province"
    assert e.kind == "armed_group" and e.parent == "Islamic State"


def test_group_variants_share_one_canonical() -> None:
    ents = run("Daesh, also called ISIL, is the same group as the Islamic State.")
    names = {e.canonical for e in ents if e.text in ("Daesh", "ISIL", "Islamic State")}
    assert names == {"Islamic State"}


def test_english_word_is_is_never_islamic_state() -> None:
    ents = run("This is what he said. It is late.")
    assert not any(e.canonical == "Islamic State" for e in ents)


def test_capital_is_in_context_is_islamic_state() -> None:
    ents = run("The attack was claimed by IS on Friday, and the IS group posted a video.")
    assert sum(e.canonical == "Islamic State" for e in ents) == 2


def test_capitalised_media_agency_missed_by_ner_is_added() -> None:
    e = canon(run("The images were published by the AMAQ agency on Saturday."), "AMAQ agency")
    assert e.canonical == "Amaq News Agency" and e.kind == "media"


def test_lower_case_place_name_resolves() -> None:
    e = canon(run("Officials in kyiv denied any connection."), "kyiv")
    assert e.canonical == "Kyiv" and e.kind == "city"


def test_one_word_alias_needs_a_capital() -> None:
    assert not any(e.canonical == "Labour Party" for e in run("The labour market is tight."))
    assert any(e.canonical == "Labour Party" for e in run("Labour won the vote in March."))


def test_leader_spelling_variants() -> None:
    for name in ("Volodymyr Zelenskyy", "Volodimir Zelensky", "Volodymyr Zelenskiy"):
        e = canon(run(f"{name} denied the accusations on Saturday."), name)
        assert e.canonical == "Volodymyr Zelensky" and e.kind == "person"


def test_surname_takes_the_earlier_full_name() -> None:
    ents = run("Jane Okafor spoke first. Later, Okafor said the plan would work.")
    assert [e.canonical for e in ents if e.text == "Okafor"] == ["Jane Okafor"]


def test_demonym_is_a_nationality_of_a_country() -> None:
    e = canon(run("Russian officials met on Monday."), "Russian")
    assert e.kind == "nationality" and e.canonical == "Russia"


def test_government_metonym() -> None:
    e = [e for e in run("According to the Kremlin, 11 people were arrested.") if "Kremlin" in e.text][0]
    assert e.canonical == "Government of Russia" and e.kind == "government"


def test_user_alias_file(tmp_path: Path, monkeypatch) -> None:
    f = tmp_path / "mine.csv"
    f.write_text("canonical,kind,parent,aliases\nAcme Militia,armed_group,,Acme Militia|AcmeM\n",
                 encoding="utf-8")
    monkeypatch.setenv("EVENTWIRE_ALIASES", str(f))
    t = aliases.AliasTable(aliases._files())
    assert t.get("AcmeM").canonical == "Acme Militia"
    assert os.environ["EVENTWIRE_ALIASES"] == str(f)


def test_seed_article_entities(shared: Path) -> None:
    text = (shared / "examples" / "seed-article.txt").read_text(encoding="utf-8")
    ents = run(text)
    by_text = {e.text.lower(): e.canonical for e in ents}
    assert by_text.get("isis-k") == "Islamic State Khorasan Province"
    assert any(e.canonical == "Amaq News Agency" and "amaq" in e.text.lower() for e in ents)
    assert by_text.get("kyiv") == "Kyiv"
    assert any(e.canonical == "SITE Intelligence Group" for e in ents)


def test_a_body_after_a_countrys_possessive_is_that_countrys() -> None:
    # "Russia's Defence Ministry" is the body the table knows as "Russian Defence Ministry";
    # one it does not know keeps its owner in the canonical name, not a bare "Interior Ministry"
    ents = run("Russia's Defence Ministry denied the report.")
    assert canon(ents, "Defence Ministry").canonical == "Government of Russia"
    ents = run("Ukraine's Interior Ministry said five people died.")
    assert canon(ents, "Interior Ministry").canonical == "Ukraine's Interior Ministry"

