"""P2: launch to the first frame of the debrief screen of the post-mortem with 5,000
events and 300 items (its editor drawn with the first section's text) ÷ the bare
one-line app; and the peak memory of each (its own VmHWM, see bench/terminal.py)."""

from __future__ import annotations

from bench.context import Context
from bench.launch import FLOOR, Program, app_program, describe, interleaved
from bench.p1_home import command
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
    through = ""
    if "cli" in samples:
        c = samples["cli"]
        through = (
            f"; through the `debrief` command: {c.median_s:.3f} s ({c.median_s / floor.median_s:.2f}×)"
            f", peak {c.median_mib:.1f} MiB ({c.median_mib / floor.median_mib:.2f}×)"
        )
    what = f"{s.events:,} events, {s.actions} items"
    return [
        Result(
            f"P2 debrief screen ({what})",
            TARGET_TIME,
            per_floor=True,
            value=debrief.median_s,
            unit="s",
            floor=floor.median_s,
            note=f"median of {s.rounds} launches each, interleaved with the floor; "
            + describe(debrief, floor)
            + through,
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
