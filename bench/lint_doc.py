"""Lint of a 50 KB document: the coach's engine (what `debrief lint` and the coach panel
run) over generated Markdown with headings, lists and some blaming sentences."""

from __future__ import annotations

import random
import statistics
import time

from bench import corpus
from bench.context import Context
from bench.result import Result

TARGET_MS = 20.0
SIZE = 50_000
REPEATS = 15


def run(ctx: Context) -> list[Result]:
    from debrief.coach import coach_for
    from debrief.coach.markdown import people_in

    text = corpus.document_text(random.Random(50), SIZE)
    coach = coach_for()
    people = people_in(text)
    findings = coach.lint(text, people=people)  # warm-up
    timings = []
    for _ in range(REPEATS if not ctx.quick else 2):
        started = time.perf_counter()
        coach.lint(text, people=people)
        timings.append((time.perf_counter() - started) * 1000)
    return [
        Result(
            f"Lint of a {len(text.encode()) // 1000} KB document",
            TARGET_MS,
            per_floor=False,
            value=statistics.median(timings),
            unit="ms",
            note=f"{len(findings)} findings; median of {len(timings)} runs after a warm-up",
        )
    ]
