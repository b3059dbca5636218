"""Bad input: a folder of broken, hostile and odd files goes through the real `sitrep analyze`.

Every input gets a document row with the expected status and a one-line reason, the console
shows one line per problem and no traceback, the run goes on and exits 0 (the CLI's contract:
bad inputs are reported, not fatal), and every good article is stored.

The folder is generated at test time into a temporary directory (nothing is committed); the
200 MB input is a sparse file, so it costs no disk and must be refused by its size.
"""
from __future__ import annotations

import builtins
import gzip
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass

import pytest

from reliability_corpus import ARTICLES, FRENCH, as_text, short_report
from reliability_helpers import assert_store_consistent, db_query, run_sitrep

# Tests over one real `sitrep analyze` run (it loads the spaCy model for the good articles).
CLI = pytest.mark.model

PROBLEM_STATUSES = ("empty", "unreadable", "not_text", "too_large", "not_news", "missing")


@dataclass(frozen=True)
class Case:
    name: str                     # path relative to the corpus root
    statuses: frozenset[str]      # acceptable status for each of its rows
    rows: int | None = 1          # expected number of rows (None: at least one)
    phrase: str | None = None     # text that must reach a stored ok article
    counts: tuple = ()            # for files of records: ((status, n), ...)

    def __str__(self) -> str:
        return self.name.encode("unicode_escape").decode("ascii")


def S(*statuses: str) -> frozenset[str]:
    return frozenset(statuses)


CASES = [
    Case("inputs/good_report.txt", S("ok"), phrase="gunmen opened fire on a checkpoint"),
    Case("inputs/good_page.html", S("ok"), phrase="on day 20,"),
    Case("inputs/good_story.txt.gz", S("ok"), phrase="on day 21,"),
    Case("inputs/empty.txt", S("empty")),
    Case("inputs/blank.txt", S("empty")),
    Case("inputs/noise.bin", S("not_text")),
    Case("inputs/noise.txt", S("not_text")),
    Case("inputs/picture.png", S("not_text")),
    Case("inputs/huge.txt", S("too_large")),
    Case("inputs/bomb.txt.gz", S("too_large")),
    Case("inputs/latin1.txt", S("ok"), phrase="Société de presse"),
    Case("inputs/utf16.txt", S("ok"), phrase="repelled an attack on a government complex"),
    Case("inputs/mixed.txt", S("ok"), phrase="Hundreds of protesters blocked the main highway"),
    Case("inputs/malformed.html", S("ok"), phrase="mortar shells landed in a market"),
    Case("inputs/nested.html", S("ok"), phrase="set fire to six construction vehicles"),
    Case("inputs/records.jsonl", S("ok", "unreadable"), rows=5, phrase="on day 31,",
         counts=(("ok", 3), ("unreadable", 2))),
    # JSON nested deeper than the parser's recursion limit: the file, or just that line.
    Case("inputs/deep.json", S("unreadable")),
    Case("inputs/deep.jsonl", S("ok", "unreadable"), rows=2, phrase="on day 33,",
         counts=(("ok", 1), ("unreadable", 1))),
    Case("inputs/truncated.txt.gz", S("unreadable")),
    # Non-English text is either kept (language recorded) or set aside as not_news with a reason.
    Case("inputs/french.txt", S("ok", "not_news")),
    Case("inputs/loop_a.txt", S("unreadable", "missing")),
    Case("inputs/loop_b.txt", S("unreadable", "missing")),
    # A directory symlink pointing back up: must not be followed (0 rows beneath it).
    Case("inputs/self", S("unreadable", "not_text", "missing"), rows=None),
    Case("inputs/locked", S("unreadable"), rows=None),
    Case("does-not-exist.txt", S("missing")),
    # XML that attacks its parser: an external entity naming a local file, and nested
    # entities that expand to gigabytes ("billion laughs").
    Case("inputs/xxe.rss", S("ok"), phrase="on day 50,"),
    Case("inputs/laughs.rss", S("ok", "empty", "unreadable", "not_news"), rows=None),
    # File names are input too: a newline must not forge a console line, nor an escape
    # sequence reach the terminal.
    Case("inputs/forged\nsitrep: missing: forged.txt", S("empty")),
    Case("inputs/ansi\x1b[2J\x1b[31mred.txt", S("empty")),
]
CASE_BY_NAME = {c.name: c for c in CASES}

BIG = 200 * 1024 * 1024
SECRET = "secret-token-3f9c2d not for any article"


def _html_page(title: str, body: str) -> str:
    paras = "".join(f"<p>{p}</p>\n" for p in body.splitlines() if p.strip())
    return (f"<!DOCTYPE html><html><head><title>{title}</title>"
            f'<meta property="article:published_time" content="2024-03-04T10:00:00Z"></head>'
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>\n{paras}"
            f"</article></body></html>")


def build_corpus(root) -> list[str]:
    """Write every case under `root`; return the paths to pass to `sitrep analyze`."""
    rnd = random.Random(7)
    inputs = root / "inputs"
    inputs.mkdir()
    w = lambda name, data: (inputs / name).write_bytes(data)  # noqa: E731

    w("good_report.txt", as_text("quetta").encode())
    r20 = short_report(20)
    w("good_page.html", _html_page(r20.splitlines()[0], r20).encode())
    w("good_story.txt.gz", gzip.compress(short_report(21).encode()))
    w("empty.txt", b"")
    w("blank.txt", b" \n\n\t  \r\n   \n")
    w("noise.bin", rnd.randbytes(4096))
    w("noise.txt", rnd.randbytes(8192))
    w("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00"
                     b"\x08\x02\x00\x00\x00" + rnd.randbytes(6000))
    with open(inputs / "huge.txt", "wb") as f:        # sparse: no disk used, 200 MB by size
        f.truncate(BIG)
    # A gzip bomb: 120 MB of text in ~120 kB; must be refused by size while decompressing.
    line = b"The convoy was attacked near the border crossing on Tuesday morning.\n"
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as gz:
        chunk = line * (1024 * 1024 // len(line))
        for _ in range(120):
            gz.write(chunk)
    w("bomb.txt.gz", buf.getvalue())
    w("latin1.txt", (as_text("kech") + "Filed by the Zürich desk of the Société de presse; "
                     "fee £20, 10°C.\n").encode("latin-1"))
    w("utf16.txt", as_text("gwadar").encode("utf-16"))           # with BOM
    w("mixed.txt", as_text("turbat").encode("utf-8") + "Caf\u00e9 owners closed early.\n"
      .encode("latin-1") + "Na\u00efve hopes \u2014 of an early end.\n".encode("utf-8"))
    title, dateline, body = ARTICLES["zhob"]
    # Unclosed and mis-nested tags, unquoted attributes, stray end tags, bad entities; the
    # unterminated quote comes last (earlier, a browser too would swallow the text into it).
    malformed = (f"<html><head><title>{title}</title><meta charset=utf-8><body "
                 f"class=x><div id=main><font size=3><h1>{title}<h1><p>{dateline} - "
                 + body.replace("\n", "<p><b><i>") +
                 "</span></td></tr></table></div></div><p>Unclosed <a href='x>link"
                 "<script>var x = '</div>';</script><p>& stray ampersand &notanentity; <<>>")
    w("malformed.html", malformed.encode())
    title, dateline, body = ARTICLES["panjgur"]
    nested = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
              + "".join(f"<p>{p}</p>" for p in [dateline] + body.split("\n"))
              + "</article>" + "<div>" * 200_000 + "deep text" + "</div>" * 200_000
              + "</body></html>")
    w("nested.html", nested.encode())
    records = [json.dumps({"id": f"r{i}", "title": short_report(i).splitlines()[0],
                           "text": short_report(i), "published": "2024-03-0%d" % (i - 29),
                           "url": f"https://example.org/news/{i}", "outlet": "Example News"})
               for i in (30, 31, 32)]
    lines = [records[0], '{"id": "r-broken", "text": "unterminated string', records[1],
             "this line is not JSON at all", records[2]]
    w("records.jsonl", ("\n".join(lines) + "\n").encode())
    w("deep.json", ("[" * 200_000 + "]" * 200_000).encode())
    w("deep.jsonl", ('{"id": "deep", "text": ' + "[" * 200_000 + "]" * 200_000 + "}\n"
                     + json.dumps({"id": "r33", "text": short_report(33)}) + "\n").encode())
    w("truncated.txt.gz", gzip.compress(short_report(40).encode() * 20)[:300])
    title, dateline, body = FRENCH
    w("french.txt", f"{title}\n\n{dateline} - {body}\n".encode())
    os.symlink("loop_b.txt", inputs / "loop_a.txt")
    os.symlink("loop_a.txt", inputs / "loop_b.txt")
    os.symlink(".", inputs / "self")
    locked = inputs / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(as_text("quetta").replace("Quetta", "Mastung"))
    locked.chmod(0)
    secret = root / "secret.txt"
    secret.write_text(SECRET)
    r50 = short_report(50)
    w("xxe.rss", (f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
                  f'<rss version="2.0"><channel><title>Wire</title><item><title>{r50.splitlines()[0]}'
                  f"</title><pubDate>Sun, 03 Mar 2024 10:00:00 GMT</pubDate><description>&xxe; "
                  f"{r50}</description></item></channel></rss>").encode())
    lol = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    w("laughs.rss", (f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY lol0 "lol">{lol}]>'
                     f"<rss version=\"2.0\"><channel><title>Wire</title><item><title>Laughs</title>"
                     f"<description>&lol9; {short_report(51)}</description></item></channel>"
                     f"</rss>").encode())
    w("forged\nsitrep: missing: forged.txt", b"")
    w("ansi\x1b[2J\x1b[31mred.txt", b"")
    return [str(inputs), str(root / "does-not-exist.txt")]


def _privilege_drop() -> tuple[str, ...] | None:
    """A command prefix under which a mode-000 folder is really unreadable, or None.

    Root reads everything (CAP_DAC_OVERRIDE); dropping the two DAC capabilities with setpriv
    keeps uid 0 (so an interpreter installed for root stays usable) but restores permission
    checks. Returns () when not root."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if not setpriv:
        return None
    caps = "-dac_override,-dac_read_search"
    prefix = (setpriv, f"--inh-caps={caps}", f"--ambient-caps={caps}", f"--bounding-set={caps}")
    # setpriv may be refused (e.g. in a container without the capability to change them)
    probe = subprocess.run([*prefix, sys.executable, "-c", "import sitrep"], capture_output=True)
    return prefix if probe.returncode == 0 else None


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad-input")
    paths = build_corpus(root)
    prefix = _privilege_drop()
    locked_ok = prefix is not None
    if prefix is None:
        prefix = ()
    if locked_ok and prefix:
        probe = subprocess.run([*prefix, sys.executable, "-c",
                                f"import os; os.listdir({str(root / 'inputs' / 'locked')!r})"],
                               capture_output=True)
        locked_ok = probe.returncode != 0
    db = root / "bad.db"
    proc = run_sitrep("analyze", *paths, "--db", str(db), "--quiet", prefix=prefix)
    # Make the tree removable again.
    (root / "inputs" / "locked").chmod(0o755)
    rows = []
    if db.exists():
        rows = db_query(db, "SELECT doc_id, source, status, reason FROM documents")
    by_case: dict[str, list[tuple]] = {c.name: [] for c in CASES}
    stray = []
    for doc_id, source, status, reason in rows:
        path = os.path.abspath(source.split("#", 1)[0])
        rel = os.path.relpath(path, root)
        for name in by_case:
            if rel == name or rel.startswith(name + os.sep):
                by_case[name].append((doc_id, source, status, reason))
                break
        else:
            stray.append((source, status, reason))
    return {"root": root, "db": db, "proc": proc, "by_case": by_case, "stray": stray,
            "rows": rows, "locked_ok": locked_ok}


@CLI
def test_run_goes_on_and_exits_zero(bad_run):
    proc = bad_run["proc"]
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out, out[-3000:]
    assert proc.returncode == 0, out[-3000:]


@CLI
def test_one_console_line_per_problem(bad_run):
    problems = [r for r in bad_run["rows"] if r[2] in PROBLEM_STATUSES]
    lines = [ln for ln in bad_run["proc"].stderr.splitlines()
             if any(ln.startswith(f"sitrep: {s}: ") for s in PROBLEM_STATUSES)]
    assert problems, "no problem rows stored at all"
    assert len(lines) == len(problems), "\n".join(lines)
    assert "\x1b" not in bad_run["proc"].stderr, "a terminal escape sequence reached the console"
    for _, source, status, _ in problems:
        name = os.path.basename(source.split("#", 1)[0])
        name = re.split(r"[\x00-\x1f]", name)[0]      # shown escaped from there on
        assert any(name in ln and status in ln for ln in lines), f"no console line for {source}"


@CLI
@pytest.mark.parametrize("case", CASES, ids=str)
def test_input_gets_expected_status(bad_run, case):
    if case.name == "inputs/locked" and not bad_run["locked_ok"]:
        pytest.skip("cannot make a folder unreadable here (root without setpriv)")
    rows = bad_run["by_case"][case.name]
    statuses = sorted(r[2] for r in rows)
    if case.name == "inputs/self":
        beneath = [r for r in rows if os.path.relpath(r[1], bad_run["root"]) != case.name]
        assert not beneath, f"a directory symlink loop was followed: {beneath[:3]}"
        return
    if case.rows is None:
        assert rows, f"{case.name}: no document row"
    else:
        assert len(rows) == case.rows, f"{case.name}: {len(rows)} rows {statuses}, " \
                                       f"expected {case.rows}"
    assert set(statuses) <= case.statuses, f"{case.name}: statuses {statuses}, " \
                                           f"expected {sorted(case.statuses)}"
    for status, n in case.counts:
        assert statuses.count(status) == n, f"{case.name}: statuses {statuses}"
    for _, source, status, reason in rows:
        if status != "ok":
            assert reason and reason.strip(), f"{source}: status {status} without a reason"
            assert "\n" not in reason, f"{source}: reason is not one line: {reason!r}"


@CLI
@pytest.mark.parametrize("case", [c for c in CASES if c.phrase], ids=str)
def test_good_article_is_stored(bad_run, case):
    doc_ids = [r[0] for r in bad_run["by_case"][case.name] if r[2] == "ok"]
    assert doc_ids, f"{case.name}: no ok document"
    marks = ",".join("?" * len(doc_ids))
    texts = [json.loads(d)["text"] for (d,) in db_query(
        bad_run["db"], f"SELECT data FROM articles WHERE status = 'ok' AND doc_id IN ({marks})",
        tuple(doc_ids))]
    assert any(case.phrase in t for t in texts), \
        f"{case.name}: {case.phrase!r} not in its stored articles {[t[:120] for t in texts]}"
    assert not any("\ufffd" in t for t in texts if case.name.endswith(("latin1.txt",
                                                                      "utf16.txt"))), \
        f"{case.name}: decoded with replacement characters"


@CLI
@CLI
def test_xml_entities_are_not_expanded(bad_run):
    texts = [d for (d,) in db_query(bad_run["db"], "SELECT data FROM articles")]
    assert texts, "no articles stored"
    assert not any("secret-token-3f9c2d" in t for t in texts), "an external entity was read"
    assert max(len(t) for t in texts) < 1_000_000, "an entity expansion reached the store"


@CLI
def test_nothing_else_stored_and_store_consistent(bad_run):
    assert bad_run["stray"] == [], f"rows for no input: {bad_run['stray'][:5]}"
    assert_store_consistent(bad_run["db"])


# ---------------------------------------------------------------- in-process contracts

def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    """A file over Settings.max_bytes is judged by its size: ingest never opens it."""
    ingest = pytest.importorskip("sitrep.ingest")
    from sitrep.settings import Settings

    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(BIG)
    real_open = io.open

    def guarded_open(file, *args, **kwargs):
        if isinstance(file, (str, bytes, os.PathLike)) and \
                os.path.abspath(os.fsdecode(file)) == str(big):
            raise AssertionError("ingest opened a file it should have refused by size")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    docs = list(ingest.iter_documents([str(big)], Settings()))
    monkeypatch.undo()
    assert [d.status for d, _ in docs] == ["too_large"], [(d.status, d.reason) for d, _ in docs]
    assert docs[0][1] == [] and docs[0][0].reason


def test_max_bytes_setting_is_honoured(tmp_path):
    ingest = pytest.importorskip("sitrep.ingest")
    from sitrep.settings import Settings

    f = tmp_path / "report.txt"
    f.write_text(as_text("quetta"))
    docs = list(ingest.iter_documents([str(f)], Settings(max_bytes=100)))
    assert [d.status for d, _ in docs] == ["too_large"]
    docs = list(ingest.iter_documents([str(f)], Settings()))
    assert [d.status for d, _ in docs] == ["ok"]


def test_database_path_with_uri_characters(tmp_path):
    """'#', '?' and '%' in the database path: read-only commands open that file, read-only,
    and create no other one."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    db = tmp_path / "war#room?mode=rwc%41.db"
    proc = run_sitrep("analyze", str(tmp_path / "in"), "--db", str(db), "--quiet")
    assert proc.returncode == 0, proc.stderr[-2000:]
    before = sorted(p.name for p in tmp_path.iterdir())
    proc = run_sitrep("events", "--db", str(db))
    assert proc.returncode == 0, proc.stderr[-2000:]
    extra = sorted(set(p.name for p in tmp_path.iterdir()) - set(before))
    assert not [n for n in extra if not n.startswith(db.name)], f"stray files: {extra}"


def test_a_file_that_is_not_a_database_is_one_clear_error(tmp_path):
    not_db = tmp_path / "notes.db"
    not_db.write_text("not a database\n" * 100)
    for args in (("events", "--db", str(not_db)), ("analyze", str(not_db), "--db", str(not_db))):
        proc = run_sitrep(*args)
        lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
        assert proc.returncode != 0 and len(lines) == 1, proc.stderr[-2000:]
        assert lines[0].startswith("sitrep: error:") and "Traceback" not in proc.stderr, lines
