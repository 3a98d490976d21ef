"""The cue-verb lexicon of the quotes layer, loaded once from data/quotes/cues.toml.

The shared spaCy pipeline runs without its lemmatizer (for speed), so cues are
matched on the lower-cased surface form: every inflection of each lemma is
generated here once and looked up in a dict.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_VOWELS = set("aeiou")
PRONOUNS = frozenset(
    "he she they it we i you him her them us me who whom".split()
)


@dataclass(frozen=True)
class Cue:
    lemma: str
    frames: str  # letters: q direct quote, c clause, x infinitive, o object

    @property
    def direct(self) -> bool:
        return "q" in self.frames


@dataclass(frozen=True)
class Lexicon:
    forms: dict[str, Cue]  # lower-cased surface form -> cue
    direct_re: re.Pattern[str]  # word-bounded forms of the direct-quote cues
    phrases: dict[str, str]
    media_re: re.Pattern[str]  # a news outlet's name ends with one of these words
    media_verbs: frozenset[str]  # lemmas of "confirmed to <outlet>" cues
    headline_labels: frozenset[str]  # "UPDATE:", "WATCH:" … are no speakers
    in_nouns: frozenset[str]  # "In a new poll, …": document sources
    passive_forms: frozenset[str]  # "is expected to …" (no source)
    raising_forms: frozenset[str]  # "seems to …" (no source)
    titles: frozenset[str]  # "Chief", "spokesman" … before a speaker's name
    person_titles: frozenset[str]  # the titles that name a person ("spokesman", not "county")


def _inflect(lemma: str) -> set[str]:
    """Regular English verb forms, generously: a spare non-word costs nothing."""
    out = {lemma}
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        out.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        out.add(lemma[:-1] + "ies")
    else:
        out.add(lemma + "s")
    if lemma.endswith("e"):
        out.update({lemma + "d", lemma[:-1] + "ing"})
        if lemma.endswith("ee"):
            out.add(lemma + "ing")
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        out.update({lemma[:-1] + "ied", lemma + "ing"})
    else:
        out.update({lemma + "ed", lemma + "ing"})
        # consonant doubling (admit -> admitted, plan -> planning)
        if len(lemma) >= 3 and lemma[-1] not in _VOWELS | {"w", "x", "y"} and lemma[-2] in _VOWELS \
                and lemma[-3] not in _VOWELS:
            out.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = tomllib.loads(
        resources.files("eventwire").joinpath("data/quotes/cues.toml").read_text("utf-8")
    )
    irregular: dict[str, list[str]] = raw.get("irregular", {})
    forms: dict[str, Cue] = {}
    for section in ("cognition", "evaluation", "speech"):  # later sections win on clashes
        for lemma, frames in raw.get(section, {}).items():
            cue = Cue(lemma, frames)
            for form in _inflect(lemma) | set(irregular.get(lemma, [])):
                forms[form] = cue
    unsourced = _forms(raw, "passive", irregular) | _forms(raw, "raising", irregular)
    _add_learned(forms, unsourced)
    direct = sorted((f for f, c in forms.items() if c.direct), key=len, reverse=True)
    direct_re = re.compile(r"\b(?:" + "|".join(map(re.escape, direct)) + r")\b", re.IGNORECASE)
    media = raw.get("media", {})
    media_re = re.compile(
        r"\b(?:" + "|".join(map(re.escape, media.get("words", []))) + r")\W*$", re.IGNORECASE
    )
    return Lexicon(forms=forms, direct_re=direct_re, phrases=dict(raw.get("phrases", {})),
                   media_re=media_re, media_verbs=frozenset(media.get("verbs", [])),
                   headline_labels=frozenset(raw.get("headline", {}).get("labels", [])),
                   in_nouns=frozenset(raw.get("sources", {}).get("in_nouns", [])),
                   passive_forms=_forms(raw, "passive", irregular),
                   raising_forms=_forms(raw, "raising", irregular),
                   titles=frozenset(w.lower() for w in raw.get("titles", {}).get("words", [])),
                   person_titles=frozenset(w.lower() for w in raw.get("titles", {}).get("people", [])))


def _add_learned(forms: dict[str, Cue], unsourced: frozenset[str]) -> None:
    """Frames learned from annotated news (data/quotes/cues_learned.toml, written by
    scripts/learn_quote_cues.py) widen the hand-written entries; they never narrow one, and
    leave alone the forms read as unsourced ("is expected to …" has no speaker)."""
    path = resources.files("eventwire").joinpath("data/quotes/cues_learned.toml")
    if not path.is_file():
        return
    for lemma, entry in tomllib.loads(path.read_text("utf-8")).get("learned", {}).items():
        for form in entry["forms"]:
            if form in unsourced:
                continue
            old = forms.get(form)
            frames = (old.frames if old else "") + "".join(
                f for f in entry["frames"] if not old or f not in old.frames)
            forms[form] = Cue(old.lemma if old else lemma, frames)


def _forms(raw: dict, key: str, irregular: dict[str, list[str]]) -> frozenset[str]:
    out: set[str] = set()
    for lemma in raw.get("unsourced", {}).get(key, []):
        out |= _inflect(lemma) | set(irregular.get(lemma, []))
    return frozenset(out)


def cue_of(word: str) -> Cue | None:
    return lexicon().forms.get(word.lower())
