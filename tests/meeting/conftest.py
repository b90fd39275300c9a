"""A clock the tests move by hand, and a store on it with the sample incident."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from debrief.store import Store
from tests.conftest import NOW


class FakeClock:
    """`now` stays put until a test moves it."""

    def __init__(self, start: datetime = NOW) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def meeting_store(db_path: Path, fake_clock: FakeClock) -> Iterator[Store]:
    opened = Store(db_path, author="tester", clock=fake_clock)
    yield opened
    opened.close()


@pytest.fixture
def meeting_pm(meeting_store: Store) -> str:
    from debrief.cli.documents import load_demo

    return load_demo(meeting_store)
