"""The event store API on SQLite and on a real PostgreSQL server, fed hand-made records
(the analysis layers are tested elsewhere; here the records say exactly what we want)."""

from __future__ import annotations

import pytest

from eventwire.model import Actor, Article, EventMention, Record, Span
from eventwire.store import ingest_records, open_store

WORDS = ("harbour warehouse explosion firefighters container chemical blast dockworkers smoke "
         "evacuation residents windows shattered investigators cause storage ammonium port "
         "authorities hospital injured").split()


def text_of(words: list[str], n: int = 60, salt: str = "") -> str:
    body = " ".join(words[i % len(words)] for i in range(n))
    return f"{salt} {body}.".strip()


def record(aid: str, *, text: str, published: str = "2024-05-10", etype: str = "attack",
           place: tuple[str, str, float, float] | None = ("Springfield", "US", 39.80, -89.64),
           day: str | None = "2024-05-09", killed: int | None = None, mode: str = "asserted",
           actors: list[Actor] | None = None, extra: list[EventMention] | None = None,
           title: str = "Report") -> Record:
    loc = None
    if place:
        name, cc, lat, lon = place
        loc = {"name": name, "country_code": cc, "admin1": "Illinois" if cc == "US" else None,
               "lat": lat, "lon": lon, "precision": "city", "geonames_id": None}
    figs = {}
    if killed is not None:
        figs["killed"] = {"value": killed, "qualifier": "at_least",
                          "span": {"text": f"{killed} dead", "start": 0, "end": 5}}
    ev = EventMention(type=etype, trigger=Span(text[:5], 0, 5), mode=mode, primary=True, location=loc,
                      date={"value": day, "precision": "day", "span": None} if day else None,
                      figures=figs, actors=actors or [], confidence=0.8)
    return Record(article=Article(id=aid, text=text, title=title, published=published),
                  events=[ev, *(extra or [])])


def test_idempotent_add(store) -> None:
    # Rule: the same article (id + raw hash) twice changes nothing; ids are stable.
    recs = [record("a1", text=text_of(WORDS)), record("a2", text=text_of(WORDS[::-1], salt="other"))]
    first = store.add_records(recs)
    assert first["new"] == 2 and first["errors"] == 0
    ids = sorted(e["id"] for e in store.iter_events())
    again = store.add_records(recs)
    assert again["new"] == 0 and again["unchanged"] == 2 and again["events_created"] == 0
    assert sorted(e["id"] for e in store.iter_events()) == ids
    assert store.stats()["articles"] == 2


def test_changed_article_replaces_its_mentions(store) -> None:
    # Rule: same id, new raw hash → the article is updated, its old mentions leave their events.
    store.add_records([record("a1", text=text_of(WORDS), killed=3)])
    got = store.add_records([record("a1", text=text_of(WORDS, salt="corrected"), killed=4)])
    assert got["updated"] == 1
    (ev,) = list(store.iter_events())
    assert [r["value"] for r in ev["figures"]["killed"]["reports"]] == [4]


def test_copies_count_once(store) -> None:
    # Rule: syndicated copies (exact or near) join the event but are one independent source.
    base = text_of(WORDS, 80)
    near = base.replace("smoke", "haze", 1) + " Copyright wire service."
    store.add_records([record("orig", text=base), record("exact", text=base.upper()),
                       record("near", text=near)])
    arts, total = store.list_articles()
    kinds = {a["id"]: (a["copy_of"], a["copy_kind"]) for a in arts}
    assert total == 3
    assert kinds["exact"] == ("orig", "exact") and kinds["near"] == ("orig", "near")
    (ev,) = list(store.iter_events())
    assert sorted(ev["articles"]) == ["exact", "near", "orig"] and ev["sources"] == 1
    store.add_records([record("indep", text=text_of(WORDS[3:], 50, salt="independent report"),
                              published="2024-05-11")])
    (ev,) = list(store.iter_events())
    assert ev["sources"] == 2


def test_figure_history_and_rules(store) -> None:
    # Rule: every report is kept in date order; the chosen value follows the rule.
    tolls = [("2024-05-09", 40), ("2024-05-10", 133), ("2024-05-11", 144), ("2024-05-11", 139)]
    store.add_records([record(f"r{i}", text=text_of(WORDS[i:] + WORDS[:i], salt=f"update {i}"),
                              published=p, killed=k) for i, (p, k) in enumerate(tolls)])
    (ev,) = list(store.iter_events())
    fig = ev["figures"]["killed"]
    assert [r["value"] for r in fig["reports"]][:2] == [40, 133]
    assert fig["value"] == 139 and fig["rule"] == "conservative"
    assert store.get_event(ev["id"], figure_rule="latest")["figures"]["killed"]["value"] in (139, 144)
    assert store.get_event(ev["id"], figure_rule="max")["figures"]["killed"]["value"] == 144
    assert {r["article"] for r in fig["reports"]} == {"r0", "r1", "r2", "r3"}
    with pytest.raises(ValueError):
        store.get_event(ev["id"], figure_rule="median")


def test_merge_and_redirect(store) -> None:
    # Rule: an article that bridges two events merges them; the absorbed id redirects.
    a = record("a", text=text_of(WORDS[:10], 40), place=("Springfield", "US", 39.80, -89.64), day="2024-05-09")
    b = record("b", text=text_of(WORDS[10:], 40, salt="zzz"), place=("Decatur", "US", 39.84, -88.95),
               day="2024-05-11", published="2024-05-12")
    store.add_records([a, b])
    ids = sorted(e["id"] for e in store.iter_events())
    assert len(ids) == 2
    bridge = record("c", text=text_of(WORDS, 60, salt="zzz"), place=("Riverton", "US", 39.84, -89.30),
                    day="2024-05-10", published="2024-05-11")
    store.add_records([bridge])
    live = list(store.iter_events())
    assert len(live) == 1
    ev = live[0]
    assert sorted(ev["articles"]) == ["a", "b", "c"]
    gone = [i for i in ids if i != ev["id"]]
    assert ev["redirects"] == gone
    assert store.get_event(gone[0])["id"] == ev["id"]


def test_related_claim_across_articles(store) -> None:
    # Rule: a claim of responsibility in another article links to the attack it is about.
    attack = record("atk", text=text_of(WORDS, 50), killed=7)
    claim = record("clm", text=text_of(WORDS[5:], 40, salt="group statement"), etype="claim_responsibility",
                   actors=[Actor(name="the Front", canonical="Example Front", role="claimant")],
                   published="2024-05-10")
    store.add_records([attack, claim])
    events, total = store.list_events(type="attack")
    assert total == 1
    rel = events[0]["related"]
    assert any(r["relation"] == "claim_responsibility" and r["type"] == "claim_responsibility" for r in rel)
    claims, _ = store.list_events(type="claim_responsibility")
    assert claims[0]["related"][0]["id"] == events[0]["id"]
    assert store.list_actors(q="front")[0]["canonical"] == "Example Front"


def test_related_about_inside_article(store) -> None:
    # Rule: a mention's `about` index links its event to the event it is about.
    arrest = EventMention(type="arrest", trigger=Span("held", 0, 4), about=0,
                          figures={"arrested": {"value": 4, "qualifier": "exact", "span": None}})
    store.add_records([record("x", text=text_of(WORDS), extra=[arrest])])
    attack = store.list_events(type="attack")[0][0]
    assert attack["related"] == [{"id": store.list_events(type="arrest")[0][0]["id"],
                                  "type": "arrest", "relation": "arrest"}]


def test_filters_and_listing(store) -> None:
    # Rule: list filters narrow by place, date, type, actor, text and sources; totals count all.
    store.add_records([
        record("us1", text=text_of(WORDS), title="Harbour blast", killed=2,
               actors=[Actor(name="rebels", canonical="Rebel Army", role="perpetrator")]),
        record("fr1", text=text_of(WORDS[::-1], salt="paris"), place=("Paris", "FR", 48.85, 2.35),
               etype="protest", day="2024-06-01", published="2024-06-01", title="March in Paris"),
        record("hy1", text=text_of(WORDS[4:], salt="maybe"), mode="hypothetical", place=None),
    ])
    assert store.list_events()[1] == 2  # the hypothetical mention makes no event
    assert [e["location"]["country_code"] for e in store.list_events(country="fr")[0]] == ["FR"]
    assert store.list_events(date_from="2024-05-20")[1] == 1
    assert store.list_events(date_to="2024-05-20", type="attack")[1] == 1
    assert store.list_events(bbox=(-90.0, 39.0, -89.0, 40.0))[1] == 1
    assert store.list_events(actor="rebel")[1] == 1
    assert store.list_events(q="paris")[1] == 1
    assert store.list_events(min_sources=2)[1] == 0
    page, total = store.list_events(limit=1, sort="date")
    assert total == 2 and len(page) == 1 and page[0]["type"] == "attack"
    st = store.stats()
    assert st["by_country"] == {"US": 1, "FR": 1} and st["by_day"]["2024-06-01"] == 1
    rec = store.get_article("us1")
    assert rec["article"]["title"] == "Harbour blast" and rec["events"][0]["type"] == "attack"
    assert store.get_article("nope") is None and store.get_event("ev_nope") is None
    arts, total = store.list_articles(q="paris")
    assert total == 1 and arts[0]["id"] == "fr1" and len(arts[0]["events"]) == 1


def test_event_shape(store) -> None:
    # Rule: a consolidated event carries the SPEC §2 fields.
    ingest_records(store, [record("s1", text=text_of(WORDS), killed=5)])
    ev = store.get_event(next(store.iter_events())["id"])
    for key in ("id", "type", "subtype", "acled", "mode", "date", "location", "actors", "articles",
                "primary_for", "mentions", "sources", "first_seen", "last_seen", "figures", "related",
                "redirects", "confidence"):
        assert key in ev
    assert ev["id"].startswith("ev_") and ev["primary_for"] == ["s1"]
    assert ev["date"] == {"value": "2024-05-09", "precision": "day"}
    assert ev["mentions"][0]["trigger"] == {"text": ev["mentions"][0]["trigger"]["text"], "start": 0, "end": 5}


def test_bad_record_is_an_error_not_a_crash(store) -> None:
    # Rule: a record that cannot be stored is counted and reported; the others are stored.
    bad = record("bad", text=text_of(WORDS))
    bad.events[0].date = {"value": object()}  # not JSON-serialisable
    errors = []
    got = store.add_records([bad, record("good", text=text_of(WORDS[::-1]))], on_error=errors.append)
    assert got["errors"] == 1 and got["new"] == 1 and errors[0].item == "bad"
    assert store.get_article("bad") is None and store.get_article("good") is not None


def test_stories_group_every_article(store) -> None:
    # Rule: every article gets a story, typed events or not; copies share their original's
    # story; unrelated articles (other words, place and month) get their own.
    base = text_of(WORDS, 80)
    quiet = record("quiet", text=text_of(["orchestra", "premiere", "violinist", "conductor", "symphony",
                                          "audience", "applause", "season"], 60), place=None,
                   published="2024-09-01")
    quiet.events = []
    store.add_records([record("orig", text=base), record("dup", text=base + " Wire."), quiet])
    stories = store.document_stories()
    assert set(stories) == {"orig", "dup", "quiet"} and all(stories.values())
    assert stories["orig"] == stories["dup"] != stories["quiet"]
    assert {a["id"]: a["story"] for a in store.list_articles()[0]} == stories


def test_late_follow_up_found_by_rare_words(store) -> None:
    # Rule: a follow-up published two months later with no date of its own (a trial, a
    # sentencing) is outside the date window; sharing rare words (names) still finds its event.
    names = ["okonkwo", "adeyemi", "brixton", "larkspur", "quennell", "harbourside"]
    first = record("first", text=text_of(names + WORDS[:6], 60), published="2024-05-10", day="2024-05-09")
    later = record("later", text=text_of(names + WORDS[6:12], 60, salt="trial"), published="2024-07-12", day=None)
    store.add_records([first, later])
    events, total = store.list_events()
    assert total == 1 and sorted(events[0]["articles"]) == ["first", "later"]


def test_an_events_subtype_belongs_to_its_type(tmp_path) -> None:
    # a disaster whose mentions include a stray "killing" (armed_assault) keeps a disaster subtype or none
    from eventwire import taxonomy
    from eventwire.pipeline import extract
    from eventwire.store import ingest_records

    src = tmp_path / "quake.txt"
    src.write_text("Earthquake strikes eastern province\n\nA magnitude 6.1 earthquake struck the province "
                   "of Van in eastern Turkey on Thursday evening, killing at least 8 people and injuring 70, "
                   "the disaster agency said.\n", encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'q.db'}")
    ingest_records(store, extract([str(src)], published="2025-08-07"))
    rows = store.db.all("SELECT type, subtype FROM events")
    assert rows
    for type_, subtype in rows:
        assert subtype is None or taxonomy.type_of(subtype) == type_
