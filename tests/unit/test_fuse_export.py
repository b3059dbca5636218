"""Events through the store and out as JSONL: the contract's fields, and a lossless round trip."""
from __future__ import annotations

import json

from click.testing import CliRunner
from fuse_builders import BALOCHISTAN, IRAN, JAA, cue, killed, mention
from test_fuse_cluster import iran_strike_reports, pakistan_strike_reports

from sitrep.export import write
from sitrep.export.records import event_record
from sitrep.fuse import fuse

CONTRACT = ["id", "date", "date_precision", "event_type", "sub_event_type", "cameo", "goldstein",
            "actor1", "actor2", "associated_actors", "country", "admin1", "admin2", "location",
            "latitude", "longitude", "geo_precision", "fatalities", "injuries", "sources", "links",
            "disputes"]
SOURCE = ["document", "article", "outlet", "published", "text", "attributed_to", "fatalities",
          "injuries"]


def stored_events(store):
    pak = pakistan_strike_reports()
    pak[0] = mention("a.txt", n=0, a1=pak[0].actor1, place=pak[0].place, date="2024-01-18",
                     fatalities=killed(7), published="2024-01-18", links=[cue()])
    events = fuse(pak + iran_strike_reports())
    with store.transaction():
        store.replace_events(events)
    return events


def test_store_round_trip_keeps_events_equal(store):
    events = stored_events(store)
    assert store.events() == events
    assert store.event(events[0].event_id[:8]) == events[0]


def test_jsonl_round_trip_and_contract_fields(store, tmp_path):
    events = stored_events(store)
    out = tmp_path / "events.jsonl"
    assert write("events", "jsonl", store, str(out)) == 2
    parsed = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert parsed == [event_record(e) for e in events]
    for rec in parsed:
        assert list(rec)[:len(CONTRACT)] == CONTRACT
        for src in rec["sources"]:
            assert all(k in src for k in SOURCE)
    later = next(r for r in parsed if r["date"] == "2024-01-18")
    earlier = next(r for r in parsed if r["date"] == "2024-01-16")
    assert later["links"] == [{"type": "retaliation_for", "event": earlier["id"]}]
    assert later["fatalities"] == {"low": 7, "best": 7, "high": 9}
    assert earlier["actor1"]["country"] == "IRN" and earlier["admin1"] == "Balochistan"
    dispute = next(d for d in later["disputes"] if d["field"] == "fatalities")
    assert any(s["sources"] and s["sources"][0]["document"] for s in dispute["sides"])


def test_export_filters(store, tmp_path):
    stored_events(store)
    out = tmp_path / "iran.jsonl"
    assert write("events", "jsonl", store, str(out), country="IRN") == 1
    assert write("events", "jsonl", store, str(out), since="2024-01-17") == 1
    assert write("events", "jsonl", store, str(out), until="2024-01") == 2
    assert write("events", "jsonl", store, str(out), event_type="Air/drone strike") == 2


def test_events_and_show_commands(tmp_path):
    from sitrep.cli import _register, cli
    from sitrep.store import open_store
    db = str(tmp_path / "s.db")
    with open_store(db) as s:
        s.migrate()
        events = stored_events(s)
    _register()
    runner = CliRunner()
    res = runner.invoke(cli, ["events", "--db", db])
    assert res.exit_code == 0, res.output
    assert "2024-01-18" in res.output and "7-9" in res.output
    res = runner.invoke(cli, ["events", "--db", db, "--country", "Iran", "--limit", "5"])
    assert "2024-01-16" not in res.output
    later = next(e for e in events if e.date == "2024-01-18")
    res = runner.invoke(cli, ["show", later.event_id[:9], "--db", db])
    assert res.exit_code == 0, res.output
    assert "Iranian media" in res.output and "dispute on fatalities" in res.output
    assert "retaliation_for" in res.output
    res = runner.invoke(cli, ["show", "nope", "--db", db])
    assert res.exit_code != 0


def test_unused_fields_still_exported():
    ev = fuse([mention("a.txt", a1=IRAN, a2=JAA, place=BALOCHISTAN)])[0]
    rec = event_record(ev)
    assert rec["injuries"] == {"low": None, "best": None, "high": None}
    assert rec["links"] == [] and rec["disputes"] == []


def test_copies_attach_to_their_report_and_change_nothing_else():
    from sitrep.export.records import independent
    from sitrep.fuse import with_copies
    from sitrep.models import Copy
    events = fuse(iran_strike_reports())
    assert with_copies(events, {}) is events
    target = events[0].claims[0]
    cp = Copy(document="mirror.html", article=0, article_id="mirror:0", outlet="Mirror")
    out = with_copies(events, {target.article_id: [cp], "unrelated:0": [cp]})
    assert [e.event_id for e in out] == [e.event_id for e in events]
    assert out[0].fatalities == events[0].fatalities and out[0].disputes == events[0].disputes
    rec, before = event_record(out[0]), event_record(events[0])
    copies = [s for s in rec["sources"] if s.get("copy_of")]
    n_with_article = sum(c.article_id == target.article_id for c in events[0].claims)
    assert len(copies) == n_with_article and copies[0]["document"] == "mirror.html"
    assert independent(rec["sources"]) == before["sources"]
