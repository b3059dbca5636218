"""The safe filter builder, the report's escaping and self-containment, the basemap decoder."""
from __future__ import annotations

import html as htmllib
import json
import pathlib
import re
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "fixtures"))
import sample_events  # noqa: E402

from sitrep.errors import UsageError  # noqa: E402
from sitrep.export import basemap, report  # noqa: E402
from sitrep.export.common import select  # noqa: E402
from sitrep.store.filters import build_where  # noqa: E402


@pytest.fixture()
def filled(store):
    sample_events.fill(store)
    return store


def ids(events):
    return {e.event_id for e in events}


def test_values_are_parameters_never_sql():
    hostile = "x' OR 1=1; DROP TABLE events; --"
    sql, params = build_where({"country": hostile, "actor": hostile, "q": hostile})
    assert hostile.lower() not in sql and "DROP" not in sql
    assert params[0] == hostile.lower()
    assert sql.count("?") == len(params)


def test_unknown_filters_and_long_values_refused():
    with pytest.raises(UsageError):
        build_where({"1=1; --": "x"})
    with pytest.raises(UsageError):
        build_where({"q": "x" * 201})
    with pytest.raises(UsageError):
        build_where({"date_from": "yesterday"})


def test_filters_narrow(filled):
    assert len(select(filled)) == 10
    assert ids(select(filled, country="IRAN")) == {"evt-rask", "evt-kerman", "evt-saravan",
                                                   "evt-summon"}
    assert ids(select(filled, date_from="2024-01-18", date_to="2024-01-18")) == {
        "evt-saravan", "evt-summon"}
    assert ids(select(filled, date_to="2023-12")) == {"evt-rask"}
    assert ids(select(filled, event_type="diplomatic")) == {"evt-recall", "evt-china",
                                                           "evt-summon", "evt-call"}
    assert ids(select(filled, actor="jaish")) == {"evt-rask", "evt-panjgur"}
    assert ids(select(filled, q="four children")) == {"evt-saravan"}    # claim text
    assert ids(select(filled, admin1="Balochistan")) == {"evt-panjgur", sample_events.HOSTILE_ID}
    assert ids(select(filled, cameo="19")) == {"evt-rask", "evt-erbil", "evt-panjgur",
                                               "evt-saravan"}


def test_sql_in_a_filter_is_just_text(filled):
    assert select(filled, q="'; DROP TABLE events; --") == [
        e for e in select(filled) if e.event_id == sample_events.HOSTILE_ID]
    assert select(filled, country="x' OR '1'='1") == []
    assert select(filled, q="100%") == [] and select(filled, q="s_b") == []   # no wildcards
    assert filled.counts()["events"] == 10


def test_safe_json_cannot_close_the_script_block():
    text = report.safe_json({"t": "</script><!-- <script>alert(1)</script> \u2028"})
    assert "</" not in text and "<!--" not in text and "<" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": "</script><!-- <script>alert(1)</script> \u2028"}


def test_report_is_self_contained_and_inert(filled, tmp_path):
    out = tmp_path / "r.html"
    assert report.write_report(filled, str(out)) == 10
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)   # nothing remote
    assert "<script src" not in html and "<link rel=\"stylesheet\"" not in html
    assert "window.__pwned" in html                   # the hostile text is in the data ...
    assert "<script>window.__pwned" not in html       # ... but never as markup
    assert "onerror=\"window" not in html and "<svg onload" not in html
    assert html.count("</script>") == 2               # the JSON block and the one script
    csp = htmllib.unescape(
        re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    data = re.search(r'<script type="application/json" id="sitrep-data">(.*?)</script>', html, re.S)
    parsed = json.loads(data.group(1))
    assert len(parsed["events"]) == 10
    hostile = next(e for e in parsed["events"] if e["id"] == sample_events.HOSTILE_ID)
    assert hostile["sources"][0]["text"] == sample_events.HOSTILE_TEXT


def test_report_without_basemap_says_so(filled, tmp_path, monkeypatch):
    monkeypatch.setattr(basemap, "ASSETS", tmp_path / "nowhere")
    basemap._topology.cache_clear()
    try:
        html = report.render(select(filled))
    finally:
        basemap._topology.cache_clear()
    assert '"basemap":null' in html and "Country borders unavailable" in html


def test_basemap_decodes_topojson():
    topo = {"type": "Topology", "transform": {"scale": [1, 1], "translate": [0, 0]},
            "arcs": [[[0, 0], [10, 0], [0, 10], [-10, 0], [0, -10]]],
            "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "arcs": [[0]], "id": "1", "properties": {"name": "Square"}},
                {"type": "Polygon", "arcs": [[-1]], "id": "2", "properties": {"name": "Back"}}]}}}
    arcs = basemap._arcs(topo)
    assert arcs[0] == [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]
    assert basemap._ring([0], arcs) == [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
    assert basemap._ring([~0], arcs) == [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]]
    assert basemap._clip([[0, 0], [10, 0], [10, 10], [0, 10]], (5, -1, 20, 20))[0][0] == 5


@pytest.mark.skipif(not basemap.available(), reason="basemap asset not fetched (make install)")
def test_basemap_around_the_events():
    geo = basemap.basemap(basemap.view([(64.09, 26.96), (62.33, 27.37)]))
    names = {f["properties"]["name"] for f in geo["features"]}
    assert {"Iran", "Pakistan", "Afghanistan"} <= names and "Brazil" not in names


def test_report_command(filled, tmp_path):
    from sitrep.cli import main
    db = filled.url
    filled.close()
    out = tmp_path / "cli" / "report.html"
    main(["report", "--db", db, "--output", str(out), "--country", "Pakistan"])
    html = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="sitrep-data">(.*?)</script>', html, re.S).group(1))
    assert {e["country"] for e in data["events"]} == {"Pakistan"}
