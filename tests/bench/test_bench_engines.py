"""P5 (search) and P1's home list are measured on PostgreSQL as well as SQLite, side by
side: a throwaway server holds a copy of the generated data. Skipped without PostgreSQL
binaries (a failure when DEBRIEF_REQUIRE_POSTGRES=1, as for the store tests)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pg_server import REQUIRE, bindir

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _postgres_binaries() -> None:
    if bindir() is None:
        reason = "no PostgreSQL binaries (initdb, pg_ctl) on this machine"
        if os.environ.get(REQUIRE) == "1":
            pytest.fail(f"{reason}, and {REQUIRE}=1")
        pytest.skip(reason)


def test_the_search_figure_has_a_postgresql_row_beside_sqlite(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--only", "p5", "--results", str(results)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    rows = {
        line.split(" | ")[0].lstrip("| "): line
        for line in results.read_text().splitlines()
        if line.startswith("| P5")
    }
    sqlite = rows["P5 full-text search, 60 post-mortems (SQLite)"]
    postgres = rows["P5 full-text search, 60 post-mortems (PostgreSQL)"]
    for row in (sqlite, postgres):
        assert " ms | — | — | ≤ 20 ms |" in row  # measured: a value, not a dash
    assert "; 0 post-mortems returned" not in results.read_text()


def test_the_home_list_reads_the_same_rows_on_both_engines(tmp_path: Path) -> None:
    from bench import p1_list
    from bench.context import QUICK, Context

    found = p1_list.run(Context(tmp_path, QUICK, quick=True))
    assert [r.figure for r in found] == [
        "P1 home list query, 40 post-mortems (SQLite)",
        "P1 home list query, 40 post-mortems (PostgreSQL)",
    ]
    for result in found:
        assert result.value is not None and result.value > 0
        assert result.note.startswith("count + first 40 rows")
