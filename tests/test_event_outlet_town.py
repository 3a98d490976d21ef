"""The outlet's town named in the headline is the incident's town when the body gives none
(event_outlet_town)."""

from __future__ import annotations

from eventwire.analyze import event_link as link
from eventwire.analyze.event_outlet_town import apply, outlet_town
from eventwire.model import Article, EventMention, Place, Record, Span


def _event(loc: dict | None = None, type_: str = "attack") -> EventMention:
    ev = EventMention(type=type_, trigger=Span("shot", 0, 4), mode="asserted", primary=True)
    ev.location = loc
    return ev


def test_town_with_state_in_the_outlet_segment() -> None:
    got = outlet_town("Elm Street shooting - Newsnet.com-WXYZ- Lima, OH News Weather Sports")
    assert got is not None and (got.name, got.admin1) == ("Lima", "Ohio")  # not Lima, Peru
    got = outlet_town("Man arrested - Goldsboro Daily News - Goldsboro News, NC")
    assert got is not None and got.admin1 == "North Carolina"
    got = outlet_town("Girl shot - WXYZ Action News 5 - Memphis, Tennessee")  # after the outlet's name
    assert got is not None and (got.name, got.admin1) == ("Memphis", "Tennessee")


def test_story_segment_and_unknown_outlets_give_no_town() -> None:
    assert outlet_town("Man shot in Lima") is None  # no outlet segment
    assert outlet_town("Man shot | FOX 61") is None
    assert outlet_town("Man shot | abc13.com") is None


def test_fills_only_an_event_without_a_town() -> None:
    title = "Elm Street shooting - Newsnet.com-WXYZ- Lima, OH News Weather Sports"
    rec = Record(article=Article(id="t", text="A man was shot.", title=title))
    ev = _event(None)
    apply([ev], rec)
    assert ev.location["name"] == "Lima" and ev.location["admin1"] == "Ohio"
    # a state-level place in the same state: the town fills it
    ohio = Place("Ohio", 0, 4, name="Ohio", lat=40.0, lon=-83.0, country_code="US", admin1="Ohio",
                 feature="admin1", precision="admin1")
    ev = _event(link.place_dict(ohio), "arrest")
    apply([ev], rec)
    assert ev.location["name"] == "Lima"
    # a town the body gives stays
    town = Place("Wapakoneta", 0, 10, name="Wapakoneta", lat=40.57, lon=-84.19, country_code="US",
                 admin1="Ohio", feature="city", precision="city")
    ev = _event(link.place_dict(town))
    apply([ev], rec)
    assert ev.location["name"] == "Wapakoneta"
    # another state named by the body: left alone
    tx = Place("Texas", 0, 5, name="Texas", lat=31.0, lon=-99.0, country_code="US", admin1="Texas",
               feature="admin1", precision="admin1")
    ev = _event(link.place_dict(tx))
    apply([ev], rec)
    assert ev.location["name"] == "Texas"


def test_street_without_town_gets_the_outlet_town() -> None:
    title = "Elm Street shooting - Newsnet.com-WXYZ- Lima, OH News Weather Sports"
    rec = Record(article=Article(id="t", text="Police went to Elm Street.", title=title))
    street = Place("Elm Street", 15, 25, name="Elm Street", lat=47.0, lon=-120.0, country_code="US",
                   admin1="Washington", feature="venue", precision="city")
    ev = _event(link.place_dict(street))
    apply([ev], rec)
    assert ev.location["name"] == "Elm Street" and ev.location["city"]["name"] == "Lima"
    assert ev.location["admin1"] == "Ohio"


def test_a_street_in_the_outlet_name_is_no_town() -> None:
    assert outlet_town("Man shoots neighbor | Broad Street Media") is None


def test_a_town_outside_the_states_the_story_names_or_a_county_is_no_outlet_town() -> None:
    assert outlet_town("Man shot - Latest News - KXYZ Mobile Home", {"Missouri"}) is None
    assert outlet_town("Man shot | The Orange County Register") is None
    got = outlet_town("Man shot | The Augusta Chronicle", countries={"US"})  # no state named: the clear leader
    assert got is not None and got.admin1 == "Georgia"


def test_every_outlet_host_names_a_town_of_its_state() -> None:
    from eventwire.analyze.event_outlet_town import _city, _hosts

    missing = [(h, t, s) for h, (t, s) in _hosts().items() if _city(t, s, set(), set()) is None]
    assert len(_hosts()) >= 200 and missing == []


def test_the_outlets_web_host_gives_its_town() -> None:
    from eventwire.analyze.event_outlet_town import host_of, host_town

    # through an archive's wrapper, a port and a subdomain
    url = "http://web.archive.org/web/20161017184847/http://www.wlky.com:80/news/child-shot/42"
    assert host_of(url) == "wlky.com"
    got = host_town(url)
    assert got is not None and (got.name, got.admin1) == ("Louisville", "Kentucky")
    assert host_town("https://news.katv.com/a") is not None
    # an unknown host, or a story that names only another state, gives none
    assert host_town("https://example.com/news") is None
    assert host_town("https://www.wlky.com/x", {"Indiana"}) is None
    assert host_town("https://www.wlky.com/x", {"Kentucky"}) is not None


def test_a_story_whose_body_names_no_town_takes_the_outlets_town_from_its_url() -> None:
    rec = Record(article=Article(id="t", text="A child was shot on Tuesday.", title="Child shot",
                                 url="https://www.wesh.com/article/child-shot/1"), places=[])
    ev = _event()
    apply([ev], rec)
    assert ev.location is not None and ev.location["name"] == "Orlando" and ev.location["from"] == "outlet"
