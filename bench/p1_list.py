"""P1's data half: the query behind the home screen's first frame over 1,000 post-mortems
(the count, then the first page of the list, as `HomeScreen` asks the store), on SQLite
and on PostgreSQL (bench/engines.py). The launch itself is timed in bench/p1_home.py."""

from __future__ import annotations

from bench.context import Context
from bench.engines import Location, Timings, on_both, timed
from bench.result import Result

TARGET_MS = 20.0
"""The search box's budget (P5): the list should cost no more than a search."""
FIRST_PAGE = 100
"""More rows than the home screen reads before its first frame (`screens/home.py`)."""
REPEATS = 20


def run(ctx: Context) -> list[Result]:
    figure = f"P1 home list query, {ctx.sizes.postmortems:,} post-mortems"
    return on_both(ctx.db, figure, TARGET_MS, home_list)


def home_list(location: Location) -> Timings:
    from debrief.store import Store

    store = Store(location, author="bench")
    rows: list[int] = []

    def first_frame() -> None:
        store.count_postmortems()
        rows.append(len(store.list_postmortems(limit=FIRST_PAGE)))

    try:
        ms = timed([first_frame], REPEATS)
    finally:
        store.close()
    note = f"count + first {rows[-1]} rows, median of {REPEATS} after a warm-up"
    return Timings(ms, note)
