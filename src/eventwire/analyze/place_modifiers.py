"""Local place names NER mislabels when they modify a lower-case noun: "Kenya's overcrowded Dadaab
camps", "pigs at Pandi and Talavera farms", "the Pirbright laboratory". The small model calls
such a one-word name a person or an organisation; the name is a place when the gazetteer knows a
town or area by exactly that name in a country the article names."""

from __future__ import annotations

import re

from ..model import Entity
from .aliases import demonyms
from .gazetteer import gazetteer, norm
from .place_mentions import Mention
from .place_resolve import prior
from .place_roles import lex

_NEXT_WORD = re.compile(r"\s([a-z]+)\b")


def article_countries(out: list[Mention]) -> set[str]:
    """Countries of the places found so far, each by its likeliest reading."""
    found: set[str] = set()
    for m in out:
        if m.kind == "toponym" and m.role != "embedded" and (cands := gazetteer().lookup(m.text)):
            top = max(cands, key=lambda c: prior(c, m.text))
            if top.country_code:
                found.add(top.country_code)
    return found


def add_site_modifiers(text: str, ents: list[Entity], out: list[Mention]) -> None:
    """A one-word PERSON/ORG entity right before a local site noun ("Dadaab camps") is a
    toponym when a place of exactly that name lies in a country the article names."""
    countries: set[str] | None = None
    for e in ents:
        if e.label not in ("PERSON", "ORG") or " " in e.text.strip() or not e.text[:1].isupper():
            continue
        s, t = e.start, e.end
        nxt = _NEXT_WORD.match(text, t)
        if nxt is None or nxt.group(1) not in lex()["local_site"] or any(m.start < t and s < m.end for m in out):
            continue
        if countries is None:
            countries = article_countries(out)
        if any(norm(c.name) == norm(e.text) and c.country_code in countries for c in gazetteer().lookup(e.text)):
            out.append(Mention(s, t, e.text, "toponym"))


def one_sense_orgs(orgs: list[tuple[int, int, str]], out: list[Mention]) -> None:
    """A one-word name NER calls an organisation is the place it names elsewhere in the article
    ("flights into Darfur and Malakal" after "the town of Malakal"), when the gazetteer knows a
    place by exactly that name; a longer organisation's name is no place ("Malakal Hospital")."""
    placed = {m.text for m in out if m.kind == "toponym" and m.role != "embedded"}
    for s, t, core in orgs:
        if " " in core or core not in placed or any(m.start < t and s < m.end for m in out):
            continue
        if any(norm(c.name) == norm(core) for c in gazetteer().lookup(core)):
            out.append(Mention(s, t, core, "toponym"))


# "US$460 million", "$US 1.5 billion", "NZ$20": a currency, not the country
_MONEY_AFTER = re.compile(r"\$")
_MONEY_BEFORE = re.compile(r"\$\s?$")
# "West Nile virus", "Marburg haemorrhagic fever", "Reston ebolavirus", "Minamata disease", "Hong
# Kong Flu": a disease named after a place ("flu season" is a season in that place)
_DISEASE_AFTER = re.compile(r"[\s-]+(?:(?:hemorrhagic|haemorrhagic)\s+)?(?:virus(?:es)?|fever|disease|"
                            r"ebolavirus|encephalitis|flu(?!\s+season))\b", re.I)


def not_a_place(text: str, m: Mention) -> bool:
    """A toponym's name used as a currency prefix or as the name of a disease."""
    if m.kind != "toponym" or m.dateline:
        return False
    return bool(_MONEY_AFTER.match(text, m.end) or _MONEY_BEFORE.search(text[max(0, m.start - 2):m.start])
                or _DISEASE_AFTER.match(text, m.end))


_STATE_AFTER = re.compile(r"\s(State|state)\b")


def state_names(text: str, out: list[Mention]) -> None:
    """"Benue State", "Osun State Police Command", "Oaxaca State, Mexico": "State" is part of the
    name of a Nigerian state (either case) and, capitalised, of another country's state; not of
    a US state ("Mississippi State" is a university, "New York state" the state plus a noun)."""
    taken = {m.start for m in out}
    for m in out:
        st = _STATE_AFTER.match(text, m.end) if m.kind == "toponym" and not m.dateline else None
        if st is None or st.end() in taken or any(o.start == st.start() + 1 for o in out):
            continue
        areas = [c for c in gazetteer().lookup(m.text) if c.feature == "admin1" and norm(c.name) == norm(m.text)]
        if any(c.country_code == "US" for c in areas):
            continue  # "Maryland State Police" (Liberia's Maryland County is no reason)
        if any(c.country_code == "NG" or st.group(1) == "State" for c in areas):
            m.end = st.end()
            m.text = text[m.start:m.end]


_PREFIX = re.compile(r"^(?:anti|ex|pro|non|all|pan|post|pre)-", re.I)
_PAIR_AFTER = re.compile(r"-([A-Z][a-z]+)\b")


def demonym_parts(text: str, core: str, s: int) -> list[Mention]:
    """A nationality word as demonym mentions: without a prefix ("anti-Russian": "Russian"), a
    language named after its people ("in Spanish"), and the second of a hyphenated pair
    ("the Syrian-Turkish border": "Turkish" too)."""
    if (pre := _PREFIX.match(core)) is not None:
        core, s = core[pre.end():], s + pre.end()
    if core.lower() not in demonyms():
        return []
    out = [Mention(s, s + len(core), core, "demonym", role="demonym")]
    pair = _PAIR_AFTER.match(text, s + len(core))
    if pair and pair.group(1).lower() in demonyms():
        out.append(Mention(pair.start(1), pair.end(1), pair.group(1), "demonym", role="demonym"))
    return out
