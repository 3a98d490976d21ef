"""Which resolved places can be the scene of an event (helpers of event_link).

A local news story names many towns that are not where it happened: the outlet in the
headline ("... | CBS Dallas / Fort Worth", "- KLTV.com-Tyler, Longview, Texas"), the hospital
the victim was taken to, the home town of a victim or suspect ("a Benton Harbor man",
"Smith, 30, of Allen"). These tests read only a few characters around the place, so they
cost nothing next to the parse.
"""

from __future__ import annotations

import re

from ..model import Place, Record
from ..spans import nested
from .aliases import demonyms

# A headline segment that names the outlet: a news word, a domain, call letters or a network.
_OUTLET = re.compile(
    r"\b(?:News\w*|TV|Radio|Times|Post|Herald|Gazette|Tribune|Chronicle|Journal|Daily|Weather|Sports|"
    r"Traffic|Channel|Media|Press|Observer|Register|Sentinel|Dispatch|Courier|Inquirer|Bee|Blade|"
    r"Voice|Star|Review|Record|Leader|Online|Stories|Magazine|Network|Broadcasting|Patch|Home)\b"
    r"|\.(?:com|net|org)\b|\b[KW][A-Z]{2,3}(?:-TV|-FM|-AM)?\b|\b(?:CBS|NBC|ABC|FOX|Fox|CNN|NPR|PBS)\d*\b")
_STRONG = re.compile(r"\.(?:com|net|org)\b|\b[KW][A-Z]{2,3}(?:-TV|-FM|-AM)?\b|\b(?:CBS|NBC|ABC|FOX|Fox|CNN|NPR|PBS)\d*\b")
# Separators between a headline and the outlet's name ("Man shot | WXYZ", "... « CBS Chicago").
_SEP = re.compile(r"\s+(?:\||-|–|—|«|»|::)\s+|\s*\|\s*")


def title_span(record: Record) -> tuple[int, int] | None:
    """Where the headline sits in the text, when the text starts with it."""
    title = (record.article.title or "").strip()
    text = record.article.text
    if title and text.startswith(title):
        return 0, len(title)
    return None


def outlet_spans(record: Record) -> list[tuple[int, int]]:
    """Spans of the headline that name the outlet rather than the story: a segment after a
    separator with a news word, a domain or call letters in it. The first segment is the
    headline itself unless it is the outlet's ("WMSN FOX 47 :: Newsroom - Top Stories - ...")."""
    span = title_span(record)
    if span is None:
        return []
    text = record.article.text[:span[1]]
    cuts = [0] + [x for m in _SEP.finditer(text) for x in (m.start(), m.end())] + [len(text)]
    out = []
    for i in range(0, len(cuts) if len(cuts) > 2 else 0, 2):
        s, e = cuts[i], cuts[i + 1]
        # a title-case headline has news words of its own ("Man Shot At His Home"): the first
        # segment is the outlet only by a domain, call letters or a network's name
        if (_STRONG if i == 0 else _OUTLET).search(text, s, e):
            out.append((s, e))
    return out


def inside(p: Place, spans: list[tuple[int, int]]) -> bool:
    return any(s <= p.start < e for s, e in spans)


_STATION = re.compile(r"^[KW][A-Z]{2,3}$")
_SIDE = re.compile(r"(?i)^(?:the\s+)?(?:north|south|east|west|northeast|northwest|southeast|southwest|far \w+)\s+side$")


def junk(p: Place, text: str) -> bool:
    """Not a place name at all: a lower-case common word the gazetteer matched ("a north city
    neighborhood" read as North Province, "Inland mosques" as a venue), or a station's call
    letters in brackets after a dateline ("ST. LOUIS (KTVI) -")."""
    if p.text.islower() and (p.feature == "venue" or p.text.lower() != (p.name or "").lower()):
        return True
    if "|" in p.text or "«" in p.text:
        return True  # a name run across the headline's separator ("Lysander | News")
    if _SIDE.match(p.text):
        return True  # "the city's West Side" is a part of a city, not the town the gazetteer has
    return bool(_STATION.match(p.text)) and text[max(0, p.start - 1):p.start] == "("


# Hospitals, jails, prisons, courts, coroners, the dispatch centre that took the call and the
# agencies on the case: where the victim or the suspect was taken or who answers, not the scene.
_INST = (r"Hospitals?|Medical Cent(?:er|re)|Health Cent(?:er|re)|Health System|Clinic|Infirmary|"
         r"Trauma Cent(?:er|re)|Jail|Prison|Penitentiary|Detention Cent(?:er|re)|Correctional|Courthouse|Court|Coroner|"
         r"Dispatch Cent(?:er|re)|Communications Cent(?:er|re)|911 Cent(?:er|re)|"
         r"Medical Examiner|Sheriff|Police Department|Police Dept|Prosecutor|Attorney")
INSTITUTION = re.compile(rf"\b(?:{_INST})\b")
# "LSU Medical Center in Shreveport", "Children's Hospital of Philadelphia": the institution's town
_AFTER_INST = re.compile(rf"\b(?:{_INST})['’]?s?(?:\s+[A-Z][\w'’.]*)*\s*(?:,|\bin|\bof|\bat)\s+$")
# "went to a hospital in Erie", "held at the county jail in Newport": the town of one unnamed
_AFTER_PLAIN_INST = re.compile(r"\b(?:hospital|medical center|trauma center|jail|prison|morgue)s?\s+(?:in|at|of)\s+$", re.I)
# "a Poplar Bluff hospital", "the Tyler County jail"
_BEFORE_INST = re.compile(r"(?:['’]s)?\s+(?:area\s+|children['’]?s\s+)?(?:hospital|medical center|trauma center|jail|prison|"
                          r"courthouse|court|morgue)\b", re.I)
# "taken to Dallas", "airlifted to a Pittsburgh hospital", "sent to Dallas for an autopsy"
_MOVED_TO = re.compile(r"\b(?:taken|transported|rushed|driven|airlifted|flown|sent|brought|transferred|"
                       r"extradited|moved|returned)\s+(?:back\s+)?(?:to|into)\s+(?:a\s+|an\s+|the\s+)?$")


# "about 20 miles east of Cincinnati", "a few miles outside Dayton", "an hour northwest of
# Charlotte", "just north of Columbus": a town the scene lies some way from, named to find it
# by. The scene is not in it: another town or county the story names is, and the landmark is
# only the fallback of a story that names nothing else (coded "near", ACLED's precision 2).
_DIR = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ward)?"
_AMOUNT = (r"(?:(?:about|around|roughly|some|nearly|almost|approximately|more\s+than|less\s+than|over|under|"
           r"only|just|barely)\s+)?(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
           r"a\s+few|a\s+couple(?:\s+of)?|several|few|half\s+an?|dozens\s+of)")
_UNIT = r"(?:miles?|mi\.?|kilomet(?:er|re)s?|km|hours?|minutes?)(?:['’]s?\s+drive)?"
_LANDMARK = re.compile(
    rf"(?i:\b{_AMOUNT}[\s-]+{_UNIT}\s+(?:{_DIR}\s+of|from|away\s+from|outside(?:\s+of)?|beyond|past)"
    rf"|\b(?:just|due|directly|immediately|slightly|far)\s+(?:{_DIR}\s+of|outside(?:\s+of)?)"
    rf"|(?<![Nn]ear\s)(?<!\bthe\s)\b{_DIR}\s+of|\boutside\s+of)"
    r"\s+(?:downtown\s+|the\s+(?:city|town|village)\s+of\s+)?$")
# "a shooting outside Dayton": outside a town (not outside a store or a home)
_OUTSIDE = re.compile(r"\b(?:just\s+)?outside\s+$", re.I)


def landmark(p: Place, text: str) -> bool:
    """Is this town named as a landmark the scene lies some distance or direction from?"""
    return landmark_at(p.start, p.feature, text)


# the names qualifying a landmark: "outside Ilopango, San Salvador", "north of Yombio (Dungu, Haut-Uele)"
_NAME_WORD = r"[A-Z][\w'’.-]*"
_QUALIFIER_CHAIN = re.compile(
    rf"(?:{_NAME_WORD}(?:\s+(?:(?:al|ad|an|as|el|de|del|la|le|da|di|du|of)\s+)?{_NAME_WORD}){{0,3}}"
    r"(?:\s+(?:city|town|village|district))?\s*(?:,|\()\s*){1,3}$")


def of_landmark(p: Place, text: str) -> bool:
    """Is this place a qualifier of a landmark town named just before it ("outside Ilopango,
    San Salvador": the department says where Ilopango is, not where the event was)?"""
    before = text[max(0, p.start - 120):p.start]
    m = _QUALIFIER_CHAIN.search(before)
    return m is not None and landmark_before(before[:m.start()], True)


def landmark_at(start: int, feature: str | None, text: str) -> bool:
    if feature not in ("city", "neighbourhood", "county", None):
        return False
    return landmark_before(text[max(0, start - 60):start], feature == "city")


def landmark_before(before: str, town: bool = True) -> bool:
    """Do these words ("about 20 miles east of ", "just outside ") make the town after them a
    landmark? A bare "outside" does so only before a town ("outside a store" is a scene)."""
    return bool(_LANDMARK.search(before) or (town and _OUTSIDE.search(before)))


# "told reporters in Goma", "said in a statement from Kyiv", "a news conference in Geneva":
# where something was said, not where it happened
_STATED_IN = re.compile(r"\b(?:(?:told|telling|tells|briefed|briefing)\s+(?:reporters|journalists|the\s+press|"
                        r"(?:a\s+|the\s+)?(?:news|press)\s+(?:conference|briefing))|(?:news|press)\s+"
                        r"(?:conference|briefing)|speaking|spoke)\s+(?:in|at|from)\s+(?:the\s+(?:capital\s+)?)?$", re.I)


def institution(p: Place) -> bool:
    return p.feature == "venue" and bool(INSTITUTION.search(p.name or p.text))


# "on the Elbert County line", "across the state line": a boundary the scene lies at, seen
# from the area the scene is in
_LINE_AFTER = re.compile(r"(?:\s+(?:county|state|city|town|parish))?\s+line\b", re.I)


def elsewhere(p: Place, text: str) -> bool:
    """Named as where a later step took place: the institution itself, or the town of a
    hospital or jail ("LSU Medical Center in Shreveport", "a Poplar Bluff hospital"), or where
    someone was taken ("airlifted to Pittsburgh"); or the neighbouring area whose line the
    scene lies on ("at the bridge on the Elbert County line" happened in the other county); or
    where it was told ("told reporters in Goma"). (A landmark town is no scene either, but it
    is the fallback: see `landmark`.)"""
    if institution(p):
        return True
    if p.feature in ("county", "admin1", "city", None) and _LINE_AFTER.match(text, p.end):
        return True
    before = text[max(0, p.start - 60):p.start]
    return bool(_AFTER_INST.search(before) or _AFTER_PLAIN_INST.search(before) or _MOVED_TO.search(before)
                or _BEFORE_INST.match(text, p.end) or _STATED_IN.search(before))


# A town named as someone's home: "a Benton Harbor man", "Columbia native", "Smith, 30, of
# Allen", "also of Benton Harbor", "who lives in Dayton", "a worker from Fairfield".
_RESIDENT_AFTER = re.compile(
    r"(?:['’]s)?(?:[-\s]area)?\s+(?:man|woman|men|women|teen|teenager|teens|boy|girl|male|female|"
    r"residents?|natives?|couple|family|youth|students?|mother|father|mom|dad|toddler|child|infant|"
    r"baby|brothers?|sisters?|husband|wife|son|daughter|grandmother|grandfather|person|people)\b", re.I)
_RESIDENT_BEFORE = re.compile(
    r"(?:(?:\b\d{1,3}|\b([A-Z][A-Za-z]*)\.?|\balso|\bboth|\ball)\s*,?\s+(?:also\s+|both\s+)?of"
    r"|\b(?:\d{1,3}|man|woman|boy|girl|teen|teenager|worker|resident|student|family|[A-Z][a-z]+)\s*,?\s+from"
    r"|\b(?:lives?|lived|living|resides?|resided|grew up|moved|raised|born)\s+(?:in|to|near))"
    r"\s+(?:the\s+)?$")
# "the City of Hamilton", "University of Chicago": "of" after these words names the place itself
_OF_ITSELF = frozenset({"City", "Town", "Village", "Township", "Borough", "County", "Parish", "State",
                        "University", "Department", "Province", "District", "Region", "Republic"})


# "a retired Newburgh police officer", "a former Dallas cop", "an off-duty Chicago officer"
_FORMER_BEFORE = re.compile(r"\b(?:retired|former|off-duty|ex-)\s*$", re.I)
_FORCE_AFTER = re.compile(r"(?:['’]s)?\s+(?:police\s+|fire\s+)?(?:officer|cop|deputy|trooper|detective|firefighter|"
                          r"sergeant|lieutenant|captain|chief)s?\b", re.I)


# the town a state or country qualifies: "of Miami, Florida" (the town's start)
_QUALIFIED_TOWN = re.compile(r"[A-Z][A-Za-z.'’-]*(?:\s[A-Z][A-Za-z.'’-]*){0,3},\s*$")


def residence(p: Place, text: str) -> bool:
    """Is this town named as where a person lives (or comes from) rather than where something
    happened? A home town is the scene only when nothing else is named. The state or country
    qualifying a home town ("Smith, 21, of Miami, Florida") is part of that home."""
    if p.feature in ("admin1", "country"):
        q = _QUALIFIED_TOWN.search(text, max(0, p.start - 60), p.start)
        if q is None or q.end() != p.start:
            return False
        m = _RESIDENT_BEFORE.search(text[max(0, q.start() - 40):q.start()])
        comma = text.startswith(",", p.end)  # "a Miami, Florida, man"
        return m is not None and m.group(1) not in _OF_ITSELF or bool(_RESIDENT_AFTER.match(text, p.end + comma))
    if p.feature not in ("city", "neighbourhood", "county", None):
        return False
    if _RESIDENT_AFTER.match(text, p.end):
        return True
    if _FORMER_BEFORE.search(text, max(0, p.start - 20), p.start) and _FORCE_AFTER.match(text, p.end):
        return True  # "a retired Newburgh police officer": a career, not where anything happened
    m = _RESIDENT_BEFORE.search(text[max(0, p.start - 40):p.start])
    return m is not None and m.group(1) not in _OF_ITSELF


# "taken to X Hospital", "pronounced dead at X Medical Center": the place of a later step.
_TAKEN_TO = re.compile(r"\b(?:taken|transported|rushed|driven|airlifted|flown|brought|transferred|treated|"
                       r"admitted|died|dead|hospitali[sz]ed|listed|recovering|released|booked|jailed|"
                       r"arraigned|appeared|sentenced)\b[^.]{0,60}$")


def taken_to(p: Place, text: str) -> bool:
    return bool(_TAKEN_TO.search(text[max(0, p.start - 80):p.start]))


def named_places(record: Record) -> list[Place]:
    """The article's places less the outlet's ("| CBS Dallas / Fort Worth") and non-names."""
    outlet, text = outlet_spans(record), record.article.text
    within = nested([(p.start, p.end) for p in record.places])
    return [p for p in record.places if not inside(p, outlet) and not junk(p, text)
            # and not a name inside another one ("LAKE CITY" of "SALT LAKE CITY")
            and (p.start, p.end) not in within]


def qualified(p: Place, countries: list[Place], text: str) -> bool:
    """A place the text itself puts in its country ("the Ukrainian city of Kherson", "Kherson,
    Ukraine") is no namesake, whatever the rest of the article is about."""
    for q in countries:
        if q.country_code != p.country_code:
            continue
        if 0 <= p.start - q.end <= 20 and "\n" not in text[q.end:p.start] \
                or 0 <= q.start - p.end <= 2 and text[p.end:q.start].strip() in (",", ""):
            return True
    # a nationality word just before, which the places layer need not have kept
    m = _DEMONYM_BEFORE.search(text, max(0, p.start - 30), p.start)
    return m is not None and demonyms().get(m.group(1).lower()) == p.country_code


_DEMONYM_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:city|town|village|province|region|port|capital)(?:\s+of)?\s+$")
