"""Linting takes time linear in its input, whatever the input."""

from __future__ import annotations

import gc
import subprocess
import sys
import time

import pytest

from debrief.coach import lint
from debrief.coach.engine import SPAN_CAP, bounded

PATHOLOGICAL = {
    "if-only": "if only ",
    "comments": "<!--",
    "links": "](",
    "tags": "<a",
    "quotes": 'if only "',
    "sentences": "Bob should have known. ",
}


def seconds(text: str) -> float:
    """The best of two timings (the collector off), each repeated to 20 ms at least."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(2):
            runs = 0
            start = time.perf_counter()
            while True:
                lint(text)
                runs += 1
                elapsed = time.perf_counter() - start
                if elapsed >= 0.02:
                    break
            best = min(best, elapsed / runs)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize("unit", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_twice_the_input_takes_about_twice_the_time(unit):
    lint("warm the rules up")
    small = unit * (64 * 1024 // len(unit))
    large = unit * (128 * 1024 // len(unit))
    ratio = float("inf")
    for _ in range(3):  # a busy machine can slow one measurement; quadratic stays >= 4x
        ratio = min(ratio, seconds(large) / seconds(small))
        if ratio < 3.2:
            break
    assert ratio < 3.2, f"{ratio:.1f}x for twice the input: not linear"


@pytest.mark.parametrize("unit", ["if only ", "<!--", "](", "<a"])
def test_debrief_lint_finishes_on_128_kb(tmp_path, unit):
    path = tmp_path / "doc.md"
    path.write_text(unit * (128 * 1024 // len(unit)))
    result = subprocess.run(
        [sys.executable, "-m", "debrief", "lint", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr


def test_bounded_keeps_the_length_and_cuts_long_spans_at_spaces():
    text = ("word " * 1000) + "\n" + "x" * 3000
    cut = bounded(text)
    assert len(cut) == len(text)
    assert all(len(line) <= SPAN_CAP for line in cut.split("\n"))
    assert all(len(part) <= SPAN_CAP for line in cut.split("\n") for part in line.split("|"))
    assert cut[: 5 * 150] == text[: 5 * 150]


def test_ordinary_text_is_untouched_and_still_linted():
    text = "Bob should have known better. The cache should have expired the entry."
    assert bounded(text) == text
    assert [f.rule for f in lint(text)]
