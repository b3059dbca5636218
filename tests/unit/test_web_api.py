"""The web app without a browser (FastAPI's TestClient): one query behind every format,
filters, bounds, 404s, no path traversal, read-only, security headers, escaping."""
from __future__ import annotations

import csv
import io
import pathlib
import sys

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "fixtures"))
import sample_events  # noqa: E402

from sitrep.errors import StoreError  # noqa: E402
from sitrep.store import open_store  # noqa: E402
from sitrep.web.app import create_app  # noqa: E402


@pytest.fixture()
def db(tmp_path):
    path = str(tmp_path / "web.db")
    with open_store(path) as s:
        s.migrate()
        sample_events.fill(s)
    return path


@pytest.fixture()
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


def ids_json(client, qs=""):
    r = client.get("/events.json" + qs)
    assert r.status_code == 200, r.text
    return [e["id"] for e in r.json()["events"]]


def test_formats_share_one_query(client):
    for qs in ("", "?country=Iran", "?event_type=diplomatic", "?q=strikes&date_from=2024-01-16",
               "?actor=pakistan&limit=2&offset=1"):
        want = ids_json(client, qs)
        geo = client.get("/events.geojson" + qs)
        assert geo.headers["content-type"].startswith("application/geo+json")
        assert [f["id"] for f in geo.json()["features"]] == want    # all sample events are placed
        rows = list(csv.DictReader(io.StringIO(client.get("/events.csv" + qs).text)))
        assert [r["sitrep_id"] for r in rows] == want
        page = client.get("/events" + qs).text
        assert [i for i in want if f'data-id="{i}"' in page] == want


def test_filters_narrow(client):
    assert len(ids_json(client)) == 10
    assert set(ids_json(client, "?country=pakistan")) == {"evt-panjgur", "evt-recall", "evt-call",
                                                          sample_events.HOSTILE_ID}
    assert ids_json(client, "?event_type=Battles") == ["evt-rask"]
    assert ids_json(client, "?date_from=2024-01-19") == ["evt-call", sample_events.HOSTILE_ID]
    assert ids_json(client, "?admin1=Kerman") == ["evt-kerman"]
    assert ids_json(client, "?q=%27%3B%20DROP%20TABLE%20events%3B") == [sample_events.HOSTILE_ID]
    r = client.get("/events.json?limit=3&offset=3").json()
    assert r["total"] == 10 and len(r["events"]) == 3


def test_event_pages_and_404(client):
    r = client.get("/events/evt-saravan")
    assert r.status_code == 200
    assert "Nine people, including four children" in r.text and "IRNA" in r.text
    assert "retaliation for" in r.text and "/events/evt-panjgur" in r.text
    assert client.get("/events/evt-saravan.json").json()["fatalities"] == {"low": 7, "best": 7,
                                                                           "high": 9}
    assert client.get("/events/nope").status_code == 404
    assert client.get("/events/nope.json").status_code == 404
    assert client.get("/events/" + "x" * 500).status_code == 404


def test_bounds(client):
    assert client.get("/events.json?limit=1001").status_code == 422
    assert client.get("/events.json?limit=0").status_code == 422
    assert client.get("/events.json?offset=-1").status_code == 422
    assert client.get("/events.json?q=" + "x" * 201).status_code == 422
    assert client.get("/events.json?date_from=tomorrow").status_code == 400
    assert client.get("/events.json?cameo=19x").status_code == 400
    assert client.get("/events.json?x=" + "y" * 3000).status_code == 414
    assert client.get("/events?date_from=2024-99").status_code == 400


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/..%2Fapp.py",
                                  "/static/%2e%2e%2f%2e%2e%2fpyproject.toml", "/static/app.py",
                                  "/static/countries-50m.json", "/static/", "/static//etc/passwd"])
def test_no_path_traversal(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert "import" not in r.text


def test_static_assets_served(client):
    r = client.get("/static/views.js")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")
    assert "SitrepViews" in r.text


def test_read_only(client, db):
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/events").status_code == 405
    with open_store(db) as s:
        assert s.counts()["events"] == 10


def test_read_only_store(db):
    with open_store(db, readonly=True) as s:
        with pytest.raises(StoreError):
            with s.transaction():
                pass


def test_security_headers(client):
    r = client.get("/events")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_hostile_text_is_escaped(client):
    for path in ("/events", f"/events/{sample_events.HOSTILE_ID}"):
        page = client.get(path).text
        assert "<script>window.__pwned" not in page
        assert "<svg onload" not in page and "<img src=x" not in page
        assert "<b>Evil</b>" not in page
        assert "&lt;svg onload=" in page
        assert page.count("<script") == 2     # only the app's own /static scripts


def test_docs_and_openapi(client):
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert "/events.json" in spec["paths"] and "/events/{event_id}" in spec["paths"]


def test_refuses_a_non_sitrep_database(tmp_path):
    path = tmp_path / "empty.db"
    open_store(str(path)).close()
    with pytest.raises(StoreError):
        create_app(str(path))
