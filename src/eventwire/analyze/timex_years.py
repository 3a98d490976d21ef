"""Rules for years and decades written in other ways than four digits: "the 1990s", "the '80s",
"the 70s and 80s", "the nineties", "the 20th century", "since '82", "nineteen ninety-six"."""

from __future__ import annotations

import re

from .timex_context import Ctx
from .timex_dates import Handler, Key, Norm

I = re.IGNORECASE  # noqa: E741


def _decade(m: re.Match[str], c: Ctx) -> Norm | None:
    if m["full"]:
        return Norm("DATE", m["full"][:3], "decade")
    two = int(m["short"])
    if c.anchor is None:
        return None
    century = c.anchor.year // 100
    if two * 10 > c.anchor.year % 100:
        century -= 1
    return Norm("DATE", f"{century:02d}{two}", "decade", True)


_TENS_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
               "eighties": 8, "nineties": 9}
# "in his 70s" is an age, "highs in the 90s" a temperature, "the 80s percent" a share
_NOT_DECADE = re.compile(r"\b(?:his|her|their|its|my|your|our|aged?|degrees?|temperatures?|highs?|lows?|"
                         r"fahrenheit|celsius|percent|scores?)\b|°|%", re.I)


def _two_digit_century(two: int, c: Ctx) -> int | None:
    """The century of a year or decade written in two digits ("'82", "the 70s"): the latest
    one not after the anchor's year."""
    if c.anchor is None:
        return None
    century = c.anchor.year // 100
    return century - 1 if two > c.anchor.year % 100 else century


def _decade_bare(m: re.Match[str], c: Ctx) -> Norm | None:
    """"the 70s and 80s", "the nineties": a decade named without its century."""
    tens = int(m["tens"]) if m["tens"] else _TENS_WORDS[m["word"].lower()]
    window = c.text[max(0, m.start() - 30):m.end() + 30]
    if _NOT_DECADE.search(window):
        return None
    century = _two_digit_century(tens * 10, c)
    if century is None:
        return None
    start = m.start() if m["the"] else m.start("core")  # "the 70s and 80s": "80s" alone
    return Norm("DATE", f"{century:02d}{tens}", "decade", True, start, m.end())


def _short_year(m: re.Match[str], c: Ctx) -> Norm | None:
    """"since '82", "in '09": a year written with an apostrophe and two digits."""
    century = _two_digit_century(int(m["yy"]), c)
    if century is None:
        return None
    return Norm("DATE", f"{century:02d}{m['yy']}", "year", True, m.start("yy") - 1, m.end())


def _century(m: re.Match[str], c: Ctx) -> Norm | None:
    n = int(m["n"])
    return Norm("DATE", f"{n - 1:02d}", "century") if 1 <= n <= 21 else None


_SPOKEN_TENS = {"twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8, "ninety": 9}
_SPOKEN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _spoken_year(m: re.Match[str], c: Ctx) -> Norm | None:
    """Transcribed years: "nineteen ninety-six", "the year two thousand", "two thousand one"."""
    unit = _SPOKEN_UNITS.get((m["u"] or m["u2"] or "").lower(), 0)
    if m["t"]:
        year = 1900 + 10 * _SPOKEN_TENS[m["t"].lower()] + unit
    else:
        year = 2000 + unit
    return Norm("DATE", str(year), "year")


def _spoken_year_rule(m: re.Match[str], c: Ctx) -> Norm | None:
    # "two thousand" alone is a number; "the year two thousand" and "nineteen ninety-six" are
    # years, and so is "two thousand one" unless a counted noun follows ("two thousand one-room flats")
    if m["t"] or m[0].lower().startswith("the"):
        return _spoken_year(m, c)
    if m["u2"] and not _COUNTED_NEXT.match(c.text, m.end()):
        return _spoken_year(m, c)
    return None


_COUNTED_NEXT = re.compile(r"\s+(?!(?:has|was|is|as|this|its|his|yes|thus|plus|less|unless)\b)[a-z-]+s\b")


# key for the short forms (see timex_dates.Key): "70s", "nineties", "'82"
SHORT_KEY: Key = (re.compile(r"\d0s|ties\b|['’]\d\d"), 30, 6)

RULES: list[tuple[re.Pattern[str], Handler, int]] = [
    (re.compile(r"\b(?:the\s+)?(?:(?:early|mid-?|late)\s*)?(?:(?P<full>1\d\d0|20\d0)|'(?P<short>\d)0)['’]?s\b", I), _decade, 6),
    (re.compile(r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century\b", I), _century, 6),
    (re.compile(r"\b(?:(?P<the>the)|and|or|to|through)\s+(?P<core>(?:(?:early|mid-?|late)\s*)?(?:(?P<tens>[2-9])0s"
                r"|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))\b", I), _decade_bare, 5),
    (re.compile(r"\b(?:since|in|of|from|until|by|to|before|after)\s+['’](?P<yy>\d\d)(?![\w'’])", I), _short_year, 5),
    (re.compile(r"\b(?:the\s+year\s+)?(?:nineteen[- ](?P<t>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?P<u>one|two|three|four|five|six|seven|eight|nine))?"
                r"|two[- ]thousand(?:[- ](?:and[- ])?(?P<u2>one|two|three|four|five|six|seven|eight|nine))?)\b", I),
     _spoken_year_rule, 5),
]
