"""Mentions of the places layer, and the article-level rules built on them: place chains
("Village (District, Province)", "in Town, Province"), the outlet's country, neighbourhoods
and the one-country agreement pass (see places.py for the layer itself)."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import Entity
from ..spans import SpanIndex
from . import place_chain, place_cues, place_local, place_names, place_outlets
from .aliases import demonyms
from .gazetteer import Candidate, gazetteer, norm
from .place_resolve import Context, best, host_state, prior
from .place_roles import lex

_COMPASS = frozenset({"north", "south", "east", "west"})
NON_PLACE_KINDS = {"person", "armed_group", "terrorist_group", "media", "political_party",
                   "organisation", "police", "military"}


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: str  # toponym, venue, demonym
    dateline: bool = False
    within: tuple[str | None, str | None] | None = None
    role: str = "location"
    cand: Candidate | None = None
    chain: tuple[tuple[str, ...], bool] | None = None  # qualifier names, bracketed?
    approx: bool = False  # coordinates are those of the containing area
    kind_of: tuple[str, str | None] | None = None  # (feature, country) the words say it is
    guess: bool = False  # a town found by its local-news context only (place_local_names)
    sure_state: bool = False  # a guess NER called a person: kept only in a state named
    bare: bool = False  # a one-word unknown "GPE" after "in": kept only once placed (a quarter)
    # the chain head this mention is a qualifier of ("La Paz" of "San Luis Talpa, La Paz")
    qualifies: Mention | None = field(default=None, repr=False, compare=False)


def take(text: str, s: int, t: int, out: list[Mention]) -> Mention | None:
    """The mention at text[s:t]: an existing one of that span, else a new one replacing
    unknown names that only partly overlap it (a NER span "Tena (Napo"); None when a known
    place overlaps it differently."""
    over = [x for x in out if x.start < t and s < x.end]
    for x in over:
        if (x.start, x.end) == (s, t) and x.kind == "toponym":
            return x
    if any(_keeps(x, s, t) for x in over):
        return None
    for x in over:
        out.remove(x)
    m = Mention(s, t, text[s:t], "toponym")
    out.append(m)
    return m


def _keeps(x: Mention, s: int, t: int) -> bool:
    """An overlapping mention wins over a chain element unless it is a broken NER span
    ("Tena (Napo"), a "venue" with no venue word, or a name embedded inside the element
    ("Victoria" in "Silao de la Victoria")."""
    if "(" in x.text or (x.role == "embedded" and s <= x.start and x.end <= t):
        return False
    if x.kind == "venue":
        return x.text.split()[-1].lower() in lex()["venue"]
    return x.kind != "toponym" or gazetteer().known(x.text)


def add_chains(text: str, ents: list[Entity], out: list[Mention]) -> None:
    """"Village (District, Province)" and "in Town, Province": the head lies within the areas;
    "protested in Cahors": a known name after a locative preposition is a place."""
    people = [(e.start, e.end) for e in ents if e.label in ("PERSON", "ORG", "NORP", "DATE", "TIME")
              or e.kind in NON_PLACE_KINDS]
    persons = [(e.start, e.end) for e in ents if e.label in ("PERSON", "DATE", "TIME")]
    for ch in place_chain.find(text):
        s, t = ch.head
        head_text, qual_texts = text[s:t], [text[a:b] for a, b in ch.quals]
        w = place_chain.within(qual_texts, Counter(), ch.paren, head_text)
        if w is None and place_chain.settlement(text, s, t) and gazetteer().known(head_text) \
                and not any(a < t and s < b for a, b in persons):
            take(text, s, t, out)  # "the Shatra district of <unknown province>": still a place
            continue
        if w is None or not place_chain.plausible_head(text, s, t, ch.paren):
            continue
        if any(a < t and s < b for a, b in people) and not place_chain.framed(text, s, t):
            continue
        own = gazetteer().lookup(head_text)
        top = max(own, key=lambda c: prior(c, head_text)) if own else None
        if top is not None and top.feature == "country" and top.country_code == w[0]:
            continue  # "the US state of Texas": the head is the country holding the area
        if not ch.paren and top is not None and top.feature in ("country", "admin1", "region"):
            continue  # "Iraq, Syria": a list, not a place and its area; a bracket is no list:
            # "Santa Cruz (California)" is the town there, whatever area bears the name elsewhere
        if not ch.paren and place_cues.listed(text, s, ch.quals[-1][1]) and \
                not place_cues.named_in(own, head_text, w[0], w[1]):
            # "stops in Washington, New York and Boston": a list, not a town in its state; its
            # items of the country the areas agree on are places all the same ("Cairo, Giza")
            for (a, b), q in zip(ch.quals, qual_texts, strict=True):
                if any(c.country_code == w[0] for c in gazetteer().lookup(q)):
                    take(text, a, b, out)
            continue
        quals = [take(text, a, b, out) for (a, b), q in zip(ch.quals, qual_texts, strict=True)
                 if any(c.country_code == w[0] for c in gazetteer().lookup(q))]
        for q in quals:
            if q is not None:
                located(q)  # the bracketed area is a place even when the head is a building
                q.kind_of = q.kind_of or place_cues.area_kind(gazetteer().lookup(q.text), w[0])
        head = take(text, s, t, out)
        if head is None:
            continue
        located(head).chain = (tuple(q.text for q in quals if q is not None), ch.paren)
        for q in quals:
            if q is not None:
                q.qualifies = head
    # the bracketed areas of a note's place, with or without a head before the bracket: the
    # names the qualifiers agree on are places ("(Djugu, Ituri)"); a lone bracketed word only
    # when it is a first-level area or a country (not "(Reuters)")
    for spans in place_chain.brackets(text):
        names = [text[a:b] for a, b in spans]
        w = place_chain.within(names, Counter(), True)
        if w is None:
            continue
        for (a, b), q in zip(spans, names, strict=True):
            cands = [c for c in gazetteer().lookup(q) if c.country_code == w[0]]
            if not cands or len(spans) == 1 and cands[0].feature not in ("admin1", "country"):
                continue
            if any(x.start < b and a < x.end for x in out) or any(x < b and a < y for x, y in persons):
                continue  # (NER often calls a bracketed district an ORG or NORP: not a veto)
            out.append(Mention(a, b, q, "toponym"))
    # an entity of exactly the name after "in" is a mislabelled place ("in Lecce" as PERSON)
    # ... and so is a known name an entity covers only in part ("Bagnols" of "in Bagnols-sur-Ceze")
    spans = SpanIndex((e.start, e.end) for e in ents)
    for s, t in place_chain.plain(text):
        if not spans.sticks_out(s, t):
            take(text, s, t, out)


def located(m: Mention) -> Mention:
    if m.role == "embedded":
        m.role = "location"  # "the City Council of X (X)": a bracketed area is a place
    return m


def neighbourhoods(ms: list[Mention], text: str) -> None:
    """"Philadelphia's Kensington section", "the Rogers Park neighborhood": a part of a city
    (often a namesake of a town elsewhere) located at that city."""
    cities = [m.cand for m in ms if m.dateline and m.cand and m.cand.feature == "city"]
    counts: Counter = Counter(m.cand for m in ms if m.cand and m.kind == "toponym" and not m.approx
                              and m.cand.feature == "city" and m.role == "location")
    cities += [c for c, _ in counts.most_common()]
    hoods: dict[str, Candidate] = {}
    for m in ms:
        if m.kind != "toponym" or (m.cand is not None and m.cand.feature not in ("city",)):
            continue
        # (not the namesake town the quarter itself was read as: "Kensington" in New York)
        city = place_local.hood_city(text, m, [c for c in cities if c != m.cand])
        if city is not None and city != m.cand:
            m.cand = Candidate(m.text, None, city.lat, city.lon, city.country_code, city.admin1,
                               "neighbourhood", 0)
            m.approx = True
            hoods[m.text] = m.cand
    for m in ms:  # the quarter is that quarter wherever the article names it ("Kensington shooting")
        if m.text in hoods and m.kind == "toponym" and m.cand is not None and m.cand.feature == "city" \
                and not m.approx:
            m.cand, m.approx = hoods[m.text], True


def qualifier_kinds(ms: list[Mention], ctx: Context) -> None:
    """A chain's qualifier is an area of the country the chain is read in with the article's
    context, not of the country its name alone suggests: "San Luis Talpa municipality, La Paz"
    in a Salvadoran note is El Salvador's La Paz, not Bolivia's (add_chains could only read
    the chain without context)."""
    for q in ms:
        h = q.qualifies
        if h is None or h.chain is None or not any(x is h for x in ms):
            continue
        w = place_chain.within(list(h.chain[0]), ctx.countries, h.chain[1], h.text)
        if w is not None and (q.kind_of is None or q.kind_of[1] not in (None, w[0])):
            # (a cue of the words themselves stays: "the city of Sao Paulo" is the city)
            q.kind_of = place_cues.area_kind(gazetteer().lookup(q.text), w[0]) or q.kind_of


def resolve_chain(m: Mention, ctx: Context) -> None:
    """The head of "X (A, B)" only among places inside the areas; a head the gazetteer does not
    know there still gets the area's coordinates (precision admin1), country and admin1."""
    assert m.chain is not None
    w = place_chain.within(list(m.chain[0]), ctx.countries, m.chain[1], m.text)
    if w is None:
        m.cand = best(gazetteer().lookup(m.text), m.text, ctx)
        return
    cc, a1, area = w
    m.within = (cc, a1)
    name = m.text if gazetteer().known(m.text) else m.text.split(" - ")[0]  # "City - District"
    m.cand = best(gazetteer().lookup(name), name, ctx, m.within, strict=True)
    if m.cand is None and all(q.lower() in _COMPASS for q in m.chain[0]):
        # "Kar Paung Kya (East) village": a bare compass word tells two places of one name
        # apart; it is no area of its own (Cameroon's East) unless the head lies there
        m.within, m.cand = None, best(gazetteer().lookup(m.text), m.text, ctx)
        return
    own = best(gazetteer().lookup(name), name, ctx) if m.cand is None and area.feature == "city" else None
    if own is not None and own.feature == "city" and own.population >= 150_000:
        # the areas were only read as a small town's name ("Iquique municipality (Tarapaca)"):
        # a well-known city as the head is better evidence than a namesake of its area
        m.within, m.cand = None, own
        return
    if m.cand is None and place_local.is_county(m.text):
        m.cand = place_local.county(m, ctx)  # "in Orange County, California": a county
        m.approx = m.cand is not None
    if m.cand is None and m.text[:1].isupper():
        m.cand = Candidate(m.text, None, area.lat, area.lon, cc, a1, "city", 0)
        m.approx = True


def source_prior(source: str | None, ctx: Context) -> None:
    """The outlet ("Times of X", "Y Tribune", "Z News (Country)") is usually a national or
    local one: the countries its name mentions are weak evidence for the whole article."""
    if not source:
        return
    seen: set[str] = set()
    cc = domain_country(source)
    if cc:
        seen.add(cc)
        ctx.countries[cc] += 1.0
    for cc in place_outlets.outlet_countries(source):  # a known outlet's country ("ABC Color")
        if cc not in seen:
            seen.add(cc)
            ctx.countries[cc] += 1.0
    for s, t in place_names.find(source):
        for c in gazetteer().lookup(source[s:t])[:1]:
            if c.country_code and c.country_code not in seen:
                seen.add(c.country_code)
                ctx.countries[c.country_code] += 1.0
    for w in re.findall(r"[A-Z][a-z]+", source):
        code = demonyms().get(w.lower(), "")
        if len(code) == 2 and code not in seen:
            seen.add(code)
            ctx.countries[code] += 1.0
    ctx.outlet = outlet_home(source)
    ctx.outlet_state = host_state(source)


def outlet_home(source: str | None) -> str | None:
    """The one country the outlet is from: its country-code domain, else a known outlet's
    (outlets.csv), else the one its name states; None when nothing or several say it."""
    if not source:
        return None
    return domain_country(source) or place_outlets.outlet_country(source) or stated_country(source)


def stated_country(source: str) -> str | None:
    """The one country an outlet's name states by its name or demonym ("Daily Trust
    (Nigeria)", "Kenya Standard", "Yemeni News"); None for none or several."""
    found = {c.country_code for s, t in place_names.find(source)
             for c in gazetteer().lookup(source[s:t])[:1] if c.feature == "country"}
    found |= {code for w in re.findall(r"[A-Z][a-z]+", source)
              if len(code := demonyms().get(w.lower(), "")) == 2}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def _domains() -> dict:
    with open(Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "source_domains.toml", "rb") as fh:
        return tomllib.load(fh)


_HOST = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$")


def domain_country(source: str) -> str | None:
    """The country of an outlet's host name by its country-code domain ("www.thesun.co.uk" ->
    GB); None for generic domains (".com", ".tv"), blog platforms and names that are no host."""
    host = source.strip().lower()
    if not _HOST.match(host):
        return None
    parts = host.split(".")
    d = _domains()
    tld = parts[-1]
    if len(tld) != 2 or tld in d["generic"] or any(p in d["platforms"] for p in parts):
        return None
    cc = d["rename"].get(tld, tld.upper())
    return cc if gazetteer().country(cc) is not None else None


def agree(ms: list[Mention], ctx: Context) -> bool:
    """One country for the whole article: when the resolved places mostly lie in one country
    (big, well-known places counting double), that country's weight joins the context and the
    article is resolved again, so a lone namesake abroad is pulled home ("Dajia, Taichung")."""
    votes: Counter = Counter()
    for m in ms:
        c = m.cand
        if m.kind == "toponym" and c is not None and c.country_code and not m.approx \
                and c.feature in ("city", "admin1", "country"):
            votes[c.country_code] += 1.0 if c.population >= 100_000 or c.feature != "city" else 0.5
    if len(votes) < 2:
        return False
    (cc, top), = votes.most_common(1)
    if top < 1.0 or top < 0.6 * sum(votes.values()):
        return False
    ctx.countries[cc] += top
    return True


_HYPHEN_TAIL = re.compile(r"(?:-[A-Za-z\u00C0-\u024F']+)+")


def join_hyphenated(text: str, out: list[Mention]) -> None:
    """NER cuts hyphenated names at the hyphen ("Mazar" + "Sharif" of "Mazar-i-Sharif"):
    a toponym followed by hyphenated words the gazetteer knows as one name becomes that
    name, and mentions inside the added words are dropped."""
    for i, m in enumerate(out):
        if m.kind != "toponym" or m.dateline:
            continue
        tail = _HYPHEN_TAIL.match(text, m.end)
        if tail is None or not gazetteer().known(text[m.start:tail.end()]):
            continue
        end = tail.end()
        out[i] = Mention(m.start, end, text[m.start:end], "toponym", role=m.role)
        out[:] = [o for o in out if o is out[i] or not (m.start <= o.start and o.end <= end)]
        return join_hyphenated(text, out)  # the list changed: start over


def merge_split(text: str, out: list[Mention]) -> None:
    """NER cuts some names in two ("Baja" + "California"): adjacent names the gazetteer knows
    as one are one mention."""
    out.sort(key=lambda m: m.start)
    i = 0
    while i + 1 < len(out):
        a, b = out[i], out[i + 1]
        if a.kind == b.kind == "toponym" and text[a.end:b.start] == " " and not a.dateline \
                and gazetteer().known(text[a.start:b.end]):
            out[i] = Mention(a.start, b.end, text[a.start:b.end], "toponym", role=a.role)
            del out[i + 1]
            continue
        i += 1


_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“]))([A-Z][\w'’]+) $")


def join_leading(text: str, out: list[Mention]) -> None:
    """NER leaves the first word off some names ("near Goz " + "Beida"): a toponym after a
    capitalised word that forms with it a name the gazetteer knows as a place's own name
    becomes that name, unless the word is another mention."""
    for i, m in enumerate(out):
        if m.kind != "toponym" or m.dateline:
            continue
        lead = _WORD_BEFORE.search(text, max(0, m.start - 25), m.start)
        if lead is None or any(o.start < m.start and lead.start(1) < o.end for o in out):
            continue
        name = text[lead.start(1):m.end]
        if any(norm(c.name) == norm(name) for c in gazetteer().lookup(name)):
            out[i] = Mention(lead.start(1), m.end, name, "toponym", role=m.role)


_WORDS_AFTER = re.compile(r"(?:\s(?:do|da|de|del|dos|das|di|du)\s[A-Z][\w'’]+)|(?:\s[A-Z][\w'’]+)")


def join_trailing(text: str, out: list[Mention]) -> None:
    """NER leaves the last words off some names ("Rio Grande" + " do Sul"): a toponym followed by
    words that form with it a name the gazetteer knows as a place's own name becomes that name,
    unless the words hold another mention."""
    for i, m in enumerate(out):
        if m.kind != "toponym" or m.dateline:
            continue
        tail = _WORDS_AFTER.match(text, m.end)
        if tail is None or any(m.end <= o.start < tail.end() for o in out):
            continue
        name = text[m.start:tail.end()]
        if any(norm(c.name) == norm(name) for c in gazetteer().lookup(name)):
            out[i] = Mention(m.start, tail.end(), name, "toponym", role=m.role)


def join_cut_names(text: str, out: list[Mention]) -> None:
    """Names NER cut short: at a hyphen, at the start, at the end (see the three rules)."""
    join_hyphenated(text, out)
    join_leading(text, out)
    join_trailing(text, out)
