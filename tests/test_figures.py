"""figures layer: each case states the rule it checks (kind, value, qualifier)."""

from __future__ import annotations

import pytest

from eventwire.analyze.figures import analyze, find_figures, parse_count
from eventwire.model import Article, Record


def figs(nlp, text: str) -> set[tuple[str, int, str]]:
    rec = Record(Article(id="t", text=text))
    rec.doc = nlp(text)
    return {(f.kind, f.value, f.qualifier) for f in analyze(rec)}


@pytest.mark.parametrize("text,expected", [
    # qualifiers: "at least"/"more than" -> at_least with the stated value (ACLED takes the number)
    ("At least 133 people were killed in the attack.", {("killed", 133, "at_least")}),
    ("More than 20 people were killed.", {("killed", 20, "at_least")}),
    # "up to"/"as many as" -> at_most
    ("Up to 30 people were wounded.", {("injured", 30, "at_most")}),
    ("As many as 50 people were detained.", {("arrested", 50, "at_most")}),
    # "about"/"nearly"/"some" -> about
    ("About 40 soldiers were killed.", {("killed", 40, "about")}),
    ("Some 300 protesters were arrested.", {("arrested", 300, "about")}),
    # "left N dead"
    ("The blast left 133 dead.", {("killed", 133, "exact")}),
    # "neutralised" in a military statement is killed
    ("Troops returned fire and four militants were neutralised.", {("killed", 4, "exact")}),
    # verb before the number, two figures in one clause
    ("Gunmen opened fire, killing 2 and injuring 5.", {("killed", 2, "exact"), ("injured", 5, "exact")}),
    ("2 killed, 5 wounded in shooting.", {("killed", 2, "exact"), ("injured", 5, "exact")}),
    ("The death toll rose to 40 on Sunday.", {("killed", 40, "exact")}),
    ("11 people were arrested, including the gunmen.", {("arrested", 11, "exact")}),
    ("Police detained three suspects.", {("arrested", 3, "exact")}),
    # number words, dozens (ACLED: "dozens" -> 12, "hundreds" -> 100, lower bounds)
    ("Eleven people were abducted.", {("kidnapped", 11, "exact")}),
    ("The attack killed eleven civilians and wounded two dozen others.",
     {("killed", 11, "exact"), ("injured", 24, "exact")}),
    ("Dozens of people were arrested.", {("arrested", 12, "at_least")}),
    ("Hundreds were detained.", {("arrested", 100, "at_least")}),
    ("Three people were taken hostage.", {("kidnapped", 3, "exact")}),
    # "N, one fatally, were shot": one dead, the rest wounded
    ("Four teens, one fatally, were shot Saturday night.", {("killed", 1, "exact"), ("injured", 3, "exact")}),
    # counted from the subject: singular nouns and names, coordinated
    ("A man and a woman were killed.", {("killed", 2, "exact")}),
    ("A man was shot and killed on Main Street.", {("killed", 1, "exact")}),
    ("John Smith and Mary Jones were killed.", {("killed", 2, "exact")}),
    ("A woman was shot and wounded.", {("injured", 1, "exact")}),
    ("The victim was shot dead.", {("killed", 1, "exact")}),
    ("He died at the scene.", {("killed", 1, "exact")}),
    ("The boy suffered non-life-threatening injuries.", {("injured", 1, "exact")}),
    ("A 20-year-old man was hospitalized.", {("injured", 1, "exact")}),
    # negation: nobody -> 0 exact; a named person not hurt -> no figure at all
    ("No one was injured.", {("injured", 0, "exact")}),
    ("There were no injuries reported.", {("injured", 0, "exact")}),
    ("The driver was not hurt.", set()),
    # singular nouns after a number, "the killing of N", "beat to death"
    ("The clash ended. 1 fatality.", {("killed", 1, "exact")}),
    ("It resulted in the killing of 4 fighters.", {("killed", 4, "exact")}),
    ("Rioters beat to death two suspected thieves.", {("killed", 2, "exact")}),
    # long and bracketed noun phrases between the number and the verb
    ("Three suspected (armed) militants were killed.", {("killed", 3, "exact")}),
    # active voice: the number before the verb counts the killers, the object the victims
    ("Two gunmen shot and killed four villagers.", {("killed", 4, "exact")}),
    # a participle used as an adjective is not a count
    ("Dozens of relatives of killed officers rallied.", set()),
    # singular victims named by a person noun, where the parse is unreliable (headlines)
    ("Woman shot, killed near city park", {("killed", 1, "exact")}),
    ("The robbery left a man in critical condition.", {("injured", 1, "exact")}),
    ("A cyclist was found dead.", {("killed", 1, "exact")}),
    # coordinated victim lists are summed: a/an/the = 1, numbers, "a couple" = 2, "twins" = 2
    ("A man, two women and a small child were killed Saturday.", {("killed", 4, "exact")}),
    ("3 soldiers and 2 civilians were killed.", {("killed", 5, "exact")}),
    ("A young couple and their baby were killed.", {("killed", 3, "exact")}),
    ("Twin brothers were killed.", {("killed", 2, "exact")}),
    ("A mother, father, and toddler were found dead.", {("killed", 3, "exact")}),
    # names with ages in a list: the ages are not people; a name apposed to a noun is that person
    ("John Smith, 24, and Mary Jones, 31, were killed.", {("killed", 2, "exact")}),
    ("The victim, John Smith, was killed.", {("killed", 1, "exact")}),
    # an age used as a noun names one person
    ("A 7-year-old was fatally shot on Sunday.", {("killed", 1, "exact")}),
    # deaths said without "killed"
    ("He was taken to the hospital, where he succumbed to his injuries.", {("killed", 1, "exact")}),
    ("The boy was pronounced deceased.", {("killed", 1, "exact")}),
    ("The shooting left a 7-year-old girl dead.", {("killed", 1, "exact")}),
    # "shot to death", "found shot to death": a death, not a wound
    ("A 57-year-old man was found shot to death Saturday.", {("killed", 1, "exact")}),
    ("Person found shot to death in park", {("killed", 1, "exact")}),
    # a dateline parsed as a second subject is not the victim
    ("SHELBY, N.Y. (WXYZ) — A 15-year-old boy from the town has died.", {("killed", 1, "exact")}),
    # the (fatal shooting) death of one person
    ("Police investigate the fatal shooting of a 16-year-old boy.", {("killed", 1, "exact")}),
    ("He was charged in the shooting death of 15 year-old John Doe.", {("killed", 1, "exact")}),
    ("Officers found a teenage girl dead in the basement.", {("killed", 1, "exact")}),
    ("An 11-year-old girl took her own life.", {("killed", 1, "exact")}),
    # an age between commas is not a count
    ("John Doe, 20, was arrested.", {("arrested", 1, "exact")}),
    # murder-suicide: the victims and the killer ("shot" counts only in a murder-suicide article)
    ("The man killed his two children before killing himself.", {("killed", 3, "exact")}),
    ("He shot his wife and daughter before killing himself in a murder-suicide.", {("killed", 3, "exact")}),
    # the killer's own death said as a coordinated reflexive, "turning the gun on", "his own life"
    ("A man killed his two children and then himself.", {("killed", 3, "exact")}),
    ("A woman killed her daughter and two grandchildren before turning the gun on herself.",
     {("killed", 4, "exact")}),
    # "N were shot, two fatally" without a total: the dead
    ("Multiple people were shot, two fatally.", {("killed", 2, "exact")}),
    ("He shot his wife and daughter before killing himself.",
     {("injured", 2, "exact"), ("killed", 1, "exact")}),
    # wounds said as "with a gunshot wound", "suffering from", "grazed"
    ("Police found a man with a gunshot wound to the leg.", {("injured", 1, "exact")}),
    ("Brandon Borders, 29, was suffering from a gunshot wound.", {("injured", 1, "exact")}),
    ("One person was grazed by a bullet.", {("injured", 1, "exact")}),
    # counts that are not this incident's victims: the accused, ages, period statistics
    ("Four people have been charged in the death of a man.", {("killed", 1, "exact")}),
    ("He could be held until he turned 21 in the death of his friend.", set()),
    ("It is the worst January since 2007, when 28 were killed.", set()),
    ("Nine officers have been fatally shot this year.", set()),
    # a count and its verb do not cross a paragraph break
    ("Share 2 likes\n\nA teenage girl was killed.", {("killed", 1, "exact")}),
    # "fatally wounded" is a death; an age used as a noun in "is dead"
    ("Police found the man had been fatally wounded.", {("killed", 1, "exact")}),
    ("Police say a 15-year-old is dead after a shooting.", {("killed", 1, "exact")}),
    # "shot" counts the people hit (the events layer takes the dead out of it)
    ("Two men were shot Sunday night.", {("injured", 2, "exact")}),
    ("Police say one person was shot.", {("injured", 1, "exact")}),
    # ... but not the shots fired, nor people who fired
    ("The officer returned one shot.", set()),
    ("One shot was fired.", set()),
    ("Two men shot at police officers.", set()),
    # "fatally injured" is a death, not an injury
    ("Three people were fatally injured.", {("killed", 3, "exact")}),
    # the hurt said by their condition
    ("Two men are in critical condition.", {("injured", 2, "exact")}),
    ("He is fighting for his life.", {("injured", 1, "exact")}),
    # a day of the month and an age missing its comma are not counts
    ("A victim of the Sept. 3 shooting died.", {("killed", 1, "exact")}),
    ("Jamie Clayton, 22 was shot in both legs.", {("injured", 1, "exact")}),
    # a count of the period is not this incident's
    ("Three children have been shot in the past four days.", set()),
    # the people a shooting "sent to the hospital" are its wounded
    ("A shooting at a bar sent four men to the hospital.", {("injured", 4, "exact")}),
    ("One of the victims was transported to a hospital.", {("injured", 1, "exact")}),
    # wounded, then dead, in one clause (headlines): one killed
    ("Girl shot at party dies; woman held", {("killed", 1, "exact")}),
    ("A man shot Sunday in Chicago has died.", {("killed", 1, "exact")}),
    # the people found dead: the object of "found"/"discovered", a list summed; a prenominal
    # "dead" qualifies its own noun only
    ("Police discovered one man and two children dead inside the residence.", {("killed", 3, "exact")}),
    ("An individual found the four dead females and the unharmed child inside.", {("killed", 4, "exact")}),
    # "appear to have died" is a report of the dead
    ("All four family members appear to have died from gunshot wounds.", {("killed", 4, "exact")}),
    # "left X dead and Y wounded", "left another teen critically wounded"
    ("The shooting left another teen critically wounded.", {("injured", 1, "exact")}),
    ("A shooting left a 7-year-old girl dead and her grandmother wounded.",
     {("killed", 1, "exact"), ("injured", 1, "exact")}),
    # a headline's site name after "|" is not the object of "shooting"; a hyphen inside the object is fine
    ("Police investigate shooting | News, Weather, Sports", set()),
    ("He shot his 30-year-old daughter.", {("injured", 1, "exact")}),
    # plural subjects without a number say nothing countable
    ("People were killed and buildings destroyed.", set()),
    # a manner of killing "to death" counts its object (or passive subject); lynching kills
    ("A mob beat two men to death on Tuesday.", {("killed", 2, "exact")}),
    ("The man was beaten to death.", {("killed", 1, "exact")}),
    ("A mob lynched a man in the village.", {("killed", 1, "exact")}),
    ("Police beat protesters with batons.", set()),
    # an active verb with an object counts the object, whatever its tag: not the attack as one
    ("A suicide bombing at a political rally in northwest Pakistan killed at least 54 people on Sunday.",
     {("killed", 54, "at_least")}),
    # admitted/treated with a wound: one hurt
    ("A man was admitted with a gunshot wound to his leg.", {("injured", 1, "exact")}),
    # a list of ages is no count: "ages 15, 16 and 17", "the victims, 19 and 22,"
    ("The other three, ages 15, 16 and 17, were in stable condition.", set()),
    ("The victims, 19 and 22, were hospitalized.", set()),
    ("Police said 2 were killed and 5 were wounded.", {("killed", 2, "exact"), ("injured", 5, "exact")}),
])
def test_figures(nlp, text: str, expected: set[tuple[str, int, str]]) -> None:
    assert figs(nlp, text) == expected


@pytest.mark.parametrize("text,expected", [
    # one victim reported shot, then dead: killed 1, not also injured 1
    ("A man was shot on Main Street. He died at the hospital.", {("killed", 1, "exact")}),
    ("Kim Lee was critically injured. Lee died on Sunday.", {("killed", 1, "exact")}),
    ("A man died Sunday. He had been taken to the hospital in critical condition.", {("killed", 1, "exact")}),
    # two people: genders differ, another/second, different names
    ("A woman was wounded. He died at the scene.", {("killed", 1, "exact"), ("injured", 1, "exact")}),
    ("The boy died. Another boy was shot in the leg.", {("killed", 1, "exact"), ("injured", 1, "exact")}),
    ("Kim Lee was critically injured. Tom Ross died.", {("killed", 1, "exact"), ("injured", 1, "exact")}),
    # both indefinite: two separate people
    ("A man was killed and a teen was wounded.", {("killed", 1, "exact"), ("injured", 1, "exact")}),
    # one of several wounded who later died is not still wounded
    ("Two people were wounded in a shooting. The 19-year-old victim died at the hospital.",
     {("killed", 1, "exact"), ("injured", 1, "exact")}),
    # "N others" wounded are already the survivors
    ("The gunman opened fire, killing one person and wounding five others. The victim died at the scene.",
     {("killed", 1, "exact"), ("injured", 5, "exact")}),
    # a victim found wounded is the one who died
    ("One person is dead. Officers found a man suffering from a gunshot wound.", {("killed", 1, "exact")}),
    ("A fisherman found the body of a man with a gunshot wound.", {("killed", 1, "exact")}),
    ("Medics pronounced the victim dead at the scene.", {("killed", 1, "exact")}),
    ("A man was killed and a teen was shot.", {("killed", 1, "exact")}),
    # "found a man shot to death" introduces a new person: not one of the two wounded
    ("Two women were wounded. Police found a man shot to death.",
     {("injured", 2, "exact"), ("killed", 1, "exact")}),
    # "a second was injured": an ordinal names one more person
    ("Police say one person has died and a second was injured.", {("killed", 1, "exact"), ("injured", 1, "exact")}),
    # a relative of the dead ("her father") is another person than the dead child
    ("An 8-year-old girl has died and her father is listed in critical condition.",
     {("killed", 1, "exact"), ("injured", 1, "exact")}),
    ("An 8-year-old child died and her mother remains in the hospital.",
     {("killed", 1, "exact"), ("injured", 1, "exact")}),
    # "another" as the subject is one more person
    ("Three people are dead and another was injured in a shooting.",
     {("killed", 3, "exact"), ("injured", 1, "exact")}),
    # "the other victim died" is someone else than the one taken to hospital
    ("One of the victims was transported to a hospital. The other victim was pronounced dead at the scene.",
     {("killed", 1, "exact"), ("injured", 1, "exact")}),
    # a counted report is of other people than a one-person report
    ("1 dead, 1 injured in shooting", {("killed", 1, "exact"), ("injured", 1, "exact")}),
])
def test_same_victim_counts_once(nlp, text: str, expected: set[tuple[str, int, str]]) -> None:
    assert figs(nlp, text) == expected


def test_dateline_is_not_a_second_victim(nlp) -> None:
    # "YORK CITY, Pa.–A man": the dateline parsed as a second subject is not a second person
    assert ("injured", 2, "exact") not in figs(nlp, "YORK CITY, Pa.–A man was hospitalized after a shooting.")


def test_time_and_money_numbers_are_not_counts(nlp) -> None:
    # "killed 20 minutes later" is not 20 dead; years are not counts
    assert figs(nlp, "The attack happened 20 minutes later and killed 3.") == {("killed", 3, "exact")}
    assert figs(nlp, "In 2019 killed was a word.") == set()


def test_span_and_sentence_evidence(nlp) -> None:
    text = "Gunmen stormed a hall. At least 133 people were killed."
    rec = Record(Article(id="t", text=text))
    rec.doc = nlp(text)
    (fig,) = analyze(rec)
    assert fig.span.text == "At least 133 people were killed"
    assert text[fig.span.start:fig.span.end] == fig.span.text
    assert fig.sentence == 1


def test_regex_pass_without_parse() -> None:
    # find_figures needs no spaCy Doc (cheap use from other layers)
    assert {(f.kind, f.value) for f in find_figures("killing 2 and injuring 5")} == {("killed", 2), ("injured", 5)}
    assert analyze(Record(Article(id="t", text="At least 3 were killed."))) [0].value == 3


@pytest.mark.parametrize("text,expected", [
    ("at least 133", (133, "at_least")),
    ("more than 20", (20, "at_least")),
    ("up to 30", (30, "at_most")),
    ("as many as 12", (12, "at_most")),
    ("about 40", (40, "about")),
    ("nearly 1,200", (1200, "about")),
    ("eleven", (11, "exact")),
    ("twenty-four", (24, "exact")),
    ("a dozen", (12, "exact")),
    ("two dozen", (24, "exact")),
    ("dozens of", (12, "at_least")),
    ("scores", (20, "at_least")),
    ("hundreds", (100, "at_least")),
    ("thousands", (1000, "at_least")),
    # a written range "10-15" is its lower end, not the sum of its two numbers
    ("10-15", (10, "at_least")),
    ("10–15", (10, "at_least")),
    ("15-10", None),
    ("a", None),
    ("several", None),
    ("", None),
])
def test_parse_count(text: str, expected) -> None:
    assert parse_count(text) == expected


def test_empty_text() -> None:
    assert analyze(Record(Article(id="e", text=""))) == []


@pytest.mark.parametrize("text,most", [
    # "another"/"a second" victim adds one to the wounded counted before (the events layer
    # keeps the largest count of a kind)
    ("An 18-year-old man was shot in the leg. Another man was shot in the arm.", 2),
    # ... "the other" is one of those already counted, "he" the same person again
    ("Two men were shot. The other man was shot in the leg.", 2),
    ("A man was shot in the chest. He was also shot in the arm.", 1),
    # "the second victim" is one already told, and "another" adds to the report just before
    ("One person has died and a second was injured. The second victim was taken to a hospital.", 1),
    ("Three people were shot. One of the wounded was hit in the arm. Another man was shot in the leg.", 3),
])
def test_another_victim_adds_one(nlp, text: str, most: int) -> None:
    assert max(v for k, v, _ in figs(nlp, text) if k == "injured") == most


@pytest.mark.parametrize("text, expected", [
    # some of the hurt, now dead: a death count, and only a part of all who died
    ("Two of the injured later died.", {("killed", 2, "at_least")}),
    # a part of the hurt: at least that many were hurt
    ("Three of the wounded were in critical condition.", {("injured", 3, "at_least")}),
])
def test_a_part_of_the_victims_is_no_total(nlp, text: str, expected: set[tuple[str, int, str]]) -> None:
    assert figs(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a range of dead counts its lower end (ACLED codes the lowest credible figure)
    ("Between 10 and 15 people were killed in the raid.", {("killed", 10, "at_least")}),
    ("Officials said 10 to 15 people were killed.", {("killed", 10, "at_least")}),
    ("Officials said 10-15 people were killed.", {("killed", 10, "at_least")}),
    # two counts joined by "and" in different clauses are no range
    ("The gunman killed 2 and 5 people were injured.", {("killed", 2, "exact"), ("injured", 5, "exact")}),
])
def test_range_takes_lower_end(text: str, expected: set[tuple[str, int, str]]) -> None:
    assert {(f.kind, f.value, f.qualifier) for f in find_figures(text)} >= expected


def test_hyphenated_range_after_the_verb_is_its_lower_end(nlp) -> None:
    # the parse hangs "-15" on "10": the object's number phrase is a range, not 10 + 15
    assert figs(nlp, "Gunmen stormed the village, killing 10-15 people.") == {("killed", 10, "at_least")}
    # a disease's name with a number is no range ("COVID-19 killed 5")
    assert ("killed", 5, "exact") in figs(nlp, "COVID-19 killed 5 people in the town last week.")


@pytest.mark.parametrize("text, expected", [
    # counted groups joined by "and" are one figure, the sum
    ("Rebels said one soldier and one militant were killed in the clashes.", ("killed", 2)),
    ("Militants attacked the post, killing one officer and two soldiers.", ("killed", 3)),
    # the lower end of a range in the list
    ("Militants attacked the post, killing one officer and between one or two soldiers.", ("killed", 2)),
    # a unit is not a group of people; a count after a casualty verb is that verb's object
    ("They exchanged fire for 30 minutes and 5 soldiers died in the fighting.", ("killed", 5)),
    # "one of the two men": a part of a group, no first member of a list
    ("Police found one of the two men and two women shot.", ("injured", 2)),
])
def test_list_of_counted_groups(nlp, text: str, expected: tuple[str, int]) -> None:
    got = figs(nlp, text)
    assert max(v for k, v, _ in got if k == expected[0]) == expected[1]


@pytest.mark.parametrize("text, killed", [
    # "a second victim died": one more dead than counted before
    ("A man was shot and killed outside a store. A second victim died in hospital on Saturday.", 2),
    # "another man was dead" most often re-tells a death already counted: not added
    ("A man was shot and killed outside a store. Another man was found dead nearby.", 1),
])
def test_ordinal_victim_adds_a_death(nlp, text: str, killed: int) -> None:
    assert max(v for k, v, _ in figs(nlp, text) if k == "killed") == killed
