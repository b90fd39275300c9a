"""The practice tests that touch the database run on SQLite and on PostgreSQL
(pictures of the screens once), as the store and cli folders do."""

from __future__ import annotations

import pytest

from tests.conftest import ENGINES


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" in metafunc.fixturenames and "snap_compare" not in metafunc.fixturenames:
        metafunc.parametrize("engine", ENGINES, indirect=True)
