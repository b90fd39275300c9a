"""Helpers for feeding hostile input to the real CLI."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest


def one_sentence(stderr: str) -> bool:
    """No traceback, and at most one line that is not a warning."""
    if "Traceback" in stderr:
        return False
    errors = [line for line in stderr.splitlines() if not line.startswith("warning: ")]
    return len(errors) <= 1


def integrity_ok(path: Path) -> bool:
    if not path.exists():
        return True
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def pm(cli) -> str:  # type: ignore[no-untyped-def]
    result = cli("new", "Checkout down", "--started", "2026-11-20T14:03:00Z")
    assert result.exit_code == 0
    return result.stdout.strip()
