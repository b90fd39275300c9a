"""P2: launch to the first frame of the debrief screen of the post-mortem with 5,000
events and 300 items (its editor drawn with the first section's text) ÷ the bare
one-line app; and the peak memory of each (its own VmHWM, see bench/terminal.py)."""

from __future__ import annotations

from bench.context import Context
from bench.launch import FLOOR, Program, app_program, describe, interleaved
from bench.p1_home import command, through_command
from bench.result import Result

TARGET_TIME = 1.5
TARGET_MEMORY = 1.5


def run(ctx: Context) -> list[Result]:
    s = ctx.sizes
    markers = (ctx.section_start(ctx.big_id, "impact"),)  # the editor has loaded
    program = app_program(ctx.db, markers, ctx.big_id)
    programs = {"floor": FLOOR, "debrief": program}
    cli = command() if not ctx.quick else None
    if cli:
        programs["cli"] = Program((cli, "--db", str(ctx.db), "open", ctx.big_id), markers)
    samples = interleaved(programs, ctx.env(), s.rounds, s.warmup)
    floor, debrief = samples["floor"], samples["debrief"]
    what = f"{s.events:,} events, {s.actions} items"
    results = [
        Result(
            f"P2 debrief screen ({what})",
            TARGET_TIME,
            per_floor=True,
            value=debrief.median_s,
            unit="s",
            floor=floor.median_s,
            note=f"median of {s.rounds} launches each, interleaved with the floor; "
            + describe(debrief, floor),
        ),
        Result(
            f"P2 peak memory ({what})",
            TARGET_MEMORY,
            per_floor=True,
            value=debrief.median_mib,
            unit="MiB",
            floor=floor.median_mib,
            note="peak resident memory of each launched program by its readable frame "
            "(VmHWM), same launches; "
            f"range {min(debrief.peak_kib) / 1024:.1f}–{max(debrief.peak_kib) / 1024:.1f} MiB "
            f"(floor {min(floor.peak_kib) / 1024:.1f}–{max(floor.peak_kib) / 1024:.1f})",
        ),
    ]
    if "cli" in samples:
        c = samples["cli"]
        results += [
            through_command(f"P2 debrief screen ({what})", TARGET_TIME, samples),
            Result(
                f"P2 peak memory ({what}), through `debrief`",
                TARGET_MEMORY,
                per_floor=True,
                value=c.median_mib,
                unit="MiB",
                floor=floor.median_mib,
                note="the `debrief` command itself, same launches; "
                f"range {min(c.peak_kib) / 1024:.1f}–{max(c.peak_kib) / 1024:.1f} MiB",
            ),
        ]
    return results
