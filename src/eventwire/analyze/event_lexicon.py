"""Trigger lexicon and cue lists of the events layer, compiled once from data/events/*.toml.

Lemmas are not available (the lemmatizer is disabled for speed), so the loader generates
the inflected forms of every verb and noun and matching is one dict lookup per token.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Entry:
    type: str
    subtype: str | None
    pos: str  # "verb" or "noun"
    head: str  # lemma of the head word
    extra: tuple[str, ...]  # other words that must be children of the head
    weak: bool = False
    objects: tuple[str, ...] = ()  # the verb only counts with one of these as object
    # With `objects`, a passive ("the road was blocked") only counts when the by-agent is
    # one of these (crowd nouns) or a group name: trees, snow and police block roads too.
    passive_agents: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()  # the verb only counts with one of these as its active subject
    # an object (or subject) also counts when a modifier of it is one of these ("the kidnapped
    # aid workers were freed": kidnapped people are captives whatever the noun)
    markers: tuple[str, ...] = ()


def _load(name: str) -> dict[str, Any]:
    text = resources.files("eventwire.data.events").joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def verb_forms(lemma: str, irregular: dict[str, list[str]]) -> set[str]:
    """Regular inflections of an English verb plus listed irregular ones (over-generation is harmless)."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        es = "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s"
        forms |= {lemma + es, lemma + "ed", lemma + "ing"}
        # a doubled final consonant after one vowel: "stabbed", "kidnapped", "expelled"
        if lemma[-1] not in "aeiouwxy" and lemma[-2:-1] in "aeiou" \
                and (len(lemma) <= 4 or lemma[-3:-2] not in "aeiou"):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    forms |= set(irregular.get(lemma, []))
    return forms


def noun_forms(lemma: str) -> set[str]:
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return {lemma, lemma + "es"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return {lemma, lemma[:-1] + "ies"}
    if lemma.endswith("man"):
        return {lemma, lemma[:-3] + "men"}
    return {lemma, lemma + "s"}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[Entry, ...]]:
    """Token text (lowercase) -> the entries whose head word it can be."""
    data = _load("triggers.toml")
    irregular = data.get("irregular", {})
    table: dict[str, list[Entry]] = {}
    for trig in data["trigger"]:
        objects = trig.get("objects", {})
        agents = trig.get("passive_agents", {})
        subjects = trig.get("subjects", {})
        markers = tuple(trig.get("markers", ()))
        for pos, key in (("verb", "verbs"), ("noun", "nouns")):
            for phrase in trig.get(key, []):
                words = phrase.lower().split()
                head, extra = (words[0], words[1:]) if pos == "verb" else (words[-1], words[:-1])
                objs = tuple(objects.get(head, objects.get("*", []))) if pos == "verb" and not extra else ()
                subs = tuple(subjects.get(head, subjects.get("*", []))) if pos == "verb" else ()
                entry = Entry(trig["type"], trig.get("subtype"), pos, head, tuple(extra),
                              bool(trig.get("weak", False)), objs,
                              tuple(agents.get(head, ())) if objs else (), subs, markers if objs or subs else ())
                forms = verb_forms(head, irregular) if pos == "verb" else noun_forms(head)
                for form in forms:
                    table.setdefault(form, []).append(entry)
    # Longer (multi-word) entries first: they are more specific.
    return {k: tuple(sorted(v, key=lambda e: -len(e.extra))) for k, v in table.items()}


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    return _load("cues.toml")


@lru_cache(maxsize=64)
def cue_set(section: str, key: str) -> frozenset[str]:
    """A cue list as a set, with noun plurals added."""
    words = cues().get(section, {}).get(key, [])
    out: set[str] = set()
    for w in words:
        out |= noun_forms(w) if section in ("actors", "anaphora", "media") else {w}
    return frozenset(out)
