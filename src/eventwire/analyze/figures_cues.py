"""Deaths stated without a count: "a fatal shooting", "the shooting death", "a homicide",
"found dead", "a murder-suicide". Such a phrase proves at least one death (two for a
murder-suicide), so it gives a killed figure with qualifier at_least. A counted figure
of the same incident (larger, or exact) wins over it in the events layer, and a one-person
injured report ("the boy was shot") of a deadly incident is the same victim (figures_merge).

The words live in data/figures/lexicon.toml [death_cues]; the regex is compiled at import.
"""

from __future__ import annotations

import re

from ..model import Figure, Span
from .figures_lexicon import LEX, alt
from .regex_first import with_lead

_CUES = LEX["death_cues"]
_ADJ = alt(_CUES["adjectives"])
_NOUNS = alt(_CUES["incident_nouns"])
_NOT_BEFORE = frozenset(_CUES["homicide_not_before"])
_NOT_AFTER = frozenset(_CUES["homicide_not_after"])
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]+\Z")
_WORD_AFTER = re.compile(r"[\s-]+([A-Za-z]+)")
_MULTIPLES: dict[str, int] = _CUES["murder_multiples"]
_KILL_MULTIPLES: dict[str, int] = _CUES["killing_multiples"]
_CUE = re.compile(
    rf"(?<![\w-])(?:(?P<mult>{alt(_MULTIPLES)})[\s-]+)?(?P<two>{alt(_CUES['pair_phrases'])})\b"
    rf"|(?<![\w-])(?P<kmult>{alt(_KILL_MULTIPLES)})[\s-]+{alt(_CUES['killing_nouns'])}s?\b"
    # "non-fatal shooting", "not a fatal accident": no death
    rf"|(?<![\w-])(?<!non-)(?<!non\s)(?P<one>{_ADJ}\s+(?:[\w-]+\s+){{0,2}}?{_NOUNS}\b"
    rf"|{alt(_CUES['phrases'])}\b"
    rf"|(?P<hom>homicide)(?![\w-]))",
    re.IGNORECASE,
)
# "the third fatal shooting this year", "fatal shootings are up": a statistic, not the incident
_STAT_AFTER = re.compile(r"\s*(?:this\s+year|last\s+year|so\s+far|since|in\s+(?:19|20)\d\d|of\s+the\s+year)\b", re.I)
_STAT_BEFORE = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                          r"no|any|more|fewer|number\s+of|rate\s+of|spate\s+of|string\s+of|series\s+of)\s+\Z", re.I)


# A word every cue contains: the cue regex only runs in windows around these (speed).
_KEY = with_lead(re.compile(r"fatal|deadly|lethal|death|homicide|dead|murder|killing|slaying|life|victim", re.I))


def _matches(text: str) -> list[re.Match[str]]:
    windows: list[tuple[int, int]] = []
    for k in _KEY.finditer(text):
        ws, we = max(0, k.start() - 40), min(len(text), k.end() + 40)
        if windows and ws <= windows[-1][1]:
            windows[-1] = (windows[-1][0], we)
        else:
            windows.append((ws, we))
    out: list[re.Match[str]] = []
    for ws, we in windows:
        out += [m for m in _CUE.finditer(text, ws, we) if not out or m.start() >= out[-1].end()]
    return out


def death_cues(text: str) -> list[Figure]:
    out: list[Figure] = []
    for m in _matches(text):
        if m["one"] and m["one"].lower().endswith("s") and not m["one"].lower().endswith("ss"):
            continue  # plural "fatal shootings": several incidents, not this one's count
        if _STAT_AFTER.match(text, m.end()) or _STAT_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        if m["hom"] and not _homicide(text, m.start(), m.end()):
            continue
        if m["two"]:
            value = _MULTIPLES.get(m["mult"].lower(), 2) if m["mult"] else 2
        else:
            value = _KILL_MULTIPLES.get(m["kmult"].lower(), 1) if m["kmult"] else 1
        out.append(Figure(kind="killed", value=value, qualifier="at_least", span=Span.of(text, m.start(), m.end())))
    return out


def _homicide(text: str, start: int, end: int) -> bool:
    """"a homicide" is a death; "attempted homicide", "homicide detectives" are not."""
    b = _WORD_BEFORE.search(text, max(0, start - 20), start)
    a = _WORD_AFTER.match(text, end)
    return not (b and b.group(1).lower() in _NOT_BEFORE or a and a.group(1).lower() in _NOT_AFTER)


def is_cue(span_text: str) -> bool:
    """Whether a figure's evidence is a death cue alone (it names no person)."""
    return _CUE.fullmatch(span_text) is not None
