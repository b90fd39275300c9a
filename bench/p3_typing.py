"""P3: CPU per keystroke while typing 2,000 characters into a section of the debrief
screen (autosave and the coach on) ÷ the same typing into a bare TextArea app
holding the same section text on an area of the same size.

Both run in a pseudo-terminal; the keys are written to it one at a time at a steady
pace (a fast typist's bursts, with a pause after each paragraph so the autosave
and the coach's lint run as they would), and the program's own CPU time (user +
system, every thread, from /proc) over the whole session is divided by the
number of keys. The debrief run types into a fresh copy of the database, and the
harness checks afterwards that everything typed was saved.
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from bench import corpus
from bench.context import Context
from bench.launch import Program, app_program, script
from bench.result import Result
from bench.terminal import Terminal, launch

TARGET = 1.5
PACE = 0.008
"""Seconds between keys within a paragraph."""
PARAGRAPH = 400
PAUSE = 0.6
"""Seconds of quiet after each paragraph: longer than the autosave and lint delays."""
SETTLE = 1.0
"""Seconds after the last key (the last autosave and lint), still counted."""
SECTION = "impact"
EDITOR = (50, 26)
"""The section editor's cells, border included, in the debrief screen at 120×36."""


def keys(count: int) -> str:
    """`count` characters of prose typed as a new paragraph, a blaming sentence in each."""
    rng = random.Random(3)
    text = ""
    while len(text) < count:
        text += "\n\n" + corpus.paragraph(rng, rng.choice(corpus.SERVICES), 3)
        text += " Bob should have checked the dashboard before deploying."
    return text[:count]


def type_into(terminal: Terminal, text: str, settle: float = SETTLE) -> float:
    """Type `text` at the pace; CPU seconds the program used from the first key to the end."""
    terminal.wait_quiet(0.3)
    before = terminal.cpu_seconds()
    start = time.perf_counter()
    due = start
    for i, char in enumerate(text):
        if i and i % PARAGRAPH == 0:
            due += PAUSE
        delay = due - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        terminal.type("\r" if char == "\n" else char)
        due += PACE
    time.sleep(settle)
    return terminal.cpu_seconds() - before


def session(program: Program, ctx: Context, text: str) -> float:
    terminal = launch(program.argv, env=ctx.env())
    try:
        terminal.wait_for(program.markers)
        return type_into(terminal, text, SETTLE if not ctx.quick else 0.5)
    finally:
        terminal.finish()


def saved_text(db: Path, pm_id: str) -> str:
    from debrief.store import Store

    store = Store(db, author="bench")
    try:
        return store.get_section(pm_id, SECTION).body
    finally:
        store.close()


def run(ctx: Context) -> list[Result]:
    text = keys(ctx.sizes.typed)
    start = ctx.section_start(ctx.big_id, SECTION)
    markers = (start,)
    body = ctx.workdir / "p3-section.txt"
    body.write_text(saved_text(ctx.db, ctx.big_id), "utf-8")
    floor_app = Program(script("floor_app.py", "textarea", str(body), *map(str, EDITOR)), (start,))
    floors: list[float] = []
    debriefs: list[float] = []
    lost = 0
    rounds = ctx.sizes.typing_rounds
    warmup = min(ctx.sizes.warmup, 1)
    for n in range(1 - warmup, rounds + 1):  # round 0 is a short warm-up
        typed = text if n else text[:200]
        copy = ctx.copy_db("p3.db")
        before = saved_text(copy, ctx.big_id)
        program = app_program(copy, markers, ctx.big_id)
        order = [("floor", floor_app), ("debrief", program)]
        for name, prog in order if n % 2 else order[::-1]:
            cpu = session(prog, ctx, typed) / len(typed)
            if n:
                (floors if name == "floor" else debriefs).append(cpu)
        if n and saved_text(copy, ctx.big_id) != before + typed:
            lost += 1
    floor, debrief = statistics.median(floors), statistics.median(debriefs)
    note = (
        f"{len(text):,} keys every {PACE * 1000:.0f} ms, {PAUSE} s pause per "
        f"{PARAGRAPH}; median of {rounds} sessions each, alternating"
    )
    if lost:
        note += f"; in {lost} session(s) the saved section did not match what was typed"
    return [
        Result(
            f"P3 per keystroke, {len(text):,} keys (autosave, coach)",
            TARGET,
            per_floor=True,
            value=debrief * 1000,
            unit="ms CPU",
            floor=floor * 1000,
            note=note,
        )
    ]
