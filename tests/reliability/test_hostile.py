"""Hostile text: article text written by strangers is data, never code or SQL.

An analysed corpus whose articles carry script tags, event handlers, `javascript:` URLs, SQL
fragments and template syntax, plus an event built from the same strings (so the checks do not
depend on extraction finding it), goes to the HTML report and the web app:

- the HTML carries the strings only escaped (and does carry them, so the check is not vacuous);
- filters given SQL fragments answer normally, match nothing they should not, and every table
  survives;
- no path outside the app's own assets can be read;
- oversized query strings, headers and bodies are refused with a 4xx; only GET is served.

The browser check at the end (marked `browser`) loads the report and the pages in headless
Chromium and checks that no injected script ran.
"""
from __future__ import annotations

import json
import re
import socket
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reliability_corpus import as_text
from reliability_helpers import (assert_store_consistent, db_query, get_routes, has_command,
                                 run_sitrep, serving)

# Every test here starts from a real `sitrep analyze` run, which loads the spaCy model.
pytestmark = pytest.mark.model

SCRIPT = "<script>window.__pwned=1</script>"
IMG = "<img src=x onerror=window.__pwned=2>"
SVG = '"><svg onload=window.__pwned=3>'
ATTR = "' onmouseover='window.__pwned=4"
JS_URL = "javascript:window.__pwned=5"
SQL = "'; DROP TABLE events; --"
TEMPLATE = "{{7*7}}${7*7}"
FORMULA = '=HYPERLINK("http://127.0.0.1/x","open")'
ALL = f"{SCRIPT} {IMG} {SVG} {ATTR} {JS_URL} {SQL} {TEMPLATE}"

# What must never appear in HTML: the injected markup itself (which would also close a
# <script> data block), and, once parsed as a browser would, any event-handler attribute or
# javascript: URL (the app's own pages use neither: their CSP forbids inline script).
RAW = [SCRIPT, "<img src=x onerror", "<svg onload"]
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


class _AttrScan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"<{tag} {name}={value!r}>")
            elif name in URL_ATTRS and (value or "").strip().lower().startswith("javascript:"):
                self.bad.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def assert_inert_html(html: str, where: str) -> None:
    for raw in RAW:
        assert raw not in html, f"{where}: unescaped {raw!r}"
    scan = _AttrScan()
    scan.feed(html)
    scan.close()
    assert not scan.bad, f"{where}: live handlers or javascript: URLs: {scan.bad[:5]}"


def _hostile_corpus(folder) -> None:
    folder.mkdir()
    body = as_text("quetta").replace(
        "No group immediately claimed responsibility for the attack.",
        f"No group immediately claimed responsibility for the attack. A post shared online "
        f"read {ALL} before it was removed.")
    (folder / "hostile.txt").write_text(body)
    # In HTML source the markup is entity-escaped, so after parsing the article text holds it
    # literally; the canonical URL is a javascript: URL.
    esc = ALL.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    paras = "".join(f"<p>{p}</p>" for p in as_text("gwadar").split("\n")[2:] if p)
    (folder / "hostile.html").write_text(
        f"<html><head><title>Port attack &lt;script&gt;window.__pwned=1&lt;/script&gt;</title>"
        f'<link rel="canonical" href="{JS_URL}"><meta name="author" content="{esc}"></head>'
        f"<body><article><h1>Port attack {esc}</h1>{paras}<p>Witnesses quoted {esc}.</p>"
        f'<p><a href="{JS_URL}">source</a></p><script>window.__pwned=6</script>'
        f"</article></body></html>")
    rec = {"id": "hostile-1", "title": f"Checkpoint attack {SCRIPT}", "published": "2024-01-30",
           "url": JS_URL, "outlet": f"Outlet {IMG}",
           "text": as_text("kech").replace("the military said.", f"the military said. {ALL}")}
    (folder / "hostile.jsonl").write_text(json.dumps(rec) + "\n")


def _inject_event(db) -> str:
    """A fused event made of the hostile strings, tied to a stored hostile article."""
    from sitrep.models import Actor, Claim, Dispute, Event, Figure, Link, Place, Range
    from sitrep.store import open_store

    with open_store(str(db)) as store:
        arts = [a for a in store.articles() if "hostile" in a.document]
        assert arts, "the hostile articles were not stored"
        a = arts[0]
        claim = Claim(mention_id=f"{a.article_id}:0:1", document=a.document, article=a.index,
                      article_id=a.article_id, outlet=f"Outlet {IMG}", published="2024-01-30",
                      text=f"Gunmen killed four officers. {ALL}", attributed_to=f"officials {SVG}",
                      fatalities=Figure(4, 4, 4, None, f"four {SCRIPT}"))
        ev = Event(event_id="hostile0000000001", date="2024-01-30", date_precision=1,
                   event_type="Violence against civilians", sub_event_type="Attack", cameo="180",
                   goldstein=-9.0, actor1=Actor(f"Gunmen {SCRIPT}", "PAK", "political_militia"),
                   actor2=Actor(f"{FORMULA} Police {SVG}", "PAK", "state_forces"),
                   place=Place(f"Quetta {IMG}", "Pakistan", "PAK", f"Balochistan {ATTR}", None,
                               30.18, 67.0, 1, "city"),
                   fatalities=Range(4, 4, 4), claims=(claim,),
                   disputes=(Dispute("fatalities", ({"value": 4, "sources": [SCRIPT]},),
                                     note=f"note {SCRIPT}"),),
                   links=(Link("retaliation_for", "hostile0000000001", cue=f"after {IMG}"),),
                   mention_ids=(claim.mention_id,), summary=f"Attack {ALL}")
        with store.transaction():
            store.replace_events([ev])
    return ev.event_id


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    _hostile_corpus(root / "corpus")
    db = root / "hostile.db"
    proc = run_sitrep("analyze", str(root / "corpus"), "--db", str(db), "--quiet")
    assert proc.returncode == 0, proc.stderr[-3000:]
    # What analyze stored: the hostile strings are in the articles, as text.
    texts = " ".join(json.loads(d)["text"] for (d,) in db_query(db, "SELECT data FROM articles"))
    assert "window.__pwned=1" in texts
    analysed_events = db_query(db, "SELECT COUNT(*) FROM events")[0][0]
    event_id = _inject_event(db)
    return {"root": root, "db": db, "event_id": event_id, "analysed_events": analysed_events}


# ---------------------------------------------------------------- report

@pytest.fixture(scope="module")
def report_html(hostile_db):
    if not has_command("report"):
        pytest.skip("`sitrep report` is not implemented yet")
    out = hostile_db["root"] / "report.html"
    proc = run_sitrep("report", "--db", str(hostile_db["db"]), "--output", str(out))
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


def test_report_shows_hostile_text_only_escaped(report_html):
    html = report_html.read_text()
    assert_inert_html(html, "report")
    assert "window.__pwned=1" in html, "the hostile event is not in the report at all"
    assert "</script" not in _inline_data(html), "data can close its <script> element"


def _inline_data(html: str) -> str:
    """The text of the report's inline data blocks (JSON in <script type=...json>)."""
    blocks = re.findall(r"<script[^>]*type=\"?application/(?:ld\+)?json\"?[^>]*>(.*?)</script>",
                        html, re.S | re.I)
    return "".join(blocks)


# ---------------------------------------------------------------- web app

@pytest.fixture(scope="module")
def server(hostile_db):
    if not has_command("serve"):
        pytest.skip("`sitrep serve` is not implemented yet (web stage)")
    with serving(hostile_db["db"]) as base:
        yield base


def test_pages_show_hostile_text_only_escaped(server, hostile_db):
    import httpx

    event_id = hostile_db["event_id"]
    for path in ("/events", f"/events/{event_id}"):
        resp = httpx.get(server + path, timeout=60)
        assert resp.status_code == 200, path
        assert resp.headers["content-type"].startswith("text/html")
        assert_inert_html(resp.text, path)
        assert "window.__pwned=1" in resp.text, f"{path}: the hostile event is not shown"


def test_serves_loopback_only_by_default(server):
    """Started without --host, the server listens on 127.0.0.1 only (read from the kernel's
    socket table, Linux)."""
    import os

    port = int(server.rsplit(":", 1)[1])
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        with open(table) as f:
            for line in f.readlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                addr, p = local.rsplit(":", 1)
                if state == "0A" and int(p, 16) == port:
                    listening.append(addr)
    if not listening:
        pytest.skip("no readable socket table")
    assert set(listening) == {"0100007F"}, f"listening on {listening} (hex, not 127.0.0.1)"


def test_data_routes_are_not_served_as_html(server, hostile_db):
    """JSON/CSV carry the text verbatim, which is right, but must never be rendered as HTML."""
    import httpx

    for path in [r for r in get_routes(server) if "." in r.rsplit("/", 1)[-1]] + \
            [f"/events/{hostile_db['event_id']}.json"]:
        resp = httpx.get(server + path, timeout=60)
        if resp.status_code != 200:
            continue
        ctype = resp.headers.get("content-type", "")
        assert not ctype.startswith("text/html"), f"{path} served as {ctype}"
        assert resp.headers.get("x-content-type-options", "").lower() == "nosniff", path


def test_csv_cells_are_not_formulas(server):
    """Text a spreadsheet would run ("=", "+", "-", "@" first) is defused in the CSV."""
    import csv
    import io

    import httpx

    resp = httpx.get(server + "/events.csv", timeout=60)
    assert resp.status_code == 200
    rows = list(csv.reader(io.StringIO(resp.text)))
    cells = [c for row in rows[1:] for c in row]
    assert any("HYPERLINK" in c for c in cells), "the hostile event is not in the CSV"
    for c in cells:
        if c[:1] in ("=", "+", "-", "@", "\t", "\r"):
            try:
                float(c)
            except ValueError:
                pytest.fail(f"a CSV cell a spreadsheet would run: {c[:80]!r}")


SQL_FRAGMENTS = ["'; DROP TABLE events; --", "' OR '1'='1", '" OR 1=1 --', "1' OR 1=1 --",
                 "x') UNION SELECT sql, sql FROM sqlite_master --", "%", "_", "\\", "'",
                 "%' OR '%'='", "\x00", SCRIPT]


def _filter_params(base: str) -> dict[str, int | None]:
    """String query parameters of /events.json, with their maxLength."""
    import httpx

    spec = httpx.get(base + "/openapi.json", timeout=10).json()
    out = {}
    for p in spec["paths"]["/events.json"]["get"].get("parameters", []):
        schema = p.get("schema", {})
        types = [schema.get("type")] + [s.get("type") for s in schema.get("anyOf", [])]
        if p.get("in") == "query" and "string" in types:
            lengths = [schema.get("maxLength")] + [s.get("maxLength") for s in schema.get("anyOf", [])]
            out[p["name"]] = next((n for n in lengths if n), None)
    return out


def _tables(db) -> dict[str, int]:
    names = [r[0] for r in db_query(db, "SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {n: db_query(db, f'SELECT COUNT(*) FROM "{n}"')[0][0] for n in sorted(names)}


def test_sql_fragments_in_filters_are_just_values(server, hostile_db):
    import httpx

    params = _filter_params(server)
    assert {"country", "actor", "q"} & set(params), f"no text filters found: {params}"
    before = _tables(hostile_db["db"])
    with httpx.Client(base_url=server, timeout=60) as http:
        for name, max_len in params.items():
            for frag in SQL_FRAGMENTS:
                value = frag[:max_len] if max_len else frag
                for path in ("/events.json", "/events", "/events.csv", "/events.geojson"):
                    resp = http.get(path, params={name: value})
                    assert resp.status_code in (200, 400, 422), \
                        f"{path}?{name}={value!r}: {resp.status_code} {resp.text[:200]}"
                    if path == "/events" and resp.status_code == 200:
                        assert_inert_html(resp.text, f"/events?{name}={value!r}")
                    if path != "/events.json" or resp.status_code != 200:
                        continue
                    # An injected OR must not widen the match: no event has these values.
                    if name in ("country", "admin1", "event_type", "date_from", "date_to") and \
                            frag in ("' OR '1'='1", '" OR 1=1 --', "1' OR 1=1 --", "%' OR '%'='"):
                        assert resp.json()["total"] == 0, f"{name}={value!r} matched events"
    assert _tables(hostile_db["db"]) == before, "a table changed under read-only filtering"
    assert_store_consistent(hostile_db["db"])


FILTERS = ["date_from", "date_to", "country", "admin1", "actor", "event_type", "cameo", "q",
           "limit", "offset"]


@settings(max_examples=80, deadline=None)
@given(params=st.lists(st.tuples(st.sampled_from(FILTERS),
                                 st.text(max_size=40) | st.sampled_from(SQL_FRAGMENTS)),
                       min_size=1, max_size=4),
       path=st.sampled_from(["/events.json", "/events", "/events.geojson", "/events.csv"]))
def test_filters_never_fail_on_arbitrary_values(server, params, path):
    import httpx

    resp = httpx.get(server + path, params=params, timeout=60)
    assert resp.status_code < 500, (path, params, resp.status_code, resp.text[:300])
    if path == "/events" and resp.status_code == 200:
        assert_inert_html(resp.text, f"/events {params!r}")


def _raw_get(base: str, target: bytes, headers: bytes = b"", body: bytes = b"",
             method: bytes = b"GET") -> tuple[int | None, bytes]:
    """Send a request line as given (no client-side path normalisation)."""
    host, port = base.rsplit("/", 1)[-1].split(":")
    with socket.create_connection((host, int(port)), timeout=60) as s:
        req = method + b" " + target + b" HTTP/1.1\r\nHost: " + host.encode() + \
            b"\r\nConnection: close\r\n" + headers
        if body:
            req += b"Content-Length: " + str(len(body)).encode() + b"\r\n"
        try:
            s.sendall(req + b"\r\n" + body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        data = b""
        try:
            while chunk := s.recv(65536):
                data += chunk
        except (ConnectionResetError, socket.timeout):
            pass
    m = re.match(rb"HTTP/1\.[01] (\d{3})", data)
    return (int(m.group(1)) if m else None), data


TRAVERSALS = [b"/static/../../etc/passwd", b"/static/../../../../../../etc/passwd",
              b"/static/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
              b"/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
              b"/static/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
              b"/static/....//....//....//etc/passwd", b"/static/..\\..\\..\\etc\\passwd",
              b"/static//etc/passwd", b"/static/%2fetc%2fpasswd", b"/static/web.js%00.css",
              b"/static/../app.py", b"/static/..%2fapp.py", b"/static/..%2f..%2fweb%2fapp.py",
              b"/%2e%2e/%2e%2e/%2e%2e/etc/passwd", b"//etc/passwd",
              b"/events/..%2f..%2f..%2fetc%2fpasswd", b"/events.json/../../../etc/passwd"]


@pytest.mark.parametrize("target", TRAVERSALS, ids=lambda t: t.decode())
def test_no_path_outside_the_assets(server, target):
    status, data = _raw_get(server, target)
    assert status is not None and 400 <= status < 500, f"{target!r}: {data[:200]!r}"
    assert b"root:x:0:0" not in data and b"def create_app" not in data


def test_oversized_requests_are_refused(server):
    import httpx

    # a long filter value, and a long query string made of many small values
    for params in ({"q": "a" * 5000}, [("country", "Pakistan")] * 2000):
        resp = httpx.get(server + "/events.json", params=params, timeout=60)
        assert 400 <= resp.status_code < 500, (str(params)[:60], resp.status_code)
    for size in (100_000, 1_000_000):      # past what httpx builds; sent raw
        status, _ = _raw_get(server, b"/events.json?q=" + b"x" * size)
        assert status is not None and 400 <= status < 500, (size, status)
    huge_headers = b"".join(b"X-Pad-%d: %s\r\n" % (i, b"h" * 8000) for i in range(100))
    status, _ = _raw_get(server, b"/events.json", headers=huge_headers)
    assert status is not None and 400 <= status < 500, status
    limit = httpx.get(server + "/events.json", params={"limit": 10**9}, timeout=60)
    assert 400 <= limit.status_code < 500, "unbounded page size"


def test_only_get_is_served(server):
    import httpx

    with httpx.Client(base_url=server, timeout=60) as http:
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            for path in ("/events", "/events.json"):
                resp = http.request(method, path, content=b"{}")
                assert 400 <= resp.status_code < 500, (method, path, resp.status_code)
    status, _ = _raw_get(server, b"/events.json", body=b"x" * 2_000_000, method=b"POST")
    assert status is None or 400 <= status < 500, status   # refused, or cut off unread
    assert httpx.get(server + "/events.json", timeout=60).status_code == 200, \
        "the server stopped answering after hostile requests"


# ---------------------------------------------------------------- absurd figures

def test_absurd_figures_do_not_break_the_run(tmp_path):
    """A 20-digit 'death toll' (an id, a typo, a hostile page) is text, not a reason to fail:
    the run completes and stores its events (SQLite integers stop at 2**63 - 1)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "absurd.txt").write_text(as_text("quetta").replace(
        "Four police officers were killed",
        "99999999999999999999 police officers were killed, and 18446744073709551616 were "
        "injured,"))
    db = tmp_path / "absurd.db"
    proc = run_sitrep("analyze", str(folder), "--db", str(db), "--quiet")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert_store_consistent(db)
    for (best,) in db_query(db, "SELECT fatalities_best FROM events"):
        assert best is None or 0 <= best <= 10_000_000


# ---------------------------------------------------------------- terminal escapes

def test_console_tables_do_not_replay_terminal_escapes(tmp_path):
    """Article titles, outlets and text can carry terminal control sequences (clear screen,
    set the window title, fake output); `sitrep articles`, `events` and `show` must not send
    them to the terminal."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    esc = "\x1b[2J\x1b]0;window title set by an article\x07\x1b[31m"
    (folder / "esc.txt").write_text(as_text("quetta").replace(
        "Gunmen attack checkpoint", f"Gunmen {esc}attack checkpoint").replace(
        "Four police officers", f"Four {esc}police officers"))
    rec = {"id": "esc-1", "title": f"Checkpoint {esc}attack", "outlet": f"Outlet{esc}",
           "published": "2024-01-30", "text": as_text("kech")}
    (folder / "esc.jsonl").write_text(json.dumps(rec) + "\n")
    db = tmp_path / "esc.db"
    proc = run_sitrep("analyze", str(folder), "--db", str(db), "--quiet")
    assert proc.returncode == 0, proc.stderr[-2000:]
    event_ids = [r[0] for r in db_query(db, "SELECT event_id FROM events ORDER BY event_id")]
    commands = [("articles",), ("events",)] + [("show", i) for i in event_ids[:5]]
    if not has_command("show"):
        commands = commands[:2]
    for args in commands:
        out = run_sitrep(*args, "--db", str(db))
        assert out.returncode == 0, out.stderr[-2000:]
        shown = out.stdout + out.stderr
        bad = sorted({hex(ord(c)) for c in shown if ord(c) < 32 and c not in "\n\t"
                      or 0x7f <= ord(c) < 0xa0})
        assert not bad, f"`sitrep {' '.join(args)}` printed control characters {bad}"


# ---------------------------------------------------------------- in a real browser

@pytest.mark.browser
def test_no_injected_script_runs_in_a_browser(report_html, server, hostile_db, browser):
    page = browser.new_page()
    try:
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for url in (report_html.as_uri(), server + "/events",
                    server + f"/events/{hostile_db['event_id']}",
                    server + "/events?country=" + SCRIPT):
            page.goto(url, wait_until="load")
            page.wait_for_timeout(500)      # let the page's own scripts render the data
            # hover over everything: an injected onmouseover would fire now
            for el in page.query_selector_all("body *")[:400]:
                try:
                    el.dispatch_event("mouseover")
                except Exception:       # noqa: BLE001 - detached nodes are fine
                    pass
            assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert dialogs == []
    finally:
        page.close()
