"""Exact and near duplicates: within a run, against the store, deterministic originals."""
from __future__ import annotations

import dataclasses

from sitrep.ingest import Deduper, iter_documents
from sitrep.ingest.dedupe import jaccard, shingles
from sitrep.settings import Settings

STORY = ("Armed men on motorbikes attacked a crowded weekly market in a remote town on Wednesday, "
         "killing at least 31 people and burning dozens of stalls, regional officials said. The "
         "attackers arrived shortly after midday and fired on traders and shoppers for more than an "
         "hour before troops reached the area, a local administrator told reporters by telephone. "
         "Survivors said many of the victims were women selling grain and vegetables.")
OTHER = ("A convoy of twelve lorries carrying food and medical supplies reached a besieged city on "
         "Friday, the first to get through since fighting closed the main road in January, the "
         "United Nations said. Aid workers said the supplies would feed about 20,000 people.")


def ingest(paths, deduper=None, store=None):
    settings = Settings()
    deduper = deduper or Deduper({}, settings)
    return [deduper.check(d, a, store) for d, a in iter_documents([str(p) for p in paths], settings)]


def test_shingle_jaccard():
    assert jaccard(shingles(STORY), shingles(STORY)) == 1.0
    assert jaccard(shingles(STORY), shingles(OTHER)) < 0.1
    assert jaccard(frozenset(), shingles(STORY)) == 0.0


def test_exact_and_near_duplicates_within_a_run(tmp_path):
    (tmp_path / "a.txt").write_text("Market attack kills dozens in remote town\n\n" + STORY)
    (tmp_path / "b.txt").write_text("Market attack kills dozens in remote town\n\n" + STORY)
    near = STORY.replace("dozens of stalls", "many stalls")     # one edit + a sign-off line
    (tmp_path / "c.txt").write_text("Gunmen raid weekly market\n\n" + near + "\n\nExample Wire")
    (tmp_path / "d.txt").write_text("Aid convoy reaches besieged city\n\n" + OTHER)
    out = ingest([tmp_path])
    by_key = {d.key: (d, arts) for d, arts in out}
    a_doc, a_arts = by_key["a.txt"]
    assert a_doc.status == "ok" and a_arts[0].status == "ok"
    for key, kind in (("b.txt", "same text"), ("c.txt", "near duplicate")):
        doc, arts = by_key[key]
        assert doc.status == "duplicate" and doc.duplicate_of == a_doc.doc_id and kind in doc.reason
        assert arts[0].status == "duplicate" and arts[0].duplicate_of == a_arts[0].article_id
    assert by_key["d.txt"][0].status == "ok"


def test_threshold_is_a_setting(tmp_path):
    (tmp_path / "a.txt").write_text("Market attack kills dozens\n\n" + STORY)
    (tmp_path / "b.txt").write_text("Market attack kills dozens\n\n" + STORY + " " + OTHER)
    strict = Deduper({}, Settings(near_duplicate_threshold=0.99))
    assert [d.status for d, _ in ingest([tmp_path], strict)] == ["ok", "ok"]
    loose = Deduper({}, Settings(near_duplicate_threshold=0.5))
    assert [d.status for d, _ in ingest([tmp_path], loose)] == ["ok", "duplicate"]


def test_original_is_first_in_path_order(tmp_path):
    (tmp_path / "z.txt").write_text("Market attack kills dozens\n\n" + STORY)
    (tmp_path / "a.txt").write_text("Market attack kills dozens\n\n" + STORY)
    for _ in range(2):
        assert [(d.key, d.status) for d, _ in ingest([tmp_path])] == [("a.txt", "ok"), ("z.txt", "duplicate")]


def test_against_the_store(tmp_path, store):
    first = tmp_path / "first.txt"
    first.write_text("Market attack kills dozens\n\n" + STORY)
    [(doc, arts)] = ingest([first])
    with store.transaction():
        store.put_document(doc, arts)
    later = tmp_path / "later.txt"
    later.write_text("Different headline for the same story\n\n" + STORY.replace("31", "thirty-one"))
    deduper = Deduper(store.article_hashes(), Settings())
    [(doc2, arts2)] = ingest([later], deduper, store)
    assert doc2.status == "duplicate" and arts2[0].duplicate_of == arts[0].article_id


def test_a_changed_file_is_not_a_duplicate_of_its_old_version(tmp_path, store):
    p = tmp_path / "page.txt"
    p.write_text("Market attack kills dozens\n\n" + STORY)
    [(doc, arts)] = ingest([p])
    with store.transaction():
        store.put_document(doc, arts)
    p.write_text("Market attack kills dozens\n\n" + STORY + " The toll later rose.")
    [(doc2, arts2)] = ingest([p], Deduper(store.article_hashes(), Settings()), store)
    assert doc2.status == "ok" and arts2[0].status == "ok"


def test_non_ok_articles_are_left_alone(tmp_path):
    (tmp_path / "a.txt").write_text("Short.")
    (tmp_path / "b.txt").write_text("Short.")
    assert [d.status for d, _ in ingest([tmp_path])] == ["empty", "empty"]


def test_check_keeps_records_frozen():
    # check returns new records (dataclasses.replace), it never mutates what it was given
    import pytest
    from sitrep.models import Article
    art = Article("x:0", "x", "k", 0, "T", STORY)
    with pytest.raises(dataclasses.FrozenInstanceError):
        art.status = "duplicate"


def test_templated_reports_of_different_events_are_not_duplicates(tmp_path):
    # Event databases and wire briefs reuse one template; only dates, places and figures differ.
    template = ("On {d} May 2020, residents of {town} blocked the main road through the town to "
                "demand the repair of the water supply and the return of electricity to their "
                "district. Local officials met the organisers and promised to restore the "
                "services within a week. [size=no report]")
    (tmp_path / "a.jsonl").write_text(
        '{"id": "n1", "text": "%s"}\n{"id": "n2", "text": "%s"}\n'
        % (template.format(d=9, town="Uvira"), template.format(d=11, town="Baraka")))
    assert [d.status for d, _ in ingest([tmp_path])] == ["ok", "ok"]
