"""Attributions the parser misses because the text is not prose.

- Headlines: "Speaker: What They Said" and "Chris Christie Says He Would …" (title
  case defeats the tagger, and a headline has no full stop).
- "In a new poll, X leads Y": a document named after "In" is the source of the rest
  of its sentence.
Both are read off the text with precompiled regexes, line by line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..nlp import doc_text
from .quote_indirect import Found, sentence_at, trim
from .quote_lexicon import lexicon

_LINE_RE = re.compile(r"[^\n]+")
_COLON_RE = re.compile(r"^\s*([A-Z][^:\d\n]{1,60}?)\s*:\s+(\S.*)$")
_SMALL = frozenset("of the and de van von al bin la le du for on in at to a".split())
_MAX_HEADLINE_WORDS = 30


@lru_cache(maxsize=1)
def _in_re() -> re.Pattern[str]:
    nouns = "|".join(sorted(map(re.escape, lexicon().in_nouns), key=len, reverse=True))
    return re.compile(
        r"(?:^|(?<=[.!?]\s)|(?<=\n))In\s+((?:[\w’'./&-]+\s+){0,7}?(?:" + nouns + r"))\b([^,.\n]{0,60}),\s+"
    )


def _name_like(words: list[str]) -> bool:
    return bool(words) and all(w[:1].isupper() or w.lower() in _SMALL or not w[:1].isalpha()
                               for w in words) and words[0][:1].isupper()


def _title_case(words: list[str]) -> bool:
    long = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    return bool(long) and sum(w[:1].isupper() for w in long) >= 0.8 * len(long)


def headline_cues(text: str, taken: list[tuple[int, int]]) -> list[Found]:
    """`taken`: cue spans already found; a line holding one is left alone."""
    lex = lexicon()
    out: list[Found] = []
    for m in _LINE_RE.finditer(text):
        a, b = trim(text, m.start(), m.end())
        line = text[a:b]
        words = line.split()
        if not 3 <= len(words) <= _MAX_HEADLINE_WORDS:
            continue
        if line.endswith(".") and not _title_case(words):
            continue  # a sentence, not a headline
        if any(a <= c0 < b for c0, _ in taken):
            continue
        cm = _COLON_RE.match(line)
        if cm:
            spk = cm.group(1).strip()
            sw = spk.split()
            if len(sw) <= 6 and spk.lower() not in lex.headline_labels and _name_like(sw) \
                    and len(cm.group(2).split()) >= 2:
                colon = a + line.index(":", cm.end(1))
                out.append(Found(trim(text, a + cm.start(2), b), (colon, colon + 1),
                                 (a + cm.start(1), a + cm.start(1) + len(spk))))
                continue
        vm = lex.direct_re.search(line)
        if vm and vm.group()[:1].isupper():  # title case: "Trump Says …"
            spk = line[:vm.start()].split()
            rest = line[vm.end():].split()
            if 1 <= len(spk) <= 8 and _name_like(spk) and len(rest) >= 2:
                out.append(Found(trim(text, a + vm.end(), b), (a + vm.start(), a + vm.end()),
                                 trim(text, a, a + vm.start())))
    return out


def in_sources(doc: Any, taken: list[tuple[int, int]]) -> list[Found]:
    """`taken`: cue spans already found; a sentence that has its own cue keeps it."""
    text = doc_text(doc)
    out: list[Found] = []
    for m in _in_re().finditer(text):
        _, end = sentence_at(doc, text, m.end())
        content = trim(text, m.end(), end)
        if len(text[content[0]:content[1]].split()) < 3:
            continue
        if any(content[0] <= c0 < content[1] for c0, _ in taken):
            continue
        speaker = trim(text, m.start(1), m.end(2))
        out.append(Found(content, (m.start(), m.start() + 2), speaker))
    return out
