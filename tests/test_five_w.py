"""analyze.five_w and the giveme5w1h scorer: each test states one rule on a hand-written text."""

from __future__ import annotations

from functools import lru_cache

from eventwire.analyze import analyze
from eventwire.analyze.five_w import WAnswer, five_w
from eventwire.bench.giveme5w1h import judge, phrase_match
from eventwire.model import Article, Record


@lru_cache(maxsize=32)
def ws(text: str, published: str = "2021-05-14") -> dict[str, WAnswer | None]:
    rec = analyze(Record(article=Article(id="t", text=text, published=published, language="en")))
    return five_w(rec)


def txt(a: WAnswer | None) -> str | None:
    return None if a is None else a.text


def test_who_and_what_come_from_the_headline_clause():
    w = ws("Maria Lopez wins the city marathon in Boston\n\n"
           "The runner, 34, crossed the line first on Thursday after a late sprint.")
    assert txt(w["who"]) == "Maria Lopez"
    assert txt(w["what"]) == "wins"


def test_a_headline_verb_read_as_a_noun_still_gives_the_clause():
    # the tagger often reads a headline's "lands" / "protests" as a plural noun root with
    # the name as its compound: the name is still the subject
    from spacy.tokens import Doc

    from eventwire.analyze.five_w import _headline_subjects
    from eventwire.nlp import load

    vocab = load("en").vocab

    words = ["Donald", "Trump", "lands", "in", "Washington"]
    doc = Doc(vocab, words=words, heads=[1, 2, 2, 2, 3], deps=["compound", "compound", "ROOT", "prep", "pobj"],
              pos=["PROPN", "PROPN", "NOUN", "ADP", "PROPN"])
    assert [t.text for t in _headline_subjects(doc[2])] == ["Trump"]
    # a noun phrase headline without a following phrase is no clause
    doc = Doc(vocab, words=["Tram", "crash", "victims"], heads=[2, 2, 2], deps=["compound", "compound", "ROOT"],
              pos=["NOUN", "NOUN", "NOUN"])
    assert _headline_subjects(doc[2]) == []


def test_a_pronoun_subject_never_answers_who():
    w = ws("It was a long night.\n\nFirefighters battled a blaze at a warehouse in Leeds on Monday.")
    assert txt(w["who"]) == "Firefighters"


def test_the_agent_of_a_passive_is_the_who():
    w = ws("The embassy was attacked by rebels on Friday.\n\nThe building was damaged.")
    assert txt(w["who"]) == "rebels"


def test_when_is_a_day_near_publication_not_an_old_year():
    w = ws("The company closed its factory in Ohio on Wednesday.\n\n"
           "The plant had opened in 1998.")
    assert txt(w["when"]) == "Wednesday"
    assert w["when"] is not None and w["when"].value == "2021-05-12"


def test_when_skips_a_date_far_from_publication():
    w = ws("The company closed its factory in Ohio.\n\nThe plant had opened on March 3, 1998.")
    assert w["when"] is None


def test_where_needs_a_place_that_locates_the_news():
    # "US" only modifies "election": it does not say where the blaming happened
    w = ws("The senator blames the media for the US election result.\n\nHe spoke to donors.")
    assert w["where"] is None
    w = ws("A bridge collapsed in Genoa on Tuesday.\n\nRescuers searched the rubble.")
    assert txt(w["where"]) == "Genoa"


def test_no_doc_falls_back_to_the_primary_event():
    rec = analyze(Record(article=Article(id="t", text="Gunmen attacked a bus in Kabul on Monday.",
                                         published="2021-05-14", language="en")))
    rec.doc = None
    w = five_w(rec)
    assert w["what"] is not None and w["what"].text == "attacked"


def test_phrase_match_containment_and_share():
    assert phrase_match("Trump", "Donald Trump", 0.25)
    assert phrase_match("derailed", "tram derailment")  # shared 5-letter prefix
    assert not phrase_match("Croydon", "Donald Collett, 62, from Croydon, and Philip Logan, 52", 0.25)
    # containment is over whole words, not characters
    assert not phrase_match("end", "the weekend game")
    assert phrase_match("weekend", "the weekend game")


def test_a_null_item_means_no_answer_even_with_a_parsed_day():
    gold = [{"text": None, "coders": 3, "parsed": "2016-11-10"}]
    assert not judge("when", ("Thursday", "2016-11-10"), gold)
    gold = [{"text": "late Thursday", "coders": 2, "parsed": "2016-11-10"}]
    assert judge("when", ("the night of the attack", "2016-11-10"), gold)


def test_a_light_verb_gives_its_object_as_what():
    w = ws("Nurses staged a strike in Madrid on Monday.\n\nHospitals cancelled operations.")
    assert txt(w["what"]) == "a strike"
    assert txt(w["who"]) == "Nurses"



def test_bad_input_gives_no_answers_not_an_error():
    for text in ("", "...", "\n\n\n", "12345"):
        w = ws(text)
        assert set(w) == {"who", "what", "when", "where"}


def test_the_primary_events_date_beats_an_earlier_date_of_the_report():
    # "on Monday" dates the naming; the events layer ties "Saturday" to the shooting
    w = ws("Police on Monday named the gunman who shot dead two people in Dayton on Saturday.\n\n"
           "The victims were 24 and 31.")
    assert txt(w["when"]) == "Saturday"


def test_the_by_phrase_of_an_event_noun_gives_the_doer_of_a_passive():
    w = ws("A police station was destroyed in an attack by rebels on Friday.\n\nNo one was hurt.")
    assert txt(w["who"]) == "rebels"


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str] | None = None):
    from spacy.tokens import Doc

    from eventwire.nlp import load

    return Doc(load("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_a_kicker_line_is_not_the_headline():
    from eventwire.analyze.five_w_lead import lead
    from eventwire.nlp import load

    doc = load("en")("US election 2016:\n\nMayor Jones wins a second term in Leeds\n\nHe thanked voters.")
    assert lead(doc)[0].text.startswith("Mayor Jones")


def test_a_headline_noun_root_is_a_verb_only_in_a_verb_form():
    from eventwire.analyze.five_w import _headline_subjects

    # "China well rescue: Race to ..." is a label, not "China rescues"
    doc = _doc(["China", "well", "rescue", ":", "Race"], [2, 2, 2, 2, 2],
               ["nsubj", "intj", "ROOT", "punct", "appos"], ["PROPN", "INTJ", "NOUN", "PUNCT", "NOUN"])
    assert _headline_subjects(doc[2]) == []
    # "Trump and Obama meet at ...": a plural subject takes the bare verb
    doc = _doc(["Trump", "and", "Obama", "meet", "at", "noon"], [3, 0, 0, 3, 3, 4],
               ["nsubj", "cc", "conj", "ROOT", "prep", "pobj"], ["PROPN", "CCONJ", "PROPN", "NOUN", "ADP", "NOUN"])
    assert [t.text for t in _headline_subjects(doc[3])] == ["Trump"]


def test_a_headline_clause_the_parser_hung_under_a_noun_is_still_a_clause():
    from eventwire.analyze.five_w import _headline_clause

    # "Tram crash: Driver arrested as ...": a participle with a subject of its own
    doc = _doc(["Tram", "crash", ":", "Driver", "arrested"], [1, 1, 1, 4, 1],
               ["compound", "ROOT", "punct", "nsubj", "acl"], ["NOUN", "NOUN", "PUNCT", "NOUN", "VERB"],
               ["NN", "NN", ":", "NN", "VBD"])
    assert [t.text for t in _headline_clause(doc[4], [doc[3]])[0]] == ["Driver"]
    # "Victims named as work starts": the participle after the subject is the headline's verb
    doc = _doc(["Victims", "named", "as", "work", "starts"], [4, 0, 1, 2, 4],
               ["nsubj", "acl", "prep", "pobj", "ROOT"], ["NOUN", "VERB", "ADP", "NOUN", "VERB"],
               ["NNS", "VBN", "IN", "NN", "VBZ"])
    subjects, depth = _headline_clause(doc[1], [])
    assert [t.text for t in subjects] == ["Victims"] and depth == 0
    # a true participle modifier ("a car packed with explosives") is no clause
    doc = _doc(["Militants", "ram", "car", "packed"], [1, 1, 1, 2],
               ["nsubj", "ROOT", "dobj", "acl"], ["NOUN", "VERB", "NOUN", "VERB"], ["NNS", "VBP", "NN", "VBN"])
    assert _headline_clause(doc[3], [])[0] == []


def test_a_name_compounded_to_a_finite_verb_is_its_subject():
    from eventwire.analyze.five_w import _compound_subject

    doc = _doc(["Trump", "attacks", "the", "FBI"], [1, 1, 3, 1],
               ["compound", "ROOT", "det", "dobj"], ["PROPN", "VERB", "DET", "PROPN"], ["NNP", "VBZ", "DT", "NNP"])
    assert [t.text for t in _compound_subject(doc[1])] == ["Trump"]
    # "Seattle shooting leaves ...": a gerund's modifier is no subject
    doc = _doc(["Seattle", "shooting"], [1, 1], ["compound", "ROOT"], ["PROPN", "VERB"], ["NNP", "VBG"])
    assert _compound_subject(doc[1]) == []


def test_a_clause_inside_quotation_marks_is_not_the_main_clause():
    from eventwire.analyze.five_w import _quoted
    from eventwire.nlp import load

    doc = load("en")('Media caption Trump: "Clinton is guilty."')
    sent = next(iter(doc.sents))
    assert _quoted(sent, next(t for t in doc if t.text == "is"))
    assert not _quoted(sent, doc[0])


def test_a_headline_whose_subject_is_a_happening_still_says_what():
    w = ws("Toblerone shape change sparks anger among fans\n\n"
           "Fans of the chocolate bar have hit out at the company's decision.")
    assert txt(w["what"]) == "sparks"
    assert txt(w["who"]) == "Fans of the chocolate bar"


def test_when_prefers_the_date_of_a_noun_that_restates_the_main_verb():
    # both dates are possessive; "Thursday's meeting" restates "meet"
    w = ws("Donald Trump and Barack Obama meet at White House\n\n"
           "After Mr Trump's defeat of Hillary Clinton in Tuesday's election, and after Thursday's "
           "meeting in the White House, Mr Obama said he was hopeful.")
    assert txt(w["when"]) == "Thursday's"


def test_where_is_not_where_a_person_comes_from():
    w = ws("Driver arrested after tram crash\n\nThe driver, a 42-year-old man from Beckenham, was arrested on Monday.")
    assert w["where"] is None


def test_where_is_the_most_specific_place():
    # the suburb over the metropolis around it, the town over its country, the place over
    # its appositive
    w = ws("Tram derails in London\n\n"
           "Seven people died when the tram overturned near a stop in Croydon, a large suburb of the city.")
    assert txt(w["where"]) == "Croydon"
    w = ws("A fire broke out in a factory in Afghanistan on Monday.\n\n"
           "The blaze destroyed a warehouse in Mazar-i-Sharif, officials said.")
    assert txt(w["where"]) == "Mazar-i-Sharif"
    w = ws("Blaze destroys warehouse\n\nThe fire started in Salford, Manchester, on Monday. "
           "Manchester police closed roads.")
    assert txt(w["where"]) == "Salford"


def test_where_skips_a_name_that_is_a_persons_in_the_article():
    # the places layer knows a town Clinton; here the name is Hillary Clinton's
    w = ws("Clinton blames the FBI for her defeat\n\nHillary Clinton spoke to donors in Clinton on Sunday.")
    assert w["where"] is None


def test_a_headline_description_is_answered_by_the_person_the_lead_names():
    w = ws("Marathon legend makes an emotional farewell in Boston\n\n"
           "The runner retired after the race on Monday.\n\n"
           "Maria Lopez waved to the crowd as she crossed the line.")
    assert txt(w["who"]) == "Maria Lopez"
    # a speaker is a source, not the described subject
    w = ws("Gunman kills three at school\n\nThree pupils died on Monday.\n\n"
           "Police chief John Smith said the gunman had a rifle.")
    assert txt(w["who"]) == "Gunman"


def test_a_weekday_past_the_lead_does_not_date_the_news():
    lead_ = "".join(f"Sentence number {i} tells more about the market.\n\n" for i in range(9))
    w = ws("Shares rose sharply in Tokyo\n\n" + lead_ + "On Tuesday a trader retired.")
    assert w["when"] is None
    # a calendar date there (a byline, a dateline) still dates the story
    w = ws("Shares rose sharply in Tokyo\n\n" + lead_ + "Published May 13, 2021.")
    assert txt(w["when"]) == "May 13, 2021"


def test_a_date_in_a_relative_clause_set_off_by_commas_is_background():
    w = ws("Obama describes meeting with Trump as excellent\n\n"
           "Barack Obama described the meeting as excellent.\n\n"
           "Mr Trump, who stormed to a shock election victory on Wednesday, said it was an honour "
           "to meet Mr Obama during the talks on Thursday.")
    assert txt(w["when"]) == "Thursday"


def test_a_wire_dateline_in_capitals_locates_the_story():
    w = ws("Senate passes budget bill By Ann Smith and Joe Brown WASHINGTON, May 13 (Reuters) - "
           "The Senate passed the budget bill on Thursday.")
    assert txt(w["where"]) == "WASHINGTON"
    # capitals that are no city of the gazetteer are no dateline
    w = ws("Senate passes budget bill UPDATE, May 13 - The Senate passed the budget bill on Thursday.")
    assert w["where"] is None


def test_an_attribution_after_the_statement_is_only_the_source():
    # "X, says Y": the reported clause before the reporting verb is the news
    w = ws("Police have arrested two men over the bank robbery, says Mayor Johnson\n\n"
           "The men were detained in Leeds on Tuesday.")
    assert txt(w["what"]) == "arrested"
    assert txt(w["who"]) == "Police"


def test_a_verbless_headline_states_the_news_in_its_as_clause():
    w = ws("Joy in the streets as Boston Celtics fans celebrate the title\n\n"
           "Crowds gathered downtown on Thursday night.")
    assert txt(w["what"]) == "celebrate"
    assert txt(w["who"]) is not None and "fans" in txt(w["who"])


def test_a_count_update_does_not_date_the_event():
    # "the toll rose on Friday" dates the update; "went off on Thursday" dates the blast
    from eventwire.analyze.five_w_when import _update
    from eventwire.nlp import load

    nlp = load("en")
    doc = nlp("The death toll from the bombing rose to at least nine on Friday.")
    k = doc.text.index("Friday")
    assert _update(doc, k, k + len("Friday"))
    doc = nlp("The bomb went off late on Thursday near the station.")
    k = doc.text.index("Thursday")
    assert not _update(doc, k, k + len("Thursday"))


def test_a_weekday_in_the_name_of_an_occasion_is_no_date():
    w = ws("Veterans gather in Leeds\n\n"
           "Veterans wait on the parade ground for the start of the Remembrance Sunday ceremony.",
           published="2021-11-10")
    assert w["when"] is None


def _not_relative_at(text: str, word: str) -> bool:
    from eventwire.analyze.five_w_when import _not_relative
    from eventwire.nlp import load

    doc = load("en")(text)
    k = doc.text.index(word)
    return _not_relative(doc, k, k + len(word))


def test_today_in_the_name_of_a_newspaper_is_no_date():
    assert _not_relative_at("Fans celebrate in the street. (Photo: Jane Roe-USA TODAY Sports)", "TODAY")
    assert not _not_relative_at("The minister resigned today.", "today")


def test_a_hyphenated_place_word_is_no_dateline():
    # "US-based" says where a company is based, not where the story was filed
    from eventwire.analyze.five_w_where import _dateline
    from eventwire.nlp import load

    doc = load("en")("Its maker, US-based Acme Foods, cut the weight of the bar.")
    assert not _dateline(doc[3])
    doc = load("en")("WASHINGTON - The senate passed the bill on Tuesday.")
    assert _dateline(doc[0])


def test_a_weekday_with_an_article_is_not_this_week():
    assert _not_relative_at("The mayor spoke to reporters on the Sunday before the vote.", "Sunday")
    assert not _not_relative_at("The mayor spoke to reporters on Sunday.", "Sunday")


def test_an_attribution_does_not_reach_across_a_line_break():
    # a parser that joined two lines may hang the first under the second's "said"
    from spacy.tokens import Doc

    from eventwire.analyze.five_w import _attribution
    from eventwire.analyze.five_w_lead import cue
    from eventwire.nlp import load

    vocab, reporting = load("en").vocab, cue("what.reporting")
    deps = ["nsubj", "ccomp", "dobj", "punct", "nsubj", "ROOT"]
    doc = Doc(vocab, words=["Rain", "floods", "town", ",", "mayor", "says"], heads=[1, 5, 1, 5, 5, 5], deps=deps)
    assert _attribution(doc[5], reporting)
    doc = Doc(vocab, words=["Rain", "floods", "town", "\n", "mayor", "says"], heads=[1, 5, 1, 5, 5, 5], deps=deps)
    assert not _attribution(doc[5], reporting)
