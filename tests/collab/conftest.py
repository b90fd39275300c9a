"""Fixtures for several people on one post-mortem."""

from __future__ import annotations

import pytest

from debrief.store import Store


@pytest.fixture
def other(db_location, clock):
    """Another person's process on the same database."""
    opened = Store(db_location, author="ben", clock=clock)
    yield opened
    opened.close()
