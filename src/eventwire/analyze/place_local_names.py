"""Towns of local news that the NER model does not tag: "Conroe police officer shot", "An
Allentown man will stand trial", "shot in Pacoima", "in south suburban Dolton", "Campbellsburg,
Indiana" (lexicons in data/gazetteer/local_names.toml).

A capitalised name in one of these contexts becomes a guessed mention when the gazetteer
knows a town of exactly that name. After resolution a guess is kept only when it agrees with
the article: it lies in a state (first-level area) another place of the article lies in, or
its own qualifier names one, or it is a city of 100,000 people or more (see `keep`).
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, insort
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..spans import SpanIndex
from .gazetteer import gazetteer, norm
from .place_resolve import us_states
from .place_roles import lex

if TYPE_CHECKING:
    from ..model import Entity
    from .places import Mention

DATA = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "local_names.toml"
_WORD = r"(?:[A-Z][a-z]+|St\.|Mt\.|Ft\.|Port)"
_NAME = rf"{_WORD}(?:[ -]{_WORD}){{0,2}}"
BIG = 100_000
_NEXT = re.compile(r"\s+(\w+)")
_PARTICLES = frozenset({"de", "del", "da", "do", "dos", "das", "di", "la", "le", "el", "al", "von", "van"})
_STREET = re.compile(r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|"
                     r"Way|Parkway|Place|Court|Circle|Highway|Square|Plaza|Park|Bridge|Mall|Trail)")


@lru_cache(maxsize=1)
def _lex() -> dict[str, frozenset[str]]:
    with open(DATA, "rb") as fh:
        raw = tomllib.load(fh)
    return {k: frozenset(v) for k, v in raw.items()}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lx = _lex()
    after = "|".join(sorted((re.escape(w) for w in lx["after"]), key=len, reverse=True))
    before = "|".join(re.escape(w) for w in lx["before"])
    area = "|".join(re.escape(w) for w in lx["area"])
    # "Conroe police", "Allentown man", "Chapel Hill drive-by shooting", "Campbellsburg, Indiana"
    tail = re.compile(rf"\b({_NAME})(?=(?:['’]s)?\s+(?i:{after})\b|,\s+[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+)?\b|,\s+[A-Z]{{2}}\b)")
    # "in Pacoima", "in south suburban Dolton", "near Heavener" (any case: headlines say "In")
    compass = "|".join(re.escape(w) for w in lx["compass"])
    head = re.compile(rf"\b(?:(?i:{before})\s+(?:(?i:far)\s+)?(?:(?:{area})\s+){{0,2}}|(?:{compass})\s+)({_NAME})")
    return tail, head


def _towns(name: str) -> bool:
    return any(c.feature == "city" and norm(c.name) == norm(name) for c in gazetteer().lookup(name))


def _ok_words(name: str) -> bool:
    never = _lex()["never"]
    return all(w.lower().rstrip(".") not in never for w in name.split())


def _town_not_person(e: Entity, people: list[Entity], text: str) -> bool:
    """NER calls a town before a local-news cue a person ("a Rock Falls teen"): a person span
    that is exactly a town's name, right before a cue word, is that town unless the article
    names a person who bears the name ("Matt Anderson" makes "Anderson boy" a surname)."""
    name = text[e.start:e.end]
    nxt = _NEXT.match(text, e.end)
    if nxt is None or nxt.group(1).lower() not in _lex()["after"] or not _towns(name):
        return False
    word = re.compile(rf"\b{re.escape(name)}\b")
    # (an outlet's call letters before it are no given name: "KCRA Stockton")
    return not any(len(p.text) > len(name) and word.search(p.text)
                   and not all(w.isupper() for w in word.sub(" ", p.text).split()) for p in people)


def find(text: str, taken: list[Mention], ents: list[Entity]) -> list[tuple[int, int]]:
    """(start, end) of town names in local-news contexts that no mention or person covers."""
    tail_rx, head_rx = _patterns()
    people = [e for e in ents if e.label == "PERSON"]
    busy = [(m.start, m.end) for m in taken] + [(e.start, e.end) for e in people
                                                 if not _town_not_person(e, people, text)]
    after_words = _lex()["after"]
    out: list[tuple[int, int]] = []
    held = SpanIndex(busy)
    placed: list[tuple[int, int]] = []  # `out` by start: its spans never overlap, so only neighbours can

    def free(start: int, end: int) -> bool:
        if held.overlaps(start, end):
            return False
        i = bisect_left(placed, (start, end))
        return not (i > 0 and placed[i - 1][1] > start or i < len(placed) and placed[i][0] < end)

    def add(s: int, words: list[str], from_right: bool) -> None:
        # the longest run of the words that is a town: "Say Fatal Garland" -> "Garland"
        n = len(words)
        for k in range(n, 0, -1):
            part = words[n - k:] if from_right else words[:k]
            name = " ".join(part).replace(" - ", "-")
            if not _ok_words(name) or not _towns(name) or norm(name) in streets:
                continue
            start = s + (len(" ".join(words[:n - k])) + 1 if from_right and k < n else 0)
            end = start + len(name)
            nxt = _NEXT.match(text, end)
            if nxt and (nxt.group(1).lower() in lex()["venue"] or nxt.group(1).lower() in _PARTICLES
                        or _STREET.fullmatch(nxt.group(1))):
                return  # "in San Martin square", "Sete de Setembro", "Holiday Park": not a town
            if free(start, end):
                out.append((start, end))
                insort(placed, (start, end))
            return

    # a name the article gives a street is that street ("West Addison Street ... the Addison
    # address"), not a town of the name
    streets = {norm(" ".join(ws[i:])) for x in re.finditer(rf"\b({_NAME})\s+{_STREET.pattern}\b", text)
               for ws in [x.group(1).split()] for i in range(len(ws))}
    for m in tail_rx.finditer(text):
        words = m.group(1).split()
        while words and words[-1].lower() in after_words:
            words.pop()  # "Conroe Police Officer": the town is before the cue words
        if words:
            add(m.start(1), words, True)
    for m in head_rx.finditer(text):
        add(m.start(1), m.group(1).split(), False)
    return out


_PREV_WORD = re.compile(r"([\w'’.]+)\s+$")
_ADDRESS = re.compile(rf"\b{_STREET.pattern}\.?,\s+$")


@lru_cache(maxsize=1)
def _state_rx() -> re.Pattern[str]:
    # full names and dotted AP abbreviations only: a bare postal code ("IN", "OR") is a word
    names = sorted((k for k in us_states() if len(k) > 3 or k.endswith(".")), key=len, reverse=True)
    alt = "|".join(re.escape(k) for k in names)
    # (a state before another capitalised word is part of a name: "Wisconsin State Patrol")
    return re.compile(rf"\b({_NAME}),\s+({alt})(?![\w'’-]|\s+[A-Z])")


def unknown_towns(text: str, taken: list[Mention], ents: list[Entity]) -> list[tuple[int, int, str]]:
    """(start, end, state) of towns the gazetteer lacks, named with their US state
    ("Campbellsburg, Indiana", "in Ochopee, Fla."): a capitalised name no mention or entity
    covers, right before a state's name, is a town of that state. A known name is left to
    the usual pairs, a street ("Main Street, Indiana") is no town."""
    # (a "person" right after a street is the town of an address: "6902 Oak Road, Campbellsburg")
    busy = [(m.start, m.end) for m in taken] + [(e.start, e.end) for e in ents
                                                 if e.label in ("PERSON", "ORG", "FAC", "NORP")
                                                 and not (e.label == "PERSON" and _ADDRESS.search(text[max(0, e.start - 40):e.start]))]
    out: list[tuple[int, int, str]] = []
    for m in _state_rx().finditer(text):
        words = m.group(1).split()
        while words and not _ok_words(words[0]):
            words.pop(0)  # "The Campbellsburg": the name after the function word
        name = " ".join(words)
        if not words or _STREET.fullmatch(words[-1]) or words[-1].lower() in lex()["venue"] \
                or gazetteer().known(name):
            continue
        start, end = m.end(1) - len(name), m.end(1)
        prev = _PREV_WORD.search(text, 0, start)
        if prev and prev.group(1)[:1].isupper() and _ok_words(prev.group(1)):
            continue  # the end of a longer name ("the Sheriff's Office, Wisconsin ...")
        if not any(a < end and start < b for a, b in busy):
            out.append((start, end, us_states()[m.group(2)]))
    return out


def keep(cand_admin1: str | None, cand_cc: str | None, population: int, within: bool,
         areas: set[tuple[str | None, str | None]], twice: bool = False, sure: bool = False) -> bool:
    """Is a guessed town consistent with the article? In a state another place of the
    article is in, or qualified by its own ("Campbellsburg, Indiana"), or a big city (or a
    town the article names so twice: "Trotwood homicide victim identified ... The Trotwood
    homicide victim is") of a country the article's places are in (of any, when it names no
    other place). A name NER read as a person's (`sure`) is no big city of another state than
    those the article names: "a Madison apartment" in a Tennessee story is no Wisconsin city."""
    other_state = sure and any(cc == cand_cc and a1 for cc, a1 in areas)
    return within or (cand_cc, cand_admin1) in areas or (population >= BIG or twice) and (
        not areas or cand_cc in {cc for cc, _ in areas}) and not other_state


def kept(ms: list[Mention]) -> list[Mention]:
    """The mentions less the guessed towns that do not agree with the article's other places
    (see `keep`)."""
    if not any(m.guess for m in ms):
        return ms
    areas = {(m.cand.country_code, m.cand.name if m.cand.feature == "admin1" else m.cand.admin1)
             for m in ms if not m.guess and m.cand is not None}
    guessed = Counter(m.text for m in ms if m.guess)
    countries = {cc for cc, _ in areas}
    # ... a guess that is a first-level area by its own name ("the provinces of Nyanza, ..."),
    # in a country the article's other places are in, is kept too
    return [m for m in ms if not m.guess or m.cand is not None and not m.approx
            and norm(m.cand.name) == norm(m.text) and (
                m.cand.feature == "city" and keep(m.cand.admin1, m.cand.country_code, m.cand.population,
                                                  m.within is not None, areas, guessed[m.text] >= 2, m.sure_state)
                or m.cand.feature == "admin1" and m.cand.country_code in countries)]
