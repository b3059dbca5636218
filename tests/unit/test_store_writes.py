"""How the store writes: the JSON of a record is the text of `to_dict` dumped, events go in
batches in the order given, a document replaces its earlier version whole, and reading
mentions again skips those the caller holds."""
from __future__ import annotations

import dataclasses
import json

import pytest
from fuse_builders import BLF, CLASH, IRAN, JAA, KECH, PAKISTAN, RECALL, SARAVAN, STRIKE, killed, \
    mention
from hypothesis import given
from hypothesis import strategies as st
from test_fuse_properties import settings_
from test_fuse_stream import build, put_all, raw_mention

from sitrep.fuse import fuse
from sitrep.models import Actor, Article, Document, Figure, Link, Place, to_dict
from sitrep.store.base import _json


def _dumped(record):
    return json.dumps(to_dict(record), ensure_ascii=False, sort_keys=True)


@settings_
@given(st.lists(raw_mention, max_size=12))
def test_json_of_mentions_and_events_is_to_dict_dumped(raws):
    ms = build(raws)
    for record in ms + fuse(ms):
        assert _json(record) == _dumped(record)


@settings_
@given(st.text(max_size=40), st.one_of(st.none(), st.floats(allow_nan=False)),
       st.one_of(st.none(), st.integers(-5, 10**12)))
def test_json_of_any_text_and_number_is_to_dict_dumped(text, number, count):
    m = mention("é.txt", sentence=text, a1=Actor(text or "x", text=text),
                place=Place(text, latitude=number, longitude=number, geonameid=count),
                fatalities=Figure(best=count, text=text), attributed_to=text)
    doc = Document(doc_id="d", key=text, source=text, status="ok", size=count or 0)
    art = Article(article_id="d:0", doc_id="d", document=text, index=0, title=text, text=text)
    for record in (m, doc, art, [m, (doc,)], {"k": art}):
        assert _json(record) == _dumped(record)


def test_json_refuses_what_is_no_record():
    with pytest.raises(TypeError):
        _json({"when": {1, 2}})
    with pytest.raises(TypeError):
        _json(Actor)        # the class, not a record


def _events():
    ms = [mention("a.txt", kind=STRIKE, a1=IRAN, a2=JAA, place=SARAVAN, fatalities=killed(4)),
          mention("b.txt", kind=STRIKE, a1=IRAN, a2=JAA, place=SARAVAN, fatalities=killed(5)),
          mention("c.txt", kind=CLASH, a1=PAKISTAN, a2=BLF, place=KECH, date="2024-01-20",
                  published="2024-01-21"),
          mention("d.txt", kind=CLASH, a1=BLF, a2=PAKISTAN, place=KECH, date="2024-01-25",
                  published="2024-01-25"),
          mention("e.txt", kind=RECALL, a1=PAKISTAN, a2=IRAN, date="2024-01-18",
                  published="2024-01-18")]
    events = sorted(fuse(ms), key=lambda e: e.claims[0].document)
    first, second = events[0].event_id, events[1].event_id
    # links as resolution gives them (one per type and target), the last event's twice over
    events[2] = dataclasses.replace(events[2], links=(Link("retaliation_for", first),
                                                      Link("response_to", first)))
    events[3] = dataclasses.replace(events[3], links=(Link("follows", first),
                                                      Link("retaliation_for", second)))
    return events


def test_events_written_in_batches_land_in_the_order_given(store):
    events = _events()[::-1]
    assert len(events) == 4 and sum(len(e.claims) for e in events) == 5
    with store.transaction():
        store.clear_events()
        assert store.add_events(iter(events), batch=3) == 4
    assert store.events() == sorted(events, key=lambda e: (e.date or "", e.event_id))
    assert [r[0] for r in store.query("SELECT event_id FROM events ORDER BY rowid")] == \
        [e.event_id for e in events]
    assert store.query("SELECT event_id, mention_id FROM claims ORDER BY rowid") == \
        [(e.event_id, c.mention_id) for e in events for c in e.claims]
    assert store.query("SELECT event_id, type, target FROM links ORDER BY rowid") == \
        [(e.event_id, ln.type, ln.event) for e in events for ln in e.links]
    n_sources = dict(store.query("SELECT event_id, n_sources FROM events"))
    assert n_sources == {e.event_id: len(e.claims) for e in events}


def test_a_document_stored_again_replaces_its_articles_and_mentions(store):
    first = [mention("a.txt", kind=STRIKE, a1=IRAN, a2=JAA), mention("a.txt", n=1)]
    put_all(store, first + [mention("b.txt")])
    doc = Document(doc_id="id-a.txt:0", key="a.txt:0", source="/in/a.txt:0", status="ok")
    art = Article(article_id="a.txt:0", doc_id=doc.doc_id, document="a.txt", index=0,
                  title="t2", text="y")
    again = mention("a.txt", n=2, kind=CLASH, a1=PAKISTAN, a2=BLF)
    with store.transaction():
        store.put_document(doc, [art], [again])
    assert [m.mention_id for m in store.mentions()] == [again.mention_id,
                                                       mention("b.txt").mention_id]
    assert [a.title for a in store.articles()] == ["t2", "t"]
    assert store.counts()["documents"] == 2


def test_mentions_where_skips_the_ids_the_caller_holds(store):
    ms = [mention("a.txt"), mention("a.txt", n=1), mention("b.txt"), mention("c.txt")]
    put_all(store, ms)
    ids = [m.mention_id for m in ms]
    assert store.mentions_where(mention_ids=[ids[3]], article_ids=["a.txt:0"]) == \
        [ms[0], ms[1], ms[3]]
    assert store.mentions_where(mention_ids=[ids[3]], article_ids=["a.txt:0"],
                                skip={ids[0], ids[3]}) == [ms[1]]
