"""Event dates: each test states one rule on a small hand-written article."""

from __future__ import annotations

from functools import lru_cache

from eventwire.analyze import analyze
from eventwire.model import Article, EventMention, Record


@lru_cache(maxsize=64)
def events_of(text: str, published: str | None = "2024-03-27") -> tuple[EventMention, ...]:
    rec = analyze(Record(article=Article(id="t", text=text, published=published, language="en")))
    return tuple(rec.events)


def primary_date(text: str, published: str | None = "2024-03-27") -> str | None:
    evs = events_of(text, published)
    p = [e for e in evs if e.primary]
    return p[0].date["value"] if p and p[0].date else None


def test_a_coarse_date_gives_way_to_a_day_inside_it():
    # "last weekend" is 2024-W12-WE; "Saturday" (2024-03-23) lies inside it and says more
    text = ("A 9-year-old boy was shot and killed last weekend, police said.\n\n"
            "Deputies were called to the home at 12:30 p.m. on Saturday.")
    assert primary_date(text) == "2024-03-23"


def test_a_day_outside_the_coarse_period_does_not_refine_it():
    text = ("A 9-year-old boy was shot and killed last weekend, police said.\n\n"
            "His uncle was arrested on Tuesday.")
    assert primary_date(text) in ("2024-W12", None)


def test_a_later_step_of_the_case_does_not_date_the_shooting():
    # "charged Thursday in the shooting" dates the charge; the shooting was early Wednesday
    text = ("A man was charged Tuesday in the accidental shooting death of his brother.\n\n"
            "The brother was shot around 1:50 a.m. Monday at their home.")
    assert primary_date(text) == "2024-03-25"


def test_a_clause_of_time_shares_the_main_clause_date():
    # "when shots were fired" happened while the family "was driving ... Sunday"
    text = ("A 3-year-old girl died.\n\n"
            "The family was driving about 8:26 p.m. Sunday in the 1100 block of Main Street when shots "
            "were fired from a dark sedan, officers said.")
    assert primary_date(text) == "2024-03-24"


def test_a_time_after_the_reported_clause_is_not_the_statement_date():
    # "says [the shooting happened ...] Friday": even hung on "says", Friday dates the shooting
    evs = events_of("The sheriff says the shooting happened at the home on Main Road around 5:30 p.m. Friday.")
    shot = [e for e in evs if e.type in ("attack", "shooting")]
    assert shot and shot[0].date is not None and shot[0].date["value"] == "2024-03-22"


def test_a_statement_at_the_end_still_dates_only_the_statement():
    evs = events_of("A boy shot his brother to death during an argument, a sheriff said Thursday.", "2024-03-29")
    shot = [e for e in evs if e.type in ("attack", "shooting")]
    assert shot and all(e.date is None or e.date["value"] != "2024-03-28" for e in shot)


def test_the_charge_date_alone_does_not_date_the_shooting():
    evs = events_of("A man was charged Tuesday in the accidental shooting death of his younger brother.")
    shot = [e for e in evs if e.type in ("attack", "shooting")]
    assert shot and all(e.date is None for e in shot)


def test_the_first_response_dates_the_incident_it_answers():
    # "responded ... Thursday to a call of shots fired": the shots were fired then
    evs = events_of("Police responded around 11 p.m. Thursday to a call of shots fired at a hotel on Main Street.",
                    "2024-03-29")
    shot = [e for e in evs if e.type in ("attack", "shooting")]
    assert shot and shot[0].date is not None and shot[0].date["value"] == "2024-03-28"


def test_a_time_right_after_a_subject_clause_is_that_clauses():
    # the parser hangs "Wednesday night" on "was identified"; it ends "who shot ... neighborhood"
    evs = events_of("The officer who shot and killed a 13-year-old boy in the east side neighborhood Wednesday "
                    "night was identified as a 9-year veteran of the department.", "2024-03-28")
    shot = [e for e in evs if e.type in ("attack", "shooting")]
    assert shot and shot[0].date is not None and shot[0].date["value"] == "2024-03-27"


def test_a_fronted_date_frames_every_event_of_the_sentence():
    # the date opens the sentence: it dates the rally, not the earlier ruling it follows
    evs = events_of("On 25 June 2022, about 40 people gathered in the town square to rally against "
                    "the court's 24 June 2022 ruling.", None)
    rally = [e for e in evs if e.type == "protest"]
    assert rally and rally[0].date is not None and rally[0].date["value"] == "2022-06-25"


def test_a_fronted_date_of_a_later_step_does_not_date_the_event():
    evs = events_of("On Tuesday, a man was charged in the shooting of his neighbor.")
    shot = [e for e in evs if e.type in ("attack", "shooting")]
    assert shot and all(e.date is None for e in shot)


def test_a_bare_clock_time_does_not_stop_the_lead_from_dating_the_event():
    # "1 a.m." is read on the report day; "Thursday morning" in the lead names the day
    text = ("A man shot his former teammate dead, police said.\n\n"
            "Officers found the victim Thursday morning behind a gas station.\n\n"
            "The gunman fired at 1 a.m., a witness said.")
    evs = events_of(text, "2024-03-29")
    p = [e for e in evs if e.primary]
    assert p and p[0].date is not None and p[0].date["value"] == "2024-03-28"


def test_a_labelled_note_and_an_aside_keep_the_opening_date():
    # ACLED-style notes: a "Label:" before the date, "(as reported)" after it
    evs = events_of("Looting: On 12 February 2022, militants seized mobile phones from women in a village.", None)
    assert any(e.date and e.date["value"] == "2022-02-12" for e in evs if e.primary)
    evs = events_of("Around 23 February 2022 (as reported), in a small town, a man was killed by gunmen.", None)
    assert any(e.date and e.date["value"] == "2022-02-23" for e in evs if e.primary)


def test_a_date_after_the_subject_is_not_an_opening_frame():
    # "Police on Monday identified ...": the identification's date, not the shooting's
    evs = events_of("Police on Monday identified the suspect in the shooting of four men.", "2024-03-26")
    shot = [e for e in evs if e.type in ("attack", "shooting")]
    assert shot and all(e.date is None or e.date["value"] != "2024-03-25" for e in shot)


def test_the_leads_day_beats_a_day_only_found_far_below():
    # the lead dates the shooting; a paragraph far below recalls an earlier shooting
    filler = " ".join(["Neighbors described the family as quiet and friendly."] * 12)
    text = ("A 3-year-old boy was shot and killed Sunday night in Woodlawn, police said.\n\n" + filler + "\n\n"
            "Police say the shooting on May 24 was also gang-related.")
    p = [e for e in events_of(text, "2024-06-17") if e.primary]
    assert p and p[0].date is not None and p[0].date["value"] == "2024-06-16"


def test_a_dateline_stamp_is_not_taken_over_the_texts_day():
    from eventwire.analyze import analyze as run
    from eventwire.analyze.event_date_cues import header_times
    rec = run(Record(article=Article(id="t", text="LAFAYETTE, Ind. (Jan. 8, 2015) - Police found a man shot early "
                                     "Friday morning.", published="2016-01-08", language="en")))
    stamps = header_times(rec.doc, rec.times)
    assert [rec.times[i].text for i in stamps] == ["Jan. 8, 2015"]


def test_an_opening_clock_time_is_the_events_even_before_a_saying_verb():
    # statements are not timed to the minute: "after 10:30 p.m." dates the shooting
    evs = events_of("Saturday night, after 10:30 p.m., police said someone inside an SUV opened fire at the teens.",
                    "2024-03-26")
    shot = [e for e in evs if e.type in ("attack", "shooting")]
    assert shot and shot[0].date is not None and shot[0].date["value"] == "2024-03-23"


def test_the_next_sentences_do_not_lend_another_events_date():
    # "arrested the teen Tuesday" is the arrest's date; the shooting is "the March 18th shooting"
    text = ("Teen accused of killing a friend in accidental shooting\n\n"
            "Police have arrested a 13-year-old boy in connection with the fatal shooting of another teen.\n\n"
            "City officials announced Wednesday that police arrested the teen Tuesday and charged him with "
            "involuntary manslaughter in connection with the March 18th shooting of a 15-year-old.")
    evs = events_of(text, "2024-04-11")
    shot = [e for e in evs if e.type in ("attack", "shooting")]
    assert shot and all(e.date is None or e.date["value"] != "2024-04-09" for e in shot)


def test_the_day_points_at_another_date_and_dates_nothing_itself():
    # "earlier in the day Saturday": Saturday, not the report day the times layer gives "the day"
    evs = events_of("Police say the shooting started earlier in the day Saturday, when a warrant was issued.",
                    "2024-03-24")
    shot = [e for e in evs if e.type in ("attack", "shooting")]
    assert shot and all(e.date is None or e.date["value"] != "2024-03-24" for e in shot)


def test_the_articles_first_violent_event_also_gets_the_leads_day():
    # the primary event is the arrest; the shooting it follows is told with its day in the lead
    text = ("Man arrested after boy shot\n\n"
            "Police arrested a man after a boy was shot in the leg, officers said. It happened around 1 a.m. "
            "Friday outside a bar on Main Street.")
    evs = events_of(text, "2024-03-23")
    shot = [e for e in evs if e.type in ("attack", "shooting")]
    assert shot and shot[0].date is not None and shot[0].date["value"] == "2024-03-22"


def test_an_update_stamp_is_found_without_a_year():
    from eventwire.analyze import analyze as run
    from eventwire.analyze.event_date_cues import header_times
    rec = run(Record(article=Article(id="t", text="Update, 9:45 a.m. Sunday: A teen was arrested Saturday night.",
                                     published="2024-03-25", language="en")))
    assert [rec.times[i].text for i in header_times(rec.doc, rec.times)] == ["9:45 a.m. Sunday"]


def test_continuing_to_investigate_is_reporting_not_the_event():
    # "on Friday continued to investigate the shooting": Friday dates the inquiry
    evs = events_of("The sheriff's office on Friday continued to investigate the accidental shooting of a boy.",
                    "2024-03-23")
    shot = [e for e in evs if e.type in ("attack", "shooting")]
    assert shot and all(e.date is None or e.date["value"] != "2024-03-22" for e in shot)


def test_a_yearless_wire_dateline_does_not_date_the_event():
    # "Oct. 27 (UPI) --" is the filing day; the shooting was "3:30 a.m. Saturday"
    text = ("NEW HAVEN, Conn., Oct. 27 (UPI) -- One person was killed and five others injured in a shooting "
            "at a nightclub, police say.\n\nThe shooting happened at 3:30 a.m. Saturday outside the club.")
    p = [e for e in events_of(text, "2013-10-27") if e.primary]
    assert p and p[0].date is not None and p[0].date["value"] == "2013-10-26"


def test_an_update_time_never_dates_the_event():
    text = ("Last updated at 10:39 a.m. on Sunday, Nov. 27\n\n"
            "Police are investigating an incident at a hotel that left four people dead in a murder and suicide.")
    p = [e for e in events_of(text, "2016-11-28") if e.primary]
    assert p and p[0].date is None


def test_minutes_later_is_later_than_the_story_not_the_report():
    # "20 minutes later" counts from a time the story told, not from the publication date
    text = "A man was shot at a home. 20 minutes later, a second man was shot and killed nearby."
    shot = [e for e in events_of(text, "2016-08-03") if e.type in ("attack", "shooting")]
    assert shot and all(e.date is None for e in shot)


def test_a_death_days_later_does_not_date_the_shooting():
    # she died Tuesday of injuries sustained Jan. 2: the shooting is Jan. 2
    text = ("The sheriff's office announced Tuesday the mom involved in the shooting has died.\n\n"
            "Morgan Smith died Tuesday morning as a result of the injuries she sustained Jan. 2 in Montfort, "
            "officials said.")
    p = [e for e in events_of(text, "2015-01-13") if e.primary]
    assert p and p[0].date is not None and p[0].date["value"] == "2015-01-02"


def test_a_death_the_same_day_keeps_the_shootings_day():
    p = [e for e in events_of("A man was shot and killed Monday night on Main Street, police said. "
                              "He died at the hospital.", "2015-01-13") if e.primary]
    assert p and p[0].date is not None and p[0].date["value"] == "2015-01-12"


def test_an_article_without_a_primary_event_still_dates_its_first_violent_event_from_the_lead():
    # no event is primary here (the only violent word is far down): the lead still dates it
    text = ("Two bodies were found in a house in Clay County Monday, May 2, 2016. (Photo)\n\n"
            "CLAY COUNTY, Ind. — A woman and her son were found dead inside their house on Monday morning.\n\n"
            "It happened in the 300 block of Oak Road.\n\nThe coroner identified the woman as Jane Doe, 51.\n\n"
            "Deputies said both had a gunshot wound.")
    evs = events_of(text, "2016-05-03")
    assert not any(e.primary for e in evs)
    violent = [e for e in evs if e.type in ("attack", "shooting") and e.mode == "asserted"]
    assert violent and violent[0].date is not None and violent[0].date["value"] == "2016-05-02"


def test_an_undated_main_event_takes_the_day_of_the_leads_first_violent_event():
    from eventwire.analyze.event_dates import from_first_violent

    class _H:
        family, mode, sent = "violence", "asserted", 1
        date = None

    class _C:
        def __init__(self, d: dict | None, sent: int) -> None:
            self.head = _H()
            self.head.sent = sent
            self.d = d

        def best(self, attr: str) -> tuple[dict, int] | None:
            return (self.d, 2) if self.d else (self.head.date if self.head.date else None)

    day = {"value": "2015-08-21", "precision": "day", "span": {"text": "late Friday", "start": 0, "end": 11}}
    main, first = _C(None, 9), _C(day, 1)
    from_first_violent(main, first)  # type: ignore[arg-type]
    assert main.head.date == (day, 1)
    far, late = _C(None, 9), _C(day, 7)  # a first violent event far below the lead lends nothing
    from_first_violent(far, late)  # type: ignore[arg-type]
    assert far.head.date is None


def test_a_step_named_as_subject_dates_that_step():
    # "Funeral services are tonight": tonight is the funeral's, not the shooting's
    text = ("Funeral services are tonight for a teen boy who police say was accidentally shot and killed "
            "by his friend.")
    shot = [e for e in events_of(text, "2016-08-15") if e.type in ("attack", "shooting")]
    assert shot and all(e.date is None for e in shot)
