#!/usr/bin/env python3
"""A bounded load test of `sitrep serve`, on the loopback interface only.

    python scripts/loadtest.py --db out/demo/sitrep.db            # starts and stops a server
    python scripts/loadtest.py --url http://127.0.0.1:8000         # an already running one

N client threads (one keep-alive HTTP connection each) share a fixed total number of
requests, spread round-robin over the app's GET routes (read from /openapi.json unless given
with --path). The run stops by itself when the requests are done or the time cap is reached,
whichever comes first. It reports throughput, latency percentiles and errors (transport
errors and any status >= 400) as text, and as JSON with --json FILE.

It refuses any host but 127.0.0.1, ::1 and localhost: it is for measuring your own machine.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import sys
import threading
import time
import urllib.parse
from collections import Counter
from typing import Iterator

LOOPBACK = {"127.0.0.1", "::1", "localhost"}
SKIP_ROUTES = {"/docs", "/redoc", "/docs/oauth2-redirect"}


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list (q in 0..100)."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), int(-(-q * len(sorted_values) // 100))))
    return sorted_values[rank - 1]


def discover_paths(base: str) -> list[str]:
    import httpx
    spec = httpx.get(base + "/openapi.json", timeout=10).json()
    paths = sorted(p for p, ops in spec.get("paths", {}).items()
                   if "get" in ops and "{" not in p and p not in SKIP_ROUTES)
    # Routes that are not 200 before the run (e.g. an optional asset that is not installed)
    # would only measure their own refusal: leave them out and say so.
    ok = [p for p in paths if httpx.get(base + p, timeout=30).status_code == 200]
    for p in sorted(set(paths) - set(ok)):
        print(f"loadtest: leaving out {p} (not 200 before the run)", file=sys.stderr)
    return ok or ["/"]


def run_load(base: str, paths: list[str], clients: int, requests: int,
             max_seconds: float) -> dict:
    """Send `requests` GETs from `clients` threads; stop early at `max_seconds`."""
    import httpx

    lock = threading.Lock()
    issued = 0
    latencies: list[float] = []
    statuses: Counter = Counter()
    errors: Counter = Counter()
    finished = 0
    stop_at = time.monotonic() + max_seconds

    def take() -> int | None:
        nonlocal issued
        with lock:
            if issued >= requests or time.monotonic() >= stop_at:
                return None
            issued += 1
            return issued - 1

    def client() -> None:
        nonlocal finished
        with httpx.Client(base_url=base, timeout=30) as http:
            while (i := take()) is not None:
                path = paths[i % len(paths)]
                t0 = time.perf_counter()
                try:
                    resp = http.get(path)
                    resp.read()
                    elapsed = time.perf_counter() - t0
                    with lock:
                        finished += 1
                        latencies.append(elapsed)
                        statuses[resp.status_code] += 1
                        if resp.status_code >= 400:
                            errors[f"{resp.status_code} {path}"] += 1
                except httpx.HTTPError as exc:
                    with lock:
                        finished += 1
                        errors[f"{type(exc).__name__} {path}"] += 1

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(max_seconds + 60)
    wall = time.perf_counter() - t0
    lat = sorted(latencies)
    done = finished
    return {
        "base": base, "paths": paths, "clients": clients, "requests": requests,
        "max_seconds": max_seconds, "completed": done, "errors": sum(errors.values()),
        "error_kinds": dict(errors), "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "stopped_by_time_cap": done < requests,
        "wall_seconds": round(wall, 3),
        "throughput_rps": round(done / wall, 1) if wall else None,
        "latency_ms": {name: round(1000 * percentile(lat, q), 2)
                       for name, q in (("p50", 50), ("p90", 90), ("p99", 99), ("max", 100))},
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version()},
    }


@contextlib.contextmanager
def served(db: str, startup_cap: float = 120) -> Iterator[str]:
    """Start `sitrep serve --db DB` on a free loopback port and stop it afterwards."""
    from sitrep.web.local import ServeError, running_server
    try:
        with running_server(db, startup_cap=startup_cap) as base:
            yield base
    except ServeError as exc:
        raise SystemExit(str(exc)) from None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    target = ap.add_mutually_exclusive_group(required=True)
    target.add_argument("--url", help="base URL of a running server (loopback only)")
    target.add_argument("--db", help="start `sitrep serve` on this database for the run")
    ap.add_argument("--path", action="append", help="GET path to request (repeatable); "
                    "default: every GET route without parameters")
    ap.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    ap.add_argument("--requests", type=int, default=2000, help="total requests (default 2000)")
    ap.add_argument("--max-seconds", type=float, default=60, help="time cap (default 60)")
    ap.add_argument("--json", help="also write the figures as JSON to this file")
    args = ap.parse_args(argv)
    if not (1 <= args.clients <= 256 and 1 <= args.requests <= 1_000_000
            and 0 < args.max_seconds <= 3600):
        ap.error("clients 1..256, requests 1..1,000,000, max-seconds up to 3600")

    with contextlib.ExitStack() as stack:
        base = args.url.rstrip("/") if args.url else stack.enter_context(served(args.db))
        host = urllib.parse.urlsplit(base).hostname
        if host not in LOOPBACK:
            ap.error(f"refusing to load {host!r}: loopback only")
        paths = args.path or discover_paths(base)
        result = run_load(base, paths, args.clients, args.requests, args.max_seconds)

    lat = result["latency_ms"]
    print(f"{result['completed']}/{result['requests']} requests from {result['clients']} clients "
          f"in {result['wall_seconds']} s: {result['throughput_rps']} req/s; latency p50 "
          f"{lat['p50']} ms, p90 {lat['p90']} ms, p99 {lat['p99']} ms, max {lat['max']} ms; "
          f"errors {result['errors']} {result['error_kinds'] or ''}")
    print(f"paths: {' '.join(paths)}; machine: {result['machine']['cpus']} cpus, "
          f"{result['machine']['platform']}, Python {result['machine']['python']}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
