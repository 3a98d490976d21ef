"""place_venues.main_city: the town a venue with no town of its own lies in."""

from __future__ import annotations

from eventwire.analyze.gazetteer import Candidate, gazetteer
from eventwire.analyze.place_mentions import Mention
from eventwire.analyze.place_venues import main_city, venue_city


def town(name: str, cc: str) -> Candidate:
    return next(c for c in gazetteer().lookup(name) if c.feature == "city" and c.country_code == cc)


def mention(start: int, c: Candidate, role: str = "location", kind: str = "toponym") -> Mention:
    return Mention(start, start + len(c.name), c.name, kind, role=role, cand=c)


def test_a_lone_small_town_abroad_is_not_the_main_city() -> None:
    # a misread small foreign town comes first, but only the US towns share a country
    side, chicago, ridge = town("Side", "TR"), town("Chicago", "US"), town("Park Ridge", "US")
    ms = [mention(0, side), mention(50, chicago), mention(120, ridge)]
    assert main_city(ms) == chicago


def test_the_town_among_the_articles_other_towns_wins_a_tie() -> None:
    # Charleston (S.C.) is first but far from the Virginia towns named after it
    ms = [mention(0, town("Charleston", "US")), mention(40, town("Vienna", "US")),
          mention(60, town("Fairfax", "US")), mention(90, town("Gainesville", "US"))]
    assert main_city(ms).country_code == "US" and main_city(ms).admin1 == "Virginia"


def test_a_town_named_inside_an_outlet_name_is_the_fallback() -> None:
    # the only town named as a place is a lone small one abroad; the venue is in the town the
    # outlet's name carries, whose state the story names
    dub, orleans = town("Dubreuil", "MU"), town("New Orleans", "US")
    louisiana = next(c for c in gazetteer().lookup("Louisiana") if c.feature == "admin1")
    ms = [Mention(0, 9, "Louisiana", "toponym", role="embedded", cand=louisiana),
          mention(30, dub), mention(60, orleans, role="embedded"),
          Mention(200, 213, "Desire Street", "venue")]
    assert venue_city(ms, 3) == orleans


def test_a_venue_in_a_story_set_in_a_quarter_takes_no_outlet_town() -> None:
    orleans = town("New Orleans", "US")
    quarter = Candidate("Uptown", None, orleans.lat, orleans.lon, "US", orleans.admin1, "neighbourhood", 0)
    ms = [Mention(0, 6, "Uptown", "toponym", cand=quarter), mention(60, orleans, role="embedded"),
          Mention(200, 213, "Desire Street", "venue")]
    assert venue_city(ms, 2) is None


def test_the_town_a_village_of_names_is_the_venues_town() -> None:
    ms = [mention(0, town("Flint", "US")), mention(40, town("Detroit", "US")),
          mention(60, town("Detroit", "US")), Mention(100, 113, "City of Flint", "venue")]
    assert venue_city(ms, 3).name == "Flint"



def test_a_local_institution_is_in_the_nearby_town_it_is_named_after() -> None:
    from eventwire.analyze.event_city import named_after
    from eventwire.model import Place
    # placed at the article's town (Cleveland); Medina, Ohio lies ~45 km away
    school = Place("Medina High School", 0, 18, name="Medina High School", lat=41.4993, lon=-81.6944,
                   country_code="US", admin1="Ohio", feature="venue")
    own = named_after(school)
    assert own is not None and own.name == "Medina" and own.admin1 == "Ohio"
    # Lincoln, Nebraska is too far from Omaha for Omaha's "Lincoln High School"
    omaha = Place("Lincoln High School", 0, 19, name="Lincoln High School", lat=41.2565, lon=-95.9345,
                  country_code="US", admin1="Nebraska", feature="venue")
    assert named_after(omaha) is None


def test_many_venues_do_not_recompute_town_distances(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # a long page with many venues asks for the main city once per venue: the pairwise
    # town distances are computed once per town set, not once per venue (quadratic blow-up)
    from eventwire.analyze import place_venues

    calls = []
    real = place_venues.distance_km
    monkeypatch.setattr(place_venues, "distance_km", lambda *a: calls.append(1) or real(*a))
    names = ["Vienna", "Fairfax", "Gainesville", "Charleston", "Richmond", "Norfolk"]
    ms = [mention(i * 40, town(n, "US")) for i, n in enumerate(names)]
    ms += [Mention(1000 + 30 * i, 1010 + 30 * i, f"Hall {i}", "venue") for i in range(50)]
    found = {venue_city(ms, i).admin1 for i in range(len(names), len(ms))}
    assert found == {"Virginia"}
    assert len(calls) <= len(names) ** 2


def test_a_venue_is_in_the_next_town_only_across_a_comma_or_a_preposition() -> None:
    # rule: "X University forecasts ... The Atlantic ..." does not put the university in the
    # Atlantic; "X Hall in Y" does
    from test_place_cues import run

    got = run("Colorado State University forecasts a busy season. The Atlantic season starts in June.")
    v = next(p for p in got if p.text == "Colorado State University")
    assert v.country_code == "US"
    got = run("The concert is at the Royal Albert Hall in London tonight.")
    v = next(p for p in got if p.feature == "venue")
    assert v.country_code == "GB"


def test_a_venue_named_after_a_town_of_two_words_lies_there() -> None:
    # rule: "Kendale Lakes Elementary School" starts with a town's two-word name, so its word
    # "Lakes" is not South Sudan's Lakes state; an elementary school or a hospital is a local
    # institution named after its town
    from test_place_cues import run

    got = run("He was arrested at Kendale Lakes Elementary School on Thursday.")
    v = next(p for p in got if p.feature == "venue")
    assert v.country_code == "US"
    got = run("The cyclist was taken to Colchester General Hospital for further care.")
    v = next(p for p in got if p.feature == "venue")
    assert v.country_code == "GB"


def test_a_day_of_the_week_is_no_town() -> None:
    # rule: "(Thursday, April 5)" is a date, not the town Thursday Island with its qualifier
    from test_place_cues import run

    got = run("The crash happened today (Thursday, April 5) near the junction.")
    assert not any(p.text == "Thursday" for p in got)


def test_a_street_named_after_a_state_is_not_in_that_state() -> None:
    # rule: "Washington Road" may lie in any state: its words name no state for the venue
    from test_place_cues import run

    got = run("Deputies responded to a shooting on Washington Road on Sunday.")
    v = next((p for p in got if p.text == "Washington Road"), None)
    assert v is None or v.admin1 != "Washington"
