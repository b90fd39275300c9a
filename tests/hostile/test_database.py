"""Opening databases: concurrent first opens, backups, foreign files, read-only files."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from debrief.store import Store, schema
from debrief.store.schema import LATEST, MIGRATIONS
from tests.hostile.conftest import integrity_ok, one_sentence


def old_database(path: Path, version: int = 1) -> None:
    """A database at schema `version`, in WAL mode, with one post-mortem."""
    db = Database(path)
    db.conn.execute("PRAGMA journal_mode = WAL")
    for step in range(version):
        db.conn.execute("BEGIN")
        MIGRATIONS[step](db)
        db.conn.execute(f"PRAGMA user_version = {step + 1}")
        db.conn.execute("COMMIT")
    db.table("postmortems").insert({"id": "PM-1", "title": "Old", "status": "draft", "rev": 1})
    db.close()


def test_a_stale_version_read_does_not_migrate_twice(db_path, monkeypatch):
    """The version is read again inside the write transaction: another process may
    have migrated between the first look and the lock."""
    old_database(db_path)
    Store(db_path, author="a").close()  # another process got there first
    real = schema.user_version
    calls = []

    def stale_first(conn: sqlite3.Connection) -> int:
        calls.append(1)
        return 1 if len(calls) == 1 else real(conn)

    monkeypatch.setattr(schema, "user_version", stale_first)
    db = Database(db_path)
    schema.migrate(db, db_path)  # raised "table publishes already exists"
    db.close()
    assert integrity_ok(db_path)


def _open(path: str, start: object, errors: str) -> None:
    start.wait()  # type: ignore[attr-defined]
    try:
        Store(path, author="x", busy_timeout=30).close()
    except Exception as exc:  # written down for the test, which fails on it
        with open(errors, "a", encoding="utf-8") as out:
            out.write(f"{type(exc).__name__}: {exc}\n")


def test_many_simultaneous_first_opens_of_an_old_database(db_path, tmp_path):
    old_database(db_path)
    workers = 12
    errors = tmp_path / "errors.txt"
    context = multiprocessing.get_context("fork")
    start = context.Barrier(workers)
    processes = [
        context.Process(target=_open, args=(str(db_path), start, str(errors)))
        for _ in range(workers)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(120)
    assert not errors.exists() or errors.read_text() == ""
    assert all(p.exitcode == 0 for p in processes)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    conn.close()


def test_the_backup_holds_a_change_committed_while_a_reader_holds_a_snapshot(db_path):
    old_database(db_path)
    reader = sqlite3.connect(db_path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM postmortems").fetchone()  # holds its snapshot
    writer = sqlite3.connect(db_path)
    writer.execute(
        "INSERT INTO postmortems (id, title, status, rev) VALUES ('PM-2', 'New', 'draft', 1)"
    )
    writer.commit()
    writer.close()
    Store(db_path, author="x").close()
    reader.execute("COMMIT")
    reader.close()
    backup = sqlite3.connect(db_path.with_name(db_path.name + ".bak-v1"))
    ids = [r[0] for r in backup.execute("SELECT id FROM postmortems ORDER BY id")]
    assert ids == ["PM-1", "PM-2"]
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    backup.close()


def test_an_unrelated_sqlite_file_is_refused_untouched(cli, tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    for args in (("list",), ("new", "x")):
        result = cli("--db", str(other), *args)
        assert result.exit_code == 1 and one_sentence(result.stderr)
        assert "not a debrief database" in result.stderr
    conn = sqlite3.connect(other)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert tables == ["notes"]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0


@pytest.mark.parametrize("version", [-1, -(2**31)])
@pytest.mark.parametrize("tables", [0, LATEST])
def test_a_negative_schema_version_is_one_sentence(cli, db_path, version, tables):
    if tables:
        old_database(db_path, tables)
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    result = cli("list")
    assert result.exit_code == 1 and one_sentence(result.stderr)


# -- read-only ---------------------------------------------------------------------


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder another user can reach (pytest's own are private to this user)."""
    folder = Path(tempfile.mkdtemp(prefix="debrief-ro-"))
    folder.chmod(0o755)
    yield folder
    folder.chmod(0o755)
    for child in folder.rglob("*"):
        child.chmod(0o755 if child.is_dir() else 0o644)
    shutil.rmtree(folder, ignore_errors=True)


def run_as_other_user(folder: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`debrief ARGS` as an unprivileged user when we are root (root writes anything)."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(folder),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_DATA_HOME": str(folder / "data"),
        "DEBRIEF_DB": str(db),
        "DEBRIEF_USER": "tester",
        "TZ": "UTC",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    command = [sys.executable, "-m", "debrief", *args]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("needs setpriv to drop root")
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def make_database(folder: Path) -> Path:
    db = folder / "debrief.db"
    store = Store(db, author="tester")
    from debrief.template import load_template

    store.create_postmortem("Checkout down", load_template())
    store.close()
    for child in folder.iterdir():
        child.chmod(0o644)
    return db


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_database_can_be_read_and_says_what_is_read_only(shared_dir, what):
    db = make_database(shared_dir)
    if what == "file":
        db.chmod(0o444)
        if os.geteuid() == 0:  # the other user needs the folder to be unwritable for it anyway
            shared_dir.chmod(0o755)
    else:
        shared_dir.chmod(0o555)
    listed = run_as_other_user(shared_dir, db, "list")
    assert listed.returncode == 0, listed.stderr
    assert "Checkout down" in listed.stdout
    exported = run_as_other_user(shared_dir, db, "export", "PM-1", "-f", "json")
    assert exported.returncode == 0 and '"Checkout down"' in exported.stdout, exported.stderr
    written = run_as_other_user(shared_dir, db, "new", "Another")
    assert written.returncode == 1 and one_sentence(written.stderr)
    assert "read-only" in written.stderr
    assert (str(db) if what == "file" else str(shared_dir)) in written.stderr
