"""Word lists of the figures layer (data/figures/lexicon.toml) and the count parser."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from .numbers import DIGITS, PHRASES, VAGUE, WORD_NUMBER, parse_number

LEX = tomllib.loads(
    resources.files("eventwire.data").joinpath("figures/lexicon.toml").read_text(encoding="utf-8")
)
QUALIFIERS: dict[str, str] = LEX["qualifiers"]
AFTER: dict[str, list[str]] = LEX["after"]
BEFORE: dict[str, list[str]] = LEX["before"]
LEAVE: dict[str, str] = LEX["leave_complements"]
DEP_TRIGGERS: dict[str, str] = LEX["dep_triggers"]
NOBODY: list[str] = LEX["nobody"]["words"]
PERSON_NOUNS: list[str] = LEX["person_nouns"]["words"]
GROUP_NOUNS: dict[str, int] = LEX["group_nouns"]


def alt(words: list[str] | dict[str, object]) -> str:
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) + ")"


def _kind_map(table: dict[str, list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for kind, words in table.items():
        for w in words:
            out.setdefault(" ".join(w.split()), kind)
    return out


MAX_SPAN = 250  # characters: a dependency figure's words (count ... verb) lie this close together

AFTER_KIND = _kind_map(AFTER)
BEFORE_KIND = _kind_map(BEFORE)

_QUAL_RE = alt([q for q in QUALIFIERS if QUALIFIERS[q] != "exact" or q in ("another", "a further", "an additional")])
_VAGUE_RE = alt(list(VAGUE))
# A count: digits, spelled-out numbers, "a dozen", "dozens of"; never a bare "a"/"an".
COUNT = (
    rf"(?:(?:{_QUAL_RE})\s+)?"
    rf"(?:{DIGITS}|{alt(list(PHRASES))}|(?:a\s+)?(?:{WORD_NUMBER})(?:\s+dozen)?|{_VAGUE_RE}(?:\s+of)?)"
)
_QUAL_PREFIX = re.compile(rf"^({_QUAL_RE})\s+", re.IGNORECASE)
_OF_SUFFIX = re.compile(r"\s+of$", re.IGNORECASE)


def norm(text: str) -> str:
    return " ".join(text.lower().split())


_DIGIT_RANGE = re.compile(r"(\d+)\s*[-–—]\s*(\d+)")


@lru_cache(maxsize=4096)
def parse_count(text: str) -> tuple[int, str] | None:
    """(value, qualifier) of a count phrase: "at least 133" -> (133, "at_least"),
    "more than 20" -> (20, "at_least"), "up to 30" -> (30, "at_most"), "about 40" -> (40, "about"),
    "eleven" -> (11, "exact"), "two dozen" -> (24, "exact"), "dozens of" -> (12, "at_least"),
    "hundreds" -> (100, "at_least") (ACLED's conservative coding). None if it is not a count."""
    s = norm(text)
    qualifier = "exact"
    m = _QUAL_PREFIX.match(s)
    if m:
        qualifier = QUALIFIERS.get(norm(m.group(1)), "exact")
        s = s[m.end():]
    s = _OF_SUFFIX.sub("", s).strip()
    if s in ("a", "an", "the", ""):
        return None
    if s in VAGUE:
        return int(VAGUE[s]), qualifier if qualifier != "exact" else "at_least"
    if s.startswith("a ") and s[2:] in VAGUE:
        return None
    span = _DIGIT_RANGE.fullmatch(s)
    if span and int(span[1]) < int(span[2]):  # "10-15": ACLED's lowest credible figure
        return int(span[1]), "at_least"
    value = parse_number(s)
    if value is None or value < 0 or value != int(value):
        return None
    return int(value), qualifier


# "between 10 and 15 people were killed", "10 to 15 dead", "two or three wounded": the count
# matched is the upper bound; ACLED codes the lowest credible figure, so the lower one counts.
_LOW = rf"(?P<low>{DIGITS}|(?!an?\b){WORD_NUMBER})"
_RANGE_BEFORE = re.compile(rf"(?:(?:\bbetween\s+{_LOW}\s+and|(?<![\w$£€.,-]){_LOW.replace('low', 'low2')}\s*(?:to|or|–))\s+"
                           r"|(?<![\w$£€.,-])(?P<low3>\d+)[-–])\Z", re.IGNORECASE)


def range_low(text: str, start: int, value: int) -> int | None:
    """The lower bound of a range whose upper bound is the count starting at `start`."""
    m = _RANGE_BEFORE.search(text, max(0, start - 30), start)
    raw = m["low"] or m["low2"] or m["low3"] if m else ""
    if m is None or raw.strip().isdigit() is not text[start:start + 1].isdigit():
        return None  # "2 or three": the two ends of a range are written alike
    low = parse_number(raw)
    return int(low) if low is not None and low == int(low) and 0 < low < value else None
