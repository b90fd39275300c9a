"""Cyclic garbage collection is paused from launch to the first frame, and always
comes back: after the first frame, after a listing, after a launch that fails."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from debrief import gc_pause
from debrief.launch import main
from tests.screens.helpers import make_app


@pytest.fixture
def collecting() -> Iterator[None]:
    assert gc.isenabled()
    yield
    gc_pause.resume()
    gc.unfreeze()
    gc.enable()


def test_pause_stops_collection_until_resume(collecting: None) -> None:
    gc_pause.pause()
    assert not gc.isenabled()
    gc_pause.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_collector_stopped_by_someone_else_is_left_stopped(collecting: None) -> None:
    gc.disable()
    gc_pause.pause()
    gc_pause.resume(freeze=True)
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("tail", [["list"], ["list", "--json"]])
def test_a_listing_resumes_collection(
    collecting: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tail: list[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["debrief", "--db", str(tmp_path / "x.db"), *tail])
    main()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_launch_that_fails_resumes_collection(
    collecting: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["debrief", "--db", str(tmp_path / "x.db"), "open", "PM-9"])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 1
    assert gc.isenabled()


async def test_the_app_resumes_collection_at_its_first_frame(  # type: ignore[no-untyped-def]
    collecting: None, store, demo_id: str
) -> None:
    gc_pause.pause()
    app = make_app(store, demo_id)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # start-up's objects are out of its reach
