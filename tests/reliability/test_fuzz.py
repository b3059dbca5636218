"""Property-based fuzzing (hypothesis) of the stages that read text written by strangers.

    ingest      arbitrary bytes as a file -> exactly one document row, never an exception
    numbers     arbitrary text -> no exception; every parsed count is in [0, MAX_COUNT]
    dates       arbitrary text -> no exception; years in 1900..2100, precision 1..3
    extraction  arbitrary sentences -> mentions with valid offsets and ranges (needs the model)
    fusion      random hand-built mentions -> every asserted mention in exactly one event
                (fusion leaves out plans, denial-only groups and statements no one is
                reported making, by design), deterministic
                and independent of input order
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.models import DOC_STATUSES, Actor, Article, Figure, Mention, Place

# The largest count a parser may return. Ten million is far above any toll one report gives
# for one event, and small enough to catch ids and digit runs read as counts; the exact value
# matters less than having a bound (SQLite integers overflow at 2**63, which stops a run).
MAX_COUNT = 10_000_000

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Fragments that break parsers: markup, entities, odd whitespace, BOMs, NULs, RTL marks,
# numbers in words and digits, date shapes.
_FRAGMENTS = ["<div>", "</div>", "<p>", "<script>", "</script>", "<!--", "-->", "<![CDATA[",
              "&amp;", "&#0;", "&#xD800;", "&nbsp;", "\x00", "\ufeff", "\u202e", "\r\n", "\t",
              "é", "’", "—", "١٢٣", "killed", "at least", "dozens of", "hundreds", "twenty-one",
              "1,000,000", "99999999999999999999", "-5", "3.5", "½", "12th", "January", "Jan.",
              "31", "2024", "0000", "9999", "Feb 30", "Monday", "last week", "yesterday",
              "2024-13-45", "1/2/3", "{", "}", '"text":', "\n", " ", ".", ","]
junk_text = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=8), max_size=60).map("".join),
)


# ---------------------------------------------------------------- ingest

def _ingest_one(data: bytes, suffix: str):
    from sitrep.ingest import Deduper, iter_documents
    from sitrep.settings import Settings
    from sitrep.store import open_store

    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "input" + suffix)
        with open(path, "wb") as f:
            f.write(data)
        settings_ = Settings()
        with open_store(os.path.join(d, "fuzz.db")) as store:
            store.migrate()
            deduper = Deduper(store.article_hashes(), settings_)
            docs = []
            for doc, articles in iter_documents([path], settings_):
                doc, articles = deduper.check(doc, articles, store)
                with store.transaction():
                    store.put_document(doc, articles, [])
                docs.append((doc, articles))
            assert store.counts()["documents"] == len(docs)
    return docs


def _check_docs(docs):
    for doc, articles in docs:
        assert doc.status in DOC_STATUSES
        if doc.status != "ok":
            assert doc.reason, f"status {doc.status} without a reason"
        for a in articles:
            assert a.doc_id == doc.doc_id
            assert isinstance(a.text, str)


@FUZZ
@given(data=st.binary(max_size=4096) | junk_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
       suffix=st.sampled_from([".txt", ".html", ".htm", "", ".md", ".dat"]))
def test_ingest_any_bytes_gives_exactly_one_document(data, suffix):
    pytest.importorskip("sitrep.ingest")
    docs = _ingest_one(data, suffix)
    assert len(docs) == 1, [(d.status, d.reason) for d, _ in docs]
    _check_docs(docs)


@FUZZ
@given(data=st.binary(max_size=4096) | junk_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
       suffix=st.sampled_from([".jsonl", ".json", ".xml", ".rss", ".gz", ".txt.gz", ".jsonl.gz"]))
def test_ingest_any_container_accounts_for_itself(data, suffix):
    """Files that may hold several records: at least one row, and every row valid."""
    docs = _ingest_one(data, suffix)
    assert len(docs) >= 1
    _check_docs(docs)


_LINE_BREAKS = re.compile("[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


@st.composite
def jsonl_lines(draw):
    """Lines of a JSONL file: records, broken lines (never blank) and blank lines."""
    lines = []
    for i in range(draw(st.integers(min_value=1, max_value=12))):
        kind = draw(st.sampled_from(["record", "record", "broken", "blank"]))
        if kind == "record":
            rec = {"id": f"{i}-{draw(st.text(max_size=8))}", "text": draw(junk_text)}
            lines.append(json.dumps(rec))
        elif kind == "broken":
            lines.append("x" + _LINE_BREAKS.sub(" ", draw(junk_text)))
        else:
            lines.append("")
    return lines


@settings(max_examples=60, deadline=None)
@given(lines=jsonl_lines())
def test_ingest_jsonl_one_row_per_nonblank_line(lines):
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    docs = _ingest_one(data, ".jsonl")
    nonblank = [ln for ln in lines if ln]
    # One row per record or broken line; a file with no line at all is itself one row.
    assert len(docs) == max(1, len(nonblank)), [(d.status, d.reason) for d, _ in docs]
    _check_docs(docs)


# ---------------------------------------------------------------- numbers and dates

def _counts_api():
    numbers = pytest.importorskip("sitrep.extract.numbers")
    if not hasattr(numbers, "find_counts"):
        pytest.skip("sitrep.extract.numbers.find_counts not there yet (extraction stage)")
    return numbers


def _check_count(c, text):
    assert c.kind in ("killed", "injured"), c
    vals = [v for v in (c.low, c.best, c.high) if v is not None]
    assert all(isinstance(v, int) and 0 <= v <= MAX_COUNT for v in vals), f"{text!r} -> {c}"
    assert c.low <= c.best and (c.high is None or c.best <= c.high), f"{text!r} -> {c}"
    assert 0 <= c.start <= c.end <= len(text) and text[c.start:c.end] == c.text, c


@FUZZ
@given(text=junk_text)
def test_counts_never_raise_and_stay_in_range(text):
    numbers = _counts_api()
    for c in numbers.find_counts(text):
        _check_count(c, text)
    fig = numbers.figure(numbers.find_counts(text), "killed") if hasattr(numbers, "figure") else None
    if fig is not None:
        vals = [v for v in (fig.low, fig.best, fig.high) if v is not None]
        assert all(0 <= v <= MAX_COUNT for v in vals) and vals == sorted(vals), fig


@FUZZ
@given(n=st.integers(min_value=0, max_value=10**15) | st.integers(0, 200),
       fmt=st.sampled_from(["{}", "{:,}"]),
       frame=st.sampled_from(["{n} people were killed", "at least {n} people were killed",
                              "the attack killed {n} soldiers", "{n} dead and {n} wounded",
                              "nearly {n} people were injured", "{n} to {n} civilians were killed",
                              "the death toll rose to {n}", "killing {n} and injuring {n}"]))
def test_counts_in_casualty_frames_stay_in_range(n, fmt, frame):
    numbers = _counts_api()
    text = frame.format(n=fmt.format(n))
    for c in numbers.find_counts(text):
        _check_count(c, text)


@FUZZ
@given(words=junk_text)
def test_number_value_never_raises(words):
    numbers = _counts_api()
    got = numbers.number_value(words) if hasattr(numbers, "number_value") else None
    if got is not None:
        low, high = got
        assert 0 <= low <= MAX_COUNT and (high is None or low <= high <= MAX_COUNT), \
            f"{words!r} -> {got}"


def _timex():
    timex = pytest.importorskip("sitrep.extract.timex")
    if not hasattr(timex, "parse_date_text"):
        pytest.skip("sitrep.extract.timex.parse_date_text not there yet")
    return timex


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _check_date_value(value, precision, text):
    assert 1 <= precision <= 3, f"{text!r}: precision {precision}"
    if value is None:
        return
    m = _ISO.match(value)
    assert m, f"{text!r}: {value!r} is not YYYY[-MM[-DD]]"
    y, mo, d = m.groups()
    assert 1900 <= int(y) <= 2100, f"{text!r} -> {value}"
    if mo:
        dt.date(int(y), int(mo), int(d or 1))     # a real calendar date


anchors = st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
date_text = junk_text | st.lists(st.sampled_from(
    ["on", "Monday", "Tuesday", "last", "week", "month", "year", "January", "Feb.", "29",
     "31st", "2024", "1899", "2101", "9999", "0", "earlier", "this", "since", "in", "late",
     "2024-02-30", "13/13/2024", "yesterday", "the day before", "two days ago", ",", "of"]),
    max_size=20).map(" ".join)


@FUZZ
@given(text=date_text, anchor=anchors,
       previous=st.none() | st.tuples(st.sampled_from(["2024-01-16", "2024-01", "2024", "junk"]),
                                      st.integers(1, 3)))
def test_dates_never_raise_and_stay_in_range(text, anchor, previous):
    timex = _timex()
    for expr in timex.parse_date_text(text, anchor, previous):
        _check_date_value(expr.value, expr.precision, text)
        assert text[expr.start:expr.end] == expr.text
    if hasattr(timex, "event_date"):
        value, precision, words = timex.event_date(text, anchor, previous)
        if not (previous and value == previous[0]):     # the previous date is passed through
            _check_date_value(value, precision, text)


# ---------------------------------------------------------------- extraction (model)

@functools.lru_cache(maxsize=1)
def _extractor():
    from sitrep.extract import Extractor
    from sitrep.settings import Settings
    return Extractor(Settings())


_WORDS = ["Gunmen", "killed", "at least", "five", "12", "soldiers", "in", "Quetta", "on",
          "Tuesday", "Pakistan", "Iran", "struck", "militant", "hideouts", "according to",
          "officials", ",", ".", "said", "wounded", "dozens", "protesters", "clashed", "with",
          "police", "<b>", "&amp;", "\n", "'; DROP TABLE events; --", "é", "—", "1,000,000"]


@pytest.mark.model
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.sampled_from(_WORDS) | st.text(max_size=12), min_size=1, max_size=60))
def test_extraction_on_arbitrary_sentences(words):
    text = " ".join(words)
    article = Article(article_id="fz:0", doc_id="fz", document="fuzz.txt", index=0,
                      title=None, text=text, published="2024-01-18", content_hash="h")
    result = _extractor().extract([article])
    assert isinstance(result, dict)
    for m in result.get("fz:0", []):
        assert m.article_id == "fz:0"
        assert 0 <= m.start <= m.end <= len(text)
        assert m.sentence.strip() and m.sentence.strip() in text
        assert 1 <= m.date_precision <= 3
        if m.date:
            assert 1900 <= int(m.date[:4]) <= 2100
        for fig in (m.fatalities, m.injuries):
            if fig is None:
                continue
            vals = [v for v in (fig.low, fig.best, fig.high) if v is not None]
            assert all(0 <= v <= MAX_COUNT for v in vals), fig
            assert vals == sorted(vals), f"low <= best <= high broken: {fig}"


# ---------------------------------------------------------------- fusion

_PLACES = [None, Place("Quetta", "Pakistan", "PAK", "Balochistan", None, 30.18, 67.0, 1, "city"),
           Place("Panjgur", "Pakistan", "PAK", "Balochistan", None, 26.96, 64.09, 1, "city"),
           Place("Saravan", "Iran", "IRN", "Sistan and Baluchestan", None, 27.37, 62.33, 1, "city"),
           Place("Balochistan", "Pakistan", "PAK", "Balochistan", None, 28.5, 65.0, 3, "admin1")]
_ACTORS = [None, Actor("Military Forces of Pakistan", "PAK", "state_forces"),
           Actor("Military Forces of Iran", "IRN", "state_forces"),
           Actor("Jaish al-Adl", "IRN", "rebel_group"), Actor("Civilians (Pakistan)", "PAK", "civilians"),
           Actor("Unidentified Armed Group (Pakistan)", "PAK", "political_militia")]
_TYPES = [("Explosions/Remote violence", "Air/drone strike", "195", -10.0),
          ("Battles", "Armed clash", "190", -10.0),
          ("Violence against civilians", "Attack", "180", -9.0),
          ("Protests", "Peaceful protest", "141", -6.5),
          (None, None, "111", -2.0),
          (None, None, "042", 1.9)]
_DATES = [(None, 1), ("2024-01-16", 1), ("2024-01-17", 1), ("2024-01-18", 1), ("2024-01", 3),
          ("2024-01-15", 2), ("2024", 3)]


@st.composite
def figures(draw):
    if draw(st.booleans()):
        return None
    vals = sorted(draw(st.lists(st.integers(0, 500), min_size=1, max_size=3)))
    low, high = vals[0], vals[-1]
    best = vals[len(vals) // 2]
    return Figure(low=low, best=best, high=high, qualifier=draw(st.sampled_from([None, "at least"])))


@st.composite
def mention_lists(draw):
    n = draw(st.integers(min_value=0, max_value=25))
    out = []
    for i in range(n):
        doc = draw(st.integers(0, 5))
        etype, sub, cameo, gold = draw(st.sampled_from(_TYPES))
        date, prec = draw(st.sampled_from(_DATES))
        start = draw(st.integers(0, 2000))
        sentence = draw(st.sampled_from([
            "Pakistan said its air force struck militant hideouts in Iran.",
            "At least nine people were killed, officials said.",
            "Iran denied the attack.", "Protesters gathered outside the embassy.",
            "'; DROP TABLE events; -- <script>window.__pwned=1</script>"]))
        out.append(Mention(
            mention_id=f"d{doc}:0:{start}:{i}", article_id=f"d{doc}:0", document=f"doc{doc}.txt",
            article_index=0, sentence=sentence, start=start, end=start + len(sentence),
            trigger=draw(st.sampled_from(["struck", "killed", "attack", "gathered"])),
            event_type=etype, sub_event_type=sub, cameo=cameo, goldstein=gold,
            actor1=draw(st.sampled_from(_ACTORS)), actor2=draw(st.sampled_from(_ACTORS)),
            place=draw(st.sampled_from(_PLACES)), date=date, date_precision=prec,
            fatalities=draw(figures()), injuries=draw(figures()),
            attributed_to=draw(st.sampled_from([None, "officials", "Iranian media"])),
            modality=draw(st.sampled_from(["asserted", "asserted", "denied", "hypothetical"])),
            outlet=draw(st.sampled_from([None, "Outlet A", "Outlet B"])),
            published=draw(st.sampled_from([None, "2024-01-18", "2024-01-19"]))))
    return out


def _partition(events):
    return sorted(sorted(e.mention_ids) for e in events)


@FUZZ
@given(mentions=mention_lists(), seed=st.randoms(use_true_random=False))
def test_fusion_partitions_mentions_deterministically(mentions, seed):
    from sitrep.fuse import fuse

    events = fuse(list(mentions))
    # Fusion's contract: asserted and denied mentions take part, plans/questions do not, and
    # a group with no asserted report makes no event, nor a statement no report says anyone
    # made. So: no mention in two events, every asserted mention in exactly one (but such
    # agentless statements), nothing else in any.
    ids = [mid for e in events for mid in e.mention_ids]
    assert len(ids) == len(set(ids)), "a mention is in two events"
    modality = {m.mention_id: m.modality for m in mentions}
    assert set(ids) <= set(modality), "an event names a mention that was not given"
    agentless = {m.mention_id for m in mentions if m.event_type is None and m.actor1 is None}
    asserted = {mid for mid, mod in modality.items() if mod == "asserted"}
    left_out = asserted - set(ids)
    assert left_out <= agentless, f"asserted mentions in no event: {sorted(left_out - agentless)}"
    assert all(modality[mid] in ("asserted", "denied") for mid in ids)
    assert all(any(modality[mid] == "asserted" for mid in e.mention_ids) for e in events)
    assert len({e.event_id for e in events}) == len(events), "event ids must be unique"
    for e in events:
        assert e.mention_ids, "an event without mentions"
        for r in (e.fatalities, e.injuries):
            vals = [v for v in (r.low, r.best, r.high) if v is not None]
            assert all(v >= 0 for v in vals) and vals == sorted(vals), r
        if e.date:
            assert 1900 <= int(e.date[:4]) <= 2100
        assert 1 <= e.date_precision <= 3
    shuffled = list(mentions)
    seed.shuffle(shuffled)
    again = fuse(shuffled)
    assert _partition(again) == _partition(events), "fusion depends on input order"
    assert sorted(e.event_id for e in again) == sorted(e.event_id for e in events)
    assert fuse(list(mentions)) == events, "fusion is not deterministic"
