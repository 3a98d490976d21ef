"""The FastAPI app: JSON API under /api, the offline web UI under / and /static.

All store access goes through one dedicated thread (`StoreThread`): the store may
hold an SQLite connection, which must stay on the thread that opened it, and
serialising requests there is plenty for an analyst's workstation. Analysis of
POSTed articles (spaCy) runs in the ordinary worker pool, off that thread.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import AsyncIterator, Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from . import auth, views
from .fetch import allow_private_default
from .ingest import MAX_ITEMS, ArticleIn, to_articles
from .params import (
    FIGURE_RULES,
    MAX_POINTS,
    BadRequest,
    event_filters,
    parse_choice,
    parse_page,
    parse_sort,
    parse_text,
)

STATIC = Path(__file__).with_name("static")
POINTS_PAGE = 1000
SECURITY_HEADERS = {
    # Article text is untrusted: even if some of it ever reached the DOM as markup,
    # no inline script or foreign resource could run or load.
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class StoreError(RuntimeError):
    """The store failed for a reason that is not the caller's input."""


class StoreThread:
    """Runs every store call on one thread; opens the store there on first use."""

    def __init__(self, store: Any = None, url: str | None = None) -> None:
        self._store = store
        self._url = url
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="eventwire-store")

    def _run(self, name: str, args: tuple, kwargs: dict) -> Any:
        if self._store is None:
            from ..store import open_store

            self._store = open_store(self._url)
        if name == "has":
            return callable(getattr(self._store, args[0], None))
        try:
            return getattr(self._store, name)(*args, **kwargs)
        except (ValueError, TypeError, KeyError) as exc:
            # The store rejects a filter value we let through: the caller's mistake.
            raise BadRequest(f"{name}: {exc}") from exc
        except Exception as exc:
            raise StoreError(f"store error in {name}: {type(exc).__name__}: {exc}") from exc

    async def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, functools.partial(self._run, name, args, kwargs))

    def close(self) -> None:
        def _close() -> None:
            if self._store is not None and hasattr(self._store, "close"):
                self._store.close()
            self._store = None

        try:
            self._pool.submit(_close).result()
        except RuntimeError:  # already shut down
            return
        self._pool.shutdown(wait=True)


def _default_analyze(articles: list) -> Iterable[Any]:
    from ..pipeline import analyze_items

    return list(analyze_items(articles))


def create_app(
    store: Any = None,
    *,
    db_url: str | None = None,
    tokens: list[str] | None = None,
    analyze: Callable[[list], Iterable[Any]] | None = None,
    allow_fetch: bool = True,
    allow_private_fetch: bool | None = None,
) -> FastAPI:
    """The API + UI over `store` (or the store opened from `db_url` on first request)."""
    runner = StoreThread(store, db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        runner.close()

    app = FastAPI(
        lifespan=lifespan,
        title="eventwire",
        version="0.1.0",
        description="Events extracted from news articles, every fact tied to its text span.",
        docs_url=None,  # Swagger UI loads from a CDN, which the CSP (rightly) forbids
        redoc_url=None,
    )
    app.state.store = runner
    app.state.tokens = list(tokens) if tokens is not None else auth.load_tokens()
    analyze_fn = analyze or _default_analyze
    allow_private = allow_private_default() if allow_private_fetch is None else allow_private_fetch

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    @app.exception_handler(BadRequest)
    async def bad_request(_request: Request, exc: BadRequest) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    def rule_of(value: str | None) -> str:
        return parse_choice("figure_rule", value, FIGURE_RULES) or "conservative"

    def filters_of(request: Request, min_sources: int | None) -> dict[str, Any]:
        qp = request.query_params
        raw = {k: qp.get(k) for k in ("date_from", "date_to", "country", "admin1", "bbox",
                                      "type", "actor", "q", "mode")}
        raw["min_sources"] = min_sources
        return event_filters(raw)

    @app.get("/api/events", tags=["events"], summary="Consolidated events, filtered and paged")
    async def list_events(
        request: Request,
        date_from: str | None = Query(None, description="first event day, YYYY-MM-DD (or YYYY-MM, YYYY)"),
        date_to: str | None = Query(None, description="last event day, inclusive"),
        country: str | None = Query(None, description="ISO 3166-1 alpha-2 code"),
        admin1: str | None = Query(None, description="first-level subdivision name"),
        bbox: str | None = Query(None, description="min_lon,min_lat,max_lon,max_lat"),
        type: str | None = Query(None, description="taxonomy event type"),
        actor: str | None = Query(None, description="actor name or canonical name"),
        q: str | None = Query(None, description="full-text search"),
        min_sources: int | None = Query(None, description="at least this many independent sources"),
        mode: str | None = Query(None, description="asserted, claimed, alleged, denied, hypothetical, background"),
        sort: str | None = Query("-last_seen", description="last_seen, first_seen, date, sources; '-' = descending"),
        limit: int | None = Query(50, description="page size, 1..500"),
        offset: int | None = Query(0, description="rows to skip"),
        figure_rule: str | None = Query("conservative", description="conservative, latest or max"),
    ) -> dict[str, Any]:
        filters = filters_of(request, min_sources)
        limit, offset = parse_page(limit, offset)
        items, total = await runner.call(
            "list_events", **filters, sort=parse_sort(sort), limit=limit, offset=offset,
            figure_rule=rule_of(figure_rule),
        )
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/events/points", tags=["events"],
             summary="Every matching event as a compact map/timeline point")
    async def event_points(
        request: Request,
        date_from: str | None = None, date_to: str | None = None, country: str | None = None,
        admin1: str | None = None, bbox: str | None = None, type: str | None = None,
        actor: str | None = None, q: str | None = None, min_sources: int | None = None,
        mode: str | None = None,
    ) -> dict[str, Any]:
        """Points are [id, lon, lat, day, type, sources]; lon/lat or day may be null."""
        filters = filters_of(request, min_sources)
        if await runner.call("has", "list_points"):
            # A store that can answer with light rows directly (no full event dicts).
            points, total = await runner.call("list_points", **filters, limit=MAX_POINTS)
            return {"total": total, "truncated": total > len(points), "points": points}
        points: list[list[Any]] = []
        total = 0
        while len(points) < MAX_POINTS:
            items, total = await runner.call(
                "list_events", **filters, sort="-last_seen", limit=POINTS_PAGE, offset=len(points),
            )
            points.extend(views.point(ev) for ev in items)
            if not items or len(points) >= total:
                break
        return {"total": total, "truncated": total > len(points), "points": points}

    @app.get("/api/events/{event_id}", tags=["events"],
             summary="One event: figures with report history, articles, evidence, related events")
    async def get_event(event_id: str, figure_rule: str | None = "conservative") -> dict[str, Any]:
        rule = rule_of(figure_rule)
        event = await runner.call("get_event", parse_text("id", event_id, 300), rule)
        if event is None:
            return JSONResponse({"detail": f"no event {event_id!r}"}, status_code=404)  # type: ignore[return-value]
        articles = {}
        for aid in event.get("articles", [])[:50]:
            articles[aid] = await runner.call("get_article", aid)
        related = []
        for rel in event.get("related", [])[:30]:
            other = await runner.call("get_event", rel.get("id"), rule)
            related.append(views.related(rel, other))
        return views.event_detail(event, articles, related)

    @app.get("/api/articles", tags=["articles"], summary="Stored articles, paged")
    async def list_articles(
        q: str | None = None, limit: int | None = 50, offset: int | None = 0,
    ) -> dict[str, Any]:
        limit, offset = parse_page(limit, offset)
        items, total = await runner.call("list_articles", limit=limit, offset=offset,
                                         q=parse_text("q", q))
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/articles/{article_id}", tags=["articles"],
             summary="One article: clean text and every layer's spans as structured data")
    async def get_article(article_id: str) -> dict[str, Any]:
        record = await runner.call("get_article", parse_text("id", article_id, 300))
        if record is None:
            return JSONResponse({"detail": f"no article {article_id!r}"}, status_code=404)  # type: ignore[return-value]
        return record

    def require_token(request: Request) -> None:
        # A dependency, so it runs before the body is parsed: anonymous callers learn nothing
        # about the write API beyond 401.
        denied = auth.check(request.headers.get("authorization"), app.state.tokens)
        if denied:
            status, msg = denied
            headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
            raise HTTPException(status_code=status, detail=msg, headers=headers)

    @app.post("/api/articles", tags=["articles"], status_code=201,
              dependencies=[Depends(require_token)],
              summary="Add articles (needs Authorization: Bearer <token>)")
    async def post_articles(body: ArticleIn | list[ArticleIn]) -> Any:
        items = body if isinstance(body, list) else [body]
        if not items:
            raise BadRequest("no articles in the request body")
        if len(items) > MAX_ITEMS:
            raise BadRequest(f"at most {MAX_ITEMS} articles per request, got {len(items)}")
        errors: list[dict[str, str]] = []
        articles = []
        for item in items:
            got, messages = await run_in_threadpool(to_articles, item, allow_fetch, allow_private)
            articles.extend(got)
            errors.extend({"id": item.id, "error": m} for m in messages)
        records = []
        if articles:
            try:
                analysed = await run_in_threadpool(analyze_fn, articles)
            except Exception as exc:  # the NLP stack itself is broken: say so, not a bare 500
                raise StoreError(f"analysis unavailable: {type(exc).__name__}: {exc}") from exc
            for rec in analysed:
                if hasattr(rec, "article"):
                    records.append(rec)
                else:  # an ItemError
                    errors.append({"id": getattr(rec, "item", "?"), "error": getattr(rec, "message", str(rec))})
        if not records:
            return JSONResponse({"detail": "no article could be added", "errors": errors}, status_code=422)
        result = await runner.call("add_records", records)
        return {"added": [r.article.id for r in records], "errors": errors, "store": result}

    @app.get("/api/actors", tags=["actors"], summary="Actors, optionally matching q")
    async def list_actors(q: str | None = None, limit: int | None = 50) -> dict[str, Any]:
        limit, _ = parse_page(limit, 0)
        items = await runner.call("list_actors", q=parse_text("q", q), limit=limit)
        return {"items": items}

    @app.get("/api/stats", tags=["stats"], summary="Counts by day, type and country")
    async def stats() -> dict[str, Any]:
        return await runner.call("stats")

    @app.get("/basemap/countries.geojson", include_in_schema=False)
    async def basemap() -> FileResponse:
        path = resources.files("eventwire") / "data" / "basemap" / "countries-110m.geojson"
        return FileResponse(str(path), media_type="application/geo+json",
                            headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html",
                            headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
