"""The boilerplate cue lexicon (data/clean/boilerplate.toml), compiled once at import."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources

# A cue may be followed by light punctuation ("Leave a Reply:", "Required fields are marked *").
_TRAIL = r"\s*[:.*»›>|\-–—]*\s*"


@dataclass(frozen=True)
class Cues:
    comment_form: re.Pattern[str]
    tail_list: re.Pattern[str]
    line: re.Pattern[str]
    byline: re.Pattern[str]
    credit: re.Pattern[str]
    source: tuple[re.Pattern[str], ...]


def _whole(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"^(?:{body}){_TRAIL}$", flags)


def load() -> Cues:
    raw = resources.files("eventwire").joinpath("data/clean/boilerplate.toml").read_bytes()
    data = tomllib.loads(raw.decode("utf-8"))

    def pats(key: str) -> list[str]:
        return list(data[key]["patterns"])

    return Cues(
        comment_form=_whole(pats("comment_form")),
        tail_list=_whole(pats("tail_list")),
        line=_whole(pats("line")),
        byline=_whole(pats("byline"), flags=0),
        credit=_whole(pats("credit")),
        source=tuple(re.compile(rf"^(?:{p}){_TRAIL}$", re.IGNORECASE) for p in pats("source")),
    )


CUES = load()

# Navigation/sharing vocabulary: a weak cue, only counted for short lines at the page edges.
WEAK = re.compile(
    r"\b(share|shares|facebook|twitter|whatsapp|linkedin|instagram|youtube|telegram|pinterest|"
    r"e-?mail|print|subscribe|subscription|newsletter|log ?in|sign ?in|sign ?up|register|menu|"
    r"search|cookies?|privacy|terms of (use|service)|contact us|about us|advert\w*|sponsored|"
    r"comments?|getty|shutterstock|rights reserved|follow us|download|podcast|home|skip|"
    r"navigation|breadcrumb)\b",
    re.IGNORECASE,
)
SEPARATORS = re.compile(r"\s[|•·»›/]\s|\s\|\s?|^\W{1,2}\s")
TERMINAL = re.compile(r"[.!?…:;\"”’')\]]$")
