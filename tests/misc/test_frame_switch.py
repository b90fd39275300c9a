"""While the app runs in a terminal, the interpreter switches threads every millisecond,
so Textual's writer thread gets each frame out while the app thread works on; the
interval is given back when the app ends."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from debrief.app import FRAME_SWITCH_S
from debrief.store import Store
from tests.screens.helpers import make_app

CLOSE = 5e-6
"""The interpreter keeps the interval in microseconds."""


def run_from(tmp_path: Path, interval: float) -> tuple[float, float]:
    """The switch interval while the app runs, and after it ends, when the caller had
    set `interval` (the caller's own is restored after)."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(interval)
    store = Store(tmp_path / "x.db", author="Ana")
    seen: list[float] = []

    async def pilot(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        seen.append(sys.getswitchinterval())
        pilot.app.exit("the result")

    try:
        result = make_app(store).run(headless=True, size=(80, 24), auto_pilot=pilot)
        assert result == "the result"  # what the app exits with, as Textual's run gives it
        return seen[0], sys.getswitchinterval()
    finally:
        store.close()
        sys.setswitchinterval(before)


def test_the_app_runs_at_the_short_interval_and_gives_it_back(tmp_path: Path) -> None:
    running, after = run_from(tmp_path, 0.005)  # Python's default
    assert running == pytest.approx(FRAME_SWITCH_S, abs=CLOSE)
    assert after == pytest.approx(0.005, abs=CLOSE)


def test_a_shorter_interval_set_by_the_caller_is_kept(tmp_path: Path) -> None:
    running, after = run_from(tmp_path, 0.0002)
    assert running == pytest.approx(0.0002, abs=CLOSE)
    assert after == pytest.approx(0.0002, abs=CLOSE)
