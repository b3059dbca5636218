"""8. Web: the fused events, live, read-only (FastAPI; needs `sitrep[web]`).

    /                   -> /events
    /events             HTML: filters, map, timeline, escalation, network, table
    /events/{id}        HTML: one event with its claims, sources, disputes and links
    /events/{id}.json   the event's export record
    /events.json        \\
    /events.geojson      } the same query as /events, as data
    /events.csv         /   (ACLED-style columns, diplomatic rows included)
    /basemap.json       the offline country borders around the stored events
    /static/{name}      the app's own JS/CSS (a fixed list: nothing else can be read)
    /docs, /openapi.json

The store is opened read-only for each request; only GET routes exist. Sizes are bounded
(limit <= 1000, filter values <= 200 characters, query strings <= 2048 bytes). Every page
carries a Content-Security-Policy that runs scripts only from /static, so article text that
looks like HTML or JavaScript is shown, never run (Jinja2 autoescapes it as well).
"""
from __future__ import annotations

import base64
import functools
import hashlib
import io
import json
import pathlib
import re
from typing import Iterator

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import (FileResponse, HTMLResponse, JSONResponse, RedirectResponse,
                               Response)
from jinja2 import Environment, FileSystemLoader

from sitrep import __version__
from sitrep.errors import StoreError, UsageError
from sitrep.export import basemap, csv_acled, geojson
from sitrep.export.common import CATEGORIES
from sitrep.export.report import view_records
from sitrep.store import open_store
from sitrep.store.filters import DIPLOMATIC, MAX_VALUE
from sitrep.store.migrations import latest_version
from sitrep.web import query as Q

HERE = pathlib.Path(__file__).resolve().parent
ASSETS = HERE.parent / "export" / "assets"
STATIC = {  # name -> file: the only files the app serves
    "views.js": ASSETS / "views.js",
    "views.css": ASSETS / "views.css",
    "web.js": HERE / "static" / "web.js",
    "web.css": HERE / "static" / "web.css",
    "swagger-ui-bundle.js": HERE / "static" / "swagger-ui-bundle.js",   # fetched at install
    "swagger-ui.css": HERE / "static" / "swagger-ui.css",
}
MEDIA = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
MAX_QUERY_BYTES = 2048
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# The Swagger UI page (/docs) starts its bundle with an inline script, allowed by its hash, and
# styles itself inline; it shows no article text. The bundle is served from /static when
# scripts/fetch_assets.py fetched it, else from the CDN FastAPI uses by default.
DOCS_CSP = ("default-src 'none'; script-src 'self' {script} {cdn}; style-src 'self' "
            "'unsafe-inline' {cdn}; img-src 'self' data:; connect-src 'self'; "
            "frame-ancestors 'none'")
CDN = "https://cdn.jsdelivr.net"

TEMPLATES = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True,
                        trim_blocks=True, lstrip_blocks=True)


def _query(date_from: str | None = Query(None, max_length=10, description="YYYY-MM-DD"),
           date_to: str | None = Query(None, max_length=10, description="YYYY-MM-DD"),
           country: str | None = Query(None, max_length=MAX_VALUE),
           admin1: str | None = Query(None, max_length=MAX_VALUE),
           actor: str | None = Query(None, max_length=MAX_VALUE, description="substring of either actor"),
           event_type: str | None = Query(None, max_length=MAX_VALUE,
                                          description=f"ACLED event type, or '{DIPLOMATIC}'"),
           cameo: str | None = Query(None, max_length=4, description="CAMEO code prefix"),
           q: str | None = Query(None, max_length=MAX_VALUE, description="free text"),
           limit: int = Query(Q.DEFAULT_LIMIT, ge=1, le=Q.MAX_LIMIT),
           offset: int = Query(0, ge=0, le=Q.MAX_OFFSET)) -> Q.EventQuery:
    return Q.EventQuery(date_from=date_from, date_to=date_to, country=country, admin1=admin1,
                        actor=actor, event_type=event_type, cameo=cameo, q=q, limit=limit,
                        offset=offset)


def create_app(db: str) -> FastAPI:
    """The app over the store at `db` (a SQLite path or PostgreSQL URL), read-only."""
    with open_store(db, readonly=True) as store:
        if store.schema_version() != latest_version():
            raise StoreError(f"{db} is not a sitrep database at schema version {latest_version()} "
                             "(run `sitrep analyze` first)")

    app = FastAPI(title="sitrep", version=__version__, docs_url=None, redoc_url=None,
                  description="Fused conflict events with the claims behind them (read-only).")

    def get_store() -> Iterator:
        s = open_store(db, readonly=True)
        try:
            yield s
        finally:
            s.close()

    @functools.lru_cache(maxsize=4)
    def _borders(points: tuple) -> dict | None:
        return basemap.basemap(basemap.view(list(points)))

    def borders() -> dict | None:
        # Cached per set of event coordinates, so events added while the server runs (an
        # analyze run writing to the same store) widen the map instead of being ignored.
        with open_store(db, readonly=True) as s:
            rows = s.query("SELECT DISTINCT longitude, latitude FROM events "
                           "WHERE longitude IS NOT NULL AND latitude IS NOT NULL "
                           "ORDER BY longitude, latitude")
        return _borders(tuple((float(x), float(y)) for x, y in rows))

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if len(request.url.query.encode()) > MAX_QUERY_BYTES:
            response: Response = JSONResponse({"detail": "query string too long"}, status_code=414)
        else:
            response = await call_next(request)
        if "content-security-policy" not in response.headers:
            response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        return response

    @app.exception_handler(UsageError)
    async def bad_filter(request: Request, exc: UsageError):
        if request.url.path == "/events":
            return _page("error.html", status=400, message=str(exc))
        return JSONResponse({"detail": str(exc)}, status_code=400)

    def _page(name: str, status: int = 200, **context) -> HTMLResponse:
        html = TEMPLATES.get_template(name).render(version=__version__, **context)
        return HTMLResponse(html, status_code=status)

    @app.get("/docs", include_in_schema=False)
    def docs():
        local = STATIC["swagger-ui-bundle.js"].is_file() and STATIC["swagger-ui.css"].is_file()
        kwargs = {"swagger_js_url": "/static/swagger-ui-bundle.js",
                  "swagger_css_url": "/static/swagger-ui.css"} if local else {}
        page = get_swagger_ui_html(openapi_url=app.openapi_url, title="sitrep API",
                                   swagger_favicon_url="data:,", **kwargs)
        body = page.body.decode("utf-8")
        inline = re.findall(r"<script>(.*?)</script>", body, re.S)
        hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(x.encode()).digest()).decode()
                          + "'" for x in inline)
        csp = DOCS_CSP.format(script=hashes, cdn="" if local else CDN)
        return HTMLResponse(body, headers={"Content-Security-Policy": csp})

    @app.get("/", include_in_schema=False)
    def home():
        return RedirectResponse("/events")

    @app.get("/events", response_class=HTMLResponse, summary="Events page (HTML)")
    def events_page(q: Q.EventQuery = Depends(_query), store=Depends(get_store)):
        events, total = Q.run(store, q)
        recs = view_records(events)
        return _page("events.html", q=q, f=q.filters(), events=recs, total=total,
                     choices=Q.choices(store), categories=CATEGORIES, diplomatic=DIPLOMATIC,
                     data_url="/events.json?" + q.querystring(limit=Q.MAX_LIMIT, offset=0),
                     prev=q.querystring(offset=max(q.offset - q.limit, 0)) if q.offset else None,
                     next=q.querystring(offset=q.offset + q.limit)
                     if q.offset + q.limit < total else None)

    @app.get("/events.json", summary="Events matching the filters, as export records")
    def events_json(q: Q.EventQuery = Depends(_query), store=Depends(get_store)):
        events, total = Q.run(store, q)
        return _json({"total": total, "limit": q.limit, "offset": q.offset,
                      "events": view_records(events)})

    @app.get("/events.geojson", summary="Events with coordinates, as a GeoJSON FeatureCollection")
    def events_geojson(q: Q.EventQuery = Depends(_query), store=Depends(get_store)):
        events, total = Q.run(store, q)
        data = geojson.collection(events)
        data["total"] = total
        return _json(data, media_type="application/geo+json")

    @app.get("/events.csv", summary="Events as ACLED-style CSV (diplomatic rows included)",
             response_class=Response)
    def events_csv(q: Q.EventQuery = Depends(_query), store=Depends(get_store)):
        events, _ = Q.run(store, q)
        buf = io.StringIO()
        csv_acled.write_rows(events, buf, include_diplomatic=True)
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="events.csv"'})

    @app.get("/basemap.json", summary="Country borders (Natural Earth) around the events")
    def basemap_json():
        data = borders()
        if data is None:
            raise HTTPException(404, "basemap not installed (run scripts/fetch_assets.py)")
        return _json(data)

    @app.get("/events/{event_id}.json", summary="One event's export record")
    def event_json(event_id: str, store=Depends(get_store)):
        ev = _one(store, event_id)
        return view_records([ev])[0]

    @app.get("/events/{event_id}", response_class=HTMLResponse, summary="One event (HTML)")
    def event_page(event_id: str, store=Depends(get_store)):
        ev = _one(store, event_id)
        rec = view_records([ev])[0]
        citing = store.query("SELECT event_id, type FROM links WHERE target = ? ORDER BY event_id",
                             (ev.event_id,))
        wanted = [ln["event"] for ln in rec.get("links") or []] + [r[0] for r in citing]
        linked = {i: store.event(i) for i in wanted[:50]}
        return _page("event.html", e=rec, linked=linked, citing=citing)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str):
        path = STATIC.get(name)
        if path is None or not path.is_file():
            raise HTTPException(404, "no such asset")
        return FileResponse(path, media_type=MEDIA[path.suffix],
                            headers={"Cache-Control": "public, max-age=3600"})

    return app


def _json(data, media_type: str = "application/json") -> Response:
    """JSON without FastAPI's per-field encoder: the records are plain dicts already, and
    json.dumps was about 10x faster on /events.json in the load test (docs/reliability.md)."""
    return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")), media_type=media_type)


def _one(store, event_id: str):
    if len(event_id) > MAX_VALUE:
        raise HTTPException(404, "no such event")
    ev = store.event(event_id)
    if ev is None:
        raise HTTPException(404, "no such event")
    return ev
