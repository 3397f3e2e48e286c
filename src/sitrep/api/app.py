"""The REST API and the web UI in one FastAPI app: ``create_app(store_url_or_path, token)``.

Reading needs no login; writing (ingest, delete) needs the operator's token in an
``Authorization: Bearer`` (or ``X-Sitrep-Token``) header, and is off when no token is set.
Every error is a JSON object ``{"error": {"code", "message"}}`` with a 4xx status for what
the client can fix.
"""

from __future__ import annotations

import dataclasses
import hmac
import logging
import os
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import sqlalchemy as sa
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep import __version__
from sitrep.api import aggregates, queries
from sitrep.api.ingest import (
    IngestRequestError,
    PastedPage,
    ResourceLoader,
    UploadedFile,
    ingest_pages,
    pasted_to_page,
    uploads_to_pages,
)
from sitrep.errors import QueryError, SitrepError, StoreError
from sitrep.store import Filters, Store
from sitrep.store.store import database_url

if TYPE_CHECKING:
    from sitrep.pipeline import Resources

logger = logging.getLogger(__name__)

DEFAULT_MAX_REQUEST_BYTES = 10_000_000
TOKEN_ENVVAR = "SITREP_TOKEN"
NODE_MODULES_ENVVAR = "SITREP_NODE_MODULES"
STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"

VENDOR_FILES = {
    "d3.min.js": "d3/dist/d3.min.js",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
}
"""Files of installed npm packages the UI loads, by the name it asks for under /vendor/."""

_API_NAMES = {
    "--from": "from",
    "--to": "to",
    "--comments": "comments",
    "--actor": "actor",
    "--type": "type",
    "--doc": "doc",
    "--modality": "modality",
    "--segment": "segment",
    "--limit": "limit",
}


class ApiError(SitrepError):
    """An HTTP error with a status the client should see."""

    code = "E600"

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


@dataclasses.dataclass(frozen=True)
class ApiContext:
    store: Store
    engine: sa.Engine
    token: str | None
    resources: ResourceLoader
    max_request_bytes: int
    node_modules: Path | None


def default_node_modules() -> Path | None:
    """Where the npm packages are: $SITREP_NODE_MODULES, the source checkout, or ./."""
    candidates = []
    if os.environ.get(NODE_MODULES_ENVVAR):
        candidates.append(Path(os.environ[NODE_MODULES_ENVVAR]))
    candidates.append(Path(__file__).resolve().parents[3] / "node_modules")
    candidates.append(Path.cwd() / "node_modules")
    for folder in candidates:
        if (folder / "d3").is_dir():
            return folder
    return None


def _read_engine(url_or_path: str | Path) -> sa.Engine:
    engine = sa.create_engine(database_url(url_or_path))
    if engine.dialect.name == "sqlite":

        def pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            try:
                cursor.execute("PRAGMA foreign_keys=ON")
                cursor.execute("PRAGMA busy_timeout=10000")
            finally:
                cursor.close()

        sa.event.listen(engine, "connect", pragmas)
    return engine


def _api_message(message: str) -> str:
    for option, name in _API_NAMES.items():
        message = message.replace(option, name)
    return message


def _error(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status)


class RequestSizeLimit:
    """Refuses bodies over ``max_bytes`` (413), by Content-Length and while reading."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_big = _error(
            413,
            "request_too_large",
            f"the request is over {self.max_bytes} bytes; send smaller files, one at a time",
        )
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    length = -1
                if length < 0 or length > self.max_bytes:
                    await too_big(scope, receive, send)
                    return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise ApiError(413, "request_too_large", "the request body is too large")
            return message

        await self.app(scope, limited, send)


def _security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'",
        )
        return response


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(QueryError)
    async def query_error(_request: Request, exc: QueryError) -> JSONResponse:
        return _error(400, exc.code, _api_message(exc.message))

    @app.exception_handler(IngestRequestError)
    async def ingest_error(_request: Request, exc: IngestRequestError) -> JSONResponse:
        return _error(400, exc.code, exc.message)

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, exc: StoreError) -> JSONResponse:
        logger.error("store error: %s", exc)
        return _error(503, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path"))
            problems.append(f"{where}: {err.get('msg', 'invalid')}")
        return _error(422, "invalid_parameter", "; ".join(problems) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, f"http_{exc.status_code}", str(exc.detail))


def _context(request: Request) -> ApiContext:
    return request.app.state.sitrep


def _require_token(request: Request) -> None:
    expected = _context(request).token
    if not expected:
        raise ApiError(
            403,
            "writing_disabled",
            f"writing is off: start `sitrep serve` with --token or ${TOKEN_ENVVAR} to allow it",
        )
    given = request.headers.get("x-sitrep-token", "")
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given:
        raise ApiError(
            401, "token_required", "this needs the token: send 'Authorization: Bearer TOKEN'"
        )
    if not hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8")):
        raise ApiError(403, "wrong_token", "the token is wrong; ask the operator for it")


Ctx = Annotated[ApiContext, Depends(_context)]
Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many items.")]


@dataclasses.dataclass(frozen=True)
class EventParams:
    """The event filters every event endpoint takes (query parameters)."""

    query: queries.EventQuery


def _event_params(
    actor: Annotated[
        list[str] | None,
        Query(description="Actor id, name or code prefix; give two for events naming both."),
    ] = None,
    type: Annotated[str | None, Query(description="PLOVER type(s), comma-separated.")] = None,
    quad: Annotated[str | None, Query(description="Quad(s), comma-separated.")] = None,
    modality: Annotated[str | None, Query(description="Modalities, comma-separated.")] = None,
    segment: Annotated[str | None, Query(description="Segments, comma-separated.")] = None,
    comments: Annotated[bool, Query(description="Include events in reader comments.")] = False,
    date_from: Annotated[str | None, Query(alias="from", description="YYYY[-MM[-DD]]")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="YYYY[-MM[-DD]]")] = None,
    doc: Annotated[str | None, Query(description="Only this document.")] = None,
    bbox: Annotated[
        str | None, Query(description="Event place within west,south,east,north.")
    ] = None,
    q: Annotated[str | None, Query(description="Words in the sentence.", max_length=200)] = None,
) -> EventParams:
    actors = actor or []
    if len(actors) > 2:
        raise QueryError("give at most two actor parameters (an edge of the network)")
    filters = Filters(
        actor=actors[0] if actors else None,
        type=type,
        date_from=date_from,
        date_to=date_to,
        doc=doc,
        modality=modality,
        segment=segment,
        include_comments=comments,
    )
    quads = tuple(q_.strip().lower() for q_ in quad.split(",") if q_.strip()) if quad else ()
    if quad is not None and not quads:
        raise QueryError("quad is empty; give a value or leave it out")
    return EventParams(
        queries.EventQuery(
            filters=filters,
            also_actor=actors[1] if len(actors) > 1 else None,
            quads=quads,
            bbox=queries.BBox.parse(bbox) if bbox is not None else None,
            text=q,
        )
    )


Events = Annotated[EventParams, Depends(_event_params)]


def _page_json(page: queries.ResultPage) -> dict[str, Any]:
    return {
        "items": list(page.items),
        "next_cursor": page.next_cursor,
        "total": page.total,
        "total_capped": page.total_capped,
    }


def _api_routes(app: FastAPI) -> None:
    @app.get("/api", tags=["meta"])
    def about(ctx: Ctx) -> dict[str, Any]:
        """What this server is: version, whether writing is on, which views can draw."""
        return {
            "name": "sitrep",
            "version": __version__,
            "writable": bool(ctx.token),
            "max_request_bytes": ctx.max_request_bytes,
            "vendor": ctx.node_modules is not None,
            "quads": list(queries.QUADS),
        }

    @app.get("/api/events", tags=["events"])
    def list_events(
        ctx: Ctx,
        params: Events,
        sort: Annotated[
            str, Query(description="date, score, confidence, type, doc; -x: descending")
        ] = "date",
        cursor: Annotated[str | None, Query(max_length=2000)] = None,
        limit: Limit = 50,
        total: Annotated[
            bool,
            Query(
                description="Count all matches (-1 when false). A text search (q) counts up "
                "to 10,000 and sets total_capped when there are more."
            ),
        ] = True,
    ) -> dict[str, Any]:
        """Events matching the filters, one page at a time (pass next_cursor back)."""
        page = queries.list_events(ctx.engine, params.query, sort, limit, cursor, total)
        return _page_json(page)

    @app.get("/api/events/{event_id}", tags=["events"])
    def get_event(ctx: Ctx, event_id: str) -> dict[str, Any]:
        found = queries.get_event(ctx.engine, event_id)
        if found is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}; list them at /api/events")
        return found

    @app.get("/api/counts", tags=["aggregates"])
    def counts(
        ctx: Ctx,
        params: Events,
        by: Annotated[str, Query(description="day, week or month")] = "month",
    ) -> dict[str, Any]:
        """Events per period, stacked by quad (the timeline)."""
        periods = aggregates.counts_by_period(ctx.engine, params.query, by)
        return {
            "by": by,
            "quads": list(queries.QUADS),
            "periods": [dataclasses.asdict(p) for p in periods],
        }

    @app.get("/api/counts/dyads", tags=["aggregates"])
    def dyads(ctx: Ctx, params: Events, limit: Limit = 100) -> dict[str, Any]:
        """Source -> target actor pairs by event count, with their mean score (the network)."""
        found = aggregates.dyad_counts(ctx.engine, params.query, limit)
        return {"items": [dataclasses.asdict(d) for d in found]}

    @app.get("/api/counts/locations", tags=["aggregates"])
    def locations(ctx: Ctx, params: Events, limit: Limit = 500) -> dict[str, Any]:
        """Where the matching events happened (the map)."""
        found = aggregates.event_locations(ctx.engine, params.query, limit)
        return {"items": [dataclasses.asdict(p) for p in found]}

    @app.get("/api/documents", tags=["documents"])
    def list_documents(
        ctx: Ctx,
        date_from: Annotated[str | None, Query(alias="from")] = None,
        date_to: Annotated[str | None, Query(alias="to")] = None,
        q: Annotated[str | None, Query(max_length=200, description="Words in title or id.")] = None,
        sort: str = "-date",
        cursor: Annotated[str | None, Query(max_length=2000)] = None,
        limit: Limit = 50,
    ) -> dict[str, Any]:
        filters = Filters(date_from=date_from, date_to=date_to)
        page = queries.list_documents(ctx.engine, filters, q, sort, limit, cursor)
        return _page_json(page)

    @app.get("/api/documents/{doc}", tags=["documents"])
    def get_document(ctx: Ctx, doc: str) -> dict[str, Any]:
        """A page with its text, segments, mentions, places, events, relations and claims."""
        found = queries.document_detail(ctx.engine, doc)
        if found is None:
            raise ApiError(404, "not_found", f"no document {doc!r}; list them at /api/documents")
        return found

    @app.delete(
        "/api/documents/{doc}",
        tags=["documents"],
        status_code=204,
        dependencies=[Depends(_require_token)],
    )
    def delete_document(ctx: Ctx, doc: str) -> Response:
        if not queries.delete_document(ctx.engine, doc):
            raise ApiError(404, "not_found", f"no document {doc!r} to delete")
        return Response(status_code=204)

    @app.post(
        "/api/documents",
        tags=["documents"],
        dependencies=[Depends(_require_token)],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["text"],
                            "properties": {
                                "text": {"type": "string"},
                                "doc": {"type": "string"},
                                "title": {"type": "string"},
                                "date": {"type": "string"},
                                "url": {"type": "string"},
                                "html": {"type": "boolean"},
                            },
                        }
                    },
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "files": {
                                    "type": "array",
                                    "items": {"type": "string", "format": "binary"},
                                }
                            },
                        }
                    },
                },
            }
        },
    )
    async def add_documents(request: Request, ctx: Ctx) -> JSONResponse:
        """Ingest pasted text (JSON) or uploaded files (multipart 'files') like `sitrep ingest`."""
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind == "application/json":
            pasted = _pasted(await _json_body(request))
            items = [pasted_to_page(pasted)]
        elif kind == "multipart/form-data":
            form = await request.form(max_files=50, max_fields=20)
            uploads = [
                UploadedFile(f.filename or "", await f.read())
                for f in form.getlist("files")
                if not isinstance(f, str)
            ]
            if not uploads:
                raise ApiError(400, "no_files", "send the pages as multipart field 'files'")
            items = uploads_to_pages(uploads, ctx.max_request_bytes)
        else:
            raise ApiError(
                415,
                "unsupported_media_type",
                "send application/json ({\"text\": ...}) or multipart/form-data with 'files'",
            )
        from sitrep.pipeline import analyse

        results = await run_in_threadpool(ingest_pages, items, ctx.store, ctx.resources, analyse)
        stored = [r for r in results if r.status != "failed"]
        status = 201 if stored else 400
        body = {"results": [dataclasses.asdict(r) for r in results]}
        if not stored:
            body["error"] = {
                "code": "ingest_failed",
                "message": "; ".join(f"{r.path}: {r.error}" for r in results),
            }
        return JSONResponse(body, status_code=status)

    @app.get("/api/actors", tags=["actors"])
    def list_actors(
        ctx: Ctx,
        actor: Annotated[str | None, Query(description="Id, name or code prefix.")] = None,
        q: Annotated[str | None, Query(max_length=200, description="Words in name or id.")] = None,
        limit: Limit = 100,
    ) -> dict[str, Any]:
        return {"items": queries.list_actors(ctx.engine, q, actor, limit)}

    @app.get("/api/places", tags=["places"])
    def list_places(
        ctx: Ctx,
        doc: str | None = None,
        bbox: Annotated[str | None, Query(description="west,south,east,north")] = None,
        limit: Limit = 500,
    ) -> dict[str, Any]:
        box = queries.BBox.parse(bbox) if bbox is not None else None
        if doc is not None and not doc.strip():
            raise QueryError("doc is empty; give a value or leave it out")
        return {"items": queries.list_places(ctx.engine, doc, box, limit)}

    @app.get("/api/relations", tags=["relations"])
    def list_relations(
        ctx: Ctx,
        actor: Annotated[
            str | None, Query(description="Subject or object: id, name, code.")
        ] = None,
        doc: Annotated[str | None, Query(description="Only this document.")] = None,
        segment: Annotated[str | None, Query(description="Segments, comma-separated.")] = None,
        comments: Annotated[bool, Query(description="Include reader comments.")] = False,
        limit: Limit = 500,
    ) -> dict[str, Any]:
        """Relations the pages state, in the format of `sitrep export relations`."""
        filters = Filters(actor=actor, doc=doc, segment=segment, include_comments=comments)
        return {"items": queries.list_relations(ctx.engine, filters, limit)}

    @app.get("/api/claims", tags=["claims"])
    def list_claims(
        ctx: Ctx,
        doc: Annotated[str | None, Query(description="Only this document.")] = None,
        date_from: Annotated[
            str | None, Query(alias="from", description="Made on or after.")
        ] = None,
        date_to: Annotated[str | None, Query(alias="to", description="Made on or before.")] = None,
        segment: Annotated[str | None, Query(description="Segments, comma-separated.")] = None,
        comments: Annotated[bool, Query(description="Include reader comments.")] = False,
        limit: Limit = 500,
    ) -> dict[str, Any]:
        """Predictions, speculation and questions, in the format of `sitrep export claims`."""
        filters = Filters(
            doc=doc,
            date_from=date_from,
            date_to=date_to,
            segment=segment,
            include_comments=comments,
        )
        return {"items": queries.list_claims(ctx.engine, filters, limit)}

    _report_route(app)


REPORT_FORMATS = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "md": "text/markdown; charset=utf-8",
}
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
"""The report page embeds its style and figures; it may load nothing else."""


def _render_report(built: Any, fmt: str) -> bytes:
    from sitrep.report import render_html, render_markdown, write_pdf

    if fmt == "html":
        return render_html(built).encode("utf-8")
    if fmt == "md":  # figures are files beside a Markdown report; here they are left out
        return render_markdown(built, "figures", (None, None, None)).encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="sitrep-report-") as folder:
        return write_pdf(built, Path(folder) / "report.pdf").read_bytes()


def _report_route(app: FastAPI) -> None:
    @app.get("/api/report", tags=["report"])
    def report(
        ctx: Ctx,
        date_from: Annotated[str, Query(alias="from", description="First day: YYYY[-MM[-DD]]")],
        date_to: Annotated[str, Query(alias="to", description="Last day: YYYY[-MM[-DD]]")],
        actor: Annotated[list[str] | None, Query(description="Actor id, name or code.")] = None,
        country: Annotated[list[str] | None, Query(description="ISO alpha-3 code.")] = None,
        doc: Annotated[list[str] | None, Query(description="Only these documents.")] = None,
        format: Annotated[str, Query(description="html, pdf or md")] = "html",
    ) -> Response:
        """A situation report on the period and focus, as `sitrep report` writes it."""
        from sitrep.report import ReportWriteError, build_report

        fmt = format.strip().lower()
        if fmt not in REPORT_FORMATS:
            raise QueryError(f"format {format!r} is not valid; use one of: html, pdf, md")
        built = build_report(ctx.store, date_from, date_to, actor or (), country or (), doc or ())
        try:
            body = _render_report(built, fmt)
        except ReportWriteError as exc:
            raise ApiError(503, exc.code, exc.message) from exc
        name = f"sitrep-report-{built.period.first_day}_{built.period.last_day}.{fmt}"
        disposition = "inline" if fmt != "md" else "attachment"
        headers = {
            "Content-Disposition": f'{disposition}; filename="{name}"',
            "Content-Security-Policy": REPORT_CSP,
        }
        return Response(body, media_type=REPORT_FORMATS[fmt], headers=headers)


async def _json_body(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError as exc:
        raise ApiError(400, "bad_json", f"the body is not valid JSON ({exc})") from exc
    if not isinstance(body, dict):
        raise ApiError(400, "bad_json", 'send a JSON object such as {"text": "..."}')
    return body


def _pasted(body: dict[str, Any]) -> PastedPage:
    allowed = {"text", "doc", "title", "date", "url", "html"}
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise ApiError(
            400,
            "bad_field",
            f"unknown field(s) {', '.join(unknown)}; use {', '.join(sorted(allowed))}",
        )
    for name in ("text", "doc", "title", "date", "url"):
        if body.get(name) is not None and not isinstance(body[name], str):
            raise ApiError(400, "bad_field", f"field {name!r} must be a string")
    if "text" not in body:
        raise ApiError(400, "bad_field", "field 'text' is required: the page's text")
    return PastedPage(
        text=body["text"],
        doc=body.get("doc") or None,
        title=body.get("title") or None,
        date=body.get("date") or None,
        url=body.get("url") or None,
        html=bool(body.get("html", False)),
    )


def _web_routes(app: FastAPI, node_modules: Path | None) -> None:
    @app.get("/vendor/{name}", include_in_schema=False)
    def vendor(name: str) -> FileResponse:
        relative = VENDOR_FILES.get(name)
        if relative is None:
            raise ApiError(404, "not_found", f"no vendor file {name!r}")
        if node_modules is None or not (node_modules / relative).is_file():
            raise ApiError(
                404,
                "vendor_missing",
                f"{relative} is not installed; run scripts/setup-web.sh (npm ci) "
                f"or set ${NODE_MODULES_ENVVAR}",
            )
        return FileResponse(node_modules / relative)

    app.mount("/", StaticFiles(directory=STATIC_DIR, html=True), name="web")


def create_app(
    store_url_or_path: str | Path,
    token: str | None = None,
    *,
    resources: Resources | None = None,
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES,
    node_modules: Path | None = None,
) -> FastAPI:
    """The sitrep web app over one database.

    ``token`` enables writing (None: read-only). ``resources`` are the pipeline's, loaded
    on the first ingest when not given. ``node_modules`` is where the UI's npm packages
    are (default: ``default_node_modules()``).
    """
    store = Store.open(store_url_or_path)
    engine = _read_engine(store_url_or_path)

    def load() -> Resources:
        from sitrep.pipeline import load_resources

        return load_resources()

    folder = node_modules or default_node_modules()
    if folder is None:
        logger.warning("npm packages not found: the UI's charts need scripts/setup-web.sh")
    context = ApiContext(
        store=store,
        engine=engine,
        token=token or None,
        resources=ResourceLoader(load, resources),
        max_request_bytes=max_request_bytes,
        node_modules=folder,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()
        store.close()

    app = FastAPI(
        title="sitrep",
        version=__version__,
        description="Sourced, PLOVER-coded events from news pages: read them, add pages.",
        lifespan=lifespan,
        docs_url=None,  # the Swagger page loads scripts from a CDN
        redoc_url=None,
    )
    app.state.sitrep = context
    _error_handlers(app)
    _security_headers(app)
    _api_routes(app)
    _web_routes(app, folder)
    app.add_middleware(RequestSizeLimit, max_bytes=max_request_bytes)
    return app
