"""The benchmark harness measures what it says (no timings are asserted: speed is reported
by `make bench`, not tested)."""
from __future__ import annotations

import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402
import measure  # noqa: E402


def test_measure_reports_the_childs_own_peak_memory():
    # a child that holds ~200 MB: its peak must show, not the (small) test process's
    m = measure.run([sys.executable, "-c", "b = bytearray(200 * 2**20); b[::4096] = b'x' * len(b[::4096])"])
    assert m["peak_rss_mb"] >= 190
    assert m["wall_s"] > 0 and m["cpu_s"] >= 0


def test_measure_pins_the_child_to_the_cores_given(tmp_path):
    import os
    cpu = min(os.sched_getaffinity(0))
    target = tmp_path / "affinity.txt"
    measure.run([sys.executable, "-c",
                 f"import os; open({str(target)!r}, 'w').write(str(sorted(os.sched_getaffinity(0))))"],
                cpus={cpu})
    assert target.read_text() == str([cpu])


def test_corpus_reaches_the_size_without_duplicates(tmp_path):
    stats = corpus.build(tmp_path / "c", 300, use_shared=False)
    assert stats["articles"] >= 300
    records = [json.loads(line) for p in sorted((tmp_path / "c").glob("*.jsonl"))
               for line in p.read_text().splitlines()]
    assert len(records) == stats["articles"]
    assert len({r["id"] for r in records}) == len(records)
    assert len({r["text"] for r in records}) == len(records)
    assert corpus.texts(tmp_path / "c") == [r["text"] for r in records]


def test_corpus_from_a_tiny_pool_ends():
    # five sentences give 240 distinct texts: asking for more must repeat some, not loop forever
    pool = [("p", "Rain fell on the old town square. Nobody came to the morning market. "
                  "The baker sold bread to three cats. A bus left the depot at noon. "
                  "Lights went out along the river road.")]
    out = corpus.recombined(pool, 400)
    assert len(out) == 400
    assert 200 <= len({text for _, text in out}) < 400


def test_measure_counts_cpu_of_a_grandchild_it_never_waits_for():
    # the child starts a busy grandchild and exits without reaping it (as a fork server's
    # workers are never waited for by the command): its CPU time must still be counted
    busy = "import time; t = time.process_time()\nwhile time.process_time() - t < 1.0: pass"
    child = (f"import subprocess, sys, time, os; p = subprocess.Popen([sys.executable, '-c', {busy!r}]);"
             " time.sleep(1.6); os._exit(0)")
    m = measure.run([sys.executable, "-c", child])
    assert m["cpu_s"] >= 0.7


def test_the_median_round_is_reported_with_every_rounds_wall_time():
    import run
    rounds = [{"wall_s": 11.0, "k": 1}, {"wall_s": 9.0, "k": 2}, {"wall_s": 30.0, "k": 3}]
    got = run.median_run(rounds)
    assert got["k"] == 1 and got["rounds_wall_s"] == [11.0, 9.0, 30.0]
    assert run.median_run(rounds[:2])["k"] == 2          # even count: the lower middle one
    assert "rounds_wall_s" not in rounds[0]              # the rounds themselves are left as they were
