"""The practice tests of the command and the store run on SQLite and on PostgreSQL,
as the store and cli folders do; the app's tests run once."""

from __future__ import annotations

import pytest

from tests.conftest import ENGINES


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    on_both = metafunc.module.__name__.endswith(("_cli", "_store"))
    if on_both and "engine" in metafunc.fixturenames:
        metafunc.parametrize("engine", ENGINES, indirect=True)
