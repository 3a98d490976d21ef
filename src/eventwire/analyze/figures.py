"""figures layer: casualty, arrest and kidnapping counts with their qualifiers.

Two passes over each article, both cheap:
  1. regexes compiled at import for counted phrases: "at least 133 dead", "11 people were
     arrested", "killing 2 and injuring 5", "the death toll rose to 40", "left 5 wounded",
     "four teens, one fatally, were shot", "no one was injured";
  2. the dependency parse (figures_dep) for victims that are not numbers: "a man was shot and
     killed" (1), "a man and a woman were killed" (2), "X and Y were arrested" (2),
     "he died at the scene" (1), "suffered non-life-threatening injuries".
Qualifiers: "at least"/"more than" -> at_least with the stated value (ACLED takes the number);
"up to"/"as many as" -> at_most; "about"/"nearly"/"some" -> about; "dozens" -> 12 at_least;
a range "between 10 and 15" -> 10 at_least; "one soldier and two militants" -> 3 (figures_lists).
The events layer ties figures to events; this layer only proposes candidates with evidence.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from ..model import Figure, Record, Span
from .figures_cues import death_cues, is_cue
from .figures_dep import dep_figures
from .figures_lexicon import (  # parse_count is re-exported: a public helper for other layers
    AFTER_KIND,
    BEFORE_KIND,
    COUNT,
    LEAVE,
    NOBODY,
    PERSON_NOUNS,
    alt,
    norm,
    parse_count,
    range_low,
)
from .figures_lists import listed
from .figures_merge import add_others, drop_superseded
from .regex_first import with_lead

I = re.IGNORECASE  # noqa: E741

_AUX = (r"(?:were|was|have\s+been|has\s+been|had\s+been|are|is|been|got|get|being|reportedly|allegedly|also|"
        r"later|all|both|each|critically|seriously|severely|slightly|lightly|badly|now|since|confirmed|reported|"
        r"believed|thought|feared|said\s+to\s+be|to\s+have\s+been|appears?\s+to\s+have|appeared\s+to\s+have|who\s+were|who\s+was|among\s+those)")
_STOP = (r"(?:that|who|which|when|where|after|before|while|said|says|say|told|but|than|if|because|since|until|"
         r"were|was|and|or|to|of\s+whom|per|percent|years?|months?|weeks?|days?|hours?|minutes?|dollars?|million|"
         r"billion|times|attacks?|incidents?|cases|shootings?|bombings?|raids?)")
_MID_BODY = rf"(?:\s+(?!{_STOP}\b)[A-Za-z(][\w'’()-]*){{0,6}}?"
_MID = rf"(?P<mid>{_MID_BODY})"
_NOT_AFTER_COUNT = re.compile(r"\s*(?:%|percent|per\s*cent|years?\b|months?\b|weeks?\b|days?\b|hours?\b|minutes?\b|"
                              r"dollars?\b|million\b|billion\b|times\b|a\.m\.|p\.m\.|am\b|pm\b|[-/:]\d)", I)

_COUNT_FIRST = re.compile(
    rf"(?:(?<![\w$£€.,-])|(?<=\d[-–]))(?P<count>{COUNT}){_MID}\s*,?(?:\s+{_AUX})*\s+(?P<trig>{alt(list(AFTER_KIND))})\b", I)
_VERB_FIRST = with_lead(re.compile(
    rf"\b(?P<trig>{alt(list(BEFORE_KIND))})\s+(?:(?:a\s+total\s+of|the)\s+)?(?P<count>{COUNT})(?![\w-])", I))
_LEAVE = with_lead(re.compile(
    rf"\b(?:left|leaving|leaves|leave)\s+(?P<count>{COUNT})(?:\s+[a-z][\w-]*){{0,3}}?\s+(?P<comp>{alt(LEAVE)})\b", I))
# "a shooting that sent four men to the hospital": the people sent are the wounded
_SENT = with_lead(re.compile(
    rf"\b(?:sent|sending|sends|send)\s+(?P<count>{COUNT})(?:\s+[a-z][\w-]*){{0,3}}?\s+to\s+(?:the\s+|a\s+|an\s+|area\s+|local\s+)*"
    rf"(?:hospitals?|emergency\s+rooms?|trauma\s+cent(?:er|re)s?)\b", I))
_TOLL = with_lead(re.compile(
    rf"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed))(?:\s+[a-z][\w-]*){{0,4}}?\s+"
    rf"(?:to|at|of|reached|hit|is|was|stands\s+at|stood\s+at|now|climbed\s+to|rose\s+to)\s+(?P<count>{COUNT})(?![\w-])", I))
_FATALLY = re.compile(
    rf"(?<![\w$])(?P<count>{COUNT}){_MID_BODY},\s+(?P<k>{COUNT})\s+(?:of\s+them\s+)?fatally,\s+(?:were|was|have\s+been|had\s+been)\s+"
    rf"(?:shot|stabbed|wounded|injured|hurt|hit)\b"
    rf"|(?<![\w$])(?P<count2>{COUNT}){_MID_BODY}\s+(?:were|have\s+been|had\s+been)\s+(?:shot|stabbed|wounded|injured|hit)"
    rf"(?:\s+[a-z]+){{0,4}}?,\s+(?P<k2>{COUNT})\s+(?:of\s+them\s+)?fatally\b"
    # "Multiple people were shot, two fatally": the dead without a total
    rf"|\b(?:were|have\s+been|had\s+been)\s+(?:shot|stabbed|wounded|injured|hit)(?:\s+[a-z]+){{0,4}}?,\s+"
    rf"(?P<k3>{COUNT})\s+(?:of\s+them\s+)?fatally\b", I)
_NOBODY = with_lead(re.compile(
    rf"\b(?P<who>{alt(['no one', 'nobody', 'none', 'no-one', 'no other', 'no people'])})(?:\s+else)?\s+(?:[a-z]+\s+){{0,2}}?"
    rf"(?:was|were|had\s+been|has\s+been|is|got|appeared\s+to\s+be|reported)\s+(?:[a-z]+\s+)?(?P<trig>{alt(list(AFTER_KIND))})\b"
    rf"|\b(?:there\s+(?:were|was|have\s+been|had\s+been)\s+)?no\s+(?:reported\s+|other\s+|immediate\s+)?(?P<noun>injuries|casualties|deaths|fatalities|arrests|one\s+hurt|one\s+injured|one\s+killed)"
    rf"(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been))?\s+(?:immediately\s+)?(?:reported|made|confirmed)", I))
_PERSON = alt(PERSON_NOUNS)
# a person noun, or an age used as one ("a 15-year-old is dead")
# (possessive ++: a shorter run of digits or letters can never be followed by [- ], so giving
# characters back is wasted work at every word; the matches are the same)
_WHO = rf"(?:{_PERSON}|(?:\d++|[a-z]++)[- ](?:year|month|week)s?[- ]old(?!-))"
_ONE = r"(?:a|an|the|one|another)\s+(?:[\w'’-]+\s+){0,2}?"
# Singular victims named by a person noun, where the parse often fails (headlines, lists).
_SINGLE = [
    # "Man shot, killed", "Woman shot and killed", "Man shot dead" (headline style or after a/the)
    (re.compile(rf"(?:\b{_ONE}|(?<![\w])(?=[A-Z]))(?:[\w'’-]+\s+){{0,2}}?{_PERSON}\s+(?:is\s+|was\s+)?(?:found\s+)?(?:shot|stabbed|gunned\s+down)"
                rf"(?:,\s*|\s+and\s+|\s+)(?:killed|dead|to\s+death)\b", I), "killed"),
    # "left a man in critical condition", "left a woman injured", "left a teen dead"
    (re.compile(rf"\b(?:left|leaving|leaves)\s+{_ONE}{_PERSON}\s+(?:(?:critically|seriously|severely|badly|gravely)\s+)?"
                rf"(?:(?:in\s+(?:critical|serious|stable|grave)\s+condition|injured|wounded|hurt)(?P<inj>)|dead)\b", I), "left"),
    # "left a 7-year-old girl dead and her grandmother wounded": the second complement
    (re.compile(rf"\b(?:left|leaving|leaves)\s+[^.;\n]{{1,60}}?\s+dead,?\s+and\s+(?:a|an|the|his|her|their|one|another)\s+"
                rf"(?:[\w'’-]+\s+){{0,2}}?{_WHO}\s+(?:(?:critically|seriously|severely|badly)\s+)?(?:injured|wounded|hurt)\b", I),
     "injured"),
    # "the fatal shooting of a 16-year-old boy", "the shooting death of 15 year-old X", "the death of a child"
    (re.compile(rf"\b(?:(?:fatal|deadly)\s+(?:shooting|stabbing)|(?:shooting|stabbing|gunshot)\s+death|death|killing|"
                rf"murder|slaying|body|remains)\s+of\s+(?:(?:a|an|the|his|her|their)\s+(?:[\w'’-]+\s+){{0,2}}?{_PERSON}"
                rf"|(?:(?:a|an|the|his|her|their)\s+)?(?:\d++|[a-z]++)[- ](?:year|month|week|day)s?[- ]old)\b", I), "killed"),
    # "found a 16-year-old girl dead", "found Guzman dead", "took his own life"
    (re.compile(rf"\b(?:found|pronounced|declared)\s+(?:{_ONE}{_WHO}|(?:[A-Z][\w'’-]+\s+){{1,3}}?)\s*dead\b"
                rf"|\b(?:took|taken|take|takes|taking)\s+(?:his|her)\s+own\s+life\b", 0), "killed"),
    # "a man with a gunshot wound", "found a 15-year-old with gunshot wounds"
    (re.compile(rf"\b(?:a|an|one)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_PERSON}|(?:\d++|[a-z]++)-(?:year|month)s?-old)\s+with\s+"
                rf"(?:a|an|one|two|three|multiple|several|apparent|a\s+single)?\s*(?:[\w-]+\s+)?(?:gunshot|stab|bullet)\s+wounds?\b", I),
     "injured"),
    # "Girl shot at party dies", "a man shot Sunday in Chicago has died": wounded, then dead
    (re.compile(rf"\b{_WHO}\s+(?:who\s+was\s+)?(?:shot|stabbed|wounded|injured|hurt)\b(?:\s+(?!and\b|but\b)[\w'’-]+){{0,6}}?"
                rf"\s+(?:dies|died|has\s+died|have\s+died|later\s+died)\b", I), "killed"),
    # "A teenager is dead", "a man was found dead"
    (re.compile(rf"\b{_ONE}{_WHO}\s+(?:is|was|has\s+been|had\s+been)\s+(?:found\s+|pronounced\s+|declared\s+)?dead\b", I), "killed"),
]
# behind a lookahead on their possible first characters (same matches, fewer tries)
_SINGLE = [(with_lead(p), kind) for p, kind in _SINGLE]
# A word every match of a _SINGLE pattern contains ("... later died", "... was found dead"):
# where the lower-cased text lacks it the pattern cannot match and is skipped (most articles).
_SINGLE_NEEDS = {5: "wound", 6: "die", 7: "dead"}
# Letters that match an ASCII letter under IGNORECASE but do not lower-case to it (dotless i,
# dotted capital I, long s, Kelvin sign): where present, the word test above could miss a match.
_ODD_CASE = re.compile("[\u0131\u0130\u017f\u212a]")
_NOUN_KIND = {"injuries": ("injured",), "casualties": ("killed", "injured"), "deaths": ("killed",),
              "fatalities": ("killed",), "arrests": ("arrested",), "one hurt": ("injured",),
              "one injured": ("injured",), "one killed": ("killed",)}
_MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\Z", I)
_SINGULAR_VERB = re.compile(r"\s+(?:was|is|has|had|died|dies)\b", I)
_SENTENCE_IN_MID = re.compile(r"(?:^|\s)(?:A|An|The)\s")
_AGE_COMMAS = re.compile(r"[A-Za-z.)]\s*,\s*\Z")
_COMMA = re.compile(r"\s*,")
_YEARLIKE = re.compile(r"^(?:1[89]\d\d|20\d\d)$")


def analyze(record: Record) -> list[Figure]:
    text = record.article.text or ""
    if not text:
        return []
    starts = _sentence_starts(text, record.doc)
    cands: list[Figure] = []
    cands += _regex_figures(text)
    cands += death_cues(text)
    if record.doc is not None:
        try:
            cands += dep_figures(record.doc)
        except Exception:  # a parse oddity must not lose the regex figures
            pass
    cands += listed(cands, text)
    out = drop_superseded(_dedup(cands))
    for f in out:
        f.sentence = bisect.bisect_right(starts, f.span.start) - 1
    return add_others(_drop_counted_cues(out), text)


def _drop_counted_cues(figs: list[Figure]) -> list[Figure]:
    """A death cue ("in a murder-suicide") says nothing more where its sentence counts the dead."""
    counted = {(f.sentence, f.value) for f in figs if f.kind == "killed" and not is_cue(f.span.text)}
    return [f for f in figs if not (f.kind == "killed" and is_cue(f.span.text)
                                    and any(s == f.sentence and v >= f.value for s, v in counted))]


def find_figures(text: str) -> list[Figure]:
    """The regex pass alone (no parse): handy for other layers and tests."""
    return _dedup(_regex_figures(text))


# The numbers of a list of ages: after "ages"/"aged", or a list of small numbers between
# commas after the people it describes ("the victims, 19 and 22, were hospitalized").
_AGES_BEFORE = re.compile(r"\b(?:ages?|aged)\s+(?:\d{1,3}\s*(?:,\s*(?:and\s+|&\s*)?|and\s+|&\s*))*\Z", I)
_AGE_PAIR_BEFORE = re.compile(r"[^\W\d]\s*,\s*(?:\d{1,3}\s*,\s*)*\d{1,3},?\s+(?:and|&)\s+\Z")


def _in_age_list(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40):start]
    if _AGES_BEFORE.search(before):
        return True
    return bool(_AGE_PAIR_BEFORE.search(before) and _COMMA.match(text, end))


def _fig(text: str, kind: str, value: int, qualifier: str, start: int, end: int) -> Figure:
    return Figure(kind=kind, value=value, qualifier=qualifier, span=Span.of(text, start, end))


def _count_ok(text: str, m: re.Match[str], group: str = "count") -> tuple[int, str] | None:
    raw = m[group]
    if raw is None:
        return None
    parsed = parse_count(raw)
    if parsed is None or _YEARLIKE.match(raw.strip()):
        return None
    if _NOT_AFTER_COUNT.match(text, m.end(group)):
        return None
    start = m.start(group)
    if raw.strip().isdigit() and _MONTH_BEFORE.search(text, max(0, start - 12), start):
        return None  # "Sept. 3 died": a date, not a count
    if _SENTENCE_IN_MID.search(m.groupdict().get("mid") or ""):
        return None  # "Jan. 8 A child was shot": the count ends before a new sentence
    if (raw.strip().isdigit() and parsed[0] > 1 and _AGE_COMMAS.search(text, max(0, start - 4), start)
            and _SINGULAR_VERB.match(text, m.end(group))):
        return None  # "Jamie Clayton, 22 was shot": an age whose closing comma is missing
    if raw.strip().isdigit() and _AGE_COMMAS.search(text, max(0, start - 4), start) and _COMMA.match(text, m.end(group)):
        return None  # "Smith, 20, was arrested": an age between commas, not a count
    if raw.strip().isdigit() and parsed[0] <= 120 and _in_age_list(text, start, m.end(group)):
        return None  # "the other three, ages 15, 16 and 17, were in stable condition"
    return parsed


# Cheap key regexes every match of a slow pattern contains, and how far the match may reach
# before/after the key: the slow patterns only run in windows around key hits.
# A word inside every trigger of AFTER/BEFORE: cheap to find (short stems, lower-cased text)
# where the full trigger alternation is slow to try at every position.
_STEMS = (r"\b(?:kill|dead|die|death|slain|murder|gunned|stab|beat|burn|execut|behead|massacr|perish|lives|"
          r"fatal|bodies|injur|wound|hurt|graz|hospital|arrest|detain|detention|apprehend|custody|rounded|nabbed|"
          r"jail|remand|booked|kidnap|abduct|hostage|captive|snatch|missing|slaughter|toll|seiz|picked|shot|condition|life|"
          r"neutrali)")
_KEYS: dict[str, tuple[re.Pattern[str], int, int]] = {
    "fatally": (re.compile(r"fatally"), 220, 120),
    "after": (re.compile(_STEMS), 260, 40),
    "before": (re.compile(_STEMS), 40, 110),
    "shot": (re.compile(r"shot|stabbed|gunned"), 100, 40),
}
_KEYS_I = {k: (re.compile(v[0].pattern, I), v[1], v[2]) for k, v in _KEYS.items()}


def _iter(pattern: re.Pattern[str], text: str, key: str, low: str) -> list[re.Match[str]]:
    # Keys run on the lower-cased text (much faster than IGNORECASE) unless lower-casing
    # changed its length (some non-ASCII letters), when offsets would no longer line up.
    regex, before, after = _KEYS[key] if len(low) == len(text) else _KEYS_I[key]
    haystack = low if len(low) == len(text) else text
    windows: list[tuple[int, int]] = []
    for k in regex.finditer(haystack):
        ws, we = max(0, k.start() - before), min(len(text), k.end() + after)
        if windows and ws <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], we))
        else:
            windows.append((ws, we))
    return [m for ws, we in windows for m in pattern.finditer(text, ws, we)]


def _regex_figures(text: str) -> list[Figure]:
    out: list[Figure] = []
    low = text.lower()
    for m in _iter(_FATALLY, text, "fatally", low):
        if m["k3"]:
            dead = parse_count(m["k3"])
            if dead:
                out.append(_fig(text, "killed", dead[0], dead[1], m.start(), m.end()))
            continue
        g, k = ("count", "k") if m["count"] else ("count2", "k2")
        total, dead = parse_count(m[g]), parse_count(m[k])
        if total and dead and dead[0] <= total[0]:
            out.append(_fig(text, "killed", dead[0], dead[1], m.start(), m.end()))
            out.append(_fig(text, "injured", total[0] - dead[0], total[1], m.start(), m.end()))
    for m in _iter(_COUNT_FIRST, text, "after", low):
        c = _count_ok(text, m)
        if (c and not re.search(r"\d|\n", m["mid"] or "") and not _active_or_attributive(text, m)
                and not _not_victims(text, m, c[0])):
            kind, qualifier = AFTER_KIND[norm(m["trig"])], c[1]
            bottom = range_low(text, m.start("count"), c[0])  # "between 10 and 15 people": 10
            c, qualifier = ((bottom, "at_least") if bottom else c), ("at_least" if bottom else qualifier)
            if _PARTITIVE.search(text, m.end("count"), m.start("trig")):
                # "eight of the wounded died": some of the hurt, now dead; "three of the wounded
                # are critical": a part of the hurt, so at least that many
                if _DIED_AFTER.match(text, m.end("trig")):
                    kind = "killed"
                qualifier = "at_least"
            out.append(_fig(text, kind, c[0], qualifier, m.start(), m.end()))
    for m in _iter(_VERB_FIRST, text, "before", low):
        c = _count_ok(text, m)
        kind = BEFORE_KIND[norm(m["trig"])]
        if c and not _is_leave_or_time(text, m) and not _statistic(text, m, c[0]):
            out.append(_fig(text, kind, c[0], c[1], m.start(), m.end()))
    for m in _LEAVE.finditer(text):
        c = parse_count(m["count"])
        kind = LEAVE[norm(m["comp"])]
        if c and kind in ("killed", "injured", "missing", "displaced"):
            out.append(_fig(text, kind, c[0], c[1], m.start(), m.end()))
    for m in _SENT.finditer(text):
        c = _count_ok(text, m)
        if c:
            out.append(_fig(text, "injured", c[0], c[1], m.start(), m.end()))
    for m in _TOLL.finditer(text):
        c = _count_ok(text, m)
        if c:
            out.append(_fig(text, "killed", c[0], c[1], m.start(), m.end()))
    odd_case = _ODD_CASE.search(text) is not None
    for i, (pattern, kind) in enumerate(_SINGLE):
        need = _SINGLE_NEEDS.get(i)
        if need and not odd_case and need not in low:
            continue
        for m in (_iter(pattern, text, "shot", low) if i == 0 else pattern.finditer(text)):
            if kind == "left":
                kind_here = "injured" if m["inj"] is not None else "killed"
            else:
                kind_here = kind
            out.append(_fig(text, kind_here, 1, "exact", m.start(), m.end()))
    for m in _NOBODY.finditer(text):
        kinds = (AFTER_KIND[norm(m["trig"])],) if m["trig"] else _NOUN_KIND[norm(m["noun"])]
        for kind in kinds:
            out.append(_fig(text, kind, 0, "exact", m.start(), m.end()))
    return out


_PARTITIVE = re.compile(r"\s+of\s+the\s+$", I)
_DIED_AFTER = re.compile(r"\s+(?:have\s+|had\s+|has\s+)?(?:later\s+|since\s+|also\s+)?(?:died|succumbed|passed\s+away)\b", I)


_OBJECT_AFTER = re.compile(
    r"\s+(?:a|an|the|his|her|their|its|two|three|four|five|six|seven|eight|nine|ten|\d+|at\s+least|several|"
    r"dozens|scores|hundreds|[A-Z][a-z]+\s+[A-Z])\b")
_PASSIVE_AUX = re.compile(r"\b(?:were|was|been|are|is|got|get|being)\b", I)


def _active_or_attributive(text: str, m: re.Match[str]) -> bool:
    """"three armed men shot and killed two men" counts the killers; "families of killed
    soldiers" uses the participle as an adjective: neither is a count of victims."""
    between = text[m.end("count"):m.start("trig")]
    if re.search(r"\bof\s*$", between, I):
        return True
    if _PASSIVE_AUX.search(between):
        return False
    if norm(m["trig"]) == "shot" and (_FIRED.match(text, m.end("trig")) or _SHOT_NOUN_AFTER.match(text, m.end("trig"))
                                      or _SHOT_NOUN_BEFORE.search(text, max(0, m.start() - 30), m.start())):
        return True
    return norm(m["trig"]).split()[-1] in _VERB_TRIGGERS and bool(_OBJECT_AFTER.match(text, m.end("trig")))


_VERB_TRIGGERS = frozenset({"killed", "murdered", "injured", "wounded", "hurt", "arrested", "detained",
                            "kidnapped", "abducted", "executed", "massacred", "stabbed", "apprehended", "shot"})
# "one shot was fired", "fired one shot": the noun, not people hit
_SHOT_NOUN_AFTER = re.compile(r"\s+(?:was|were|is|are|had\s+been|has\s+been)\s+(?:fired|heard|discharged)|\s+(?:rang|rings|ring|"
                              r"went|hit|struck|fired|echoed|came)\b", I)
_SHOT_NOUN_BEFORE = re.compile(r"\b(?:fired|fires|fire|firing|returned|returning|heard|hear|hears|took|take|takes|let|"
                               r"squeezed|got|get|single|warning|last|final|first)\s+(?:off\s+)?(?:at\s+least\s+)?\Z", I)
# "two men shot at officers", "shot up a house": firing, not being hit
_FIRED = re.compile(r"\s+(?:at|up|back|out|off|into|through|from|toward|towards|over|around)\b", I)


_DEATH_NOUNS = frozenset({"death", "deaths", "fatality", "fatalities", "bodies"})
# "Four people were charged in the death", "three men for her death": the count is not the dead
_NOT_THE_DEAD = re.compile(r"\b(?:in|for|with|over|on|at|by|charged|arrested|accused|blamed|suspected|held|"
                           r"sentenced|convicted|indicted|face|faces|facing)\b", I)
_AGE_BEFORE = re.compile(r"\b(?:turned|turns|aged|age|ages)\s*\Z", I)
# A count of a period, not of one incident: "28 were killed in 2007", "since 2012, 555 kids
# have been killed", "nine officers have been shot this year", "die annually".
_STAT_AFTER = re.compile(r"[^.;\n]{0,60}?\b(?:(?:this|last|past|each|every|per|a)\s+year|annually|in\s+(?:19|20)\d\d|"
                         r"since\s+(?:19|20)\d\d|so\s+far\s+this|(?:in|over|during|within)\s+(?:the\s+)?(?:past|last)\s+(?:[\w-]+\s+)?"
                         r"(?:days|weeks|months|years)|in\s+recent\s+(?:days|weeks|months|years))\b", I)
_STAT_BEFORE = re.compile(r"\b(?:since\s+(?:(?:19|20)\d\d|the\s+start)|in\s+(?:19|20)\d\d|(?:this|last|each|every)\s+year)\b[^.;\n]{0,50}\Z", I)


def _statistic(text: str, m: re.Match[str], value: int) -> bool:
    if value < 2:
        return False
    return bool(_STAT_AFTER.match(text, m.end()) or _STAT_BEFORE.search(text, max(0, m.start() - 80), m.start()))


def _not_victims(text: str, m: re.Match[str], value: int) -> bool:
    """Counts before a death noun that are not the dead, ages, and period statistics."""
    if norm(m["trig"]) in _DEATH_NOUNS and _NOT_THE_DEAD.search(m["mid"] or ""):
        return True
    if _AGE_BEFORE.search(text, max(0, m.start() - 10), m.start()):
        return True
    return _statistic(text, m, value)


def _is_leave_or_time(text: str, m: re.Match[str]) -> bool:
    """"killed 20 minutes later" is not a count of 20 dead."""
    return bool(_NOT_AFTER_COUNT.match(text, m.end("count")))


def _dedup(cands: list[Figure]) -> list[Figure]:
    """One figure per kind and overlapping span: the longer (more specific) phrase wins."""
    cands.sort(key=lambda f: (-(f.span.end - f.span.start), f.span.start))
    kept: list[Figure] = []
    for f in cands:
        if any(k.kind == f.kind and k.span.start < f.span.end and f.span.start < k.span.end for k in kept):
            continue
        kept.append(f)
    kept.sort(key=lambda f: (f.span.start, f.kind))
    return kept


_SENT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")


def _sentence_starts(text: str, doc: Any) -> list[int]:
    if doc is not None:
        try:
            return [s.start_char for s in doc.sents]
        except ValueError:  # no sentence boundaries set
            pass
    return [0] + [m.end() for m in _SENT_RE.finditer(text)]


__all__ = ["analyze", "find_figures", "parse_count", "NOBODY"]
