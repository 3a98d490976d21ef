"""JSON API (`eventwire serve`): every endpoint over a temp SQLite store filled with the
hand-written sample records (eventwire.serve.sample), auth on writes, 4xx on bad input."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventwire.serve import sample
from eventwire.serve.app import create_app
from eventwire.serve.auth import load_tokens
from eventwire.store import open_store

TOKEN = "test-token-123"


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'events.db'}"
    store = open_store(url)
    counts = sample.fill(store)
    store.close()
    assert counts["errors"] == 0 and counts["new"] == 4
    return url


@pytest.fixture(scope="module")
def client(db_url: str):
    with TestClient(create_app(db_url=db_url, tokens=[TOKEN])) as c:
        yield c


def _attack(client: TestClient) -> dict:
    items = client.get("/api/events", params={"type": "attack", "country": "NG"}).json()["items"]
    assert len(items) == 1, items
    return items[0]


def test_list_events_filters_and_paging(client: TestClient) -> None:
    everything = client.get("/api/events").json()
    assert everything["total"] == len(everything["items"]) >= 4
    ng = client.get("/api/events", params={"country": "ng"}).json()  # country code case-insensitive
    assert ng["total"] >= 1 and all(e["location"]["country_code"] == "NG" for e in ng["items"])
    fr = client.get("/api/events", params={"country": "FR", "type": "protest"}).json()
    assert [e["type"] for e in fr["items"]] == ["protest"]
    # date range is inclusive and accepts a month
    may9 = client.get("/api/events", params={"date_from": "2024-05-09", "date_to": "2024-05-09"}).json()
    assert may9["items"] and all(e["date"]["value"] == "2024-05-09" for e in may9["items"])
    assert client.get("/api/events", params={"date_from": "2024-06"}).json()["total"] == 0
    # bbox around Kenya only
    ke = client.get("/api/events", params={"bbox": "33,-5,42,5"}).json()
    assert [e["location"]["country_code"] for e in ke["items"]] == ["KE"]
    assert client.get("/api/events", params={"mode": "denied"}).json()["items"][0]["type"] == "denial"
    assert client.get("/api/events", params={"min_sources": 2}).json()["items"][0]["type"] == "attack"
    assert client.get("/api/events", params={"actor": "gunmen"}).json()["total"] == 1
    assert client.get("/api/events", params={"q": "cattle market"}).json()["total"] >= 1
    page = client.get("/api/events", params={"limit": 2, "offset": 1, "sort": "date"}).json()
    assert page["limit"] == 2 and page["offset"] == 1 and len(page["items"]) == 2
    days = [e["date"]["value"] for e in client.get("/api/events", params={"sort": "-date"}).json()["items"]]
    assert days == sorted(days, reverse=True)


def test_figure_rule_changes_the_chosen_value(client: TestClient) -> None:
    ev = _attack(client)
    reports = ev["figures"]["killed"]["reports"]
    assert sorted(r["value"] for r in reports) == [12, 19]  # both articles' reports kept
    mx = client.get(f"/api/events/{ev['id']}", params={"figure_rule": "max"}).json()
    assert mx["figures"]["killed"]["value"] == 19 and mx["figures"]["killed"]["rule"] == "max"
    latest = client.get(f"/api/events/{ev['id']}", params={"figure_rule": "latest"}).json()
    assert latest["figures"]["killed"]["value"] == 19  # the later article says 19


def test_event_detail_has_evidence_articles_and_contested_claims(client: TestClient) -> None:
    ev = client.get(f"/api/events/{_attack(client)['id']}").json()
    assert set(ev["articles"]) == {"ng-market-1", "ng-market-2"}
    src = {s["id"]: s for s in ev["sources_detail"]}
    assert src["ng-market-1"]["title"].startswith("Gunmen kill 12")
    evidence = src["ng-market-1"]["evidence"][0]
    sent, trig = evidence["sentence"], evidence["trigger"]
    assert sent["start"] <= trig["start"] < trig["end"] <= sent["end"]
    assert sent["text"][trig["start"] - sent["start"]:trig["end"] - sent["start"]] == trig["text"]
    related = {r["type"]: r for r in ev["related_detail"]}
    assert {"claim_responsibility", "accusation", "denial"} <= set(related)
    assert related["denial"]["mode"] == "denied"
    assert any(a["role"] == "claimant" for a in related["claim_responsibility"]["actors"])
    assert related["accusation"]["evidence"][0]["trigger"]["text"] == "accused"


def test_points_are_compact_and_cover_all_matches(client: TestClient) -> None:
    res = client.get("/api/events/points", params={"country": "NG"}).json()
    assert res["total"] == len(res["points"]) and not res["truncated"]
    eid, lon, lat, day, type_, sources = next(p for p in res["points"] if p[4] == "attack")
    assert (round(lon, 2), round(lat, 2), day, sources) == (13.16, 11.85, "2024-05-09", 2)


def test_unknown_ids_are_404(client: TestClient) -> None:
    assert client.get("/api/events/ev_nope").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404


def test_articles_list_and_detail_with_spans(client: TestClient) -> None:
    res = client.get("/api/articles").json()
    assert res["total"] == 4
    assert client.get("/api/articles", params={"q": "lyon"}).json()["total"] == 1
    rec = client.get("/api/articles/ng-market-1").json()
    text = rec["article"]["text"]
    for layer in ("entities", "places", "times"):
        for sp in rec[layer]:
            assert text[sp["start"]:sp["end"]] == sp["text"], layer
    assert rec["events"][0]["trigger"]["text"] == "attacked"


def test_actors_and_stats(client: TestClient) -> None:
    actors = client.get("/api/actors", params={"q": "west africa"}).json()["items"]
    assert actors and actors[0]["canonical"] == "Islamic State West Africa Province"
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 4 and stats["by_country"]["NG"] >= 1 and stats["by_type"]["protest"] == 1


@pytest.mark.parametrize("query", [
    {"date_from": "2024-02-30"}, {"date_from": "yesterday"}, {"date_to": "2024-13"},
    {"date_from": "2024-05-10", "date_to": "2024-05-01"},
    {"bbox": "1,2,3"}, {"bbox": "a,b,c,d"}, {"bbox": "10,0,5,5"}, {"bbox": "0,0,200,5"}, {"bbox": "nan,0,1,1"},
    {"limit": 0}, {"limit": 100000}, {"limit": "many"}, {"offset": -1},
    {"country": "Nigeria"}, {"type": "<script>"}, {"mode": "rumoured"}, {"sort": "-popularity"},
    {"figure_rule": "median"}, {"min_sources": -3}, {"q": "x" * 500},
])
def test_bad_parameters_are_4xx_with_a_message(client: TestClient, query: dict) -> None:
    res = client.get("/api/events", params=query)
    assert 400 <= res.status_code < 500, (query, res.status_code, res.text)
    assert res.json()["detail"]


def test_bad_parameters_on_other_endpoints(client: TestClient) -> None:
    assert client.get("/api/events/points", params={"bbox": "1"}).status_code == 400
    assert client.get("/api/articles", params={"limit": -1}).status_code == 400
    assert client.get("/api/actors", params={"limit": 0}).status_code == 400
    assert client.get("/api/events/x", params={"figure_rule": "x"}).status_code == 400


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/api/events", "/static/js/main.js", "/api/events/nope"):
        res = client.get(path)
        csp = res.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert res.headers["x-content-type-options"] == "nosniff"
    assert client.get("/openapi.json").json()["paths"]["/api/events"]


def test_post_needs_a_token(client: TestClient) -> None:
    body = {"id": "post-x", "text": "Police arrested 3 people in Accra on Monday."}
    res = client.post("/api/articles", json=body)
    assert res.status_code == 401 and res.headers["www-authenticate"] == "Bearer"
    res = client.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"})
    assert res.status_code == 403
    res = client.post("/api/articles", json=body, headers={"Authorization": "Basic dXNlcjpwdw=="})
    assert res.status_code == 401
    assert client.get("/api/articles/post-x").status_code == 404  # nothing was stored
    # auth comes before body validation: an anonymous caller gets 401 even for a bad body
    assert client.post("/api/articles", json={"bogus": 1}).status_code == 401


def test_read_only_server_refuses_all_tokens(db_url: str) -> None:
    with TestClient(create_app(db_url=db_url, tokens=[])) as c:
        res = c.post("/api/articles", json={"id": "a", "text": "x"}, headers={"Authorization": "Bearer anything"})
        assert res.status_code == 403


def test_post_validates_the_body(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert client.post("/api/articles", json={"text": "no id"}, headers=auth).status_code == 422
    assert client.post("/api/articles", json={"id": "e", "text": "  "}, headers=auth).status_code == 422
    assert client.post("/api/articles", json=[], headers=auth).status_code == 400
    assert client.post("/api/articles", content=b"{not json", headers={**auth, "Content-Type": "application/json"}).status_code == 422
    many = [{"id": f"m{i}", "text": "t"} for i in range(101)]
    assert client.post("/api/articles", json=many, headers=auth).status_code == 400


def test_post_with_a_good_token_analyses_and_stores(client: TestClient) -> None:
    """The real pipeline runs on the posted text; the article is then readable."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = [
        {"id": "post-kano", "title": "Blast at Kano bus station",
         "text": "A bomb exploded at a bus station in Kano on Tuesday, killing 4 people, police said.",
         "published": "2024-06-04", "source": "Test Wire"},
        {"id": "post-html", "html": "<html><body><p>Protesters gathered in Accra on Monday.</p>"
                                    "<script>alert(1)</script></body></html>", "published": "2024-06-03"},
    ]
    res = client.post("/api/articles", json=body, headers=auth)
    assert res.status_code == 201, res.text
    assert set(res.json()["added"]) == {"post-kano", "post-html"}
    rec = client.get("/api/articles/post-kano").json()
    assert rec["article"]["text"].startswith("A bomb exploded") and rec["article"]["source"] == "Test Wire"
    assert "alert" not in client.get("/api/articles/post-html").json()["article"]["text"]
    ids = [a["id"] for a in client.get("/api/articles", params={"limit": 500}).json()["items"]]
    assert "post-kano" in ids


def test_tokens_from_env_and_file(tmp_path) -> None:
    f = tmp_path / "tokens.txt"
    f.write_text("# analysts\nalpha\n\nbeta  # ci\n")
    assert load_tokens(f, env={"EVENTWIRE_API_TOKENS": " gamma, ,delta"}) == ["gamma", "delta", "alpha", "beta"]
    t = tmp_path / "tokens.toml"
    t.write_text('tokens = ["one", "two"]\n')
    assert load_tokens(t, env={}) == ["one", "two"]


class _BrokenStore:
    """A store whose reads fail: a bad filter (ValueError) vs. a broken database."""

    def list_events(self, **kw):
        raise ValueError("unknown sort 'x'")

    def stats(self):
        raise RuntimeError("database is locked")

    def close(self) -> None:
        pass


def test_store_errors_become_clear_4xx_or_503_never_500() -> None:
    with TestClient(create_app(_BrokenStore(), tokens=[])) as c:
        res = c.get("/api/events")
        assert res.status_code == 400 and "unknown sort" in res.json()["detail"]
        res = c.get("/api/stats")
        assert res.status_code == 503 and "database is locked" in res.json()["detail"]


def test_serve_command_runs_the_real_server(cli, db_url: str) -> None:
    """`eventwire serve` starts uvicorn with the API; tokens come from EVENTWIRE_API_TOKENS."""
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "EVENTWIRE_API_TOKENS": "env-token"}
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", db_url, "--port", str(port),
                             "--log-level", "warning"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 30
        while True:
            try:
                res = httpx.get(f"{base}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.time() < deadline, "server did not start"
                time.sleep(0.2)
        assert res.status_code == 200 and res.json()["articles"] >= 4
        bad = httpx.post(f"{base}/api/articles", json=[], headers={"Authorization": "Bearer nope"})
        assert bad.status_code == 403
        ok = httpx.post(f"{base}/api/articles", json=[], headers={"Authorization": "Bearer env-token"})
        assert ok.status_code == 400  # authorised, but an empty list is a bad request
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8000/x", "http://localhost/", "http://10.1.2.3/", "http://192.168.0.1/",
    "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
    "ftp://example.org/file", "file:///etc/passwd", "http:///nohost",
])
def test_fetch_refuses_private_and_non_http_urls(url: str) -> None:
    from eventwire.serve.fetch import FetchError, check_url

    with pytest.raises(FetchError):
        check_url(url)


def _local_site():
    """A throw-away HTTP server on 127.0.0.1 serving one news page."""
    import http.server
    import threading

    page = (b"<html><head><title>Flood in Port Town</title></head><body><article><h1>Flood in Port Town</h1>"
            b"<p>Floods swept through the coastal city of Mombasa on Sunday, killing 7 people, officials said."
            b" Rescue teams searched for survivors through the night.</p></article></body></html>")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args) -> None:
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def test_post_url_is_fetched_only_when_private_addresses_are_allowed(db_url: str) -> None:
    srv = _local_site()
    url = f"http://127.0.0.1:{srv.server_address[1]}/flood"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    try:
        with TestClient(create_app(db_url=db_url, tokens=[TOKEN], allow_private_fetch=False)) as c:
            res = c.post("/api/articles", json={"id": "fetched-1", "url": url}, headers=auth)
            assert res.status_code == 422 and "refusing" in res.json()["errors"][0]["error"]
        with TestClient(create_app(db_url=db_url, tokens=[TOKEN], allow_fetch=False)) as c:
            res = c.post("/api/articles", json={"id": "fetched-1", "url": url}, headers=auth)
            assert res.status_code == 422 and "disabled" in res.json()["errors"][0]["error"]
        with TestClient(create_app(db_url=db_url, tokens=[TOKEN], allow_private_fetch=True)) as c:
            res = c.post("/api/articles", json={"id": "fetched-1", "url": url}, headers=auth)
            assert res.status_code == 201, res.text
            rec = c.get("/api/articles/fetched-1").json()
            assert "Mombasa" in rec["article"]["text"] and rec["article"]["url"] == url
    finally:
        srv.shutdown()
