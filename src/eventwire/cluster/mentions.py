"""Open-domain event mentions and their cross-document coreference.

The events layer types only the event kinds the project is about (attacks, protests, ...).
Cross-document event coreference (ECB+ style) is scored over *every* event mention, so this
module finds event mentions of any kind in a parsed Doc, cheaply: each verb, and each noun
that names a happening (data/cluster/event_words.toml plus the events layer's trigger
nouns, plus nominalisation suffixes). Coreference then follows the strong "same lemma in the
same topic" baseline of the ECB+ literature, with our incremental *stories* as the topics:
mentions with the same stem in articles of one story are one event. Stems, not lemmas: the
spaCy lemmatizer is disabled for speed (nlp.py), so `stem` strips inflections by rule.
"""

from __future__ import annotations

import tomllib
from collections.abc import Hashable, Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))
_KEEP_S = ("ss", "us", "is")
MIN_STEM = 3


def stem(word: str) -> str:
    """A crude inflection-stripping stem for matching ("killed", "kills", "killing" → "kill";
    "arrive", "arrived" → "arriv"). Not a lemma: only equality of stems is used."""
    w = word.lower().strip("'’")
    for suf, rep in _SUFFIXES:
        if suf == "s" and w.endswith(_KEEP_S):
            break
        if w.endswith(suf) and len(w) - len(suf) >= MIN_STEM:
            w = w[: len(w) - len(suf)] + rep
            break
    if len(w) > MIN_STEM and w[-1] == w[-2] and w[-1] not in "ls":
        w = w[:-1]  # stopped → stopp → stop
    return w.rstrip("e") or w


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], tuple[str, ...], dict[str, str]]:
    root = resources.files("eventwire")
    own = tomllib.loads(root.joinpath("data/cluster/event_words.toml").read_text("utf-8"))
    triggers = tomllib.loads(root.joinpath("data/events/triggers.toml").read_text("utf-8"))
    nouns = {stem(n.split()[-1]) for n in own.get("nouns", [])}
    nouns |= {stem(n.split()[-1]) for t in triggers.get("trigger", []) for n in t.get("nouns", [])}
    # irregular verb forms of the trigger lexicon ("shot" → "shoot") so they share a stem
    irregular = {form: stem(base) for base, forms in triggers.get("irregular", {}).items() for form in forms}
    return frozenset(nouns), tuple(own.get("suffixes", [])), irregular


def word_stem(word: str) -> str:
    irregular = _lexicon()[2]
    w = word.lower()
    return irregular.get(w) or stem(w)


def is_event_token(tok: Any) -> bool:
    """A verb (not an auxiliary), or a noun naming a happening."""
    if tok.pos_ == "VERB":
        return True
    if tok.pos_ != "NOUN":
        return False
    nouns, suffixes, _ = _lexicon()
    w = tok.lower_
    return word_stem(w) in nouns or w.rstrip("s").endswith(suffixes)


def event_mentions(doc: Any) -> list[tuple[int, int, str]]:
    """(start char, end char, stem) of every event mention of a parsed Doc; [] on no Doc."""
    if doc is None:
        return []
    return [(t.idx, t.idx + len(t.text), word_stem(t.text)) for t in doc if is_event_token(t)]


def corefer(mentions: Mapping[str, Iterable[tuple[int, int, str]]],
            story_of: Mapping[str, Hashable]) -> dict[tuple[str, int, int], Hashable]:
    """{(article, start, end): event cluster}: mentions with the same stem in articles of the
    same story are one event; an article without a story is its own topic."""
    out: dict[tuple[str, int, int], Hashable] = {}
    for aid, found in mentions.items():
        topic = story_of.get(aid) or ("article", aid)
        for start, end, st in found:
            out[(aid, start, end)] = (topic, st)
    return out
