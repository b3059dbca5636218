"""Every kind of input, and every way an input can fail, gives exactly one document row."""
from __future__ import annotations

import gzip
import json
import os

import pytest

from sitrep.ingest import iter_documents
from sitrep.settings import Settings

BODY = ("Gunmen attacked a police post on the edge of the town on Tuesday night, killing two "
        "officers and wounding a third, the provincial police chief said on Wednesday. "
        "Reinforcements were sent to the area and a search for the attackers was under way.")


def run(paths, **kw):
    return list(iter_documents([str(p) for p in paths], Settings(**kw)))


def one(path, **kw):
    out = run([path], **kw)
    assert len(out) == 1, [d.key for d, _ in out]
    return out[0]


def test_plain_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(f"Police post attacked on edge of town\n\n{BODY}\n", encoding="utf-8")
    doc, arts = one(p)
    assert (doc.status, doc.kind, doc.key, doc.n_articles) == ("ok", "txt", "a.txt", 1)
    assert arts[0].title == "Police post attacked on edge of town"
    assert arts[0].text == BODY and arts[0].article_id == f"{doc.doc_id}:0"


def test_doc_id_is_stable_and_path_based(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(BODY)
    assert one(p)[0].doc_id == one(p)[0].doc_id
    q = tmp_path / "sub"
    q.mkdir()
    (q / "a.txt").write_text(BODY)
    assert one(q / "a.txt")[0].doc_id != one(p)[0].doc_id


@pytest.mark.parametrize("name, content, status", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n \t\n", "empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "not_text"),
    ("blob.bin", bytes(range(256)) * 8, "not_text"),
    ("short.txt", b"Just a line.", "empty"),
])
def test_failed_inputs(tmp_path, name, content, status):
    p = tmp_path / name
    p.write_bytes(content)
    doc, arts = one(p)
    assert doc.status == status and doc.reason


def test_too_large_is_not_read(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text(BODY * 10)
    doc, arts = one(p, max_bytes=100)
    assert doc.status == "too_large" and "100" in doc.reason and arts == []


def test_missing_path_and_empty_glob(tmp_path):
    out = run([tmp_path / "nope.txt", tmp_path / "*.none"])
    assert [(d.status, bool(d.reason)) for d, _ in out] == [("missing", True), ("missing", True)]


def test_glob_and_recursive_folder(tmp_path):
    (tmp_path / "x" / "y").mkdir(parents=True)
    for rel in ("one.txt", "x/two.txt", "x/y/three.txt"):
        (tmp_path / rel).write_text(f"Headline for {rel} here\n\n{BODY}")
    assert sorted(d.key for d, _ in run([tmp_path])) == ["one.txt", "three.txt", "two.txt"]
    assert sorted(d.key for d, _ in run([f"{tmp_path}/**/*.txt"])) == ["one.txt", "three.txt", "two.txt"]
    # a file named twice (folder + file) is one input
    assert len(run([tmp_path, tmp_path / "one.txt"])) == 3


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any folder")
def test_unreadable_folder(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text(BODY)
    locked.chmod(0)
    try:
        out = run([tmp_path])
    finally:
        locked.chmod(0o755)
    assert sorted(d.status for d, _ in out) == ["ok", "unreadable"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_encodings(tmp_path, encoding):
    text = "Café owners say “calm” returned to the town centre\n\n" + BODY.replace("officers", "officers’")
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"').replace("’", "'")
    p = tmp_path / "enc.txt"
    p.write_bytes(text.encode(encoding))
    doc, arts = one(p)
    assert doc.status == "ok"
    assert arts[0].title.startswith("Café owners say")


def test_broken_utf16(tmp_path):
    p = tmp_path / "bad16.txt"
    p.write_bytes(b"\xff\xfe" + "Some text".encode("utf-16-le") + b"\x00\xd8")   # lone surrogate
    doc, _ = one(p)
    assert doc.status == "unreadable"


def test_jsonl_records_and_broken_lines(tmp_path):
    p = tmp_path / "recs.jsonl"
    lines = [json.dumps({"id": "r1", "text": BODY, "title": "T1", "published": "2023-03-01",
                         "outlet": "Wire", "url": "https://x.example/1"}),
             '{"id": "r2", "text": "cut off',
             json.dumps({"id": "r3", "text": "A short one-line note about a clash."}),
             json.dumps(["not", "an", "object"]),
             ""]
    p.write_text("\n".join(lines))
    out = run([p])
    assert [(d.key, d.status) for d, _ in out] == [
        ("r1", "ok"), ("recs.jsonl:2", "unreadable"), ("r3", "ok"), ("recs.jsonl:4", "unreadable")]
    a = out[0][1][0]
    assert (a.title, a.published, a.published_how, a.outlet, a.url) == (
        "T1", "2023-03-01", "record", "Wire", "https://x.example/1")
    assert out[0][0].source.endswith("recs.jsonl#r1")
    assert len({d.doc_id for d, _ in out}) == 4


def test_json_list_and_single_record(tmp_path):
    p = tmp_path / "list.json"
    p.write_text(json.dumps({"articles": [{"id": "a", "text": BODY}, {"text": BODY + " More."}]}))
    assert [d.key for d, _ in run([p])] == ["a", "list.json:2"]
    q = tmp_path / "single.json"
    q.write_text(json.dumps({"text": BODY}))
    assert one(q)[0].key == "single.json"


def test_gzip_and_truncated_gzip(tmp_path):
    p = tmp_path / "recs.jsonl.gz"
    p.write_bytes(gzip.compress((json.dumps({"id": "g1", "text": BODY}) + "\n").encode()))
    doc, arts = one(p)
    assert (doc.key, doc.kind, doc.status) == ("g1", "gz+jsonl", "ok")
    t = tmp_path / "page.txt.gz"
    t.write_bytes(gzip.compress(("Headline of a page here\n\n" + BODY).encode())[:40])
    doc, _ = one(t)
    assert doc.status == "unreadable" and "truncated" in doc.reason


def test_gzip_bomb_is_too_large(tmp_path):
    p = tmp_path / "bomb.txt.gz"
    p.write_bytes(gzip.compress(b"a " * 200_000))
    doc, _ = one(p, max_bytes=50_000)
    assert doc.status == "too_large"


def test_html_meta(tmp_path):
    p = tmp_path / "p.html"
    p.write_text(f"""<html><head><meta property="og:title" content="Police post attacked">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2023-03-02T10:00:00Z">
<link rel="canonical" href="https://ex.example/a"></head>
<body><nav>Home News Sport</nav><article><h1>Police post attacked</h1><p>{BODY}</p>
<figure><figcaption>A photo caption (AFP)</figcaption></figure><p>{BODY}</p></article>
<footer>Copyright</footer></body></html>""")
    doc, arts = one(p)
    a = arts[0]
    assert (a.title, a.published, a.published_how, a.outlet, a.url) == (
        "Police post attacked", "2023-03-02", "meta", "Example Times", "https://ex.example/a")
    assert a.text == BODY + "\n" + BODY


def test_html_with_several_articles(tmp_path):
    p = tmp_path / "multi.html"
    parts = "".join(f"<article><h2>Story number {n} headline</h2><time datetime='2023-03-0{n}'></time>"
                    f"<p>{BODY}</p></article>" for n in (1, 2))
    p.write_text(f"<html><body>{parts}</body></html>")
    doc, arts = one(p)
    assert [(a.title, a.published) for a in arts] == [
        ("Story number 1 headline", "2023-03-01"), ("Story number 2 headline", "2023-03-02")]


def test_rss_feed_items(tmp_path):
    p = tmp_path / "f.xml"
    p.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Feed Outlet</title>
<item><title>First item title</title><link>https://f.example/1</link>
<pubDate>Thu, 02 Mar 2023 10:00:00 +0000</pubDate><description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
<item><title>Second item title</title><description>{BODY}</description></item>
</channel></rss>""")
    out = run([p])
    assert [(d.key, d.kind, d.status) for d, _ in out] == [("f.xml:1", "rss", "ok"), ("f.xml:2", "rss", "ok")]
    a = out[0][1][0]
    assert (a.title, a.published, a.published_how, a.outlet, a.url) == (
        "First item title", "2023-03-02", "feed", "Feed Outlet", "https://f.example/1")


def test_broken_and_empty_feeds(tmp_path):
    p = tmp_path / "empty.rss"
    p.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>X</title></channel></rss>')
    assert one(p)[0].status == "empty"


def test_non_english_is_not_news(tmp_path):
    p = tmp_path / "de.txt"
    p.write_text("Bewaffnete Männer griffen am Dienstagabend einen Polizeiposten am Stadtrand an. "
                 "Zwei Beamte wurden getötet, ein dritter wurde verletzt, teilte der Polizeichef "
                 "der Provinz am Mittwoch mit. Verstärkung wurde in das Gebiet geschickt, die Suche "
                 "nach den Angreifern dauert an, hieß es weiter aus Sicherheitskreisen.")
    doc, arts = one(p)
    assert doc.status == "not_news" and arts[0].status == "not_news"


def test_reader_crash_becomes_a_row(tmp_path, monkeypatch):
    import sitrep.ingest.sources as sources
    monkeypatch.setattr(sources, "parse_text_page", lambda *args: 1 / 0)
    p = tmp_path / "a.txt"
    p.write_text(BODY)
    doc, arts = one(p)
    assert doc.status == "unreadable" and "ZeroDivisionError" in doc.reason


def test_unlistable_folder_simulated(tmp_path, monkeypatch):
    # the same path as test_unreadable_folder, for runs as root: make listing the folder fail
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text(BODY)
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path)
    monkeypatch.setattr(os, "scandir", scandir)
    out = run([tmp_path])
    assert sorted((d.status, d.key) for d, _ in out) == [("ok", "b.txt"), ("unreadable", "locked")]
    assert "permission denied" in [d for d, _ in out if d.status == "unreadable"][0].reason


def test_declared_charset(tmp_path):
    p = tmp_path / "ru.html"
    html = ("<html><head><meta charset='windows-1251'><meta property='og:title' content='Заголовок новости'>"
            f"</head><body><article><p>{BODY}</p></article></body></html>")
    p.write_bytes(html.encode("cp1251"))
    doc, arts = one(p)
    assert arts[0].title == "Заголовок новости"


def test_fifo_is_not_opened(tmp_path):
    p = tmp_path / "pipe.txt"
    os.mkfifo(p)
    doc, _ = one(p)
    assert doc.status == "not_text" and "regular file" in doc.reason


def test_record_text_with_markup(tmp_path):
    p = tmp_path / "h.jsonl"
    p.write_text(json.dumps({"id": "h1", "text": f"<p>{BODY}</p><p>Second paragraph here.</p>"}) + "\n")
    doc, arts = one(p)
    assert arts[0].text == BODY + "\nSecond paragraph here."


def test_article_body_with_a_widget_like_class_is_kept(tmp_path):
    p = tmp_path / "w.html"
    paras = "".join(f"<p>{BODY}</p>" for _ in range(3))
    p.write_text(f"<html><body><h1>Police post attacked</h1><div class='story ad-free'>{paras}</div>"
                 "<div class='share'>Share this</div></body></html>")
    doc, arts = one(p)
    assert arts[0].text.count("Gunmen attacked") == 3 and "Share this" not in arts[0].text


def test_html_title_tag_loses_the_site_suffix(tmp_path):
    p = tmp_path / "t.html"
    p.write_text(f"<html><head><title>Police post attacked on edge of town | Example Times</title></head>"
                 f"<body><p>{BODY}</p></body></html>")
    assert one(p)[1][0].title == "Police post attacked on edge of town"


def test_atom_entries(tmp_path):
    p = tmp_path / "a.atom"
    p.write_text(f"""<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Outlet</title>
<entry><title>Entry title here</title><link rel="self" href="https://a.example/self"/>
<link href="https://a.example/1"/><published>2023-03-02T10:00:00Z</published>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>""")
    doc, arts = one(p)
    a = arts[0]
    assert (doc.kind, a.title, a.published, a.outlet, a.url) == (
        "atom", "Entry title here", "2023-03-02", "Atom Outlet", "https://a.example/1")


def test_undecodable_file_name(tmp_path):
    path = os.path.join(os.fsencode(tmp_path), b"bad\xff.txt")
    with open(path, "wb") as fh:
        fh.write(("Police post attacked on edge of town\n\n" + BODY).encode())
    doc, arts = one(tmp_path)
    assert doc.status == "ok" and doc.key == "bad\ufffd.txt" and arts[0].document == doc.key
    doc.key.encode("utf-8")


def test_lone_surrogates_in_records_are_storable(tmp_path, store):
    p = tmp_path / "s.jsonl"
    p.write_text('{"id": "x\\ud800", "title": "T\\udcff", "text": "' + BODY + ' \\ud800"}\n')
    doc, arts = one(p)
    with store.transaction():
        store.put_document(doc, arts)
    assert store.articles()[0].title in ("T?", "T\ufffd")
