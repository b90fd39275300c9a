"""SQLite: a file (or memory), WAL, `BEGIN IMMEDIATE`, FTS5, `PRAGMA user_version`."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from debrief.store.engine import Engine, Location
from debrief.store.errors import DatabaseLocked, DatabaseUnavailable, StoreError
from debrief.store.schema import LATEST, migrate, user_version

_IMPORT_CACHE_KIB = -65536  # negative: KiB; the indexes of a big import stay in memory

_TITLE_MATCHES = """
    SELECT p.id FROM postmortems_fts JOIN postmortems p ON p.rowid = postmortems_fts.rowid
    WHERE postmortems_fts MATCH ? ORDER BY postmortems_fts.rowid DESC
"""
_SECTION_MATCHES = """
    SELECT s.postmortem_id FROM sections_fts JOIN sections s ON s.rowid = sections_fts.rowid
    WHERE sections_fts MATCH ? ORDER BY sections_fts.rowid DESC
"""


def _primary(exc: BaseException) -> str:
    """SQLite's primary result code name (`SQLITE_BUSY` for `SQLITE_BUSY_SNAPSHOT`),
    "" for an error that did not come from SQLite itself."""
    name = getattr(exc, "sqlite_errorname", None)
    return "_".join(name.split("_")[:2]) if isinstance(name, str) else ""


def translate(exc: BaseException, path: Path | None) -> StoreError:
    """A sqlite3 error as one sentence the user can act on, by SQLite's result code
    (`sqlite_errorname`), not by the wording of its message."""
    code = _primary(exc)
    where = str(path) if path else "the database"
    if code in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return DatabaseLocked(
            f"{where} is locked by another program; the change was not saved, try again"
        )
    if code == "SQLITE_READONLY":
        return DatabaseUnavailable(f"{where} is read-only; nothing can be saved there")
    if code in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
        return DatabaseUnavailable(f"{where} is not a debrief database (or it is damaged)")
    if code in ("SQLITE_CANTOPEN", "SQLITE_IOERR"):
        return DatabaseUnavailable(f"cannot open {where}: {exc}")
    if code == "SQLITE_FULL":
        return DatabaseUnavailable(f"the disk holding {where} is full; the change was not saved")
    return StoreError(f"database error in {where}: {exc}")


def _read_only(path: Path) -> str:
    """Why a database at `path` can only be read ('' when it can be written): SQLite
    writes the file, and its journal files beside it in the folder."""
    if path.exists():
        if not os.access(path, os.W_OK):
            return f"{path} is read-only"
        if not os.access(path.parent, os.W_OK | os.X_OK):
            return f"the folder {path.parent} is read-only"
        return ""
    parent = next((p for p in path.parents if p.exists()), None)
    if parent is not None and parent.is_dir() and not os.access(parent, os.W_OK | os.X_OK):
        return f"the folder {parent} is read-only"
    return ""


def _open_read_only(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """A connection that only reads. A database in WAL mode in a read-only folder has
    no shared-memory file to read through: it is then opened as immutable."""
    if not path.exists():
        raise DatabaseUnavailable(f"there is no database at {path}, and {_read_only(path)}")
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=busy_timeout)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    return sqlite3.connect(f"{uri}?immutable=1", uri=True, timeout=busy_timeout)


def check_ours(conn: sqlite3.Connection, path: Path | None) -> None:
    """Refuse a database that is neither empty nor debrief's (DatabaseUnavailable)."""
    where = str(path) if path else "the database"
    version = user_version(conn)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if (
        version < 0
        or (version == 0 and tables)
        or (0 < version <= LATEST and "postmortems" not in tables)
    ):
        raise DatabaseUnavailable(
            f"{where} is not a debrief database (it holds other data); "
            "give --db a new file or a debrief database"
        )


class SqliteEngine(Engine):
    name = "sqlite"
    errors = (sqlite3.Error,)
    no_limit = -1

    def __init__(self, location: Location) -> None:
        super().__init__(location)
        self.path = None if location in (None, ":memory:") else Path(location)  # type: ignore[arg-type]

    def open(self, busy_timeout: float) -> tuple[sqlite3.Connection, str]:
        conn: sqlite3.Connection | None = None
        read_only = ""
        try:
            if self.path is None:
                conn = sqlite3.connect(":memory:")
            else:
                read_only = _read_only(self.path)
                if read_only:
                    conn = _open_read_only(self.path, busy_timeout)
                else:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    conn = sqlite3.connect(str(self.path), timeout=busy_timeout)
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it
            check_ours(conn, self.path)
            if self.path is not None and not read_only:
                conn.execute("PRAGMA journal_mode = WAL")  # no transaction is open yet
                conn.execute("PRAGMA synchronous = NORMAL")
            version = user_version(conn)
            if version != LATEST:
                if read_only and version < LATEST:
                    raise DatabaseUnavailable(
                        f"{read_only}, and the database was written by an older debrief: "
                        "it must be upgraded (make it writable once) before it can be read"
                    )
                from sqlite_utils import Database

                migrate(Database(conn), self.path)
            return conn, read_only
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, OSError):
                raise DatabaseUnavailable(
                    f"cannot create the database at {self.path}: {exc}"
                ) from exc
            if isinstance(exc, sqlite3.Error):
                raise translate(exc, self.path) from exc
            raise

    def begin(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")

    def in_transaction(self, conn: sqlite3.Connection) -> bool:
        return conn.in_transaction

    def data_version(self, conn: sqlite3.Connection) -> int:
        return int(conn.execute("PRAGMA data_version").fetchone()[0])

    def translate(self, exc: BaseException) -> StoreError:
        return translate(exc, self.path)

    def inserted_id(self, cursor: sqlite3.Cursor) -> int | None:
        return cursor.lastrowid

    def search_queries(self, words: Sequence[str]) -> tuple[str, str, list[Any]]:
        match = " ".join(f'"{w}"*' for w in words)
        return _TITLE_MATCHES, _SECTION_MATCHES, [match]

    def literals(self, conn: sqlite3.Connection, values: Sequence[object]) -> list[str]:
        marks = ", ".join("quote(?)" for _ in values)
        return list(conn.execute(f"SELECT {marks}", list(values)).fetchone())

    @contextmanager
    def bulk(self, conn: sqlite3.Connection) -> Iterator[None]:
        cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        conn.execute(f"PRAGMA cache_size = {_IMPORT_CACHE_KIB}")
        try:
            yield
        finally:
            conn.execute(f"PRAGMA cache_size = {int(cache)}")
