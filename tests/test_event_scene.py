"""Which places can be an event's scene: not the outlet in the headline, not a hospital or the
town it is in, not a person's home town while another place is named (hand-written cases)."""

from __future__ import annotations

from eventwire.analyze.event_link import city_of
from eventwire.analyze.event_scene import (
    elsewhere,
    institution,
    junk,
    landmark,
    outlet_spans,
    residence,
)
from eventwire.model import Article, Place, Record
from eventwire.pipeline import analyze_items


def _rec(text: str, title: str | None = None) -> Record:
    return Record(article=Article(id="t", text=text, title=title, language="en"))


def _place(text: str, name: str, feature: str = "city", **kw) -> Place:
    at = text.index(name)
    return Place(name, at, at + len(name), name=kw.pop("gname", name), feature=feature, **kw)


def primary_location(text: str, title: str | None = None) -> dict:
    rec = next(iter(analyze_items([Article(id="t", text=text, title=title, language="en")], clean=False)))
    ev = next(e for e in rec.events if e.primary)
    return ev.location or {}


def test_the_outlet_after_the_headline_is_not_the_story():
    title = "Man shot outside a bar in Elm Grove | KXYZ News Channel 5 - Springfield, Weather"
    spans = outlet_spans(_rec(title + "\n\nA man was shot.", title))
    tail = title.index("KXYZ")
    assert spans and all(s >= tail for s, _ in spans)
    assert any(s <= title.index("Springfield") < e for s, e in spans)
    assert not any(s <= title.index("Elm Grove") < e for s, e in spans)


def test_a_title_case_headline_with_news_words_keeps_its_first_segment():
    title = "Man Shot At His Dayton Home - Daily Record"
    spans = outlet_spans(_rec(title + "\n\nBody.", title))
    assert spans and spans[0][0] > title.index("Dayton")
    assert outlet_spans(_rec("Body only.", "A title not in the text")) == []


def test_a_lower_case_word_or_call_letters_are_no_place():
    text = "ST. LOUIS (KTVI) - He was shot in a north city neighborhood near the mosques."
    assert junk(_place(text, "KTVI", "admin1", gname="Katavi"), text)
    assert junk(_place(text, "north", "admin1", gname="North Province"), text)
    assert junk(_place(text, "mosques", "venue"), text)
    assert not junk(_place(text, "ST. LOUIS", gname="St. Louis"), text)


def test_the_hospital_and_its_town_are_where_the_victim_was_taken():
    text = ("He was shot in Marion and taken to LSU Medical Center in Shreveport, then airlifted to "
            "Dallas; a Tyler County hospital treated his friend.")
    assert elsewhere(_place(text, "LSU Medical Center", "venue"), text)
    assert elsewhere(_place(text, "Shreveport"), text)
    assert elsewhere(_place(text, "Dallas"), text)
    assert elsewhere(_place(text, "Tyler County", "county"), text)
    assert not elsewhere(_place(text, "Marion"), text)


def test_a_home_town_is_a_residence():
    text = ("A Benton Harbor man shot David Krieger, 53, also of Benton Harbor, and Sam Lee, 30, of Niles, "
            "in the City of Hamilton; a worker who lives in Dayton saw it.")
    assert residence(_place(text, "Benton Harbor"), text)
    at = text.index("Benton Harbor", 10)
    assert residence(Place("Benton Harbor", at, at + 13, name="Benton Harbor", feature="city"), text)
    assert residence(_place(text, "Niles"), text)
    assert residence(_place(text, "Dayton"), text)
    assert not residence(_place(text, "Hamilton"), text)
    raid = "Militiamen rustled cattle from Nasko and a man from Gusau."
    assert not residence(_place(raid, "Nasko"), raid)
    assert residence(_place(raid, "Gusau"), raid)


def test_the_state_of_a_home_town_is_part_of_the_home():
    # rule: "of Miami, Florida": the state qualifying a person's home town is no scene either;
    # a state on its own or after a town that is no home stays a possible scene
    text = "Smith was charged in the death of Ann Lee, 21, of Miami, Florida. It happened in Salem, Massachusetts."
    assert residence(_place(text, "Florida", "admin1"), text)
    assert not residence(_place(text, "Massachusetts", "admin1"), text)
    text = "A Miami, Florida, man was shot in Texas."
    assert residence(_place(text, "Florida", "admin1"), text)
    assert not residence(_place(text, "Texas", "admin1"), text)


def test_the_scene_beats_the_home_town_of_the_victim():
    loc = primary_location("A Springfield man was shot and killed Friday night outside a bar in Peoria, "
                           "police said.")
    assert loc.get("name") == "Peoria"


def test_the_dateline_beats_a_home_town_only_in_the_lead():
    loc = primary_location("PEORIA, Ill. (AP) - A Springfield man was shot and killed Friday night, "
                           "police said.")
    assert loc.get("name") == "Peoria"


def test_a_home_town_is_the_place_when_nothing_else_is_named():
    loc = primary_location("A Chicago man was shot and killed Friday night, police said.")
    assert loc.get("name") == "Chicago"


def test_a_town_with_its_own_police_is_not_a_quarter_of_the_big_city():
    text = "A man was shot in Inglewood near Los Angeles on Tuesday. Inglewood police are investigating."
    town = _place(text, "Inglewood", lat=33.96, lon=-118.35, population=111_000, country_code="US")
    big = _place(text, "Los Angeles", lat=34.05, lon=-118.24, population=3_800_000, country_code="US")
    assert city_of(town, [town, big], None, None, text=text) is town
    quiet = text.replace("Inglewood police", "Detectives")
    assert city_of(town, [town, big], None, None, text=quiet) is big


def test_a_compass_side_of_a_city_is_no_town():
    text = "He was shot on the city's West Side and on the North Side."
    assert junk(_place(text, "West Side", gname="West Newton"), text)
    assert junk(_place(text, "North Side", gname="Oildale"), text)


def test_a_street_is_in_the_town_another_mention_of_the_event_names():
    loc = primary_location("CHICAGO (AP) - A man was shot to death Sunday afternoon in south suburban Dolton. "
                           "He was shot multiple times in the 14400 block of Ellis Avenue, the medical "
                           "examiner said.")
    assert loc.get("name") == "Dolton" or (loc.get("city") or {}).get("name") == "Dolton"


def test_a_quarter_of_the_city_follows_wherever_the_article_names_it():
    rec = next(iter(analyze_items([Article(id="t", language="en", text=(
        "Man critical after Kensington shooting\n\nPhiladelphia police are investigating a shooting "
        "that left a man in critical condition in the city's Kensington section."))], clean=False)))
    ks = [p for p in rec.places if p.text == "Kensington"]
    assert ks and all(p.admin1 == "Pennsylvania" for p in ks)


def test_the_town_of_an_unnamed_hospital_is_where_the_victim_was_treated():
    # rule: "went to a hospital in Erie" names where he was treated, not where he was shot
    text = "Cleveland police said he went to a hospital in Erie to get treatment for a gunshot wound."
    assert elsewhere(_place(text, "Erie"), text)
    assert not elsewhere(_place(text, "Cleveland"), text)


def test_a_town_named_as_a_force_loses_to_the_town_of_the_scene():
    # rule: "San Diego sheriff's detectives" names the agency; "a range in Poway" the scene
    text = ("San Diego sheriff's detectives were investigating an accidental shooting Wednesday at "
            "a shooting range in Poway.")
    assert primary_location(text).get("name") == "Poway"


def test_the_area_whose_line_the_scene_is_on_is_the_neighbour():
    text = ("Madison County deputies said he was shot at the bridge on the Elbert County line, "
            "near the Georgia state line.")
    assert elsewhere(_place(text, "Elbert County", "county"), text)
    assert elsewhere(_place(text, "Georgia", "admin1"), text)
    assert not elsewhere(_place(text, "Madison County", "county"), text)


def test_a_town_a_drive_away_is_a_landmark_not_the_scene():
    text = ("He was shot in Catawba County, about an hour northwest of Charlotte, and 30 minutes from "
            "Hickory; another shooting south of Heavener, one 20 km north of Yombio, one a few miles "
            "outside Dayton, one just outside Tulsa and one outside Walmart.")
    for town in ("Charlotte", "Hickory", "Heavener", "Yombio", "Dayton", "Tulsa"):
        assert landmark(_place(text, town), text), town
        assert not elsewhere(_place(text, town), text), town  # the fallback when nothing else is named
    assert not landmark(_place(text, "Catawba County", "county"), text)
    assert not landmark(_place(text, "Walmart", "venue"), text)  # outside a store is at it


def test_the_north_of_a_town_is_inside_it():
    text = "Clashes in the north of Aleppo and in northern Homs."
    assert not landmark(_place(text, "Aleppo"), text)


def test_the_town_named_beside_a_landmark_is_the_scene():
    loc = primary_location("A 16-year-old boy was killed in a shooting Saturday in Amelia, about 20 miles "
                           "east of Cincinnati. Police are looking for two suspects.")
    assert loc.get("name") == "Amelia" and loc.get("precision") == "city"
    loc = primary_location("One man died after a shooting Friday in Trotwood, a few miles west of Dayton. "
                           "No arrests have been made.", title="Shooting leaves one dead near Dayton")
    assert loc.get("name") == "Trotwood"


def test_a_landmark_alone_is_the_fallback_at_lower_precision():
    loc = primary_location("A sheriff's deputy was shot during a traffic stop Friday night about 30 miles "
                           "south of Columbus. The deputy is expected to survive.")
    assert loc.get("name") == "Columbus" and loc.get("precision") == "near"


def test_a_landmark_beats_a_home_town():
    loc = primary_location("A 17-year-old of Wister was charged with murder in a shooting south of Heavener. "
                           "The teen is held at a juvenile center.")
    assert loc.get("name") == "Heavener" and loc.get("precision") == "near"


def test_a_venue_in_a_county_lies_in_that_county_when_no_town_is_named():
    text = "A suspect was shot after a chase on Interstate 75 in Cobb County. WXYZ Rochester reported."
    road = _place(text, "Interstate 75", "venue", country_code="US")
    county = _place(text, "Cobb County", "county", country_code="US", admin1="Georgia")
    far = _place(text, "Rochester", country_code="US", admin1="New York", lat=43.15, lon=-77.61)
    got = city_of(road, [road, county], (0, 66), far, text=text)
    assert got is not None and got.name == "Cobb County"


def test_where_something_was_said_is_not_where_it_happened():
    text = ("Fourteen soldiers were killed in the clashes, a spokesman told reporters in Goma. "
            "The minister spoke at a news conference in Geneva.")
    assert elsewhere(_place(text, "Goma"), text)
    assert elsewhere(_place(text, "Geneva"), text)
    fought = "Fourteen soldiers were killed in the clashes in Goma, a spokesman said."
    assert not elsewhere(_place(fought, "Goma"), fought)


def test_the_names_qualifying_a_landmark_are_part_of_it():
    # rule: "outside Ilopango, San Salvador" / "north of Yombio (Dungu, Haut-Uele)": the names
    # after a landmark say where the landmark is; they are no scene of their own
    from eventwire.analyze.event_scene import of_landmark

    text = "Checkpoints outside Ilopango, San Salvador; looting north of Yombio (Dungu, Haut-Uele)."
    assert of_landmark(_place(text, "San Salvador", "admin1"), text)
    assert of_landmark(_place(text, "Dungu"), text) and of_landmark(_place(text, "Haut-Uele", "admin1"), text)
    text = "A man was shot 20 miles north of Cincinnati, in Mason, on Friday."
    assert not of_landmark(_place(text, "Mason"), text)


def test_a_landmark_town_is_finer_than_a_province_in_its_sentence():
    loc = primary_location("On 16 March 2022, gunmen attacked a checkpoint 20 kilometers south of Mosul "
                           "in Nineveh province.")
    assert loc.get("name") == "Mosul" and loc.get("precision") == "near"


def test_a_prison_or_a_dispatch_centre_is_no_scene():
    # rule: where the suspect is held ("held in X Parish Prison") and the centre that took the
    # 911 call are later steps of the story, like a jail or a hospital
    text = "The Dispatch Center received a 911 call. He is being held in Elm Parish Prison on bond."
    assert institution(_place(text, "Dispatch Center", "venue"))
    assert institution(_place(text, "Elm Parish Prison", "venue"))
    assert not institution(_place(text, "Elm Parish", "county"))


def test_a_former_officers_force_is_no_scene():
    # rule: "a retired Newburgh police officer" names a career, like a home town
    text = "A retired Newburgh police officer killed his children at a home in Wallkill."
    assert residence(_place(text, "Newburgh"), text)
    text = "Newburgh police officers found the man in a car."
    assert not residence(_place(text, "Newburgh"), text)


def test_a_county_beats_its_state_in_a_tie_for_the_storys_place():
    # rule: of places named equally often, the finer wins: a town, then a county, then a state
    from eventwire.analyze.event_link import dominant

    text = "A Georgia teen died. Madison County deputies said the boy was fishing."
    state = _place(text, "Georgia", "admin1", country_code="US", admin1="Georgia")
    county = _place(text, "Madison County", "county", country_code="US", admin1="Georgia")
    assert dominant([state, county]) is county
    town = _place(text, "Madison", country_code="US", admin1="Georgia")
    assert dominant([state, county, town]).feature == "city"
