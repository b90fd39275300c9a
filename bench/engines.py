"""The figures that read the store (P1's home list, P5's search) on both engines.

SQLite reads the generated file; PostgreSQL reads a copy of it (`copy_postmortems`, what
`debrief copy` runs, then ANALYZE) in a throwaway server started with initdb + pg_ctl,
the test suite's own (tests/pg_server.py: a free port, a temporary folder, as `nobody`
when run as root), stopped when the figure is done. Without PostgreSQL binaries its row
says so and is empty.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.result import Result

SQLITE, POSTGRES = "SQLite", "PostgreSQL"
NO_BINARIES = "skipped: no PostgreSQL binaries (initdb, pg_ctl) on this machine"

Location = Path | str
"""An SQLite file or a PostgreSQL URL, as `Store` takes either."""


@dataclass
class Timings:
    """Milliseconds per call, and a note on what was timed."""

    ms: list[float] = field(default_factory=list)
    note: str = ""

    def median(self) -> float:
        return statistics.median(self.ms)

    def spread(self) -> str:
        ordered = sorted(self.ms)
        p90 = ordered[int(len(ordered) * 0.9)]
        return f"p90 {p90:.1f} ms, worst {ordered[-1]:.1f} ms"


def timed(calls: Sequence[Callable[[], object]], repeats: int) -> list[float]:
    """Each call once to warm up (caches, prepared plans), then `repeats` passes timed."""
    for call in calls:
        call()
    out: list[float] = []
    for _ in range(repeats):
        for call in calls:
            started = time.perf_counter()
            call()
            out.append((time.perf_counter() - started) * 1000)
    return out


@contextmanager
def postgres_copy(db: Path) -> Iterator[str | None]:
    """The URL of a throwaway server's database holding a copy of `db`; None without
    PostgreSQL binaries. The server is stopped and its folder removed afterwards."""
    import psycopg

    from debrief.store import Store
    from debrief.store.copying import copy_postmortems
    from tests.pg_server import Server, bindir

    folder = bindir()
    if folder is None:
        yield None
        return
    server = Server(folder)
    try:
        server.start()
        url = server.database()
        source, target = Store(db, author="bench"), Store(url, author="bench")
        try:
            copy_postmortems(source, target)
        finally:
            source.close()
            target.close()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("ANALYZE")  # the planner's statistics, as autovacuum soon gathers
        yield url
    finally:
        server.stop()


def on_both(
    db: Path, figure: str, target_ms: float, measure: Callable[[Location], Timings]
) -> list[Result]:
    """`measure` on SQLite (`db`) and on PostgreSQL (a copy): two rows, the engine named."""

    def row(engine: str, found: Timings) -> Result:
        note = f"{found.note}; {found.spread()}"
        return Result(f"{figure} ({engine})", target_ms, False, found.median(), "ms", note=note)

    results = [row(SQLITE, measure(db))]
    pg_figure = f"{figure} ({POSTGRES})"
    try:
        with postgres_copy(db) as url:
            if url is None:
                results.append(Result(pg_figure, target_ms, False, unit="ms", note=NO_BINARIES))
            else:
                results.append(row(POSTGRES, measure(url)))
    except Exception as exc:  # the SQLite row stands even when the server will not start
        reason = f"not measured: {type(exc).__name__}: {exc}"
        results.append(Result(pg_figure, target_ms, False, unit="ms", note=reason))
    return results
