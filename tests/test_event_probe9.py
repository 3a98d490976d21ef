"""events layer rules found by probing with hand-written wire reports (session 9; one rule per test)."""

from __future__ import annotations

from functools import lru_cache

from eventwire.analyze import analyze
from eventwire.model import Article, EventMention, Record


@lru_cache(maxsize=32)
def events_of(text: str, published: str = "2024-03-24") -> tuple[EventMention, ...]:
    rec = analyze(Record(article=Article(id="t", text=text, published=published, language="en")))
    return tuple(rec.events)


def roles(ev, role):
    return [(a.canonical or a.name) for a in ev.actors if a.role == role]


def test_an_unattributed_passive_accusation_is_primary_and_about_the_deed():
    # SPEC 4: primary follows the main clause ("Militia accused of massacre" is the accusation);
    # the alleged deed is its own event, and the accusation points at it
    evs = events_of("Militia accused of massacre in border village\n\nA militia was accused on Monday of "
                    "killing 20 farmers in a village near the border last week.")
    prim = [e for e in evs if e.primary]
    assert prim and prim[0].type == "accusation"
    assert prim[0].about is not None and evs[prim[0].about].type == "attack"


def test_a_named_accuser_keeps_the_accusation_primary():
    evs = events_of("Kyiv accuses Moscow of missile strike on shopping centre\n\nUkraine on Monday accused "
                    "Russia of firing a missile at a shopping centre in Kremenchuk.")
    prim = [e for e in evs if e.primary]
    assert prim and prim[0].type == "accusation"


def test_an_arrest_does_not_take_the_street_of_the_bombing_it_is_about():
    evs = events_of("Police arrest two after market bombing\n\nKAMPALA (AP) - Police said on Tuesday they had "
                    "arrested two men in connection with a bomb blast that killed three people at a market on "
                    "Namirembe Road in the capital on Saturday.")
    arrest = [e for e in evs if e.type == "arrest"]
    assert arrest and all("Road" not in ((e.location or {}).get("name") or "") for e in arrest)
    assert any("Road" in ((e.location or {}).get("name") or "") for e in evs if e.type == "attack")


def test_a_nationality_on_a_strike_that_kills_is_the_perpetrator():
    evs = events_of("A Russian strike on a railway station killed four people in the city of Kramatorsk on Friday.")
    att = [e for e in evs if e.type == "attack"]
    assert att and "Russia" in roles(att[0], "perpetrator")
    assert not any("strike" in a.name for e in att for a in e.actors)
    assert att[0].subtype == "air_drone_strike"


def test_a_country_name_on_a_drone_strike_elsewhere_is_the_state_that_fired():
    evs = events_of("A US drone strike killed two militants in Yemen on Sunday, officials said.")
    att = [e for e in evs if e.type == "attack"]
    assert att and "United States" in roles(att[0], "perpetrator")
    assert att[0].location and att[0].location["country_code"] == "YE"


def test_a_prison_break_is_a_strategic_development():
    evs = events_of("More than 100 inmates escaped from a prison in the town of Koutiala on Tuesday, officials said.")
    assert any(e.type == "strategic_development" and e.subtype == "other" for e in evs)
    evs = events_of("Police hunt escapees after jailbreak in eastern town")
    assert any(e.type == "strategic_development" and e.subtype == "other" for e in evs)


def test_captives_set_free_are_a_release_not_a_new_abduction():
    evs = events_of("Three engineers abducted in March were released on Friday near the town of Warri, police said.",
                    published="2024-06-09")
    rel = [e for e in evs if e.type == "strategic_development" and e.subtype == "agreement"]
    assert rel and rel[0].primary
    assert rel[0].date is None or not rel[0].date["value"].startswith("2024-03")
    assert not any(e.subtype == "abduction_forced_disappearance" and e.primary for e in evs)


def test_a_city_the_text_puts_in_its_country_is_no_namesake():
    evs = events_of("GAZA (Reuters) - An Israeli strike killed six people in Rafah on Monday, medics said.\n\n"
                    "Separately, Russian shelling killed a woman in the Ukrainian city of Kherson, officials said.")
    att = [e for e in evs if e.type == "attack"]
    assert any((e.location or {}).get("country_code") == "UA" for e in att)


def test_a_weak_verb_joins_the_event_that_is_its_subject():
    evs = events_of("A drone strike killed a commander in Somalia, and Turkish airstrikes hit targets in "
                    "northern Iraq on Tuesday.")
    turk = [e for e in evs if "Turkey" in roles(e, "perpetrator")]
    assert len(turk) == 1 and (turk[0].location or {}).get("country_code") == "IQ"
    assert any((e.location or {}).get("country_code") == "SO" for e in evs)


def test_a_headline_claim_read_as_a_noun_phrase_is_a_claim():
    evs = events_of("Al-Shabaab claims responsibility for Kismayo hotel attack\n\nGunmen stormed a hotel in "
                    "Kismayo on Friday, killing nine people, police said.")
    assert any(e.type == "claim_responsibility" and e.primary for e in evs)


def test_armed_men_blocking_a_road_are_not_protesting():
    evs = events_of("The attackers blocked the highway and forced passengers out of their cars on Monday.")
    assert not any(e.type == "protest" for e in evs)


def test_a_protest_that_turned_violent_is_a_riot():
    evs = events_of("Demonstrations against the tax rise turned violent in Lagos on Monday.")
    assert any(e.type == "riot" for e in evs) and not any(e.type == "protest" for e in evs)


def test_a_place_in_a_conjoined_clause_belongs_to_that_clause():
    evs = events_of("Gunmen attacked a farm in Zamfara, and bandits raided a village in Katsina on Monday.")
    att = [e for e in evs if e.type == "attack"]
    places = {(e.location or {}).get("name") for e in att}
    assert len(att) == 2 and len(places) == 2


def test_a_bare_headline_passive_accusation_makes_its_subject_the_accused():
    evs = events_of("Militia accused of massacre in border village\n\nA militia was accused on Monday of "
                    "killing 20 farmers in a village near the border last week.")
    acc = [e for e in evs if e.type == "accusation"]
    assert acc and any("ilitia" in n for n in roles(acc[0], "accused")) and not roles(acc[0], "accuser")


def test_a_sentence_opening_with_separately_reports_another_incident():
    evs = events_of("Soldiers clashed with rebels near the town of Argelia in Cauca on Saturday, killing six rebels. "
                    "Separately, a landmine wounded two soldiers in Narino.")
    mine = [e for e in evs if e.subtype == "remote_explosive_landmine_ied"]
    assert mine and mine[0].figures.get("injured", {}).get("value") == 2
    assert not any(e.type == "battle" and "injured" in e.figures for e in evs)


def test_an_event_word_under_without_did_not_happen():
    evs = events_of("Warplanes bombed the district without warning on Monday and troops entered without firing a shot.")
    assert not any(e.type == "warning" for e in evs)
    assert not any(e.trigger.text.startswith("firing") for e in evs)


def test_a_bomb_that_is_found_is_disrupted_weapons_use():
    evs = events_of("Police found three bombs in a car parked near the stadium on Sunday.")
    assert any(e.subtype == "disrupted_weapons_use" for e in evs)
    assert not any(e.type == "attack" for e in evs)
    evs = events_of("A bomb squad found and removed a grenade from under a bench in the park on Monday.")
    assert any(e.subtype == "disrupted_weapons_use" for e in evs) and not any(e.type == "attack" for e in evs)


def test_a_police_raid_that_detains_people_is_the_arrest():
    evs = events_of("Police raided a church compound in the city on Friday and detained 30 worshippers.")
    assert not any(e.type == "attack" for e in evs)
    arrest = [e for e in evs if e.type == "arrest"]
    assert arrest and any("olice" in a.name for a in arrest[0].actors if a.role == "arresting")


def test_an_opening_sentence_at_country_level_joins_the_lead_that_names_the_town():
    evs = events_of("Cameroon: separatists abduct school principal\n\nBAMENDA, Cameroon (AFP) - Armed separatists "
                    "kidnapped the principal of a secondary school in the town of Kumbo on Tuesday, officials said.")
    kid = [e for e in evs if e.subtype == "abduction_forced_disappearance"]
    assert len(kid) == 1


def test_riot_police_are_no_riot():
    evs = events_of("Thousands of teachers marched to parliament on Tuesday, watched by hundreds of riot police.")
    assert any(e.type == "protest" for e in evs) and not any(e.type == "riot" for e in evs)


def test_an_event_that_blocks_roads_is_no_protest():
    evs = events_of("Heavy fighting blocked the main roads into the region on Monday, aid agencies said.")
    assert not any(e.type == "protest" for e in evs)


def test_a_protest_met_with_tear_gas_is_coded_with_the_intervention():
    evs = events_of("Police use water cannon on student march\n\nSANTIAGO (Reuters) - Police used water cannon and "
                    "tear gas on Thursday to break up a march by thousands of students in Santiago.")
    prot = [e for e in evs if e.type == "protest"]
    assert len(prot) == 1 and prot[0].subtype in ("protest_with_intervention", "excessive_force_against_protesters")


def test_an_arrest_with_no_place_of_its_own_does_not_take_the_scene_street():
    evs = events_of("Police investigate fatal shooting\n\nA 30-year-old man was shot and killed near 48th and Center "
                    "Street on Tuesday evening, Milwaukee police said. A suspect is in custody.")
    arrest = [e for e in evs if e.type == "arrest"]
    assert arrest and all("Street" not in ((e.location or {}).get("name") or "") for e in arrest)


def test_demonstrators_who_clash_with_police_make_a_riot():
    # the clash is the demonstrators' own (a verb conjoined with the protest, or the crowd's)
    evs = events_of("Residents demonstrated and clashed with police officers in the town on Monday "
                    "in opposition to a strict lockdown.")
    assert [(e.type, e.subtype) for e in evs if e.primary] == [("riot", "violent_demonstration")]
    evs = events_of("Protesters clashed with security forces during a march in the capital on Monday.")
    assert [(e.type, e.subtype) for e in evs if e.primary] == [("riot", "violent_demonstration")]
    # police fighting gunmen elsewhere leaves a peaceful march peaceful
    evs = events_of("Hundreds of students held a peaceful march in the city on Monday. Police later "
                    "clashed with gunmen in another district.")
    assert [(e.type, e.subtype) for e in evs if e.primary] == [("protest", "peaceful_protest")]
