"""Fixtures for several people on one post-mortem."""

from __future__ import annotations

import pytest

from debrief.store import Store


@pytest.fixture
def other(db_path, clock):
    """Another person's process on the same file."""
    opened = Store(db_path, author="ben", clock=clock)
    yield opened
    opened.close()
