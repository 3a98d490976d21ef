"""A few hand-written, fully analysed records (fictional reports) for the API/UI/export
tests and for trying the web UI without running the NLP pipeline:

    python -m eventwire.serve.sample sqlite:///sample.db && eventwire serve --db sqlite:///sample.db

Spans are computed from the text, so they are always consistent. One article carries
markup-looking text (<script>, <img onerror>) to prove the UI never renders article text
as HTML.
"""

from __future__ import annotations

import sys
from typing import Any

from ..model import Record

XSS_FLAG = "__ewXss"


def _span(text: str, part: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"text": part, "start": start, "end": start + len(part)}


def _sentence(text: str, part: str) -> dict[str, Any]:
    """The sentence (split on '. ') holding `part`."""
    pos = text.index(part)
    begin = text.rfind(". ", 0, pos)
    begin = 0 if begin < 0 else begin + 2
    end = text.find(". ", pos)
    end = len(text) if end < 0 else end + 1
    return {"text": text[begin:end], "start": begin, "end": end}


def _place(text: str, part: str, name: str, cc: str, admin1: str | None, lat: float, lon: float,
           gid: int, feature: str = "city") -> dict[str, Any]:
    sp = _span(text, part)
    return {**{k: sp[k] for k in ("text", "start", "end")}, "name": name, "geonames_id": gid, "lat": lat,
            "lon": lon, "country_code": cc, "admin1": admin1, "feature": feature, "precision": feature}


def _record(aid: str, title: str, text: str, published: str, source: str, places: list[dict],
            events: list[dict], entities: list[dict] | None = None, times: list[dict] | None = None,
            quotes: list[dict] | None = None) -> Record:
    return Record.from_dict({
        "article": {"id": aid, "title": title, "text": text, "published": published,
                    "published_source": "record", "source": source, "url": f"https://news.example/{aid}",
                    "language": "en"},
        "entities": entities or [], "places": places, "times": times or [], "quotes": quotes or [],
        "figures": [], "events": events,
    })


def _event(text: str, type_: str, subtype: str | None, acled: tuple[str, str] | None, trigger: str,
           sentence_of: str, *, mode: str = "asserted", primary: bool = False,
           actors: list[tuple[str, str, str, str]] = (), location: dict | None = None,
           date: str | None = None, figures: dict[str, tuple[int, str, str]] | None = None,
           about: int | None = None, confidence: float = 0.8) -> dict[str, Any]:
    loc = None
    if location:
        loc = {k: v for k, v in location.items()}
        loc["span"] = {k: location[k] for k in ("text", "start", "end")}
    return {
        "type": type_, "subtype": subtype,
        "acled": {"event_type": acled[0], "sub_event_type": acled[1]} if acled else None,
        "mode": mode, "primary": primary, "trigger": _span(text, trigger),
        "actors": [{"name": n, "canonical": c, "role": r, "kind": k, "span": _span(text, n)}
                   for n, c, r, k in actors],
        "location": loc,
        "date": {"value": date, "precision": "day", "span": None} if date else None,
        "figures": {kind: {"value": v, "qualifier": q, "span": _span(text, s)}
                    for kind, (v, q, s) in (figures or {}).items()},
        "about": about, "confidence": confidence, "sentence": _sentence(text, trigger),
    }


def records() -> list[Record]:
    out = []

    t = ("Gunmen attacked a crowded cattle market in Maiduguri on Thursday, killing at least 12 people, "
         "police said. The Islamic State West Africa Province claimed responsibility for the attack in a "
         "statement. The governor accused the group of targeting traders. A spokesman for the group "
         "denied that civilians were targeted.")
    mai = _place(t, "Maiduguri", "Maiduguri", "NG", "Borno", 11.8464, 13.1603, 2331447)
    out.append(_record(
        "ng-market-1", "Gunmen kill 12 at Maiduguri cattle market", t, "2024-05-10", "Daily Ledger", [mai], [
            _event(t, "attack", "armed_assault", ("Violence against civilians", "Attack"), "attacked",
                   "attacked", primary=True, location=mai, date="2024-05-09",
                   actors=[("Gunmen", "Gunmen", "perpetrator", "armed_group"),
                           ("people", "Civilians", "victim", "civilians")],
                   figures={"killed": (12, "at_least", "at least 12")}),
            _event(t, "claim_responsibility", None, None, "claimed responsibility", "claimed",
                   mode="claimed", location=mai, date="2024-05-09", about=0,
                   actors=[("The Islamic State West Africa Province", "Islamic State West Africa Province",
                            "claimant", "armed_group")]),
            _event(t, "accusation", None, None, "accused", "accused", mode="alleged", location=mai, about=0,
                   date="2024-05-09",
                   actors=[("The governor", "Governor of Borno", "accuser", "government"),
                           ("the group", "Islamic State West Africa Province", "accused", "armed_group")]),
            _event(t, "denial", None, None, "denied", "denied", mode="denied", location=mai, about=0,
                   date="2024-05-09",
                   actors=[("A spokesman for the group", "Islamic State West Africa Province", "denier",
                            "armed_group")]),
        ],
        entities=[{**_span(t, "Islamic State West Africa Province"), "label": "ORG",
                   "canonical": "Islamic State West Africa Province", "kind": "armed_group"}],
        times=[{**_span(t, "Thursday"), "type": "DATE", "value": "2024-05-09", "precision": "day",
                "anchored": True}],
    ))

    t = ("The death toll from Thursday's attack on a cattle market in Maiduguri rose to 19, "
         "hospital officials said on Saturday. Gunmen on motorcycles opened fire on traders.")
    mai2 = _place(t, "Maiduguri", "Maiduguri", "NG", "Borno", 11.8464, 13.1603, 2331447)
    out.append(_record(
        "ng-market-2", "Maiduguri market attack toll rises to 19", t, "2024-05-11", "Sahel Wire", [mai2], [
            _event(t, "attack", "armed_assault", ("Violence against civilians", "Attack"), "attack",
                   "attack", primary=True, location=mai2, date="2024-05-09",
                   actors=[("Gunmen", "Gunmen", "perpetrator", "armed_group"),
                           ("traders", "Civilians", "victim", "civilians")],
                   figures={"killed": (19, "exact", "19")}),
        ],
    ))

    t = ("Thousands of people marched through Lyon on Saturday to protest against the pension reform. "
         "Police said the demonstration was peaceful and that 5 people were detained.")
    lyon = _place(t, "Lyon", "Lyon", "FR", "Auvergne-Rhone-Alpes", 45.7485, 4.8467, 2996944)
    out.append(_record(
        "fr-protest-1", "Thousands march in Lyon against pension reform", t, "2024-05-12", "Le Courrier",
        [lyon], [
            _event(t, "protest", "peaceful_protest", ("Protests", "Peaceful protest"), "protest", "protest",
                   primary=True, location=lyon, date="2024-05-11",
                   actors=[("Thousands of people", "Protesters", "perpetrator", "protesters")],
                   figures={"arrested": (5, "exact", "5")}),
        ],
    ))

    # Untrusted markup in the text and title: the UI must show it literally, never run it.
    t = (f"Rioters clashed with police in Nairobi on Monday <img src=x onerror=\"window.{XSS_FLAG}=1\"> "
         f"and burned tyres. <script>window.{XSS_FLAG}=2</script> Two people were injured in the riot.")
    nbo = _place(t, "Nairobi", "Nairobi", "KE", "Nairobi Area", -1.2833, 36.8167, 184745)
    out.append(_record(
        "ke-riot-1", f"Riot in Nairobi <script>window.{XSS_FLAG}=3</script>", t, "2024-05-14", "Coast Times",
        [nbo], [
            _event(t, "riot", "violent_demonstration", ("Riots", "Violent demonstration"), "clashed",
                   "clashed", primary=True, location=nbo, date="2024-05-13",
                   actors=[("Rioters", "Rioters", "perpetrator", "rioters"),
                           ("police", "Police Forces of Kenya", "target", "police")],
                   figures={"injured": (2, "exact", "Two")}),
        ],
    ))
    return out


def fill(store: Any) -> dict[str, int]:
    """Add the sample records to an open store."""
    return store.add_records(records())


if __name__ == "__main__":
    from ..store import open_store

    s = open_store(sys.argv[1] if len(sys.argv) > 1 else None)
    print(fill(s))
    s.close()
