"""P5: full-text search over 10,000 post-mortems, as the home screen's search box runs it
(`Store.search`: titles and every section, at most 50 post-mortems returned)."""

from __future__ import annotations

import statistics
import time

from bench.context import Context
from bench.generate import generate
from bench.result import Result

TARGET_MS = 20.0
QUERIES = (
    "checkout",
    "certificate",
    "pool size",
    "connection pool exhaustion",
    "replica",
    "latency",
    "rolled back the release",
    "dns",
    "queue backlog",
    "timeout",
    "Synthetic incident 4217",
    "incident",
    "payments-gateway",
    "feature flag",
    "Priya",
    "runbook failover",
    "che",
    "marketing campaign",
    "nothingmatchesthis",
    "disk filling primary",
)
REPEATS = 5


def run(ctx: Context) -> list[Result]:
    from debrief.store import Store

    count = ctx.sizes.search_postmortems
    db = ctx.workdir / "search.db"
    if not db.exists():
        generate(db, count, events=20, actions=5, seed=5)
    store = Store(db, author="bench")
    try:
        for query in QUERIES:  # warm-up: page cache and statement cache
            store.search(query)
        timings: list[float] = []
        hits = 0
        for _ in range(REPEATS):
            for query in QUERIES:
                started = time.perf_counter()
                found = store.search(query)
                timings.append((time.perf_counter() - started) * 1000)
                hits += len(found)
    finally:
        store.close()
    timings.sort()
    p90 = timings[int(len(timings) * 0.9)]
    note = (
        f"{len(QUERIES)} queries × {REPEATS}; p90 {p90:.1f} ms, worst {timings[-1]:.1f} ms; "
        f"{hits // REPEATS} post-mortems returned per pass"
    )
    return [
        Result(
            f"P5 full-text search, {count:,} post-mortems",
            TARGET_MS,
            per_floor=False,
            value=statistics.median(timings),
            unit="ms",
            note=note,
        )
    ]
