"""Numbers written as digits or words: "1,200", "2 1/2", "twenty-four", "two dozen", "hundreds".

Shared by the times layer (durations) and the figures layer (casualty counts). The word
lists live in data/figures/numbers.toml; the regex that finds number phrases is compiled
once at import.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

_LEX = tomllib.loads(
    resources.files("eventwire.data").joinpath("figures/numbers.toml").read_text(encoding="utf-8")
)
UNITS: dict[str, int] = _LEX["units"]
TENS: dict[str, int] = _LEX["tens"]
SCALES: dict[str, int] = _LEX["scales"]
PHRASES: dict[str, int] = _LEX["phrases"]
VAGUE: dict[str, int] = _LEX["vague"]
INDEFINITE: dict[str, str] = _LEX["indefinite"]


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


_UNIT_W = _alt([w for w in UNITS if w not in ("no", "none", "a", "an", "single", "score")])
_TENS_W = _alt(list(TENS))
_SCALE_W = _alt(list(SCALES))
# A spelled-out number: "twenty-four", "one hundred and five", "two thousand", "a dozen".
WORD_NUMBER = (
    rf"(?:(?:an|a|one|{_UNIT_W}|{_TENS_W}(?:[- ](?:{_UNIT_W}))?)"
    rf"(?:[- ](?:{_SCALE_W})(?:(?:,| and)? (?:{_TENS_W}(?:[- ](?:{_UNIT_W}))?|{_UNIT_W}))?)?"
    rf"|{_TENS_W}(?:[- ](?:{_UNIT_W}))?|{_UNIT_W})"
)
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# Any definite number phrase, with an optional "and a half" / " 1/2" fraction.
NUMBER = (
    rf"(?:{DIGITS}(?:\s+1/2|\s+and\s+a\s+half)?"
    rf"|{_alt(list(PHRASES))}"
    rf"|(?:{WORD_NUMBER})(?:\s+and\s+a\s+half)?(?:\s+dozen)?"
    rf"|a\s+dozen|a\s+hundred|a\s+thousand|a\s+half)"
)
NUMBER_RE = re.compile(rf"^{NUMBER}$", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[a-z]+|\d+(?:\.\d+)?", re.IGNORECASE)


@lru_cache(maxsize=8192)
def parse_number(text: str) -> float | None:
    """The value of a number phrase, or None if it is not one.

    "1,200" -> 1200, "2 1/2" -> 2.5, "twenty-four" -> 24, "two dozen" -> 24,
    "a couple of" -> 2, "two and a half" -> 2.5, "dozens" -> 12 (ACLED's conservative rule).
    """
    s = " ".join(text.lower().replace("-", " ").split())
    if not s:
        return None
    if s in PHRASES:
        return float(PHRASES[s])
    if s in VAGUE:
        return float(VAGUE[s])
    half = 0.0
    for suffix in (" and a half", " 1/2"):
        if s.endswith(suffix):
            s, half = s[: -len(suffix)].strip(), 0.5
    if s == "a half":
        return 0.5
    digits = s.replace(",", "")
    try:
        return float(digits) + half
    except ValueError:
        pass
    total, current, seen, last_digits = 0.0, 0.0, False, False
    for tok in _TOKEN_RE.findall(s):
        if tok == "and":
            continue
        if tok in UNITS and tok not in ("no", "none"):
            val = UNITS[tok]
            if tok == "dozen" and current:
                current *= 12
            elif tok == "score" and current:
                current *= 20
            else:
                current += val
        elif tok in TENS:
            current += TENS[tok]
        elif tok in SCALES:
            current = (current or 1) * SCALES[tok]
            if SCALES[tok] >= 1000:
                total, current = total + current, 0.0
        elif tok.replace(".", "", 1).isdigit():
            if last_digits:
                return None  # "10 15" (from "10-15"): two numbers, a range, not their sum
            current += float(tok)
        else:
            return None
        seen = True
        last_digits = tok.replace(".", "", 1).isdigit()
    if not seen:
        return None
    return total + current + half


def is_indefinite(text: str) -> bool:
    """"several", "a few", "many": a quantity with no definite value."""
    return " ".join(text.lower().split()) in INDEFINITE


INDEFINITE_RE = _alt(list(INDEFINITE))
