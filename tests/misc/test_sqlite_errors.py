"""SQLite errors are told apart by SQLite's result code, not by the words of the message."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from debrief.store.errors import DatabaseLocked, DatabaseUnavailable, StoreError
from debrief.store.sqlite_engine import translate


def raised(action) -> sqlite3.Error:  # type: ignore[no-untyped-def]
    with pytest.raises(sqlite3.Error) as caught:
        action()
    return caught.value


def test_a_table_named_locked_is_not_a_locked_database(tmp_path: Path):
    conn = sqlite3.connect(tmp_path / "d.db")
    exc = raised(lambda: conn.execute("SELECT * FROM locked_busy_readonly"))
    assert exc.sqlite_errorname == "SQLITE_ERROR"
    found = translate(exc, tmp_path / "d.db")
    assert type(found) is StoreError
    assert "no such table: locked_busy_readonly" in str(found)


def test_a_writer_holding_the_database_is_locked(tmp_path: Path):
    path = tmp_path / "d.db"
    first = sqlite3.connect(path, isolation_level=None)
    first.execute("CREATE TABLE t (x)")
    first.execute("BEGIN IMMEDIATE")
    second = sqlite3.connect(path, timeout=0, isolation_level=None)
    exc = raised(lambda: second.execute("BEGIN IMMEDIATE"))
    found = translate(exc, path)
    assert isinstance(found, DatabaseLocked)
    assert str(found) == f"{path} is locked by another program; the change was not saved, try again"
    first.execute("ROLLBACK")


def test_read_only_not_a_database_and_cannot_open(tmp_path: Path):
    path = tmp_path / "d.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    found = translate(raised(lambda: reader.execute("INSERT INTO t VALUES (1)")), path)
    assert isinstance(found, DatabaseUnavailable) and "is read-only" in str(found)

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not SQLite at all, just some bytes " * 100)
    conn = sqlite3.connect(junk)
    found = translate(raised(lambda: conn.execute("SELECT * FROM sqlite_master")), junk)
    assert isinstance(found, DatabaseUnavailable) and "is not a debrief database" in str(found)

    missing = tmp_path / "no" / "such" / "folder" / "d.db"
    found = translate(raised(lambda: sqlite3.connect(missing).execute("SELECT 1")), missing)
    assert isinstance(found, DatabaseUnavailable) and str(found).startswith(
        f"cannot open {missing}"
    )


def test_an_error_not_from_sqlite_itself_is_a_plain_store_error(tmp_path: Path):
    conn = sqlite3.connect(tmp_path / "d.db")
    conn.close()
    exc = raised(lambda: conn.execute("SELECT 1"))  # ProgrammingError: closed database
    assert type(translate(exc, None)) is StoreError
