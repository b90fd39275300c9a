"""Shared fixtures: an isolated home, a frozen clock, fresh stores, and the real CLI."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own home, data, config and cache dirs, UTC, and no Jira/Slack settings."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("DEBRIEF_DB", str(tmp_path / "debrief.db"))
    monkeypatch.setenv("DEBRIEF_USER", "tester")
    monkeypatch.setenv("TZ", "UTC")
    for name in list(os.environ):
        if name.startswith(("DEBRIEF_JIRA_", "DEBRIEF_SLACK")) or name == "DEBRIEF_CONFIG":
            monkeypatch.delenv(name, raising=False)
    time.tzset()
    yield home
    time.tzset()


@pytest.fixture
def clock() -> Callable[[], datetime]:
    """A frozen 'now' for deterministic stores."""
    return lambda: NOW


ENGINES = ("sqlite", "postgresql")
ON_BOTH_ENGINES = ("store", "cli", "collab")
"""Test folders whose tests run on SQLite and on PostgreSQL (through `db_location`)."""
ALSO_ON_BOTH = ("importers", "publish", "followup")
"""Folders that pass on PostgreSQL too but double the suite's time there: run on both
engines only with DEBRIEF_POSTGRES_ALL=1."""


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    folder = Path(str(metafunc.definition.path)).parent
    if (
        "engine" in metafunc.fixturenames
        and (
            folder.name in ON_BOTH_ENGINES
            or (folder.name in ALSO_ON_BOTH and os.environ.get("DEBRIEF_POSTGRES_ALL") == "1")
        )
        and "snap_compare" not in metafunc.fixturenames  # pictures of the screens: once
    ):
        metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """The database engine of the test: SQLite, unless the folder runs on both."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """A throwaway PostgreSQL server for the session (skipped where there is none,
    unless DEBRIEF_REQUIRE_POSTGRES=1 makes that a failure)."""
    from tests.pg_server import REQUIRE, Server, bindir

    folder = bindir()
    if folder is None:
        reason = "no PostgreSQL binaries (initdb, pg_ctl) on this machine"
        if os.environ.get(REQUIRE) == "1":
            pytest.fail(f"{reason}, and {REQUIRE}=1")
        pytest.skip(reason)
    server = Server(folder)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def db_path(tmp_path: Path, engine: str) -> Path:
    """The SQLite file; a test that reads it directly runs on SQLite only."""
    if engine != "sqlite":
        pytest.skip("reads or writes the SQLite file directly")
    return tmp_path / "debrief.db"


@pytest.fixture
def db_location(request: pytest.FixtureRequest, engine: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The test's database: an SQLite file, or a new PostgreSQL database's URL
    (which DEBRIEF_DB then names, for the CLI)."""
    if engine == "sqlite":
        return request.getfixturevalue("db_path")
    url = request.getfixturevalue("pg_server").database()
    monkeypatch.setenv("DEBRIEF_DB", url)
    return url


@pytest.fixture
def store(db_location: Path | str, clock: Callable[[], datetime]):  # type: ignore[no-untyped-def]
    from debrief.store import Store

    opened = Store(db_location, author="tester", clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def template():  # type: ignore[no-untyped-def]
    from debrief.template import load_template

    return load_template()


@pytest.fixture
def demo_id(store) -> str:  # type: ignore[no-untyped-def]
    """The bundled sample incident, loaded into the fresh store."""
    from debrief.cli.documents import load_demo

    return load_demo(store)


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(db_location: Path | str) -> Callable[..., CliResult]:
    """Run `debrief ARGS` in-process with the test's database; returns code, stdout, stderr."""
    from typer.testing import CliRunner

    from debrief.cli import app

    runner = CliRunner()

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> CliResult:
        result = runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run
