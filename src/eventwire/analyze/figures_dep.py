"""Dependency pass of the figures layer: victims counted from who the clause is about.

"a man was shot and killed" -> killed 1; "a man and a woman were killed" -> killed 2;
"Smith and Jones were arrested" -> arrested 2; "he died at the scene" -> killed 1;
"the victim suffered non-life-threatening injuries" -> injured 1. Numbered subjects
("11 people were arrested") are left to the regex pass; plural subjects without a number
("people were killed") and negated clauses ("the driver was not hurt") give no figure.
"""

from __future__ import annotations

from typing import Any

from ..model import Figure, Span
from ..nlp import doc_text, tokens_in, word_ids
from .figures_lexicon import DEP_TRIGGERS, GROUP_NOUNS, MAX_SPAN, PERSON_NOUNS, parse_count
from .figures_self import murder_suicide

_INTRANSITIVE = frozenset({"died", "dies", "die", "perished", "succumbed", "succumbs"})
_SINGULAR_PRON = frozenset({"he", "she", "him", "her", "himself", "herself"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_REMAIN = frozenset({"remains", "remained", "remain", "remaining", "stays", "stayed", "lies", "lay", "recovering",
                     "recovers", "recovered"})
_FIGHTING = frozenset({"fighting", "fights", "fought"})
_INJURY_NOUNS = frozenset({"injuries", "injury", "wounds", "wound"})
_SUFFER = frozenset({"suffered", "sustained", "received", "suffering", "sustaining", "suffers", "sustains"})
_DEAD_HEADS = frozenset({"shot", "found", "beaten", "stabbed", "pronounced", "declared", "confirmed"})
_NOT_PERSON_ENTS = frozenset({"ORG", "GPE", "FAC", "PRODUCT", "LOC", "EVENT", "LAW", "WORK_OF_ART", "NORP",
                              "MONEY", "DATE", "TIME", "PERCENT", "QUANTITY", "CARDINAL"})
_WOUNDING = frozenset({"shot", "stabbed", "wounded", "injured", "hurt", "grazed"})
_TO_HOSPITAL = frozenset({"taken", "transported", "rushed", "airlifted", "flown", "admitted", "hospitalized"})
# Verbs of a manner of killing that count as deaths only "to death" ("beat a man to death",
# "was hacked to death"); lynching is killing by definition.
_MANNER = frozenset({"beat", "beats", "beating", "beaten", "hacked", "hacking", "bludgeoned", "clubbed", "stoned",
                     "burned", "burnt", "strangled", "choked", "trampled", "kicked", "lynched", "lynching"})
_HOSPITALS = frozenset({"hospital", "hospitals", "clinic", "trauma", "infirmary"})
_CONDITIONS = frozenset({"critical", "serious", "stable", "grave", "fair", "guarded"})
_OBJECT_VERBS = {"killed": "killed", "killing": "killed", "kills": "killed", "murdered": "killed",
                 "murdering": "killed", "wounded": "injured", "wounding": "injured", "injured": "injured",
                 "injuring": "injured", "shot": "injured", "shooting": "injured", "stabbed": "injured",
                 "kidnapped": "kidnapped", "abducted": "kidnapped", "kidnapping": "kidnapped",
                 "abducting": "kidnapped", "arrested": "arrested", "detained": "arrested", "arresting": "arrested"}


# Every word the loop below acts on: other tokens are skipped by one vectorised test
# instead of Python work for each token of the article (same figures).
_ACT_ON = frozenset({*_OBJECT_VERBS, *DEP_TRIGGERS, *_INJURY_NOUNS, *_WOUNDING, *_FIGHTING, *_REMAIN, *_TO_HOSPITAL, *_MANNER,
                     "dead", "deceased", "gunned", "shot", "taken", "condition"})
_ACT_ON_IDS = word_ids(_ACT_ON)


def candidates(doc: Any) -> list[int]:
    """Indices of the tokens whose lower-cased form is in _ACT_ON, in order."""
    return tokens_in(doc, _ACT_ON_IDS)


def dep_figures(doc: Any) -> list[Figure]:
    text = doc_text(doc)
    out: list[Figure] = []
    objects: list[tuple[Any, Figure]] = []
    for i in candidates(doc):
        tok = doc[i]
        low = tok.lower_
        if (low in _OBJECT_VERBS or low in _MANNER and _killing(tok, low)) and tok.pos_ == "VERB":
            fig = _object_figure(tok, low, text)
            if fig is not None:
                out.append(fig)
                objects.append((tok, fig))
        if low in ("dead", "deceased"):
            found = _found_dead(tok, text)
            if found is not None:
                out.append(found)
                continue
        kind, verb = _trigger(tok, low)
        if kind is None:
            continue
        if any(c.dep_ == "neg" for c in verb.children) or any(c.dep_ == "neg" for c in tok.children):
            continue  # "the driver was not hurt": no count
        subj = _subject(verb, intransitive=low in _INTRANSITIVE or kind == "injured" and low in _INJURY_NOUNS | _FIGHTING
                        | _REMAIN)
        if subj is None:
            continue
        value = _count_people(subj)
        if value is None:
            continue
        if value > 2 and any(c.lower_ == "both" for c in [*verb.children, *subj.children]):
            value = 2  # "X and Y were both found dead": two, whatever else the parse hung on the list
        start = min(m.left_edge.idx for m in _members(subj))
        tail = [c for c in tok.children if c.dep_ in ("prt", "oprd", "acomp") and c.i > tok.i]
        if low in _FIGHTING | _REMAIN:  # "fighting for his life", "remains in the hospital"
            tail = [c.right_edge for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "in", "at")][:1]
        end = max(t.idx + len(t.text) for t in [tok, *tail])  # "gunned down", "taken hostage"
        if start >= end or end - start > MAX_SPAN:
            continue
        out.append(Figure(kind=kind, value=value, qualifier="exact", span=Span.of(text, start, end)))
    if objects:
        out = murder_suicide(text, objects, out)
    return out


def _trigger(tok: Any, low: str) -> tuple[str | None, Any]:
    """(kind, the verb whose subject are the victims) for a trigger token."""
    if low in DEP_TRIGGERS and tok.pos_ in ("VERB", "ADJ", "AUX"):
        if tok.dep_ == "amod":
            return None, tok  # "the injured man" is a description, counted elsewhere
        verb = tok.head if tok.dep_ in ("acomp", "oprd") else tok
        if DEP_TRIGGERS[low] == "injured" and any(c.lower_ in ("fatally", "mortally") for c in tok.children):
            return "killed", verb  # "had been fatally wounded"
        return DEP_TRIGGERS[low], verb
    if low in _INJURY_NOUNS and tok.dep_ == "dobj" and tok.head.lower_ in _SUFFER:
        return "injured", tok.head
    if low in _INJURY_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.head.lower_ in _SUFFER:
        return "injured", tok.head.head  # "was suffering from a gunshot wound"
    if low in _INJURY_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "with" \
            and tok.head.head.lower_ in _TO_HOSPITAL | {"treated", "arrived", "showed"}:
        return "injured", tok.head.head  # "a person was admitted with a gunshot wound"
    if low in ("dead", "deceased") and tok.dep_ in ("oprd", "acomp", "advmod", "xcomp", "ccomp") and tok.head.lower_ in _DEAD_HEADS:
        return "killed", tok.head
    if low == "gunned" and any(c.lower_ == "down" for c in tok.children):
        return "killed", tok
    if low == "shot" and any(c.lower_ == "fatally" for c in tok.children):
        return "killed", tok
    if low == "taken" and any(c.lower_ in ("hostage", "captive") for c in tok.children):
        return "kidnapped", tok
    if low in _WOUNDING and tok.pos_ == "VERB":
        # "a man was shot in the leg": wounded, unless the clause says he died ("shot to death")
        if not _fatal(tok):
            return "injured", tok
        if any(c.lower_ in ("fatally", "mortally", "dead", "death") or c.dep_ == "prep" and c.lower_ == "to"
               and any(g.lower_ == "death" for g in c.children) for c in tok.children):
            return "killed", tok
        return None, tok  # "shot and killed": the "killed" token counts
    if low in _MANNER and tok.pos_ == "VERB" and _killing(tok, low) and any(
            c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return "killed", tok  # "a man was beaten to death" (the active "beat X to death" counts X)
    if low in _FIGHTING and any(c.dep_ == "prep" and c.lower_ == "for" and any(
            g.lower_ in ("life", "lives") for g in c.children) for c in tok.children):
        return "injured", tok  # "he is fighting for his life"
    if low in _REMAIN and any(c.dep_ == "prep" and c.lower_ in ("in", "at") and any(
            g.lower_ in _HOSPITALS or any(h.lower_ in _HOSPITALS for h in g.children) for g in c.children)
            for c in tok.children):
        return "injured", tok  # "her mother remains in the hospital"
    if low in _TO_HOSPITAL and _goes_to_hospital(tok):
        return "injured", tok
    if low == "condition" and any(c.lower_ in _CONDITIONS for c in tok.children):
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        return "injured", verb  # "is in critical condition", "was listed in stable condition"
    return None, tok


def _fatal(tok: Any) -> bool:
    """"shot and killed", "shot dead", "fatally shot", "shot to death": a death, not a wound."""
    for c in tok.children:
        if c.lower_ in ("fatally", "dead", "death", "killed") or (c.dep_ == "conj" and c.lower_ in DEP_TRIGGERS
                                                                   and DEP_TRIGGERS[c.lower_] == "killed"):
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children):
            return True
    return tok.dep_ == "conj" and tok.head.lower_ in DEP_TRIGGERS and DEP_TRIGGERS[tok.head.lower_] == "killed"


def _killing(tok: Any, low: str) -> bool:
    return low.startswith("lynch") or _fatal(tok)


def _goes_to_hospital(tok: Any) -> bool:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "into"):
            if any(g.lower_ in _HOSPITALS or any(h.lower_ in _HOSPITALS for h in g.children) for g in c.children):
                return True
    return False


def _object_figure(tok: Any, low: str, text: str) -> Figure | None:
    """Active clauses count their object: "killing his five young children" (5),
    "shot her husband" (1), "fatally shot a neighbour" (killed 1), "killed himself" (1)."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or any(c.dep_ == "neg" for c in tok.children):
        return None
    if any(t.text in _HEADLINE_BREAKS or t.text == "-" and t.whitespace_ and t.nbor(-1).whitespace_
           for t in tok.doc[tok.i + 1:obj.i]):
        return None  # "police-involved shooting | News, Weather": a headline and the site's name
    kind = _OBJECT_VERBS.get(low, "killed")  # (a manner verb reaches here only when it killed)
    if kind == "injured" and low in ("shot", "shooting", "stabbed") and _fatal(tok):
        kind = "killed"
    value = 1 if obj.lower_ in ("himself", "herself") else _count_object(obj, text)
    if value is None:
        return None
    qualifier = _object_qualifier(obj, text)
    end = max(m.right_edge.idx + len(m.right_edge.text) for m in [obj])
    if obj.conjuncts:
        end = max(end, *(m.idx + len(m.text) for m in obj.conjuncts))
    start = tok.idx
    if end - start > MAX_SPAN:
        end = obj.idx + len(obj.text)
    return Figure(kind=kind, value=value, qualifier=qualifier, span=Span.of(text, start, end))


def _object_qualifier(obj: Any, text: str) -> str:
    """"killed at least 54 people": the number phrase's own qualifier (a list is exact)."""
    nums = [c for c in obj.children if c.dep_ in ("nummod", "quantmod") and c.i < obj.i]
    if not nums or any(c.dep_ == "conj" for c in obj.children):
        return "exact"
    parsed = parse_count(text[min(n.left_edge.idx for n in nums):max(n.right_edge.idx + len(n.right_edge.text)
                                                                          for n in nums)])
    return parsed[1] if parsed else "exact"


def _count_object(obj: Any, text: str) -> int | None:
    """People in an object: "two dozen others" (the whole number phrase), "one man and two
    children" (a list is summed), "his wife" (1)."""
    nums = [c for c in obj.children if c.dep_ in ("nummod", "quantmod") and c.i < obj.i]
    if nums and not any(c.dep_ == "conj" for c in obj.children):
        lo = min(n.left_edge.idx for n in nums)
        hi = max(n.right_edge.idx + len(n.right_edge.text) for n in nums)
        parsed = parse_count(text[lo:hi])
        return parsed[0] if parsed else None
    return _count_people(obj)


_FIND = frozenset({"found", "find", "finds", "finding", "discovered", "discover", "discovers", "located"})


def _found_dead(tok: Any, text: str) -> Figure | None:
    """"Police discovered one man and two children dead" (3), "officers found the man and his
    wife dead" (2): the people found dead are the object (or small-clause subject) of "found"."""
    if tok.dep_ == "amod" and tok.head.dep_ == "dobj" and tok.head.head.lower_ in _FIND:
        people, verb = tok.head, tok.head.head
    elif tok.dep_ in ("ccomp", "xcomp", "oprd") and tok.head.lower_ in _FIND:
        people = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        verb = tok.head
    else:
        return None
    if people is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    if tok.dep_ == "amod" and tok.i < people.i:
        # "found the four dead females and the unharmed child": the adjective is of its noun only
        nums = [c for c in people.children if c.dep_ in ("nummod", "quantmod") and c.i < people.i]
        parsed = parse_count(" ".join(n.text for n in nums)) if nums else None
        value = parsed[0] if parsed else None
        end = people.idx + len(people.text)
    else:
        value = _count_object(people, text)
        end = tok.idx + len(tok.text)
    if not value or end - verb.idx > MAX_SPAN:
        return None
    return Figure(kind="killed", value=value, qualifier="exact", span=Span.of(text, verb.idx, end))


def _subject(verb: Any, intransitive: bool) -> Any:
    """The people the clause is about: the passive subject ("X was killed"), the subject of
    an intransitive verb ("X died"), inherited through "shot and killed" or a relative clause."""
    for _ in range(3):
        # (a participle read as VBN with an object is active: "A bombing ... killed 54 people")
        deps = ("nsubjpass", "nsubj") if intransitive or verb.tag_ in ("VBN", "JJ") \
            and not any(c.dep_ == "dobj" for c in verb.children) else ("nsubjpass",)
        subjects = _listed([c for c in verb.children if c.dep_ in deps])
        # "SHELBY, N.Y. — A boy has died": a dateline parsed as a second subject is not the victim
        subj = next((c for c in subjects if c.ent_type_ not in _NOT_PERSON_ENTS), subjects[0] if subjects else None)
        if subj is None and verb.dep_ in ("acomp", "oprd", "xcomp"):
            verb = verb.head
            continue
        if subj is None and verb.dep_ == "conj":
            verb = verb.head  # "was shot and killed": the subject sits on "shot"
            continue
        if subj is not None and subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return verb.head  # "a man who was killed"
        if subj is not None and verb.dep_ == "relcl" and subj.dep_ == "nsubj" and not intransitive:
            return None
        return subj
    return None


_DASHES = frozenset({"—", "–", "--", "-", "/", "|", ")", ":"})
# between a verb and its object: a headline's end ("shooting | News"), not a hyphen ("30-year-old")
_HEADLINE_BREAKS = frozenset({"—", "–", "--", "|"})


def _listed(subjects: list[Any]) -> list[Any]:
    """Of several subjects of one verb, those that form one list with the subject nearest the
    verb: "A man, two women and a small child" (joined by commas and "and"). A subject
    joined to the next by nothing or by a dash is a dateline or a photo credit: "PORTAGE
    PARK — A boy was shot", "Gary Marks/GM Video Productions The child was rushed"."""
    if len(subjects) < 2:
        return subjects
    subjects = sorted(subjects, key=lambda t: t.i)
    keep = [subjects[-1]]
    for prev in reversed(subjects[:-1]):
        doc = prev.doc
        gap = {t.text for t in doc[prev.i + 1:keep[0].left_edge.i]}
        # "Pa.–A man": the tokenizer may glue the dateline's dash to the next word
        glued = any("—" in t.text or "–" in t.text for t in doc[prev.i + 1:keep[0].i])
        if glued or gap & _DASHES or not gap & {",", "and", "or", "&"}:
            break
        keep.insert(0, prev)
    return keep


_PERSON_SET = frozenset(w for w in PERSON_NOUNS if " " not in w)
_ORDINALS = frozenset({"second", "third", "fourth", "fifth"})
_AGE_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})


def _is_age(tok: Any) -> bool:
    """"a 7-year-old", "the 2-month-old": an age used as the noun names one person."""
    return tok.lower_ == "old" and any(c.lower_ in _AGE_UNITS for c in tok.children)


def _members(subj: Any) -> list[Any]:
    """The heads of a victim list: "A man, two women and a small child" (the parse may hang
    "two women" on the verb as a second subject), "A mother, father, and toddler" (the second
    item parsed as an apposition). An apposition naming the same person ("The victim, John
    Smith", "her son, Jordan Reeves, 2") or an age ("Smith, 24") is not another member: a
    common-noun apposition counts only after a common noun, a name only after a name, and
    only inside a list with "and"."""
    heads = [subj]
    if subj.dep_ in ("nsubjpass", "nsubj"):
        # only common nouns ("two women"): a dateline or name parsed as a second subject is not a victim
        heads += [c for c in _listed([c for c in subj.head.children if c.dep_ == subj.dep_]) if c.i != subj.i
                  and c.tag_ in ("NN", "NNS") and c.ent_type_ not in _NOT_PERSON_ENTS]
    out: list[Any] = []
    todo = list(heads)
    while todo:
        m = todo.pop(0)
        if any(m.i == o.i for o in out):
            continue
        out.append(m)
        todo += [c for c in m.children if c.dep_ == "conj"]
        for c in m.children:
            if c.dep_ == "appos" and c.tag_ in ("NN", "NNP") and c.tag_ == m.tag_ and _has_list(m, c):
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def _has_list(head: Any, appos: Any) -> bool:
    return any(c.dep_ == "conj" for c in [*head.children, *appos.children])


def _count_people(subj: Any) -> int | None:
    """Number of people in a subject of singular nouns, names and numbered groups: "a man and a
    woman" (2), "A man, two women and a small child" (4), "a young couple and their baby" (3),
    "John Smith, 24, and Mary Jones, 31" (2). A lone numbered subject ("11 people") is left to
    the regex pass; a plural without a number ("people", "their children") is no count."""
    members = _members(subj)
    total = 0
    for member in members:
        low = member.lower_
        nums = [c for c in member.children if c.dep_ in ("nummod", "quantmod") and c.i < member.i]
        if low in _ORDINALS and any(c.dep_ == "det" for c in member.children) or low == "another" or (
                low == "one" and any(c.dep_ == "prep" and c.lower_ == "of" for c in member.children)):
            total += 1  # "a second was injured", "another was wounded", "one of the victims died"
            continue
        if member.pos_ == "NUM" or member.like_num:
            return None
        if nums:
            if len(members) == 1:
                return None  # numbered: the regex pass has it
            parsed = parse_count(" ".join(n.text for n in nums))
            if parsed is None:
                return None
            total += parsed[0]
            continue
        if any(c.lower_ == "no" for c in member.children):
            return None  # "no one": the regex pass gives 0
        if low in GROUP_NOUNS:
            total += GROUP_NOUNS[low]  # "a couple", "twins"
        elif member.tag_ == "NNS" and any(c.lower_ in ("twin", "twins")
                                          for c in member.children if c.dep_ in ("amod", "compound")):
            total += 2  # "twin brothers"
        elif member.pos_ == "PRON":
            if low not in _SINGULAR_PRON:
                return None
            total += 1
        elif _is_age(member):
            total += 1
        elif member.tag_ in ("NN", "NNP"):
            if member.ent_type_ in _NOT_PERSON_ENTS:
                return None
            if member.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in member.children) and not (
                    len(members) > 1 and low in _PERSON_SET):
                return None  # "police were ...", "security": mass nouns, not one person
            total += 1
        else:
            return None
    return total or None
