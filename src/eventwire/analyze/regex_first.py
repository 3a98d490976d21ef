"""The characters a regex match can start with, for a cheap lookahead before costly patterns.

A pattern tried at every position (every word boundary) spends most of its time failing;
a lookahead on the possible first characters fails in one character test where an
alternation tries each of its branches. The lookahead only restates what the pattern
requires, so the matches are the same.
"""

from __future__ import annotations

import re
from re import _parser  # the stdlib's own regex parser (private, but stable in 3.11+)
from typing import Any


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A character-class body holding every character a match of `pattern` can start with,
    or None when that is not simple to tell (a lookaround, a class with ranges, a match
    that may be empty)."""
    chars = _first(list(_parser.parse(pattern, flags)))
    return "".join(sorted(chars)) if chars else None


def with_lead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` behind a lookahead on its first characters (itself when they are unclear)."""
    try:
        first = first_chars(pattern.pattern, pattern.flags)
        return pattern if first is None else re.compile(f"(?=[{first}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # e.g. a global inline flag, which must stay at the very start
        return pattern


def _first(items: list[Any]) -> set[str] | None:
    for i, (op, av) in enumerate(items):
        name = str(op)
        if name == "AT":  # zero-width (\b, ^): the next item starts the match
            continue
        if name == "LITERAL":
            return {re.escape(chr(av))}
        if name == "IN":
            return _in(av)
        if name == "BRANCH":
            return _union(av[1], _first)
        if name == "SUBPATTERN" and not av[1] and not av[2]:
            return _first(list(av[3]) + items[i + 1:])
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            body = _first(list(av[2]))
            if body is None or av[0] >= 1:
                return body
            rest = _first(items[i + 1:])  # optional: the match may start after it
            return None if rest is None else body | rest
        return None
    return None  # nothing that must be consumed: the match may be empty


def _union(branches: Any, each: Any) -> set[str] | None:
    """The union of `each` over an alternation's branches; None if any branch gives None."""
    union: set[str] = set()
    for branch in branches:
        got = each(list(branch))
        if got is None:
            return None
        union |= got
    return union


def _in(av: Any) -> set[str] | None:
    out: set[str] = set()
    for op, sub in av:
        if str(op) == "LITERAL":
            out.add(re.escape(chr(sub)))
        elif str(op) == "CATEGORY" and str(sub) == "CATEGORY_DIGIT":
            out.add(r"\d")
        else:
            return None
    return out


_WORD_CHAR = re.compile(r"\w")


def word_prefixes(pattern: str) -> set[str] | None:
    """Literal word-character strings one of which every match of `pattern` starts with
    ("protest\\w*|rall(?:y|ies)" -> {"protest", "rall"}), or None when a match may start
    otherwise (a class, a digit, a repeat, punctuation). A regex that matches at a word
    start can then be skipped for a text none of whose words starts with a prefix."""
    return _prefixes(list(_parser.parse(pattern)))


def _prefixes(items: list[Any]) -> set[str] | None:
    lit = ""
    for op, av in items:
        name = str(op)
        if name == "LITERAL" and _WORD_CHAR.match(chr(av)):
            lit += chr(av)
            continue
        if lit:
            return {lit}
        if name == "BRANCH":
            return _union(av[1], _prefixes)
        if name == "SUBPATTERN" and not av[1] and not av[2]:
            return _prefixes(list(av[3]))
        if name == "IN":
            chars = [chr(sub) for op2, sub in av if str(op2) == "LITERAL"]
            ok = len(chars) == len(av) and all(_WORD_CHAR.match(c) for c in chars)
            return set(chars) if ok and chars else None
        return None
    return {lit} if lit else None
