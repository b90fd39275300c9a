"""P1: launch to the first frame of a readable home screen over 1,000 post-mortems
(its table holds rows, the count is shown) ÷ a bare Textual app showing one line; then
the list's query alone on both engines (bench/p1_list.py)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from bench import p1_list
from bench.context import Context
from bench.launch import FLOOR, Program, app_program, describe, interleaved
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
    if "cli" in samples:
        cli_s = samples["cli"].median_s
        note += f"; through the `debrief` command: {cli_s:.3f} s ({cli_s / floor:.2f}×)"
    figure = f"P1 home screen, {ctx.sizes.postmortems:,} post-mortems"
    return [Result(figure, TARGET, True, home, "s", floor, note), *p1_list.run(ctx)]
