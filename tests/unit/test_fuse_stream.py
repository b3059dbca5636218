"""Streaming fusion (sitrep.fuse.stream) gives exactly the events of `fuse(all mentions)`:
events, claims, links and ids, whatever the dates, precisions and undated reports."""
from __future__ import annotations

import dataclasses

from fuse_builders import (BALOCHISTAN, BLF, CLASH, IRAN, JAA, KECH, PAKISTAN, RECALL, SARAVAN,
                           SISTAN, STRIKE, cue, killed, mention)
from hypothesis import given
from hypothesis import strategies as st
from test_fuse_properties import ACTORS, DOCS, KINDS, PLACES, settings_

from sitrep.fuse import fuse
from sitrep.fuse.stream import fuse_in_order

# spread over months, with day, week, month and year precision, undated reports and pages
DATES = [("2024-01-16", 1), ("2024-01-17", 1), ("2024-01-19", 1), ("2024-01-30", 2),
         ("2024-02-01", 1), ("2024-02-03", 1), ("2024-02", 3), ("2024-02-20", 3),
         ("2024-03-10", 1), ("2024", 3), (None, 1)]
PUBLISHED = ["2024-01-17", "2024-02-02", "2024-03-11", None]

raw_mention = st.fixed_dictionaries({
    "doc": st.sampled_from(DOCS), "pub": st.sampled_from(PUBLISHED),
    "kind": st.sampled_from(KINDS), "a1": st.sampled_from(ACTORS), "a2": st.sampled_from(ACTORS),
    "place": st.sampled_from(PLACES), "date": st.sampled_from(DATES),
    "deaths": st.one_of(st.none(), st.integers(0, 12)),
    "modality": st.sampled_from(["asserted", "asserted", "asserted", "denied", "planned"]),
    "cue": st.sampled_from([None, None, "retaliation_for", "response_to", "follows"]),
    "target": st.one_of(st.none(), st.integers(0, 30)),
    "written": st.booleans(),
})


def build(raws):
    """Mentions with unique ids; an article's publication day is the first drawn for it; a cue
    may name another mention of its article (extraction's target_mention)."""
    counters: dict[str, int] = {}
    published: dict[str, str | None] = {}
    out = []
    for r in raws:
        n = counters[r["doc"]] = counters.get(r["doc"], -1) + 1
        pub = published.setdefault(r["doc"], r["pub"])
        date, precision = r["date"]
        out.append(mention(
            r["doc"], n=n, kind=r["kind"], a1=r["a1"], a2=r["a2"], place=r["place"], date=date,
            precision=precision, published=pub, date_text="on Tuesday" if r["written"] else None,
            fatalities=None if r["deaths"] is None else killed(r["deaths"]),
            modality=r["modality"],
            links=[cue(r["cue"], text="the strike")] if r["cue"] else []))
    ids = {}
    for m in out:
        ids.setdefault(m.article_id, []).append(m.mention_id)
    for k, (r, m) in enumerate(zip(raws, out)):
        if m.links and r["target"] is not None:
            mids = ids[m.article_id]
            target = mids[r["target"] % len(mids)]
            out[k] = dataclasses.replace(m, links=(dataclasses.replace(m.links[0],
                                                                      target_mention=target),))
    return out


@settings_
@given(st.lists(raw_mention, max_size=30))
def test_streaming_gives_the_events_of_fusing_everything(raws):
    ms = build(raws)
    assert fuse_in_order(ms) == fuse(ms)


def test_components_far_apart_and_an_undated_report_of_a_late_article():
    """Two events a month apart and a report with no window whose article's other report is
    in the second: it must wait for it, not be fused alone at the start."""
    ms = [mention("a.txt", kind=STRIKE, a1=IRAN, a2=JAA, place=SARAVAN, date="2024-01-16",
                  published="2024-01-16", fatalities=killed(4)),
          mention("b.txt", kind=CLASH, a1=PAKISTAN, a2=BLF, place=KECH, date="2024-03-02",
                  published=None, fatalities=killed(3)),
          mention("b.txt", n=1, kind=CLASH, a1=PAKISTAN, a2=BLF, place=KECH, date=None,
                  published=None, fatalities=killed(3))]
    events = fuse_in_order(ms)
    assert events == fuse(ms)
    assert len(events) == 2 and len(events[1].claims) == 2


def test_a_link_to_an_event_of_an_earlier_component():
    """A retaliation two weeks later links to the strike it answers, though the strike was
    fused and written long before."""
    strike = mention("a.txt", kind=STRIKE, a1=IRAN, a2=JAA, place=BALOCHISTAN,
                     date="2024-01-16", published="2024-01-16")
    answer = mention("b.txt", kind=STRIKE, a1=PAKISTAN, a2=None, place=SISTAN, date="2024-02-01",
                     published="2024-02-01", links=[cue("retaliation_for")])
    recall = mention("c.txt", kind=RECALL, a1=PAKISTAN, a2=IRAN, date="2024-02-02",
                     published="2024-02-02")
    events = fuse_in_order([recall, answer, strike])
    assert events == fuse([strike, answer, recall])
    by_date = {e.date: e for e in events}
    assert [ln.event for ln in by_date["2024-02-01"].links] == [by_date["2024-01-16"].event_id]


def test_a_cue_naming_a_later_undated_report_waits_for_it():
    """An undated event can be named from an earlier one (links never point forward in time
    only between dated events): the cue waits until the named report is fused."""
    later = mention("a.txt", n=1, kind=STRIKE, a1=IRAN, a2=JAA, place=SARAVAN, date=None,
                    published="2024-03-01")
    first = mention("a.txt", n=0, kind=RECALL, a1=PAKISTAN, a2=IRAN, date="2024-01-10",
                    published="2024-03-01",
                    links=[cue("response_to", target=later.mention_id)])
    events = fuse_in_order([first, later])
    assert events == fuse([first, later])
    linked = next(e for e in events if e.links)
    assert linked.links[0].event == next(e for e in events if not e.links).event_id


def put_all(store, mentions, copies=()):
    """Store mentions under their articles (one document each), and `copies` (document name,
    article id of the original) as duplicate articles."""
    from sitrep.models import Article, Document
    by_article: dict[str, list] = {}
    for m in mentions:
        by_article.setdefault(m.article_id, []).append(m)
    with store.transaction():
        for aid, ms in sorted(by_article.items()):
            doc = Document(doc_id=f"id-{aid}", key=aid, source=f"/in/{aid}", status="ok",
                           n_articles=1)
            art = Article(article_id=aid, doc_id=doc.doc_id, document=ms[0].document,
                          index=ms[0].article_index, title="t", text="x",
                          published=ms[0].published)
            store.put_document(doc, [art], ms)
        for name, original in copies:
            doc = Document(doc_id=f"id-{name}", key=name, source=f"/in/{name}", status="ok",
                           n_articles=1)
            art = Article(article_id=f"{name}:0", doc_id=doc.doc_id, document=name, index=0,
                          title="t", text="x", status="duplicate", duplicate_of=original)
            store.put_document(doc, [art])


def odd_mentions():
    """Dates the store cannot order by its text (no such day; no date and no page date), an
    undated report of a dated page, month and year precision, a cue naming a report."""
    later = mention("c.txt", n=1, kind=STRIKE, a1=IRAN, a2=JAA, place=SARAVAN, date=None,
                    published="2024-03-01")
    return [
        mention("a.txt", kind=STRIKE, a1=IRAN, a2=JAA, place=SARAVAN, date="2024-01-16",
                published="2024-01-17", fatalities=killed(4)),
        mention("a.txt", n=1, kind=STRIKE, a1=IRAN, a2=JAA, place=SARAVAN, date="2024-02-30",
                published="2024-01-17", fatalities=killed(4)),
        mention("b.txt", kind=CLASH, a1=PAKISTAN, a2=BLF, place=KECH, date="2024-03-02",
                published=None, fatalities=killed(3)),
        mention("b.txt", n=1, kind=CLASH, a1=PAKISTAN, a2=BLF, place=KECH, date=None,
                published=None),
        mention("b.txt", n=2, kind=CLASH, a1=PAKISTAN, a2=BLF, place=KECH, date="2024-02-30",
                published=None),
        mention("c.txt", kind=RECALL, a1=PAKISTAN, a2=IRAN, date="2024-01-10",
                published="2024-03-01", links=[cue("response_to", target=later.mention_id)]),
        later,
        mention("d.txt", kind=CLASH, a1=PAKISTAN, a2=BLF, place=BALOCHISTAN, date="2024-03",
                precision=3, published="2024-03-20"),
        mention("e.txt", kind=STRIKE, a1=PAKISTAN, place=SISTAN, date="2024", precision=3,
                published="2024-06-01", links=[cue("retaliation_for")]),
    ]


def test_the_store_streams_to_the_events_of_fusing_everything(store):
    from sitrep.fuse import with_copies
    from sitrep.fuse.stream import fuse_store
    ms = odd_mentions()
    put_all(store, ms, copies=[("mirror.txt", "a.txt:0")])
    expected = with_copies(fuse(store.mentions()), store.copies())
    with store.transaction():
        assert fuse_store(store, fetch_size=2) == len(expected)
    assert store.events() == sorted(expected, key=lambda e: (e.date or "", e.event_id))
    assert any(c.copies for e in expected for c in e.claims)
    assert any(e.links for e in expected)


@settings_
@given(st.lists(raw_mention, max_size=20))
def test_the_store_streams_generated_mentions_alike(tmp_path_factory, raws):
    from sitrep.fuse.stream import fuse_store
    from sitrep.store import open_store
    ms = build(raws)
    with open_store(str(tmp_path_factory.mktemp("s") / "s.db")) as store:
        store.migrate()
        put_all(store, ms)
        with store.transaction():
            fuse_store(store, fetch_size=3)
        assert store.events() == fuse(store.mentions())


@settings_
@given(st.lists(st.tuples(st.integers(0, 90), st.integers(0, 31)), max_size=40))
def test_items_keyed_by_a_lower_bound_come_out_in_order_of_their_first_day(days):
    """The dated rows come by date text, a month-precise one up to a month after its window
    starts: the reorder buffer lets each out once no later row can start before it."""
    import datetime as dt
    import types

    from sitrep.fuse.stream import _by_first_day
    base = dt.date(2024, 1, 1)
    items = [(base + dt.timedelta(days=d - lag),
              types.SimpleNamespace(window=(base + dt.timedelta(days=d),) * 2))
             for d, lag in days]
    items.sort(key=lambda x: x[0])
    out = [f.window[0] for f in _by_first_day(items)]
    assert out == sorted(f.window[0] for _, f in items)


def test_a_store_out_of_date_order_is_refused_not_fused_wrongly():
    import datetime as dt

    import pytest

    from sitrep.errors import StoreError
    from sitrep.fuse.features import Features
    from sitrep.fuse.stream import _monotone
    late, early = (Features.of(mention(date=d)) for d in ("2024-01-20", "2024-01-10"))
    with pytest.raises(StoreError):
        list(_monotone([(dt.date(2024, 1, 20), late), (dt.date(2024, 1, 10), early)]))
