"""Event exports: write each format, parse it back, compare with the events that went in."""
from __future__ import annotations

import csv
import json
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "fixtures"))
import sample_events  # noqa: E402

from sitrep import export  # noqa: E402
from sitrep.export import csv_acled  # noqa: E402
from sitrep.export.common import record  # noqa: E402


@pytest.fixture()
def filled(store):
    events = sample_events.fill(store)
    return store, {e.event_id: e for e in events}


def _rows(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_formats_are_registered():
    assert {"jsonl", "csv", "csv-all", "geojson", "parquet"} <= set(export.formats("events"))


def test_acled_csv_round_trip(filled, tmp_path):
    store, events = filled
    out = tmp_path / "events.csv"
    n = export.write("events", "csv", store, str(out))
    rows = _rows(out)
    assert n == len(rows) == sum(1 for e in events.values() if e.event_type)   # diplomacy left out
    assert list(rows[0])[:len(csv_acled.ACLED_COLUMNS)] == list(csv_acled.ACLED_COLUMNS)
    for r in rows:
        ev = events[r["sitrep_id"]]
        assert r["event_date"] == ev.date and r["year"] == ev.date[:4]
        assert r["event_type"] == ev.event_type and r["sub_event_type"] == ev.sub_event_type
        assert r["actor1"].lstrip("'") == ev.actor1.name
        assert r["country"] == ev.place.country and r["location"] == ev.place.name
        assert float(r["latitude"]) == pytest.approx(ev.place.latitude, abs=1e-4)
        assert float(r["longitude"]) == pytest.approx(ev.place.longitude, abs=1e-4)
        assert r["cameo"] == ev.cameo
        low = ev.fatalities.low
        assert int(r["fatalities"]) == (ev.fatalities.best if ev.fatalities.best is not None
                                        else (low if low is not None else 0))
        assert r["event_id_cnty"].startswith(ev.place.iso3)


def test_acled_conventions(filled, tmp_path):
    store, _ = filled
    out = tmp_path / "all.csv"
    export.write("events", "csv-all", store, str(out))
    rows = {r["sitrep_id"]: r for r in _rows(out)}
    assert len(rows) == 10
    panjgur = rows["evt-panjgur"]     # Iranian forces striking inside Pakistan: external (8)
    assert (panjgur["inter1"], panjgur["inter2"], panjgur["interaction"]) == ("8", "2", "28")
    assert panjgur["iso"] == "586" and panjgur["region"] == "South Asia"
    assert panjgur["disorder_type"] == "Political violence"
    kerman = rows["evt-kerman"]
    assert kerman["civilian_targeting"] == "Civilian targeting"
    assert kerman["fatalities"] == "84" and kerman["fatalities_high"] == "103"
    assert "Reports differ on fatalities" in kerman["notes"] and "Reuters" in kerman["notes"]
    assert kerman["source"] == "Al Jazeera; Reuters"
    recall = rows["evt-recall"]
    assert (recall["event_type"], recall["sub_event_type"]) == ("Strategic developments", "Other")
    assert recall["tags"] == csv_acled.DIPLOMATIC_TAG and recall["cameo"] == "161"
    assert rows["evt-saravan"]["fatalities"] == "7"     # the conservative figure


def test_acled_dates():
    assert csv_acled.acled_date("2024-01") == "2024-01-15"
    assert csv_acled.acled_date("2024") == "2024-07-01"
    assert csv_acled.acled_date(None) == ""


def test_csv_cells_cannot_become_formulas():
    assert csv_acled.inert("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert csv_acled.inert("@SUM(A1)") == "'@SUM(A1)"
    assert csv_acled.inert("-10.0") == "-10.0" and csv_acled.inert(-10.0) == -10.0


def test_geojson_round_trip(filled, tmp_path):
    store, events = filled
    out = tmp_path / "events.geojson"
    n = export.write("events", "geojson", store, str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and n == len(data["features"]) == 10
    for f in data["features"]:
        ev = events[f["id"]]
        assert f["geometry"] == {"type": "Point",
                                 "coordinates": [ev.place.longitude, ev.place.latitude]}
        props = dict(f["properties"])
        props.pop("category")
        assert props == json.loads(json.dumps(record(ev)))


def test_parquet_round_trip(filled, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    from sitrep.export.parquet import unflat
    store, events = filled
    out = tmp_path / "events.parquet"
    assert export.write("events", "parquet", store, str(out)) == 10
    table = pq.read_table(out)
    assert table.schema.field("latitude").type == "double"
    for row in table.to_pylist():
        back = unflat(row)
        want = json.loads(json.dumps(record(events[row["id"]])))
        for key, value in back.items():
            assert value == want.get(key), key


def test_jsonl_round_trip(filled, tmp_path):
    pytest.importorskip("sitrep.export.events_jsonl")
    store, events = filled
    out = tmp_path / "events.jsonl"
    n = export.write("events", "jsonl", store, str(out))
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert n == len(lines) == 10
    for rec in lines:
        ev = events[rec["id"]]
        assert rec["date"] == ev.date and rec["cameo"] == ev.cameo
        assert [s["text"] for s in rec["sources"]] == [c.text for c in ev.claims]


def test_filters_reach_the_writers(filled, tmp_path):
    store, _ = filled
    out = tmp_path / "pak.geojson"
    n = export.write("events", "geojson", store, str(out), country="pakistan")
    ids = {f["id"] for f in json.loads(out.read_text())["features"]}
    assert n == 4 and ids == {"evt-panjgur", "evt-recall", "evt-call", sample_events.HOSTILE_ID}
