"""The web UI end to end in real headless Chromium (Playwright): list + map + timeline
filtering each other, the event page with highlighted evidence, and untrusted article text
(<script>, <img onerror>) shown literally without running. Screenshots of the main views go
to docs/screenshots/."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from eventwire.serve import sample
from eventwire.serve.app import create_app
from eventwire.store import open_store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
TIMEOUT = 15_000  # ms, per wait


def _need_chromium() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM} (CI must install it: apt-get install chromium)")
        pytest.skip(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium, or set EVENTWIRE_CHROMIUM")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    _need_chromium()
    import uvicorn

    url = f"sqlite:///{tmp_path_factory.mktemp('ui') / 'events.db'}"
    store = open_store(url)
    assert sample.fill(store)["errors"] == 0
    store.close()
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db_url=url, tokens=[]), host="127.0.0.1", port=port,
                                       log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        assert time.time() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(TIMEOUT)
    pg.errors = []  # uncaught page errors and console errors: there must be none
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    yield pg
    ctx.close()


def _wait(page, expr: str, timeout: float = TIMEOUT / 1000) -> None:
    """Poll a JS expression until it is truthy. (page.wait_for_function evaluates its predicate
    with eval(), which the page's strict CSP rightly forbids; page.evaluate goes over CDP.)"""
    deadline = time.time() + timeout
    while not page.evaluate(expr):
        assert time.time() < deadline, f"timed out waiting for: {expr}"
        time.sleep(0.05)


def _wait_rows(page, n: int) -> None:
    _wait(page, f"document.querySelectorAll('#events tbody tr').length === {n}")


def _hash_params(page) -> dict[str, str]:
    frag = page.evaluate("location.hash")
    qs = frag.split("?", 1)[1] if "?" in frag else ""
    return {k: v[0] for k, v in parse_qs(qs).items()}


def _open_list(page, server: str, query: str = "") -> None:
    page.goto(f"{server}/#/{query}")
    _wait(page, "document.body.dataset.ready === '/'")


def test_list_map_timeline_and_filters(page, server) -> None:
    _open_list(page, server)
    _wait_rows(page, 6)
    canvas = page.locator("#map")
    assert canvas.get_attribute("data-points") == "6"  # every sample event has coordinates
    assert int(canvas.get_attribute("data-clusters")) >= 3  # Lyon, Maiduguri, Nairobi at least
    assert int(page.locator("#timeline").get_attribute("data-bins")) == 3  # 3 distinct days
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "list-map-timeline.png"), full_page=True)

    page.select_option("select[name=country]", "NG")
    _wait_rows(page, 4)
    assert _hash_params(page)["country"] == "NG"
    _wait(page, "document.getElementById('map').dataset.points === '4'")
    page.select_option("select[name=type]", "attack")
    _wait_rows(page, 1)
    assert _hash_params(page) == {"country": "NG", "type": "attack"}
    assert "attack" in page.locator("#events tbody tr").first.inner_text()
    _wait(page, "document.getElementById('map').dataset.points === '1'")
    assert page.locator("#timeline").get_attribute("data-bins") == "1"
    assert page.errors == []


def test_view_is_shareable_through_the_url(page, server) -> None:
    _open_list(page, server, "?country=FR")
    _wait_rows(page, 1)
    assert page.locator("select[name=country]").input_value() == "FR"
    assert "Lyon" in page.locator("#events tbody").inner_text()
    assert page.errors == []


def test_timeline_brush_filters_list_and_map(page, server) -> None:
    _open_list(page, server)
    _wait_rows(page, 6)
    bars = page.locator("#timeline rect.bar")
    first = bars.first.bounding_box()  # the earliest day, 2024-05-09 (4 events)
    y = first["y"] + first["height"] / 2
    page.mouse.move(first["x"] - 2, y)
    page.mouse.down()
    page.mouse.move(first["x"] + first["width"] / 2, y, steps=4)
    page.mouse.move(first["x"] + first["width"] + 2, y, steps=4)
    page.mouse.up()
    _wait_rows(page, 4)
    params = _hash_params(page)
    assert params["date_from"] <= "2024-05-09" <= params["date_to"] < "2024-05-11"
    _wait(page, "document.getElementById('map').dataset.points === '4'")
    assert "2024-05-09" in page.locator("#events tbody").inner_text()
    # a click without dragging clears the range
    box = page.locator("#timeline").bounding_box()
    page.mouse.click(box["x"] + box["width"] - 20, box["y"] + 20)
    _wait_rows(page, 6)
    assert "date_from" not in _hash_params(page)
    assert page.errors == []


def test_map_box_selection_filters_list_and_timeline(page, server) -> None:
    _open_list(page, server)
    _wait_rows(page, 6)
    cx, cy, k, w, h = json.loads(page.locator("#map").get_attribute("data-view"))
    box = page.locator("#map").bounding_box()

    def px(lon: float, lat: float) -> tuple[float, float]:
        return box["x"] + w / 2 + (lon - cx) * k, box["y"] + h / 2 - (lat - cy) * k

    page.keyboard.down("Shift")
    page.mouse.move(*px(30, 6))  # a box around Kenya
    page.mouse.down()
    page.mouse.move(*px(36, 0), steps=3)
    page.mouse.move(*px(44, -6), steps=3)
    page.mouse.up()
    page.keyboard.up("Shift")
    _wait_rows(page, 1)
    lon0, lat0, lon1, lat1 = map(float, _hash_params(page)["bbox"].split(","))
    assert lon0 <= 36.8 <= lon1 and lat0 <= -1.3 <= lat1 and lon1 - lon0 < 60
    assert "Nairobi" in page.locator("#events tbody").inner_text()
    _wait(page, "document.getElementById('timeline').dataset.bins === '1'")
    page.click("#zoom-reset")
    _wait_rows(page, 6)
    assert "bbox" not in _hash_params(page)
    assert page.errors == []


def test_event_page_evidence_figures_and_claims(page, server) -> None:
    _open_list(page, server, "?type=attack")
    _wait_rows(page, 1)
    page.click("#events a.event-link")
    page.wait_for_selector("article.event")
    _wait(page, "document.body.dataset.ready.startsWith('/event/')")
    marks = page.locator(".sources blockquote.evidence mark.trigger")
    assert marks.count() == 2  # one evidence sentence per source article, trigger marked
    assert sorted(marks.all_inner_texts()) == ["attack", "attacked"]
    assert "killing at least 12 people" in page.locator(".sources").inner_text()
    assert page.locator(".figure[data-kind=killed] svg.history circle.dot").count() == 2
    assert page.locator(".col-claims .claim").count() == 1
    assert "Islamic State West Africa Province (claimant)" in page.locator(".col-claims").inner_text()
    assert "Governor of Borno (accuser)" in page.locator(".col-accusations").inner_text()
    assert page.locator(".col-denials .claim").count() == 1
    assert "perpetrator" in page.locator(".actor-table").inner_text()
    page.screenshot(path=str(SHOTS / "event.png"), full_page=True)
    # the figure rule is part of the URL too
    page.select_option("article.event select[name=figure_rule]", "max")
    _wait(page, "location.hash.includes('figure_rule=max')")
    page.wait_for_selector(".figure[data-kind=killed] .muted >> text=max")
    assert page.locator(".figure[data-kind=killed] .value").inner_text() == "19"
    assert page.errors == []


def test_untrusted_article_text_never_runs(page, server) -> None:
    flag = sample.XSS_FLAG
    page.goto(f"{server}/#/article/ke-riot-1")
    page.wait_for_selector("article.article .article-text")
    text = page.locator(".article-text").inner_text()
    assert f'<img src=x onerror="window.{flag}=1">' in text
    assert f"<script>window.{flag}=2</script>" in text
    assert f"<script>window.{flag}=3</script>" in page.locator("article.article h1").inner_text()
    assert page.locator(".article-text img, .article-text script, article.article h1 script").count() == 0
    assert page.locator(".article-text mark.trigger").inner_text() == "clashed"
    page.screenshot(path=str(SHOTS / "article.png"), full_page=True)
    # the riot's event page shows the same title, also literally
    _open_list(page, server, "?country=KE")
    _wait_rows(page, 1)
    page.click("#events a.event-link")
    page.wait_for_selector("article.event .sources")
    assert f"<script>window.{flag}=3</script>" in page.locator(".sources h3").inner_text()
    page.wait_for_timeout(300)  # give any injected handler a chance to fire
    assert page.evaluate(f"window.{flag}") is None
    assert page.locator("img").count() == 0
    assert page.errors == []


def test_headers_forbid_inline_scripts(page, server) -> None:
    res = page.goto(f"{server}/")
    headers = res.headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    # an inline script injected at runtime is blocked by the CSP
    _wait(page, "document.body.dataset.ready === '/'")
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__inline = 1'; document.body.appendChild(s); }""")
    assert page.evaluate("window.__inline") is None
