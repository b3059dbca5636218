"""Fusion over the store, batch after batch: a new article widens an event, never duplicates it,
and the event keeps its id."""
from __future__ import annotations

from fuse_builders import BLF, PAKISTAN, SARAVAN, SISTAN, killed, mention

from sitrep.fuse import fuse
from sitrep.models import Article, Document


def put(store, doc_key, mentions, published):
    doc = Document(doc_id=f"id-{doc_key}", key=doc_key, source=f"/in/{doc_key}", status="ok",
                   n_articles=1)
    art = Article(article_id=f"{doc_key}:0", doc_id=doc.doc_id, document=doc_key, index=0,
                  title="t", text="x", published=published)
    with store.transaction():
        store.put_document(doc, [art], mentions)


def refuse(store):
    with store.transaction():
        store.replace_events(fuse(store.mentions()))
    return store.events()


def test_new_batch_widens_the_event_and_keeps_its_id(store):
    put(store, "a.txt", [mention("a.txt", a1=PAKISTAN, a2=BLF, place=SISTAN, date="2024-01-18",
                                 fatalities=killed(7), published="2024-01-18")], "2024-01-18")
    first = refuse(store)
    assert len(first) == 1 and first[0].fatalities.high == 7
    put(store, "b.txt", [mention("b.txt", a1=PAKISTAN, a2=BLF, place=SARAVAN, date="2024-01-18",
                                 fatalities=killed(9, qualifier="at least"),
                                 published="2024-01-19")], "2024-01-19")
    second = refuse(store)
    assert len(second) == 1
    assert second[0].event_id == first[0].event_id
    assert (second[0].fatalities.low, second[0].fatalities.high) == (7, 9)
    assert len(second[0].claims) == 2
    assert refuse(store) == second          # re-running adds nothing
    assert store.counts()["claims"] == 2


def test_an_event_is_named_after_a_report_that_stands_on_its_own():
    """A statement without a speaker forms no event by itself; in an event with one that has
    a speaker it does not name the event, even as the earliest report."""
    from fuse_builders import CONDEMN, PAK_GOV

    from sitrep.fuse.build import build_event, event_id
    from sitrep.fuse.features import Features
    quiet = mention("a.txt", kind=CONDEMN, a2=BLF, date="2024-01-18", published="2024-01-18")
    said = mention("b.txt", kind=CONDEMN, a1=PAK_GOV, a2=BLF, date="2024-01-18",
                   published="2024-01-19")
    event = build_event([Features.of(quiet), Features.of(said)])
    assert event.event_id == event_id(said)
    assert event.claims[0].mention_id == quiet.mention_id   # still the earliest claim
    assert build_event([Features.of(quiet)]) is None
