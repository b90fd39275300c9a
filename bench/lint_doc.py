"""Lint of 50 KB: the coach's engine (what `debrief lint` and the coach panel run).

Two figures: generated Markdown with headings, lists and some blaming sentences, linted
again and again (the live coach re-lints text it has mostly seen: each sentence's score
is remembered); and 50 KB parts of the real post-mortems in tests/coach/documents, each
linted once (as `debrief lint` meets a new document: no sentence seen, and the patterns
of words no earlier text held compiled on the spot)."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bench import corpus
from bench.context import Context
from bench.result import Result

if TYPE_CHECKING:
    from debrief.coach import Coach

TARGET_MS = 20.0
SIZE = 50_000
REPEATS = 15
DOCUMENTS = Path(__file__).resolve().parent.parent / "tests" / "coach" / "documents"


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
        ),
        _unseen(coach, people_in),
    ]


def _unseen(coach: Coach, people_in: Callable[[str], list[str]]) -> Result:
    """Each 50 KB part of the real post-mortems linted once, after the warm-up above."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DOCUMENTS.glob("*.md"))]
    whole = "\n\n".join(texts)
    parts = [whole[i : i + SIZE] for i in range(0, len(whole) - SIZE + 1, SIZE)]
    timings, found = [], 0
    for part in parts:
        people = people_in(part)
        started = time.perf_counter()
        found += len(coach.lint(part, people=people))
        timings.append((time.perf_counter() - started) * 1000)
    return Result(
        "Lint of 50 KB of real post-mortems, never linted before",
        TARGET_MS,
        per_floor=False,
        value=statistics.median(timings) if timings else None,
        unit="ms",
        note=f"median of {len(parts)} parts of {len(texts)} post-mortems, each linted once; "
        f"{found} findings",
    )
