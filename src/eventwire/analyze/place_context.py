"""The article's place context: which countries and first-level areas its mentions vote for
(datelines, chains, demonyms, unambiguous names, a dominant city), read before any single
name is resolved (a helper of places.py)."""

from __future__ import annotations

from . import place_chain, place_cues, place_local
from .aliases import demonyms
from .gazetteer import Candidate, gazetteer
from .place_mentions import Mention, qualifier_kinds, source_prior
from .place_resolve import Context, dominant_city, prior


def votes(ms: list[Mention], source: str | None = None) -> Context:
    ctx = Context()
    source_prior(source, ctx)
    qualifier_kinds(ms, ctx)
    big: list[Candidate] = []
    for m in ms:
        if m.guess:
            continue  # a guessed town follows the article's context, it does not make it
        if m.chain:
            w = place_chain.within(list(m.chain[0]), ctx.countries, m.chain[1], m.text)
            if w:
                ctx.countries[w[0]] += 2.0
                if w[1]:
                    ctx.admin1[(w[0], w[1])] += 1.0
        if m.kind == "demonym":
            code = demonyms().get(m.text.lower(), "")
            c = gazetteer().country(code) if len(code) == 2 else None
            if c:
                ctx.add(c, 0.5)
            continue
        if m.kind != "toponym":
            continue
        cands = place_cues.narrow(gazetteer().lookup(m.text), m.kind_of)
        if not cands:
            if m.within and m.within[0]:  # "HORRY COUNTY, SC (WMBF) -": the county's state
                cc, a1 = m.within
                ctx.countries[cc] += 3.0 if m.dateline else 1.0
                if a1:
                    ctx.admin1[(cc, a1)] += 1.5 if m.dateline else 1.0
            continue
        top = max(cands, key=lambda c: prior(c, m.text))
        if m.dateline and any(c.feature == "city" and (c.country_code, c.admin1) != (top.country_code, top.admin1)
                              for c in cands):
            ctx.guess(m.text, top, 3.0)  # "STERLING —": which state's is for the article to say
        elif m.dateline:
            ctx.add(top, 3.0)
        elif m.within:
            cc, a1 = m.within
            if cc:
                ctx.countries[cc] += 1.0
            if a1:
                ctx.admin1[(cc, a1)] += 1.0
        elif top.feature in ("country", "admin1") and any(  # "Georgia": its own vote is no
                c.country_code != top.country_code and c.feature != "country" for c in cands):
            ctx.vote(m.text, top, 1.0)  # evidence against its namesake state or town abroad
        elif top.feature in ("country", "admin1") or len(cands) == 1:
            ctx.add(top, 1.0, m.text)
        elif dominant_city(top, cands):
            big.append(top)
    for c in dict.fromkeys(big):
        # only where nothing else in the article points to another country ("Windsor" is
        # Windsor, Ontario unless the story is set in Connecticut)
        lead = ctx.countries.most_common(1)
        if not lead or lead[0][0] == c.country_code:
            ctx.add(c, 1.0)
    place_local.county_votes(ms, ctx)
    return ctx
