"""Property: ingest never loses an input. Whatever bytes a file holds, and whatever its name,
it yields exactly one document row (record files: at least one, every line accounted for)."""
from __future__ import annotations

import gzip
import os
import tempfile

from hypothesis import HealthCheck, given, settings, strategies as st

from sitrep.ingest import iter_documents
from sitrep.models import DOC_STATUSES
from sitrep.settings import Settings

SENTENCE = st.sampled_from([
    "Gunmen attacked a police post on Tuesday night, killing two officers.",
    "Updated 3 hours ago", "Share", "READ: Another story headline", "By A Reporter",
    "March 3, 2023", "", "  • A bullet summary line", "ISLAMABAD: The ministry said it would respond.",
    "A caption of a photo taken on March 2, 2023. (AFP)", "About the author",
    "Troops returned fire and the attackers fled towards farmland north of the city.",
    "<p>Some <b>html</b></p>", "<rss><channel><item><title>x</title></item></channel></rss>",
    '{"id": "r1", "text": "a record"}', "{broken json", "Ünïcödé line with ‘quotes’",
])
TEXT_PAGE = st.lists(SENTENCE, max_size=30).map("\n".join)
CONTENT = st.one_of(
    st.binary(max_size=400),
    TEXT_PAGE.map(lambda t: t.encode("utf-8")),
    TEXT_PAGE.map(lambda t: t.encode("utf-16")),
    TEXT_PAGE.map(lambda t: gzip.compress(t.encode("utf-8"))),
    TEXT_PAGE.map(lambda t: gzip.compress(t.encode("utf-8"))[:20]),
)
RECORD_KINDS = {"jsonl", "json", "rss", "atom"}
NAME = st.sampled_from(["a.txt", "b.html", "c.xml", "d.rss", "e.dat", "f.txt.gz", "g.md", "h"])
FILES = st.lists(st.tuples(NAME, CONTENT), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FILES)
def test_every_input_yields_exactly_one_document(files):
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n, (name, content) in enumerate(files):
            path = os.path.join(tmp, f"{n}_{name}")
            with open(path, "wb") as fh:
                fh.write(content)
            paths.append(path)
        out = list(iter_documents([tmp], Settings(max_bytes=100_000)))
        per_file: dict[str, list] = {}
        for doc, _ in out:
            per_file.setdefault(doc.source.split("#", 1)[0], []).append(doc)
        assert sorted(per_file) == sorted(paths)             # every file accounted for, nothing else
        for path, docs in per_file.items():
            # a page is one row; a record or feed file one row per record/item
            if len(docs) > 1:
                assert all(d.kind.split("+")[-1] in RECORD_KINDS for d in docs)
                assert all(d.source.startswith(path + "#") for d in docs)
        for doc, arts in out:
            assert doc.status in DOC_STATUSES
            assert doc.status == "ok" or doc.reason          # a reason for anything but ok
            assert doc.n_articles == len(arts)
            assert [a.index for a in arts] == list(range(len(arts)))
            assert all(a.doc_id == doc.doc_id for a in arts)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.just('{"id": "%d", "text": "x"}'), st.just("{oops"), st.just("[]"),
                          st.just('{"text": "no id"}')), min_size=1, max_size=12))
def test_every_jsonl_line_is_accounted_for(lines):
    lines = [line % n if "%d" in line else line for n, line in enumerate(lines)]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "r.jsonl")
        with open(path, "w") as fh:
            fh.write("\n".join(lines))
        out = list(iter_documents([path], Settings()))
        assert len(out) == len(lines)
        assert len({d.doc_id for d, _ in out}) == len(lines)  # ids never collide
