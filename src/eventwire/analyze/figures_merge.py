"""One victim, two reports: "X was shot ... X died" is one person killed, not one killed and
one injured. An injured figure of one person is dropped when a killed figure of one person
can be the same victim and the text refers back to them.

Who a figure is about is read from its span: names (proper nouns), person nouns ("the boy"),
an age ("the 2-year-old"), pronouns and gender words. Two reports are of different people
when both carry names with no name in common, when their genders differ, when both name a
specific person noun that differs, or when the injured one says "also"/"another"/"second".
A reference back is a definite killed report ("the boy died", "he died", "Smith died"), a
definite injured report after the killed one ("A man died ... He had been shot"), or a victim
found wounded ("officers found a man suffering from a gunshot wound"). "Two people were
wounded ... The 19-year-old victim died" leaves one wounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Figure, Span
from .figures_cues import is_cue
from .figures_lexicon import LEX, PERSON_NOUNS

_MALE = frozenset(LEX["gender"]["male"])
_FEMALE = frozenset(LEX["gender"]["female"])
_OTHERS = frozenset(LEX["gender"]["others"])
_PERSON = frozenset(w for w in PERSON_NOUNS if " " not in w)
# nouns that say nothing about which person it is: compatible with any other description
_GENERIC = frozenset({"victim", "person", "resident", "child", "teen", "teenager", "youth", "juvenile",
                      "bystander", "pedestrian", "male", "female"})
_INDEFINITE = frozenset({"a", "an", "one", "another", "someone", "somebody"})
_DEFINITE = frozenset({"the", "he", "she", "him", "her", "his", "this", "that"})
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_AGE = re.compile(r"\b(\d+|[a-z]+)[- ](?:year|month|week|day)s?[- ]old\b", re.I)
_NOT_NAMES = frozenset({"The", "A", "An", "He", "She", "His", "Her", "One", "Police", "Officers", "Authorities",
                        "Man", "Woman", "Boy", "Girl", "Teen", "Victim", "Child", "It", "They", "Another"})
_TRIGGER_AT = re.compile(r"\b(?:was|were|is|has|had|died|dies|succumbed|suffered|sustained|remains|remained|"
                         r"shot|killed|wounded|injured|taken|transported|rushed|airlifted|pronounced)\b")


# "found a man suffering from a gunshot wound", "a man with a gunshot wound": a victim found
# wounded is the one who died when the article reports one death, whichever words it uses
_FOUND_WOUNDED = re.compile(r"\bsuffering\b|\bwith\b(?:\s+[\w-]+){0,3}\s+wounds?\b", re.I)


@dataclass
class Who:
    names: frozenset[str]
    nouns: frozenset[str]
    gender: str | None
    definite: bool
    other: bool
    age: str | None
    reflexive: bool  # "killed himself": the shooter, not one of the people he shot
    cue: bool = False  # "a fatal shooting": a death of no one in particular
    kin: str | None = None  # "her mother": named by a relation to another person


def _who(span_text: str) -> Who:
    if is_cue(span_text):
        return Who(names=frozenset(), nouns=frozenset(), gender=None, definite=True, other=False, age=None,
                   reflexive=False, cue=True)
    m = _TRIGGER_AT.search(span_text)
    head = span_text[:m.start()] if m and m.start() > 0 else span_text
    head = _LEAD_VERB.sub("", head)
    words = _WORD.findall(head)
    low = [w.lower().rstrip(".") for w in words]
    names = frozenset(w.strip(".’'") for w in words if w[0].isupper() and w not in _NOT_NAMES
                      and w.lower() not in _PERSON and w.lower() not in _MALE | _FEMALE)
    # "her father": the possessive is someone else; the noun after it is this person
    own = [w for i, w in enumerate(low) if not (w in _POSSESSIVE and i + 1 < len(low))]
    male = any(w in _MALE for w in own)
    female = any(w in _FEMALE for w in own)
    gender = "m" if male and not female else "f" if female and not male else None
    kin = next((w for i, w in enumerate(low[1:], 1) if low[i - 1] in _POSSESSIVE and w in _PERSON), None)
    # "1 injured", "2 people were hurt": a count introduces new people, as "a"/"one" does
    first = "one" if _COUNTED.match(head) else low[0] if low else ""
    definite = bool(names) or first in _DEFINITE or (first not in _INDEFINITE and bool(low))
    age = _AGE.search(head)
    return Who(names=names, nouns=frozenset(w for w in low if w in _PERSON and w not in _GENDERED),
               gender=gender, definite=definite and first not in _INDEFINITE,
               other=any(w in _OTHERS for w in low), age=age.group(1).lower() if age else None,
               reflexive=bool(_REFLEXIVE.search(span_text)), kin=kin)


_GENDERED = _MALE | _FEMALE
_POSSESSIVE = frozenset({"his", "her", "their"})
_COUNTED = re.compile(r"\s*\d")
_OTHERS_RE = re.compile(r"\b(?:others?|more|additional|both)\b", re.I)
# the verb of an active-object span ("killing one person"): who it is about starts after it
_LEAD_VERB = re.compile(r"^\s*(?:[a-z]+(?:ing|ed)|shot|hurt|found|left|leaving|leaves)\s+")
_REFLEXIVE = re.compile(r"\b(?:himself|herself|themselves|own\s+life)\b", re.I)


def _same_person(a: Who, b: Who) -> bool:
    if a.other or b.other or b.reflexive and not a.reflexive:
        return False  # "another"/"the second"/"the other victim died": someone else
    if (a.kin or b.kin) and a.kin != b.kin:
        return False  # "the girl died ... her father is in critical condition"
    if a.names and b.names and not a.names & b.names:
        return False
    if a.gender and b.gender and a.gender != b.gender:
        return False
    if a.age and b.age and a.age != b.age:
        return False
    sa, sb = a.nouns - _GENERIC, b.nouns - _GENERIC
    return not (sa and sb and not sa & sb)


def drop_superseded(figs: list[Figure]) -> list[Figure]:
    """Drop one-person injured figures that a one-person killed figure reports again."""
    killed = [(f, _who(f.span.text)) for f in figs if f.kind == "killed" and f.value == 1]
    if not killed:
        return figs
    out: list[Figure] = []
    for f in figs:
        if f.kind == "injured" and f.value >= 2 and not _OTHERS_RE.search(f.span.text) and any(
                k.span.start > f.span.end and kw.definite and not kw.other and not kw.names and not kw.reflexive
                and not kw.cue
                for k, kw in killed):
            # "Two people were wounded ... The 19-year-old victim died": one of the two died
            out.append(Figure(kind=f.kind, value=f.value - 1, qualifier=f.qualifier, span=f.span, sentence=f.sentence))
            continue
        if f.kind == "injured" and f.value == 1:
            me = _who(f.span.text)
            weak = bool(_FOUND_WOUNDED.search(f.span.text))
            if any(_same_person(me, kw) and (weak or kw.definite or me.definite and f.span.start > k.span.start)
                   for k, kw in killed):
                continue
        out.append(f)
    return out


# "Another man was shot", "a second victim was wounded": one more person than an earlier
# report of the same kind counted ("also" and "others" are too often the same people again)
# ("the second victim" is one of those already told)
_ANOTHER = re.compile(r"^\s*(?:another|(?:a|an)\s+(?:second|third|fourth|fifth|additional))\b", re.I)
_ORDINAL = re.compile(r"^\s*(?:a|an)\s+(?:second|third|fourth|fifth|additional)\b", re.I)
_SUM_REACH = 600  # characters back to the report the new one adds to


def add_others(figs: list[Figure], text: str) -> list[Figure]:
    """A report of "another" victim adds to the largest earlier count of its kind nearby:
    "A man was shot ... Another man was shot" is two injured. The sum's evidence runs from
    the earlier report to the new one. "The other man was shot in the leg" is one of those
    already counted, so only a subject that starts with another/second/third counts."""
    out = list(figs)
    # The dead only by an ordinal ("a second victim died in hospital"): "another man was dead"
    # most often re-tells a death already counted or recalls an earlier killing.
    for kind, more in (("injured", _ANOTHER), ("killed", _ORDINAL)):
        seen: list[Figure] = []
        for f in sorted((f for f in figs if f.kind == kind), key=lambda f: f.span.start):
            m = _TRIGGER_AT.search(f.span.text)
            head = f.span.text[:m.start()] if m and m.start() > 0 else f.span.text
            near = [p for p in seen if p.span.end <= f.span.start and f.span.start - p.span.start <= _SUM_REACH
                    and p.value > 0]
            if near and f.value == 1 and more.match(head) and not _REFLEXIVE.search(f.span.text):
                prev = near[-1]  # the report just before: "one person was shot ... another victim"
                total = Figure(kind=kind, value=prev.value + f.value, qualifier=f.qualifier,
                               span=Span.of(text, prev.span.start, f.span.end), sentence=f.sentence)
                out.append(total)
                seen.append(total)
                continue
            seen.append(f)
    return out
