"""The project taxonomy and its mapping tables (data/taxonomy)."""

from __future__ import annotations

from eventwire import taxonomy

ACLED_SUB_EVENTS = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Violence against civilians": {"Attack", "Sexual violence", "Abduction/forced disappearance"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}


def test_every_acled_sub_event_type_is_mapped_with_acleds_own_labels():
    got: dict[str, set[str]] = {}
    for et, sub in taxonomy.acled_labels():
        got.setdefault(et, set()).add(sub)
    assert got == ACLED_SUB_EVENTS
    assert sum(len(v) for v in got.values()) == 25


def test_types_outside_acled_map_to_null():
    for t in ("claim_responsibility", "accusation", "denial", "warning", "threat", "media_release",
              "natural_disaster", "man_made_disaster", "diplomatic", "organised_crime", "shooting"):
        assert t in taxonomy.types()
        assert taxonomy.acled_for(t, None) is None


def test_weapon_decides_before_target():
    """A bomb is Explosions/Remote violence; a gunman on civilians is VAC/Attack."""
    assert taxonomy.acled_for("attack", "remote_explosive_landmine_ied") == {
        "event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED"}
    assert taxonomy.acled_for("attack", "armed_assault", [{"role": "victim", "kind": "person"}]) == {
        "event_type": "Violence against civilians", "sub_event_type": "Attack"}


def test_armed_assault_on_armed_actors_is_a_battle():
    acled = taxonomy.acled_for("attack", "armed_assault", [{"role": "target", "kind": "military"}])
    assert acled == {"event_type": "Battles", "sub_event_type": "Armed clash"}


def test_other_mappings_and_families():
    assert taxonomy.plover_for("protest", "peaceful_protest") == {"type": "PROTEST", "mode": "demo"}
    assert taxonomy.case2021_for("attack", "suicide_bomb") == "SUICIDE_BOMB"
    assert taxonomy.case2021_for("natural_disaster") == "NATURAL_DISASTER"
    assert taxonomy.cameo_for("battle", "armed_clash") == "19"
    assert taxonomy.gtd_for("attack", "abduction_forced_disappearance") == "Hostage Taking (Kidnapping)"
    assert taxonomy.family("shooting") == taxonomy.family("attack") == "violence"
    assert taxonomy.family("denial") == "attribution"
    assert taxonomy.type_of("air_drone_strike") == "attack"
    assert set(taxonomy.subtypes("shooting")) == {"accidental", "self_inflicted", "police", "unspecified"}
    assert taxonomy.from_acled("Riots", "Mob violence") == ("riot", "mob_violence")
