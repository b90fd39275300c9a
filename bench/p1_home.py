"""P1: launch to the first frame of a readable home screen over 1,000 post-mortems
(its table holds rows, the count is shown) ÷ a bare Textual app showing one line; then
the list's query alone on both engines (bench/p1_list.py)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from bench import p1_list
from bench.context import Context
from bench.launch import FLOOR, Program, Samples, app_program, describe, interleaved
from bench.result import Result

TARGET = 1.2


def markers(ctx: Context) -> tuple[str, ...]:
    return ("Synthetic incident", f"{ctx.sizes.postmortems:,} post-mortems")


def command() -> str | None:
    """The installed `debrief` command beside this interpreter, if there is one."""
    found = Path(sys.executable).with_name("debrief")
    return str(found) if found.exists() else shutil.which("debrief")


def run(ctx: Context) -> list[Result]:
    programs = {"floor": FLOOR, "home": app_program(ctx.db, markers(ctx))}
    cli = command() if not ctx.quick else None
    if cli:
        programs["cli"] = Program((cli, "--db", str(ctx.db)), markers(ctx))
    samples = interleaved(programs, ctx.env(), ctx.sizes.rounds, ctx.sizes.warmup)
    floor, home = samples["floor"].median_s, samples["home"].median_s
    note = f"median of {ctx.sizes.rounds} launches each, interleaved with the floor; " + describe(
        samples["home"], samples["floor"]
    )
    size = f"{ctx.sizes.postmortems:,} post-mortems"
    results = [Result(f"P1 home screen, {size}", TARGET, True, home, "s", floor, note)]
    if "cli" in samples:
        results.append(through_command(f"P1 home screen, {size}", TARGET, samples))
    return [*results, *p1_list.run(ctx)]


def through_command(figure: str, target: float, samples: dict[str, Samples]) -> Result:
    """The same launches through the installed `debrief` command (the issue's measure)."""
    cli, floor = samples["cli"], samples["floor"]
    return Result(
        f"{figure}, through `debrief`",
        target,
        True,
        cli.median_s,
        "s",
        floor.median_s,
        "the `debrief` command itself, in the same rounds; " + describe(cli, floor),
    )
