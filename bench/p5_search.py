"""P5: full-text search over 10,000 post-mortems, as the home screen's search box runs it
(`Store.search`: titles and every section, at most 50 post-mortems returned), on SQLite
and on PostgreSQL (bench/engines.py)."""

from __future__ import annotations

from bench.context import Context
from bench.engines import Location, Timings, on_both, timed
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
    count = ctx.sizes.search_postmortems
    db = ctx.workdir / "search.db"
    if not db.exists():
        generate(db, count, events=20, actions=5, seed=5)
    figure = f"P5 full-text search, {count:,} post-mortems"
    return on_both(db, figure, TARGET_MS, searches)


def searches(location: Location) -> Timings:
    from debrief.store import Store

    store = Store(location, author="bench")
    hits: list[int] = []
    try:
        calls = [lambda q=q: hits.append(len(store.search(q))) for q in QUERIES]
        ms = timed(calls, REPEATS)
    finally:
        store.close()
    per_pass = sum(hits[len(QUERIES) :]) // REPEATS
    note = f"{len(QUERIES)} queries × {REPEATS}; {per_pass} post-mortems returned per pass"
    return Timings(ms, note)
