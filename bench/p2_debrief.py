"""P2: launch to the first frame of the debrief screen of the post-mortem with 5,000
events and 300 items (its editor drawn with the first section's text) ÷ the bare
one-line app; and the peak memory of each (its own VmHWM, see bench/terminal.py)."""

from __future__ import annotations

from bench.context import Context
from bench.launch import FLOOR, Program, Samples, app_program, describe, interleaved
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
        peak_memory(
            f"P2 peak memory ({what})",
            debrief,
            floor,
            "peak resident memory of each launched program by its readable frame (VmHWM), same launches",
        ),
    ]
    if "cli" in samples:
        results += [
            through_command(f"P2 debrief screen ({what})", TARGET_TIME, samples),
            peak_memory(
                f"P2 peak memory ({what}), through `debrief`",
                samples["cli"],
                floor,
                "the `debrief` command itself, same launches",
            ),
        ]
    return results


def peak_memory(figure: str, program: Samples, floor: Samples, how: str) -> Result:
    """The median peak resident memory of `program`'s launches against the floor's."""
    return Result(
        figure,
        TARGET_MEMORY,
        per_floor=True,
        value=program.median_mib,
        unit="MiB",
        floor=floor.median_mib,
        note=f"{how}; range {min(program.peak_kib) / 1024:.1f}–{max(program.peak_kib) / 1024:.1f}"
        f" MiB (floor {min(floor.peak_kib) / 1024:.1f}–{max(floor.peak_kib) / 1024:.1f})",
    )
