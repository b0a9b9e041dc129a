"""The FastAPI app: HTML pages and a JSON API over one Detente store (see CONTRACT.md).

``create_app(db_path)`` opens the store read-only (after building its derived tables once); with a
``token`` it opens it for writing and accepts ``POST /api/articles`` from clients that send
``Authorization: Bearer TOKEN``. Routes parse parameters and call :mod:`detente.web.queries`; every
error goes through one set of handlers that answer JSON under ``/api`` and an HTML page elsewhere.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import duckdb
import jinja2
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from detente import __version__
from detente.errors import ArticleError, StoreError
from detente.store import Store, default_db_path
from detente.store.records import row_to_event
from detente.web import queries
from detente.web.highlight import article_spans, cut, evidence_pieces
from detente.web.queries import BadParameter, CursorStore, NotFound
from detente.web.schemas import (
    ActorPage,
    ArticleDetail,
    ArticlePage,
    ContestedPage,
    DyadPage,
    ErrorBody,
    EventDetail,
    EventPage,
    IngestResult,
    SeriesResponse,
    TimelinePage,
)
from detente.web.uploads import CONTENT_TYPES, media_type, parse_body

HERE = Path(__file__).parent
log = logging.getLogger("detente.web")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
PAGE_SIZE = 50
CACHE_SIZE = 64
LANES = (0, 1, -1, 2, -2)  # vertical offsets of marks that share a day and a track
TIMELINE_PAGE = 200

Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="Rows per page (1..500).")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
Page = Annotated[int, Query(ge=1, description="Page number, from 1.")]
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A bad parameter (named in the message)."},
    404: {"model": ErrorBody, "description": "Not found."},
}


@dataclass
class WebState:
    """What the routes share: the root connection (each request takes a cursor), the token, limits."""

    con: duckdb.DuckDBPyConnection
    path: str
    token: str | None
    max_body_bytes: int
    pipeline: Any = None
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    cache: OrderedDict[tuple[Any, ...], Any] = field(default_factory=OrderedDict)
    cache_lock: threading.Lock = field(default_factory=threading.Lock)

    def cached(self, key: tuple[Any, ...], make: Callable[[], Any]) -> Any:
        """A derived result computed in Python (a chart spec: Altair takes 0.1-1 s; the contested
        incidents), made once per key while the store is unchanged: every ingest empties the cache."""
        with self.cache_lock:
            if key in self.cache:
                self.cache.move_to_end(key)
                return self.cache[key]
        value = make()
        with self.cache_lock:
            self.cache[key] = value
            while len(self.cache) > CACHE_SIZE:
                self.cache.popitem(last=False)
        return value

    def forget(self) -> None:
        """Empty the cache (after an ingest)."""
        with self.cache_lock:
            self.cache.clear()


def _open(path: Path, writable: bool) -> duckdb.DuckDBPyConnection:
    """The app's root connection: read-write with a token, else read-only once the derived tables
    (merged events, claims) have been brought up to date by a short read-write open."""
    if writable:
        store = Store(path)
        queries.prepare(store)
        return store.con
    try:
        queries.prepare_store(path)
    except (StoreError, duckdb.Error) as exc:  # e.g. a read-only file: serve what it has
        log.warning("could not build the derived tables of %s: %s", path, exc)
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open database: {exc}") from exc


def create_app(
    db_path: Path | str | None,
    *,
    token: str | None = None,
    max_body_bytes: int = 2_000_000,
    pipeline: Any = None,
) -> FastAPI:
    """The web app over the store at ``db_path`` (default: ``$DETENTE_DB`` or the user data dir).

    Read-only unless ``token`` is given; ``pipeline`` (optional) is the coder used by POST, loaded on
    the first POST otherwise.
    """
    path = Path(db_path) if db_path is not None else default_db_path()
    token = token or None
    state = WebState(_open(path, token is not None), str(path), token, max_body_bytes, pipeline)
    app = FastAPI(
        title="Detente",
        version=__version__,
        description="Source-attributed political event data (PLOVER) from news articles.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.detente = state
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _install_handlers(app)
    _add_pages(app)
    _add_api(app)
    return app


# -- shared plumbing ----------------------------------------------------------------------------
def _state(request: Request) -> WebState:
    state: WebState = request.app.state.detente
    return state


def store_dep(request: Request) -> Iterator[CursorStore]:
    """A cursor on the store for one request (DuckDB connections are not shared across threads)."""
    state = _state(request)
    cursor = state.con.cursor()
    try:
        yield CursorStore(cursor, state.path)
    finally:
        cursor.close()


StoreDep = Annotated[CursorStore, Depends(store_dep)]

_templates = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
)


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page from ``templates/``; every value is escaped by Jinja's autoescape."""
    context = {"query": "", "version": __version__, **context}
    html = _templates.get_template(name).render(request=request, names=queries.country_names(), **context)
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str, errors: list[str] | None = None) -> Response:
    """The one error format: ``{"error": ...}`` under /api, a friendly page elsewhere."""
    if _wants_json(request):
        body: dict[str, Any] = {"error": message}
        if errors:
            body["errors"] = errors
        return JSONResponse(body, status_code=status, headers=SECURITY_HEADERS)
    return render(request, "error.html", status=status, status_code=status, message=message)


def _install_handlers(app: FastAPI) -> None:
    async def bad_parameter(request: Request, exc: Exception) -> Response:
        return error_response(request, 400, str(exc))

    async def not_found(request: Request, exc: Exception) -> Response:
        return error_response(request, 404, str(exc))

    async def invalid_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = []
        for item in exc.errors():
            where = [str(p) for p in item.get("loc", ()) if p not in ("query", "path", "body")]
            problems.append(f"{'.'.join(where) or 'request'}: {item.get('msg', 'invalid')}")
        return error_response(request, 400, "; ".join(problems), problems if len(problems) > 1 else None)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = (
            str(exc.detail)
            if exc.status_code != 404 or exc.detail != "Not Found"
            else (f"no page at {request.url.path}")
        )
        response = error_response(request, exc.status_code, message)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    async def server_error(request: Request, exc: Exception) -> Response:
        log.error("error serving %s", request.url.path, exc_info=exc)
        return error_response(request, 500, "internal error: the server could not answer this request")

    app.add_exception_handler(BadParameter, bad_parameter)
    app.add_exception_handler(NotFound, not_found)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, server_error)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response


def _pages(total: int, page: int, size: int) -> dict[str, int]:
    last = max(1, -(-total // size))
    return {"page": page, "last": last, "total": total, "size": size}


def _dyad(a: str, b: str) -> tuple[str, str]:
    return queries.check_code(a, "a"), queries.check_code(b, "b")


# -- HTML pages ---------------------------------------------------------------------------------
def _add_pages(app: FastAPI) -> None:
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, store: StoreDep, page: Page = 1) -> Response:
        total, rows = queries.dyad_ranking(store.con, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        counts = {t: queries.count_rows(store.con, t) for t in ("articles", "events")}
        return render(
            request, "home.html", dyads=rows, counts=counts, paging=_pages(total, page, PAGE_SIZE), **_nav()
        )

    @app.get("/dyads/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(
        request: Request,
        store: StoreDep,
        a: str,
        b: str,
        freq: str = "month",
        since: str | None = None,
        until: str | None = None,
        page: Page = 1,
    ) -> Response:
        x, y = _dyad(a, b)
        period = queries.check_freq(freq)
        start, end = queries.check_date(since, "since"), queries.check_date(until, "until")
        queries.check_window(start, end)
        data = queries.dyad_data(store, x, y, freq=period, since=start, until=end)
        shown = data.timeline[(page - 1) * TIMELINE_PAGE : page * TIMELINE_PAGE]
        reps = queries.representatives(store.con, data, shown)
        key = ("chart", x, y, period, start, end)
        spec = _state(request).cached(
            key, lambda: chart_spec(data, queries.representatives(store.con, data, data.timeline))
        )
        flagged = [f for f in data.facade if f.flagged]
        return render(
            request,
            "dyad.html",
            a=x,
            b=y,
            freq=period,
            since=since or "",
            until=until or "",
            data=data,
            events=[(e, reps[e.cluster_id]) for e in shown],
            flagged=flagged,
            spec=spec,
            paging=_pages(len(data.timeline), page, TIMELINE_PAGE),
            **_nav(),
        )

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, store: StoreDep, event_id: str) -> Response:
        row = queries.get_event(store.con, event_id)
        pieces = evidence_pieces(row["article_text"], row["sentence_start"], row["sentence_end"])
        event = row_to_event(row)
        return render(request, "event.html", row=row, event=event, pieces=pieces, **_nav())

    @app.get("/articles/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, store: StoreDep, doc_id: str) -> Response:
        article = queries.get_article(store.con, doc_id)
        pieces = cut(
            article["text"], article_spans(article["text"], article["event_rows"], article["sentences"])
        )
        return render(request, "article.html", article=article, pieces=pieces, **_nav())

    @app.get("/contested", response_class=HTMLResponse, include_in_schema=False)
    def contested_page(request: Request, store: StoreDep) -> Response:
        built, incidents = _state(request).cached(("contested",), lambda: queries.contested(store))
        return render(request, "contested.html", built=built, incidents=incidents, **_nav())

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, store: StoreDep, q: str = "", page: Page = 1) -> Response:
        text = q.strip()
        total, rows = 0, list[dict[str, Any]]()
        if text:
            total, rows = queries.search_events(store.con, text, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        return render(
            request, "search.html", q=text, rows=rows, paging=_pages(total, page, PAGE_SIZE), **_nav(q=text)
        )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request) -> Response:
        return render(request, "docs.html", **_nav())


def _nav(q: str = "") -> dict[str, Any]:
    return {"query": q, "version": __version__}


def chart_spec(data: queries.DyadData, reps: dict[str, str]) -> dict[str, Any]:
    """The dyad chart's Vega-Lite spec, with each event mark linking to its event page.

    The marks are matched to the timeline by date, type and sentence (not by position), so the chart
    module may filter or order its marks as it likes; a mark that matches no event gets no link."""
    from detente.relations.plot import dyad_chart

    spec: dict[str, Any] = dyad_chart(data.series, data.timeline, data.facade).to_dict(validate=False)
    links: dict[tuple[str, str, str], list[str]] = {}
    for event in data.timeline:
        if event.date_start is not None:
            key = (event.date_start.isoformat(), event.event_type, event.sentence[:200])
            links.setdefault(key, []).append(f"/events/{reps.get(event.cluster_id, event.cluster_id)}")
    for panel in spec.get("vconcat", []):
        for layer in panel.get("layer", []):
            mark = layer.get("mark")
            if (mark.get("type") if isinstance(mark, dict) else mark) != "point":
                continue
            source = layer.get("data", {})
            values = (
                spec.get("datasets", {}).get(source["name"]) if "name" in source else source.get("values")
            )
            if not values or "date" not in values[0]:
                continue
            seen: dict[tuple[str, str], int] = {}
            for value in values:
                hrefs = links.get((str(value["date"])[:10], value.get("type", ""), value.get("sentence", "")))
                if hrefs:
                    value["href"] = hrefs.pop(0)
                # marks of one day and track would hide each other: spread them across the row
                spot = (str(value["date"]), str(value.get("track")))
                seen[spot] = seen.get(spot, -1) + 1
                value["lane"] = LANES[seen[spot] % len(LANES)]
            _draw_order(values)
            layer["encoding"]["href"] = {"field": "href", "type": "nominal"}
            layer["encoding"]["yOffset"] = {
                "field": "lane",
                "type": "quantitative",
                "scale": {"domain": [-2, 2], "range": [-12, 12]},
                "legend": None,
            }
            layer["mark"] = {**(mark if isinstance(mark, dict) else {"type": mark}), "cursor": "pointer"}
    return spec


def _draw_order(values: list[dict[str, Any]]) -> None:
    """Bigger marks (more sources) first, so smaller ones are drawn on top and stay clickable; the
    most isolated mark of all goes first, so the first mark is one nothing else covers."""
    if not values:
        return
    by_track: dict[str, list[tuple[int, int]]] = {}
    for i, v in enumerate(values):
        by_track.setdefault(str(v["track"]), []).append(
            (dt.date.fromisoformat(str(v["date"])[:10]).toordinal(), i)
        )
    gap = [100_000] * len(values)  # days to the nearest other mark of the same track
    for marks in by_track.values():
        marks.sort()
        for k in range(1, len(marks)):
            step = marks[k][0] - marks[k - 1][0]
            gap[marks[k][1]] = min(gap[marks[k][1]], step)
            gap[marks[k - 1][1]] = min(gap[marks[k - 1][1]], step)

    first = max(range(len(values)), key=gap.__getitem__)
    rest = sorted((v for i, v in enumerate(values) if i != first), key=lambda v: -int(v.get("sources", 1)))
    values[:] = [values[first], *rest]


# -- JSON API -----------------------------------------------------------------------------------
def _add_api(app: FastAPI) -> None:
    @app.get("/api/articles", response_model=ArticlePage, responses=ERRORS, tags=["articles"])
    def api_articles(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Stored articles, newest first, without their text."""
        total, rows = queries.list_articles(store.con, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": rows}

    @app.get("/api/articles/{doc_id}", response_model=ArticleDetail, responses=ERRORS, tags=["articles"])
    def api_article(store: StoreDep, doc_id: str) -> dict[str, Any]:
        """One article with its text and its events."""
        article = queries.get_article(store.con, doc_id)
        return {k: v for k, v in article.items() if k not in ("event_rows", "sentences")}

    @app.post(
        "/api/articles",
        response_model=IngestResult,
        tags=["articles"],
        responses={
            403: {"model": ErrorBody, "description": "Ingest is disabled (no token) or the token is wrong."},
            413: {"model": ErrorBody, "description": "Body over the size limit."},
            415: {"model": ErrorBody, "description": "Unsupported content type."},
            422: {"model": ErrorBody, "description": "A bad article, named (<body> or <body>[i])."},
        },
        openapi_extra={
            "requestBody": {
                "content": {
                    "text/plain": {"schema": {"type": "string"}},
                    "text/html": {"schema": {"type": "string"}},
                    "application/json": {"schema": {"type": "object"}},
                },
                "required": True,
            }
        },
    )
    async def api_post_articles(request: Request) -> Response:
        """Code and store articles (text/plain with optional headers, text/html, or JSON: one
        ``{"id", "text", "title"?, "published"?, ...}`` object or a list). Needs ``Authorization:
        Bearer TOKEN``; idempotent (the same text is stored once). Nothing is stored when any
        article of the body is bad: every bad one is named in the 422 answer."""
        from starlette.concurrency import run_in_threadpool

        state = _state(request)
        if state.token is None:
            return error_response(
                request, 403, "POST /api/articles is disabled: start the server with --token to allow ingest"
            )
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            value.strip().encode(), state.token.encode()
        ):
            return error_response(request, 403, "Authorization: a valid 'Bearer TOKEN' header is required")
        kind = media_type(request.headers.get("content-type"))
        if kind not in CONTENT_TYPES:
            return error_response(
                request, 415, f"Content-Type: {kind or 'none'!r} is not one of {', '.join(CONTENT_TYPES)}"
            )
        body = await _read_limited(request, state.max_body_bytes)
        if body is None:
            return error_response(
                request, 413, f"body: larger than the limit of {state.max_body_bytes:,} bytes"
            )
        items = parse_body(body, kind)
        bad = [str(i) for i in items if isinstance(i, ArticleError)]
        if bad:
            return error_response(request, 422, bad[0], bad if len(bad) > 1 else None)
        articles = [i for i in items if not isinstance(i, ArticleError)]
        result = await run_in_threadpool(_ingest, state, articles)
        return JSONResponse(result, headers=SECURITY_HEADERS)

    @app.get("/api/events", response_model=EventPage, responses=ERRORS, tags=["events"])
    def api_events(
        store: StoreDep,
        a: Annotated[str | None, Query(description="Country/organisation code; with b, a dyad.")] = None,
        b: Annotated[str | None, Query(description="The other side of the dyad (needs a).")] = None,
        directed: Annotated[bool, Query(description="Only events from a to b.")] = False,
        type: Annotated[str | None, Query(description="PLOVER event type.")] = None,
        track: Annotated[
            str | None, Query(description="diplomatic, legal_coercive, economic, military.")
        ] = None,
        since: Annotated[str | None, Query(description="Events ending on or after this date.")] = None,
        until: Annotated[str | None, Query(description="Events starting on or before this date.")] = None,
        claimant: Annotated[str | None, Query(description="Claimant code or words of its name.")] = None,
        q: Annotated[str | None, Query(description="Words the sentence contains.")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Coded events (every mention), filtered, in date order."""
        if b is not None and a is None:
            raise BadParameter("b", "needs a (the other side of the dyad)")
        if directed and b is None:
            raise BadParameter("directed", "needs both a and b")
        start, end = queries.check_date(since, "since"), queries.check_date(until, "until")
        queries.check_window(start, end)
        query = queries.EventQuery(
            a=queries.check_code(a, "a") if a is not None else None,
            b=queries.check_code(b, "b") if b is not None else None,
            directed=directed,
            event_type=queries.check_type(type),
            track=queries.check_track(track),
            since=start,
            until=end,
            claimant=claimant.strip() or None if claimant is not None else None,
            q=q.strip() or None if q is not None else None,
        )
        total, rows = queries.list_events(store.con, query, limit, offset)
        return {
            "total": total,
            "limit": limit,
            "offset": offset,
            "items": [row_to_event(r) for r in rows],
        }

    @app.get("/api/events/{event_id}", response_model=EventDetail, responses=ERRORS, tags=["events"])
    def api_event(store: StoreDep, event_id: str) -> dict[str, Any]:
        """One event, its article, and every report merged into the same event."""
        row = queries.get_event(store.con, event_id)
        return {
            "event": row_to_event(row),
            "cluster_id": row["cluster_id"],
            "track": row["track"],
            "article_title": row["article_title"],
            "outlet": row["outlet"],
            "published": row["published"],
            "url": row["url"],
            "sources": row["reports"],
        }

    @app.get("/api/dyads", response_model=DyadPage, responses=ERRORS, tags=["dyads"])
    def api_dyads(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Pairs ranked by recent activity (90 days up to the latest event), then facade gap."""
        total, rows = queries.dyad_ranking(store.con, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": rows}

    @app.get("/api/dyads/{a}/{b}/series", response_model=SeriesResponse, responses=ERRORS, tags=["dyads"])
    def api_series(
        store: StoreDep,
        a: str,
        b: str,
        freq: str = "month",
        since: str | None = None,
        until: str | None = None,
        directed: bool = False,
    ) -> dict[str, Any]:
        """A dyad's series per period and track, facade gap and turning points."""
        from detente.relations.series import DyadView

        x, y = _dyad(a, b)
        start, end = queries.check_date(since, "since"), queries.check_date(until, "until")
        queries.check_window(start, end)
        data = queries.dyad_data(
            store, x, y, freq=queries.check_freq(freq), since=start, until=end, directed=directed
        )
        view = DyadView(data.series, data.facade, data.turning_points, [])
        out = view.as_dict()
        del out["timeline"]
        return out

    @app.get("/api/dyads/{a}/{b}/timeline", response_model=TimelinePage, responses=ERRORS, tags=["dyads"])
    def api_timeline(
        store: StoreDep,
        a: str,
        b: str,
        since: str | None = None,
        until: str | None = None,
        directed: bool = False,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """A dyad's merged events in date order, each with its representative mention's id."""
        from detente.relations.series import timeline_records

        x, y = _dyad(a, b)
        start, end = queries.check_date(since, "since"), queries.check_date(until, "until")
        queries.check_window(start, end)
        data = queries.dyad_data(store, x, y, since=start, until=end, directed=directed)
        shown = data.timeline[offset : offset + limit]
        reps = queries.representatives(store.con, data, shown)
        items = [{**r, "event_id": reps[r["cluster_id"]]} for r in timeline_records(shown)]
        return {"total": len(data.timeline), "limit": limit, "offset": offset, "items": items}

    @app.get("/api/contested", response_model=ContestedPage, responses=ERRORS, tags=["claims"])
    def api_contested(
        request: Request, store: StoreDep, limit: Limit = 50, offset: Offset = 0
    ) -> dict[str, Any]:
        """Incidents whose claimants blame different perpetrators, or affirm and deny."""
        built, incidents = _state(request).cached(("contested",), lambda: queries.contested(store))
        return {
            "total": len(incidents),
            "limit": limit,
            "offset": offset,
            "items": incidents[offset : offset + limit],
            "claims_built": built,
        }

    @app.get("/api/actors", response_model=ActorPage, responses=ERRORS, tags=["actors"])
    def api_actors(
        store: StoreDep,
        q: Annotated[str | None, Query(description="Code, or words of a name or mention.")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Stored actors."""
        total, rows = queries.list_actors(store.con, (q or "").strip() or None, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "items": rows}


async def _read_limited(request: Request, limit: int) -> bytes | None:
    """The request body, or None as soon as it is over ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _ingest(state: WebState, articles: list[Any]) -> dict[str, Any]:
    """Code and store (one writer at a time), then refresh the merged events and claims."""
    from detente.api import ingest_articles
    from detente.core import load_pipeline

    with state.write_lock:
        if state.pipeline is None:
            state.pipeline = load_pipeline()
        cursor = state.con.cursor()
        try:
            store = CursorStore(cursor, state.path)
            stats = ingest_articles(articles, store, state.pipeline)
            if stats.articles_added:
                queries.refresh_derived(store, state.pipeline)
                state.forget()
        finally:
            cursor.close()
    return {
        "articles_added": stats.articles_added,
        "duplicates": stats.duplicates,
        "events_added": stats.events_added,
        "conflicts": stats.conflicts,
        "doc_ids": [a.doc_id for a in articles],
    }
