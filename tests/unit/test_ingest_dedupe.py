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


MORE = ("Residents said the gunmen had warned traders two weeks earlier to stop paying taxes to the "
        "local council. The army said it had sent reinforcements and two helicopters to the district "
        "and was pursuing the attackers towards the forest along the border. The market, one of the "
        "largest in the region, draws herders and farmers from several neighbouring countries.")


def test_a_lightly_edited_wire_copy_stays_a_near_duplicate(tmp_path):
    # another outlet's copy: own dateline credit and byline, one sentence added at the end
    (tmp_path / "a.txt").write_text("Market attack kills dozens\n\nBy Ada Okafor\n\nNIAMEY (Reuters) - " + STORY
                                    + " " + MORE + "\n(Reporting by Ada Okafor; Editing by Tom Reed)")
    (tmp_path / "b.txt").write_text("Gunmen kill 31 at market\n\nBy Lena Moss\n\nNIAMEY (AFP) - " + STORY + " " + MORE
                                    + " A regional aid group appealed for blood donors."
                                    + "\nThe Associated Press contributed to this report.")
    out = ingest([tmp_path])
    assert [(d.key, d.status) for d, _ in out] == [("a.txt", "ok"), ("b.txt", "duplicate")]
    assert "near duplicate" in out[1][0].reason


def test_one_template_with_another_place_or_figure_is_another_report(tmp_path):
    # reports written from one template, the only difference the place or a figure
    note = ("On 3 March 2021, government forces shelled the positions of the rebel brigade in the area "
            "of {place}, {region}, with heavy mortars and artillery{extra}.")
    rows = [note.format(place="Kamianka", region="Luhansk", extra=" (1 of 2)"),
            note.format(place="Kamianka", region="Luhansk", extra=" (2 of 2)"),
            note.format(place="Zolote", region="Luhansk", extra=" (1 of 2)"),
            note.format(place="Luhansk Airport", region="Luhansk", extra=" (1 of 2)")]
    (tmp_path / "n.jsonl").write_text("".join('{"id": "r%d", "text": "%s"}\n' % (i, t) for i, t in enumerate(rows)))
    assert [d.status for d, _ in ingest([tmp_path])] == ["ok"] * 4
    # the same note with the split marker left out is the same report: a copy
    (tmp_path / "m.jsonl").write_text('{"id": "r9", "text": "%s"}\n' % note.format(
        place="Zolote", region="Luhansk", extra=""))
    # (m.jsonl sorts first, so its note is the original and the marked copy in n.jsonl the duplicate)
    assert [d.status for d, _ in ingest([tmp_path])] == ["ok", "ok", "ok", "duplicate", "ok"]
