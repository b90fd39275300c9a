"""While the app runs in a terminal, the interpreter switches threads every millisecond,
so Textual's writer thread gets each frame out while the app thread works on; the
interval is given back when the app ends."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from debrief.app import FRAME_SWITCH_S
from debrief.store import Store
from tests.screens.helpers import make_app


@pytest.fixture
def default_interval() -> Iterator[float]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)
    yield 0.005
    sys.setswitchinterval(before)


def test_the_app_runs_at_the_short_interval_and_gives_it_back(
    tmp_path: Path, default_interval: float
) -> None:
    store = Store(tmp_path / "x.db", author="Ana")
    seen: list[float] = []

    async def pilot(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        seen.append(sys.getswitchinterval())
        pilot.app.exit()

    try:
        make_app(store).run(headless=True, size=(80, 24), auto_pilot=pilot)
    finally:
        store.close()
    assert seen == [pytest.approx(FRAME_SWITCH_S, abs=5e-6)]
    assert sys.getswitchinterval() == pytest.approx(default_interval, abs=5e-6)


def test_a_shorter_interval_set_by_the_caller_is_kept(tmp_path: Path) -> None:
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.0002)
    store = Store(tmp_path / "x.db", author="Ana")
    seen: list[float] = []

    async def pilot(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        seen.append(sys.getswitchinterval())
        pilot.app.exit()

    try:
        make_app(store).run(headless=True, size=(80, 24), auto_pilot=pilot)
    finally:
        store.close()
        after = sys.getswitchinterval()
        sys.setswitchinterval(before)
    assert seen == [pytest.approx(0.0002, abs=5e-6)]
    assert after == pytest.approx(0.0002, abs=5e-6)
