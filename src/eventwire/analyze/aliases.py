"""The alias table (data/aliases/*.csv + the user's own) and a fast text matcher built from it.

Matching runs on the raw text with two precompiled trie regexes (one case-insensitive, one
exact-case), so it costs one C-level scan per article and sees strings the tokenizer splits oddly
("(IS)according", "ISIS-K").
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "aliases"
USER_FILE = Path.home() / ".config" / "eventwire" / "aliases.csv"
PLACE_KINDS = {"city", "country", "region", "admin1"}


@dataclass(frozen=True, slots=True)
class Alias:
    canonical: str
    kind: str
    parent: str | None


@dataclass(frozen=True, slots=True)
class AliasHit:
    start: int
    end: int
    alias: Alias


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        yield from csv.DictReader(line for line in fh if not line.lstrip().startswith("#"))


def _files() -> list[Path]:
    files = [DATA / "aliases.csv"]
    if USER_FILE.exists():
        files.append(USER_FILE)
    for p in os.environ.get("EVENTWIRE_ALIASES", "").split(os.pathsep):
        if p and Path(p).exists():
            files.append(Path(p))
    return files


def _key(s: str) -> str:
    return " ".join(s.replace("’", "'").split()).lower()


class AliasTable:
    def __init__(self, files: list[Path]) -> None:
        self.exact: dict[str, Alias] = {}  # surface as written -> alias (capitalised forms)
        self.folded: dict[str, Alias] = {}  # lower-cased surface -> alias
        insensitive: set[str] = set()
        sensitive: set[str] = set()
        for f in files:
            for r in _rows(f):
                canon = (r.get("canonical") or "").strip()
                if not canon:
                    continue
                a = Alias(canon, (r.get("kind") or "organisation").strip(),
                          (r.get("parent") or "").strip() or None)
                for surface in dict.fromkeys((canon, *(r.get("aliases") or "").split("|"))):
                    surface = " ".join(surface.split())
                    if not surface:
                        continue
                    if surface.isupper() and len(surface) > 1:
                        self.exact[surface] = a
                        sensitive.add(surface)
                    elif " " in surface or not surface.isalpha() or a.kind in PLACE_KINDS:
                        self.folded[_key(surface)] = a
                        insensitive.add(surface)
                    else:  # one ordinary word: needs a capital ("Labour", "LABOUR", not "labour")
                        for form in (surface, surface[:1].upper() + surface[1:], surface.upper()):
                            self.exact[form] = a
                            sensitive.add(form)
        self.by_canonical = {a.canonical: a for a in [*self.exact.values(), *self.folded.values()]}
        self._ci = FoldedTrie.of(insensitive)
        self._cs = _trie_regex(sensitive, 0)
        self._ambiguous = [(r["alias"], re.compile(rf"(?<![\w-]){re.escape(r['alias'])}(?![\w-])"),
                            r["canonical"], re.compile(r["before"] or ""), re.compile(r["after"] or ""))
                           for r in _rows(DATA / "ambiguous.csv")]

    def get(self, surface: str) -> Alias | None:
        """The alias for an entity's surface text, by the case rules of the table."""
        s = " ".join(surface.replace("’", "'").split())
        return self.exact.get(s) or self.folded.get(s.lower())

    def find(self, text: str) -> list[AliasHit]:
        """Every alias occurrence in the text (longest match at each place, no overlaps)."""
        hits: list[AliasHit] = []
        spans = [m.span() for m in self._cs.finditer(text)] if self._cs is not None else []
        if self._ci is not None:
            spans += self._ci.spans(text)
        for s, e in spans:
            a = self.get(text[s:e])
            if a is not None:
                hits.append(AliasHit(s, e, a))
        for alias, alias_rx, canon, before, after in self._ambiguous:
            a = self.by_canonical.get(canon)
            if a is None or alias not in text:
                continue
            for m in alias_rx.finditer(text):
                if (before.pattern and before.search(text[max(0, m.start() - 12):m.start()])) or (
                        after.pattern and after.match(text[m.end():m.end() + 16])):
                    hits.append(AliasHit(m.start(), m.end(), a))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[AliasHit] = []
        for h in hits:
            if not out or h.start >= out[-1].end:
                out.append(h)
        return out


def _trie_regex(words: set[str], flags: int) -> re.Pattern[str] | None:
    """One regex for many literal words, factored as a trie so matching stays linear."""
    if not words:
        return None
    trie: dict = {}
    for w in words:
        node = trie
        for ch in (w.lower() if flags & re.IGNORECASE else w):
            node = node.setdefault(ch, {})
        node[""] = {}

    def esc(ch: str) -> str:
        return r"[\s-]" if ch == " " else re.escape(ch)  # "Guinea Bissau" = "Guinea-Bissau"

    def build(node: dict) -> str:
        alts = [esc(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        end = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    # behind a lookahead on the words' first characters: one character test rejects most
    # positions before the lookbehind and the trie's branches are tried
    lead = "".join(sorted({re.escape(k) if k != " " else r"\s" for k in trie}))
    return re.compile(rf"(?=[{lead}])(?<![\w-])" + build(trie) + r"(?![\w-])", flags)


class FoldedTrie:
    """A case-insensitive trie regex for many literal words that runs on the lower-cased
    text, several times faster than re.IGNORECASE; where lower-casing changes the text's
    length (a few non-ASCII letters) offsets would not line up, so that text is matched
    with the IGNORECASE form instead."""

    def __init__(self, lower: re.Pattern[str], ignorecase: re.Pattern[str]) -> None:
        self.lower, self.ignorecase = lower, ignorecase

    @classmethod
    def of(cls, words: set[str]) -> FoldedTrie | None:
        lower = _trie_regex({w.lower() for w in words}, 0)
        ignorecase = _trie_regex(words, re.IGNORECASE)
        return None if lower is None or ignorecase is None else cls(lower, ignorecase)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every match in `text`, leftmost-longest as the regex scans."""
        low = text.lower()
        rx, haystack = (self.lower, low) if len(low) == len(text) else (self.ignorecase, text)
        return [m.span() for m in rx.finditer(haystack)]


@lru_cache(maxsize=1)
def table() -> AliasTable:
    return AliasTable(_files())


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym (any case, singular or plural) -> country code or region name."""
    out: dict[str, str] = {}
    for r in _rows(DATA / "demonyms.csv"):
        d, t = r["demonym"].strip(), r["target"].strip()
        out[d.lower()] = t
        if not d.endswith(("s", "sh", "ch", "ese")):
            out[d.lower() + "s"] = t
    return out
