"""P7: `debrief --help` and `debrief list --json` (1,000 post-mortems), run to the end,
÷ a bare Typer script printing the same text (bench/floor_cli.py); through the installed
`debrief` command and as `python -m debrief`, interleaved, medians."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.context import Context
from bench.launch import BENCH
from bench.p1_home import command
from bench.result import Result

TARGET = 1.2


def seconds(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def figure(ctx: Context, name: str, args: list[str]) -> Result:
    env = ctx.env(COLUMNS="100")
    printed = subprocess.run(
        [sys.executable, "-m", "debrief", *args], env=env, capture_output=True, check=True
    ).stdout
    text = ctx.workdir / f"floor-{name.split()[1].strip('-')}.txt"
    text.write_bytes(printed)
    programs = {
        "floor": [sys.executable, str(BENCH / "floor_cli.py"), str(text)],
        "module": [sys.executable, "-m", "debrief", *args],
    }
    cli = command()
    if cli:
        programs["command"] = [cli, *args]
    times: dict[str, list[float]] = {p: [] for p in programs}
    rounds = ctx.sizes.rounds
    for n in range(ctx.sizes.warmup + rounds):
        order = list(programs) if n % 2 == 0 else list(programs)[::-1]
        for p in order:
            took = seconds(programs[p], env)
            if n >= ctx.sizes.warmup:
                times[p].append(took)
    median = {p: statistics.median(t) for p, t in times.items()}
    floor = median["floor"]
    main = median.get("command", median["module"])
    note = (
        f"median of {rounds} runs each, interleaved; "
        f"{'through the `debrief` command' if 'command' in median else 'as python -m debrief'}"
        f" {main:.3f} s; as `python -m debrief` {median['module']:.3f} s "
        f"({median['module'] / floor:.2f}×); floor: a script importing Typer and printing the same "
        f"{len(printed):,} bytes, {floor:.3f} s"
    )
    return Result(f"P7 {name}", TARGET, True, main, "s", floor, note)


def run(ctx: Context) -> list[Result]:
    db = str(Path(ctx.db))
    return [
        figure(ctx, "debrief --help", ["--help"]),
        figure(
            ctx,
            f"debrief list --json ({ctx.sizes.postmortems:,} post-mortems)",
            ["--db", db, "list", "--json"],
        ),
    ]
