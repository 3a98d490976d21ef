"""events layer: each test states one rule on a small hand-written article."""

from __future__ import annotations

from functools import lru_cache

from eventwire.analyze import analyze
from eventwire.model import Article, EventMention, Record


@lru_cache(maxsize=64)
def events_of(text: str, published: str = "2024-03-24") -> tuple[EventMention, ...]:
    rec = analyze(Record(article=Article(id="t", text=text, published=published, language="en")))
    return tuple(rec.events)


def of_type(events, *types):
    return [e for e in events if e.type in types]


def test_primary_follows_the_main_clause():
    evs = events_of("The group claimed responsibility for killing nine guards at a checkpoint.")
    primary = [e for e in evs if e.primary]
    assert len(primary) == 1 and primary[0].type == "claim_responsibility"
    target = evs[primary[0].about]
    assert target.type in ("attack", "battle")


def test_exactly_one_primary_per_article():
    evs = events_of("Gunmen attacked a bus on Monday. Police arrested two men. The army condemned the attack.")
    assert sum(e.primary for e in evs) == 1


def test_a_claim_is_about_the_attack():
    evs = events_of("Gunmen attacked a police station in the north on Friday, killing four officers.\n\n"
                    "A militant group later claimed responsibility for the attack.")
    claim = of_type(evs, "claim_responsibility")[0]
    assert claim.about is not None and evs[claim.about].type in ("attack", "battle")  # police are armed: ACLED may code a clash
    assert any(a.role == "claimant" for a in claim.actors)


def test_repeated_mentions_of_one_attack_are_one_event():
    evs = events_of("A bomb exploded at a crowded market on Monday.\n\nThe attack was the deadliest this year. "
                    "Witnesses said the attack began at noon. Officials condemned the bombing.")
    violent = of_type(evs, "attack", "battle", "shooting")
    assert len(violent) == 1
    assert violent[0].subtype == "remote_explosive_landmine_ied"
    assert violent[0].acled == {"event_type": "Explosions/Remote violence",
                                "sub_event_type": "Remote explosive/landmine/IED"}


def test_denied_mode_for_an_event_under_a_denial():
    evs = events_of("The government denied that its soldiers attacked the village.")
    attack = of_type(evs, "attack")[0]
    assert attack.mode == "denied"
    assert of_type(evs, "denial")


def test_background_mode_for_past_perfect_earlier_events():
    evs = events_of("Rebels stormed a prison on Sunday.\n\n"
                    "Two weeks ago, the embassy had warned its citizens about the security situation.")
    warning = of_type(evs, "warning")[0]
    assert warning.mode == "background"
    assert not warning.primary
    assert any(a.role == "warner" and "embassy" in a.name for a in warning.actors)


def test_hypothetical_for_could_stage():
    evs = events_of("Officials said the group could stage an attack on the capital.")
    attack = of_type(evs, "attack")[0]
    assert attack.mode == "hypothetical"


def test_hypothetical_attack_is_not_merged_with_the_real_one():
    evs = events_of("Gunmen attacked a hotel on Friday.\n\nOfficials fear the group could stage another attack.")
    modes = sorted(e.mode for e in of_type(evs, "attack"))
    assert modes == ["asserted", "hypothetical"]


def test_figures_go_to_the_event_of_their_sentence():
    evs = events_of("Gunmen killed 20 people at a market on Monday.\n\n"
                    "On Tuesday police arrested 11 suspects in connection with the attack.")
    attack = of_type(evs, "attack")[0]
    arrest = of_type(evs, "arrest")[0]
    assert attack.figures["killed"]["value"] == 20
    assert "arrested" not in attack.figures
    assert arrest.figures["arrested"]["value"] == 11
    assert "killed" not in arrest.figures
    assert arrest.about == evs.index(attack)


def test_no_date_without_evidence():
    evs = events_of("Gunmen attacked a bus carrying pilgrims.")
    assert evs and all(e.date is None for e in evs)


def test_date_from_the_linked_time_expression():
    evs = events_of("Gunmen attacked a bus carrying pilgrims on Friday.", "2024-03-24")
    attack = of_type(evs, "attack")[0]
    assert attack.date is not None and attack.date["value"] == "2024-03-22"
    assert attack.date["span"]["text"].endswith("Friday")


def test_accusation_roles():
    evs = events_of("The president accused the rebels of the bombing.")
    acc = of_type(evs, "accusation")[0]
    roles = {a.role: a.name for a in acc.actors}
    assert "president" in roles.get("accuser", "")
    assert "rebels" in roles.get("accused", "")


def test_passive_perpetrator_and_victim():
    evs = events_of("Two farmers were shot dead by gunmen near the village.")
    ev = of_type(evs, "attack", "shooting")[0]
    roles = {(a.role, a.name) for a in ev.actors}
    assert any(r == "perpetrator" and "gunmen" in n for r, n in roles)
    assert any(r == "victim" and "farmers" in n for r, n in roles)


def test_every_trigger_span_points_into_the_text():
    text = "Protesters rallied outside parliament on Sunday. Police fired tear gas to disperse them."
    for e in events_of(text):
        assert text[e.trigger.start:e.trigger.end] == e.trigger.text
        assert 0 <= e.confidence <= 1


def test_the_report_date_is_not_the_event_date():
    """'Police said Tuesday that ...' dates the statement; the shooting date is unknown."""
    evs = events_of("Police said Tuesday that a man was found shot to death in a parked car.", "2024-03-27")
    ev = of_type(evs, "attack", "shooting")[0]
    assert ev.date is None


def test_event_date_from_the_next_sentence_and_never_after_publication():
    evs = events_of("Police confirmed Tuesday that an 8-year-old girl died two days after being shot "
                    "during a drive-by shooting. She was shot Sunday outside her home.", "2024-03-27")
    ev = of_type(evs, "attack", "shooting")[0]
    assert ev.date is not None and ev.date["value"] == "2024-03-24"
    assert ev.figures["killed"]["value"] == 1
    assert "injured" not in ev.figures  # the girl who was shot and died is not also an injured victim


def test_two_attacks_in_two_cities_stay_two_events():
    evs = events_of("A suicide bomber killed five people at a market in Kabul on Monday.\n\n"
                    "In a separate attack, gunmen killed three police officers in Kandahar on Monday.", "2024-03-27")
    violent = of_type(evs, "attack", "battle", "shooting")
    assert len(violent) == 2
    assert sorted(e.figures["killed"]["value"] for e in violent) == [3, 5]
    assert violent[0].subtype == "suicide_bomb"
    assert violent[0].acled["event_type"] == "Explosions/Remote violence"


def _town(text: str, start: int, admin1: str = "Ohio", name: str | None = None):
    from eventwire.model import Place

    return Place(text=text, start=start, end=start + len(text), name=name or text.title(), lat=40.0, lon=-84.0,
                 country_code="US", admin1=admin1, feature="city")


def _shooting_at(place) -> EventMention:
    from eventwire.analyze.event_link import place_dict
    from eventwire.model import Span

    return EventMention(type="attack", trigger=Span("shot", 30, 34), location=place_dict(place))


def test_the_dateline_town_wins_over_another_town_name_of_the_same_state():
    from eventwire.analyze.event_towns import prefer_dateline as _prefer_dateline

    text = "DAYTON (AP) - A man was shot at Elm and Oakwood on Monday."
    dl, other = _town("DAYTON", 0), _town("Oakwood", 39)
    ev = _shooting_at(other)
    _prefer_dateline([ev], dl, [dl, other], text)
    assert ev.location["name"] == "Dayton"


def test_the_dateline_does_not_override_another_state_a_named_city_or_a_finer_town():
    from eventwire.analyze.event_towns import prefer_dateline as _prefer_dateline

    text = "DAYTON (AP) - A man was shot in the city of Oakwood and in Dayton Heights."
    dl = _town("DAYTON", 0)
    far = _town("Oakwood", 44, admin1="Texas")
    named = _town("Oakwood", 44)
    finer = _town("Dayton Heights", 59)
    for place in (far, named, finer):
        ev = _shooting_at(place)
        _prefer_dateline([ev], dl, [dl, place], text)
        assert ev.location["name"] == place.name


def test_the_accident_of_an_accidental_shooting_is_that_shooting():
    evs = events_of("A boy was accidentally shot by his cousin on Monday. "
                    "The boy died at a hospital after the accident, police said.")
    assert not of_type(evs, "man_made_disaster")
    shootings = [e for e in evs if e.type in ("shooting", "attack")]
    assert shootings and any(e.figures.get("killed", {}).get("value") == 1 for e in shootings)


def test_an_article_whose_lead_names_no_event_has_no_primary():
    # the headline and lead say what an article is about: an event first named in its
    # sixth sentence is a detail, not the article's main event
    filler = "The council met to discuss the budget. Members reviewed the plans. " \
             "The mayor praised the staff. Residents asked about parking. The vote was delayed. "
    evs = events_of(filler + "Separately, gunmen attacked a bus on Monday.")
    assert evs and not any(e.primary for e in evs)
    lead = events_of("Gunmen attacked a bus on Monday. " + filler)
    assert sum(e.primary for e in lead) == 1


def test_the_event_of_a_light_verb_takes_the_verbs_date_and_is_primary():
    # "held a protest" is the protest; the date on "held" is the protest's date, and the
    # participle after the comma ("denouncing") is a detail of it, not the main event
    evs = events_of("On 3 May 2023, students held a protest in the capital, denouncing the new tax law.")
    primary = [e for e in evs if e.primary]
    assert len(primary) == 1 and primary[0].type == "protest"
    assert primary[0].date is not None and primary[0].date["value"] == "2023-05-03"


def test_a_later_step_on_a_governing_verb_does_not_date_the_event():
    # the shooting has its own clause: "appeared in court Tuesday" dates the hearing
    evs = events_of("A man who was shot by police on a highway appeared in court Tuesday.",
                    "2024-03-27")
    shot = [e for e in evs if e.trigger.text == "shot"]
    assert shot and all(e.date is None or e.date["value"] != "2024-03-26" for e in shot)


def test_a_fronted_date_frames_every_clause_but_a_saying_verb_does_not():
    evs = events_of("On 9 April 2023, residents rallied after soldiers raided the market.")
    assert of_type(evs, "protest")[0].date["value"] == "2023-04-09"
    said = events_of("On Tuesday, police said that a man was shot in a parked car.", "2024-03-27")
    assert all(e.date is None for e in of_type(said, "attack", "shooting"))


def test_a_headline_event_takes_the_date_of_the_leads_incident():
    # the headline names the shooting; the lead tells it with its date
    # (here the two places disagree, as a misread street or town name often makes them)
    evs = events_of("Man wounded in shooting in Boston\n\nBy Staff Reporter\n\nNews Desk\n\n"
                    "A man was shot Thursday night outside a store in Denver, police said.", "2024-03-23")
    primary = [e for e in evs if e.primary]
    assert len(primary) == 1 and primary[0].trigger.start < 40
    assert primary[0].date is not None and primary[0].date["value"] == "2024-03-21"


def test_blocking_a_road_is_a_protest_and_gathering_dates_the_rally():
    evs = events_of("On 3 May 2023, farmers blocked the highway near the town to demand aid.")
    assert of_type(evs, "protest") and of_type(evs, "protest")[0].date["value"] == "2023-05-03"
    # "gathered" is weak: it folds into the rally it introduces, handing over its date
    rally = events_of("On 4 May 2023, workers gathered for a rally outside the factory.")
    assert len(of_type(rally, "protest")) == 1
    assert of_type(rally, "protest")[0].date["value"] == "2023-05-04"


def test_a_road_blocked_by_a_crowd_is_a_protest_but_not_one_blocked_by_a_tree():
    # passive "block" counts only with a crowd or group as the by-agent
    assert of_type(events_of("On 3 May 2023, the main road was blocked by protesters demanding jobs."), "protest")
    assert not of_type(events_of("On 3 May 2023, the main road was blocked by a fallen tree for hours."), "protest")
    assert not of_type(events_of("On 3 May 2023, the highway was blocked after a lorry overturned."), "protest")


def test_demolishing_houses_is_property_destruction():
    evs = events_of("Soldiers demolished two houses in the village on 2 May 2023.")
    assert of_type(evs, "strategic_development")


def test_an_undated_main_incident_takes_the_leads_first_free_date_never_a_later_one():
    # the lead's date tells when the incident happened; a date after publication never does
    evs = events_of("Teen killed in shooting\n\nBy Staff\n\nNews Desk\n\nSunday, March 24, 2024\n\n"
                    "Neighbours heard a loud noise and called for help.\n\n"
                    "A teenager died after he was shot outside a store.", "2024-03-25")
    primary = [e for e in evs if e.primary]
    assert primary and primary[0].date is not None and primary[0].date["value"] == "2024-03-24"
    later = events_of("Teen killed in shooting\n\nBy Staff\n\nNews Desk\n\nSunday, March 24, 2024\n\n"
                      "Neighbours heard a loud noise and called for help.\n\n"
                      "A teenager died after he was shot outside a store.", "2024-03-20")
    assert all(e.date is None for e in later if e.primary)


def test_the_main_event_of_any_kind_takes_the_article_town_when_its_sentence_names_none():
    # rule: an accusation (not a located family) that is the article's main event happened
    # where the article is set
    evs = events_of("On 3 May, the teachers' union accused the education office of cutting staff. "
                    "The union's members met in Daegu later that day.")
    primary = next(e for e in evs if e.primary)
    assert primary.location and primary.location["country_code"] == "KR"


def _events_from(text: str, source: str | None = None) -> list[EventMention]:
    rec = analyze(Record(article=Article(id="t", text=text, published="2024-03-24", language="en",
                                         source=source)))
    return rec.events


def test_an_unknown_place_lies_in_the_country_the_outlet_states():
    # rule (event_city.country_location): the gazetteer knows no "Kwari Dutse"; a Nigerian outlet
    # places it in Nigeria, at country precision, pointing at the name
    text = "On 3 May, gunmen abducted four travellers on the road near Kwari Dutse ward."
    primary = next(e for e in _events_from(text, "Weekly Mirror (Nigeria)") if e.primary)
    assert primary.location["country_code"] == "NG" and primary.location["precision"] == "country"
    assert primary.location["span"]["text"] == "Kwari Dutse"
    assert next(e for e in _events_from(text) if e.primary).location is None


def test_a_main_event_with_no_place_takes_the_one_country_the_article_names():
    # rule (event_city.country_location): only a demonym names a place; its country, never a town
    primary = next(e for e in _events_from(
        "On 3 May, Korean union members held a press conference in front of the Labour Ministry branch office.")
        if e.primary)
    assert primary.location["country_code"] == "KR" and primary.location["feature"] == "country"


def test_an_actor_is_named_by_words() -> None:
    # header and URL lines give stray symbols and letters; a span across a line break is a
    # parse artefact: neither names an actor
    from eventwire.analyze.event_actors import plausible_name

    assert not plausible_name("_") and not plausible_name("N") and not plausible_name("11 PM\nChargers")
    assert plausible_name("US") and plausible_name("Vincent Jackson") and plausible_name("the gunmen")


def test_a_multiword_event_noun_is_not_its_own_perpetrator():
    # "a drone strike ... killed": the strike (an event) is no actor; its nationality is
    (ev,) = of_type(events_of("A Russian drone strike on a market killed nine people on Thursday."), "attack")
    names = {(a.role, a.canonical or a.name) for a in ev.actors}
    assert ("perpetrator", "Russia") in names
    assert not any("strike" in a.name for a in ev.actors)


def test_a_later_toll_joins_the_event_it_counts():
    # "the toll rose ... after two of the wounded died" on a later day is the same attack
    evs = events_of("A bomber killed 12 people at a mosque in Peshawar on Friday. "
                    "The death toll rose to 14 on Saturday after two of the wounded died in hospital.",
                    published="2024-03-17")
    attacks = of_type(evs, "attack")
    assert len(attacks) == 1 and attacks[0].figures["killed"]["value"] == 14


def test_a_bomb_is_no_suicide_bombing_unless_the_text_says_so():
    (ev,) = of_type(events_of("Three people died when a car bomb exploded near a market in Mogadishu on Tuesday."),
                    "attack")
    assert ev.subtype != "suicide_bomb"
    (ev,) = of_type(events_of("A suicide bomber blew himself up at a checkpoint in Kabul on Tuesday, killing four."),
                    "attack")
    assert ev.subtype == "suicide_bomb"


def test_a_headline_clause_before_a_comma_is_a_main_clause():
    # "Strike kills 9, Kyiv blames Moscow": the parser hangs the first clause under the
    # second, but both are main clauses; the attack, written first, is the primary event,
    # and an attack noun whose verb only gives its toll is as deep as that verb
    for headline in ("Air strike on Aleppo hospital kills 9, Syria blames Turkey",
                     "Rocket attack on Kyiv kills 3, Ukraine blames Russia"):
        evs = events_of(headline + "\n\nThe attack killed people on Thursday, the mayor said.")
        assert [e.type for e in evs if e.primary] == ["attack"], headline
    evs = events_of("Nine dead in market bombing, police say")
    assert [e.type for e in evs if e.primary] == ["attack"]


def test_a_nationality_on_a_compound_attack_noun_is_its_perpetrator():
    # "a Russian drone strike": "Russian" modifies "drone", part of the event noun
    evs = events_of("A Russian drone strike on a market killed nine people on Thursday.")
    attack = of_type(evs, "attack")[0]
    assert [a.canonical for a in attack.actors if a.role == "perpetrator"] == ["Russia"]


def test_a_planned_or_plotted_attack_did_not_happen():
    evs = events_of("Police arrested two men suspected of planning an arson attack on an office.")
    assert [e.mode for e in of_type(evs, "attack")] == ["hypothetical"]
    assert [e.type for e in evs if e.primary] == ["arrest"]
    evs = events_of("Two men were arrested for plotting a bomb attack on a synagogue.")
    assert all(e.mode == "hypothetical" for e in of_type(evs, "attack"))


def test_nobody_claiming_is_no_claim():
    # a negative subject ("no group", "no one", "nobody") negates the act
    evs = events_of("Gunmen abducted 15 students from a school on Sunday. No group has claimed responsibility for the abduction.")
    claim = of_type(evs, "claim_responsibility")[0]
    assert claim.mode == "denied" and not claim.primary
    assert evs[claim.about].type == "attack"  # the abduction named in its own clause


def test_a_dateline_is_no_actor_and_a_relative_pronoun_of_an_attack_is_no_perpetrator():
    evs = events_of("PESHAWAR, Pakistan (Reuters) - A militant group claimed responsibility on Monday for a "
                    "bombing at a rally in northwest Pakistan that killed at least 54 people.")
    names = {a.canonical or a.name for e in evs for a in e.actors}
    assert not names & {"Peshawar", "PESHAWAR", "a rally", "bombing"}


def test_a_rally_where_a_bombing_happened_is_no_protest():
    evs = events_of("A suicide bombing at a political rally in northwest Pakistan killed 54 people on Sunday.")
    assert of_type(evs, "attack") and not of_type(evs, "protest")


def test_last_months_event_of_the_same_kind_is_another_event():
    evs = events_of("Gunmen abducted 15 students from a school in Kaduna early on Sunday, police said.\n\n"
                    "Last month, 39 students were abducted from a college in the same state.", "2024-07-08")
    primary = [e for e in evs if e.primary][0]
    assert primary.figures["kidnapped"]["value"] == 15


def test_a_class_of_past_attacks_is_background():
    evs = events_of("The group, which has carried out many attacks in the region, denied any role.")
    assert all(e.mode != "asserted" for e in of_type(evs, "attack"))
    evs = events_of("Similar demonstrations took place in the western city of Kisumu on Monday.")
    assert [e.mode for e in of_type(evs, "protest")] == ["asserted"]


def test_firing_tear_gas_at_a_protest_is_an_intervention_not_an_attack():
    evs = events_of("Police fired tear gas and water cannon on Monday at thousands of demonstrators "
                    "who marched through the capital to protest fuel prices.")
    assert not of_type(evs, "attack")
    protest = [e for e in evs if e.primary][0]
    assert protest.subtype == "protest_with_intervention" and protest.date is not None


def test_a_vowed_rally_has_not_happened():
    evs = events_of("The opposition leader vowed to hold further rallies on Thursday.")
    assert all(e.mode == "hypothetical" for e in of_type(evs, "protest"))


def test_a_quake_that_kills_is_the_disaster_not_an_attack():
    evs = events_of("A powerful earthquake and strong aftershocks killed more than 2,000 people and "
                    "injured over 9,000 in western Afghanistan on Saturday.")
    assert not of_type(evs, "attack")
    quake = of_type(evs, "natural_disaster")[0]
    assert quake.figures["killed"]["value"] == 2000 and quake.figures["injured"]["value"] == 9000
    assert not [a for a in quake.actors if a.role == "perpetrator"]


def test_a_call_for_a_ceasefire_is_no_ceasefire():
    evs = events_of("Egypt and Qatar called for an immediate ceasefire in Gaza.")
    assert all(e.mode == "hypothetical" for e in evs if e.type == "strategic_development")


def test_killed_militants_are_victims_not_perpetrators():
    evs = events_of("An air strike on the camp killed at least 15 militants on Monday.")
    roles = {(a.role, a.name) for e in of_type(evs, "attack") for a in e.actors}
    assert ("victim", "at least 15 militants") in roles
    assert not any(r == "perpetrator" and "militants" in n for r, n in roles)


def test_it_in_a_denial_is_the_previous_sentences_subject():
    evs = events_of("The army said it had struck 130 targets. It denied that its strikes had hit civilians.")
    denial = of_type(evs, "denial")[0]
    assert [a.name for a in denial.actors if a.role == "denier"] == ["The army"]


def test_one_actor_named_twice_is_listed_once_by_its_fuller_name():
    evs = events_of("Soldiers arrested former prime minister Soumeylou Maiga on Thursday. Maiga was detained at his home.")
    arrest = of_type(evs, "arrest")[0]
    arrested = [a.name for a in arrest.actors if a.role == "arrested"]
    assert arrested == ["Soumeylou Maiga"]  # not also "Maiga"


def test_a_headline_without_were_keeps_the_counted_people_victims():
    # "Four teens shot outside school": the headline drops "were"; the teens were shot
    for text in ("Four teens shot outside school gym, one fatally\n\nPolice are looking for two men.",
                 "Teen shot near city park\n\nPolice are looking for two men.",
                 "Three men killed in Dayton shooting\n\nPolice are looking for a suspect."):
        ev = of_type(events_of(text), "attack", "shooting")[0]
        roles = {a.role for a in ev.actors if a.name.split()[-1].lower() in ("teen", "teens", "men")}
        assert roles == {"victim"}, ev.actors
    # with an object the subject is still the shooter
    ev = of_type(events_of("Two gunmen shot three men outside a bar."), "attack", "shooting")[0]
    assert {(a.role, a.name) for a in ev.actors} >= {("perpetrator", "Two gunmen"), ("victim", "three men")}


def test_one_phrase_giving_the_hit_and_the_dead_is_not_split_twice():
    # "Four teenagers, one fatally, were shot": one killed and three injured, not two
    ev = of_type(events_of("Four teenagers, one fatally, were shot Friday night outside a gym in Memphis."),
                 "attack", "shooting")[0]
    assert ev.figures["killed"]["value"] == 1 and ev.figures["injured"]["value"] == 3


def test_two_parties_denials_stay_apart_and_the_accused_denies_the_accusation():
    text = ("Government forces recaptured the town of Rubaya on Saturday, the army said.\n\n"
            "Rebel spokesman Lawrence Kanyuka denied the town had fallen.\n\n"
            "Rwanda, which Congo accuses of backing the rebels, has denied supporting the group.")
    evs = events_of(text)
    denials = of_type(evs, "denial")
    assert len(denials) == 2, [(e.actors, e.about) for e in denials]
    rwanda = next(d for d in denials if any("Rwanda" in a.name for a in d.actors))
    assert evs[rwanda.about].type == "accusation"


def test_a_hyphenated_adjective_is_no_trigger():
    # "non-life-threatening injuries" is no threat
    evs = events_of("Two men were shot on Main Street. Both were treated for non-life-threatening injuries.")
    assert not of_type(evs, "threat")


def test_a_real_killing_does_not_fold_into_a_planned_attack_of_its_sentence():
    text = ("The embassy warned on Friday that militants could be planning attacks on hotels, "
            "days after fighters killed two police officers near the border.")
    evs = events_of(text)
    killed = [e for e in evs if e.figures.get("killed", {}).get("value") == 2]
    assert killed and all(e.mode != "hypothetical" for e in killed)
    assert any(e.mode == "hypothetical" for e in of_type(evs, "attack", "battle"))


def test_a_hyphenated_holder_of_the_place_is_no_perpetrator():
    # "a rebel-held town": the rebels hold the town, they did not attack it
    ev = of_type(events_of("A chlorine gas attack on a rebel-held town in Idlib province left dozens ill."),
                 "attack")[0]
    assert not [a for a in ev.actors if a.role == "perpetrator"], ev.actors


def test_a_weapon_is_no_actor_and_a_country_region_holds_its_districts_attack():
    # "detonated his explosives": the explosives are no victim; "a rally in northwest Pakistan"
    # and "in the Bajaur district" are one bombing, not two
    text = ("A suicide bombing at a political rally in northwest Pakistan killed at least 54 people on "
            "Sunday, police said.\n\nThe bomber detonated his explosives on Sunday among supporters in "
            "the Bajaur district. More than 200 people were wounded.")
    attacks = of_type(events_of(text), "attack")
    assert len(attacks) == 1, [(e.subtype, e.location) for e in attacks]
    assert not any("explosives" in a.name for a in attacks[0].actors)
    assert attacks[0].figures["killed"]["value"] == 54
