"""Run one command as a child process and measure it: wall time, the peak RSS of its largest
process (from the kernel, via wait4: exact, includes grandchildren it waited for) and the
peak RSS and PSS summed over its whole process tree (sampled with psutil, see TICK, when
psutil is installed: what `-j N` holds at once; PSS counts a page shared by two processes
once, RSS twice). CPU time is the larger of wait4's (exact for the processes it waited for)
and the tree's sampled CPU time: `-j N` workers forked by a fork server are grandchildren the
command never waits for, so wait4 alone would leave them out."""
from __future__ import annotations

import os
import subprocess
import threading
import time


# How often the tree is sampled: RSS and CPU every TICK seconds, the process list and PSS
# (which reads smaps: dear for a model-sized process) every FULL_EVERY ticks. The sampler runs
# on the machine it measures: every 0.1 s, with the list read each time and smaps every 0.5 s,
# it took 0.23-0.24 CPU s from a `-j 2` run over the benchmark corpus that wanted both cores
# (6.6 s); as now, 0.10-0.12 s.
TICK, FULL_EVERY = 0.2, 5


def _tree_sampler(pid: int, stop: threading.Event, peak: list[int], cpu: dict[int, float]) -> None:
    try:
        import psutil
    except ImportError:
        return
    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    tick, procs = 0, [root]
    while not stop.is_set():
        rss = pss = 0
        full = tick % FULL_EVERY == 0
        if full or len(procs) == 1:   # a new worker is found within one tick while there are none
            try:
                procs = [root] + root.children(recursive=True)
            except psutil.Error:
                break
        for p in procs:
            try:
                mem = p.memory_full_info() if full else p.memory_info()
                rss += mem.rss
                pss += getattr(mem, "pss", mem.rss) if full else 0
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system     # the latest value per process
            except psutil.Error:
                pass
        peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
        tick += 1
        stop.wait(TICK)


def run(cmd: list[str], cpus: set[int] | None = None, env: dict | None = None,
        stdout=subprocess.DEVNULL) -> dict:
    """Run `cmd`; pinned to `cpus` (and its children with it) when given."""
    def pin():
        if cpus:
            os.sched_setaffinity(0, cpus)

    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env=env,
                            preexec_fn=pin if cpus else None)
    stop, peak, cpu = threading.Event(), [0, 0], {}
    sampler = threading.Thread(target=_tree_sampler, args=(proc.pid, stop, peak, cpu), daemon=True)
    sampler.start()
    err_chunks = []
    reader = threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()), daemon=True)
    reader.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    sampler.join()
    reader.join()
    err = (err_chunks[0] if err_chunks else b"").decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    return {
        "wall_s": round(wall, 3),
        "cpu_s": round(max(usage.ru_utime + usage.ru_stime, sum(cpu.values())), 3),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),          # Linux reports KiB
        "peak_tree_rss_mb": round(peak[0] / 2**20, 1) if peak[0] else None,
        "peak_tree_pss_mb": round(peak[1] / 2**20, 1) if peak[1] else None,
        "stderr_tail": err.strip().splitlines()[-3:],
        # other work on the machine: wall time is only comparable between runs at similar load
        "loadavg_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }
