"""P8: `debrief stats --json` over the generated 1,000 post-mortems (a copy of the main
database with three contributing factors added to each), as a person runs it: the
installed command, launched afresh each time. The floor is `debrief --version`, launched
the same way and interleaved, so the ratio is what the figures cost beyond start-up; the
second row is the command's own work in one process (start-up moves with the machine's
load, the work does not)."""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time

from bench.context import Context
from bench.p1_home import command
from bench.result import Result, missing

TARGET_S = 1.0
TARGET_RATIO = 3.0
FIGURE = "P8 stats --json"


def _with_factors(ctx: Context) -> str:
    from debrief.config import DEFAULT_FACTOR_CATEGORIES
    from debrief.kinds import FactorKind
    from debrief.models import Factor
    from debrief.store import Store

    db = ctx.copy_db("stats.db")
    rng = random.Random(7)
    store = Store(db, author="bench")
    try:
        with store.write():
            for pm in store.list_postmortems():
                for kind in (FactorKind.factor, FactorKind.factor, FactorKind.went_right):
                    category = rng.choice(DEFAULT_FACTOR_CATEGORIES)
                    store.add_factor(pm.id, Factor(kind=kind, category=category, text="bench"))
    finally:
        store.close()
    return str(db)


def _launch(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError((done.stderr.strip().splitlines() or ["no message"])[-1])
    return took


def run(ctx: Context) -> list[Result]:
    cli = command()
    argv = [cli] if cli else [sys.executable, "-m", "debrief"]
    try:
        db = _with_factors(ctx)
    except Exception as exc:
        return [missing(FIGURE, TARGET_RATIO, True, "s", f"no database ({exc})")]
    env = ctx.env()
    stats = [*argv, "--db", db, "stats", "--json"]
    floor = [*argv, "--version"]
    rounds = ctx.sizes.rounds
    for _ in range(ctx.sizes.warmup):
        _launch(floor, env)
        _launch(stats, env)
    figures, floors = [], []
    for _ in range(rounds):
        floors.append(_launch(floor, env))
        figures.append(_launch(stats, env))
    value, base = statistics.median(figures), statistics.median(floors)
    count = ctx.sizes.postmortems
    note = (
        f"median of {rounds} launches each, interleaved with `debrief --version` "
        f"({base:.3f} s); worst {max(figures):.3f} s; {count:,} post-mortems, 3 factors each"
    )
    return [
        Result(
            f"{FIGURE}, {count:,} post-mortems",
            TARGET_RATIO,
            per_floor=True,
            value=value,
            unit="s",
            floor=base,
            note=note,
        ),
        Result(
            f"{FIGURE}, {count:,} post-mortems, reading and figures",
            TARGET_S * 1000,
            per_floor=False,
            value=_in_process(db, rounds),
            unit="ms",
            note=(
                f"the command's own work (`stats_report`), in one process, median of {rounds}; "
                f"the whole command took {value:.3f} s (start-up included)"
            ),
        ),
    ]


def _in_process(db: str, rounds: int) -> float:
    from debrief.stats import stats_report
    from debrief.store import Store

    store = Store(db, author="bench")
    try:
        stats_report(store)  # warm-up: page cache
        timings = []
        for _ in range(rounds):
            started = time.perf_counter()
            stats_report(store, by="month")
            timings.append((time.perf_counter() - started) * 1000)
    finally:
        store.close()
    return statistics.median(timings)
