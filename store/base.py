"""The connection: opening the file, pragmas, short write transactions, revisions."""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from debrief.store.errors import DatabaseLocked, DatabaseUnavailable, StoreError
from debrief.store.schema import LATEST, migrate, user_version

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_S = 5.0
"""How long a command waits for another writer; the app waits less and retries."""
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(value: datetime | date | None) -> str | None:
    """The stored form of an instant (UTC, fixed width so text order is time order)."""
    from debrief.dates import stored_instant

    if value is None:
        return None
    if isinstance(value, datetime):
        return stored_instant(value)
    return value.isoformat()


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def to_json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, default=str, ensure_ascii=False, sort_keys=True)


def from_json(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def translate(exc: sqlite3.Error, path: Path | None) -> StoreError:
    """A sqlite3 error as one sentence the user can act on."""
    text = str(exc).lower()
    where = str(path) if path else "the database"
    if "locked" in text or "busy" in text:
        return DatabaseLocked(
            f"{where} is locked by another program; the change was not saved, try again"
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseUnavailable(f"{where} is read-only; nothing can be saved there")
    if "not a database" in text or "malformed" in text:
        return DatabaseUnavailable(f"{where} is not a debrief database (or it is damaged)")
    if "unable to open" in text or "disk i/o" in text:
        return DatabaseUnavailable(f"cannot open {where}: {exc}")
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


class Base:
    """Owns the sqlite-utils Database; subclasses add the entities."""

    def __init__(
        self,
        path: Path | str | None,
        author: str,
        clock: Clock | None = None,
        busy_timeout: float | None = None,
    ) -> None:
        self.busy_timeout = BUSY_TIMEOUT_S if busy_timeout is None else busy_timeout
        self.path = None if path in (None, ":memory:") else Path(path)  # type: ignore[arg-type]
        self.author = author
        self.clock = clock or utc_now
        self.conn = self._open()

    read_only: str = ""
    """Why nothing can be saved (the file or its folder is read-only); empty when writable."""

    def _open(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = None
        try:
            if self.path is None:
                conn = sqlite3.connect(":memory:")
            else:
                self.read_only = _read_only(self.path)
                if self.read_only:
                    conn = _open_read_only(self.path, self.busy_timeout)
                else:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    conn = sqlite3.connect(str(self.path), timeout=self.busy_timeout)
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it
            check_ours(conn, self.path)
            if self.path is not None and not self.read_only:
                conn.execute("PRAGMA journal_mode = WAL")  # no transaction is open yet
                conn.execute("PRAGMA synchronous = NORMAL")
            self.conn = conn
            version = user_version(conn)
            if version != LATEST:
                if self.read_only and version < LATEST:
                    raise DatabaseUnavailable(
                        f"{self.read_only}, and the database was written by an older debrief: "
                        "it must be upgraded (make it writable once) before it can be read"
                    )
                migrate(self.db, self.path)
            return conn
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

    @cached_property
    def db(self) -> Database:
        """sqlite-utils over the connection, made on first use: importing sqlite-utils
        (and its plugin scan) is a large part of start-up, and the home screen's first
        page does without it."""
        from sqlite_utils import Database

        return Database(self.conn)

    def close(self) -> None:
        self.conn.close()

    def now(self) -> datetime:
        return self.clock()

    @contextmanager
    def write(self) -> Iterator[Database]:
        """One short write transaction, taken at once so checks and writes agree."""
        if self.read_only:
            raise DatabaseUnavailable(f"{self.read_only}; nothing can be saved there")
        conn = self.conn
        if conn.in_transaction:  # nested: part of the caller's transaction
            with self.db.atomic():
                yield self.db
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from exc
        try:
            yield self.db
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise translate(exc, self.path) from exc

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Reads, with sqlite errors turned into StoreErrors."""
        try:
            yield
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from exc

    def record(
        self,
        postmortem_id: str,
        entity: str,
        entity_id: str,
        field: str,
        old: Any,
        new: Any,
    ) -> None:
        """Write one revision row (inside the caller's transaction)."""
        self.db.table("revisions").insert(
            {
                "postmortem_id": postmortem_id,
                "entity": entity,
                "entity_id": entity_id,
                "field": field,
                "author": self.author,
                "at": iso(self.now()),
                "old": to_json(old),
                "new": to_json(new),
            }
        )

    def data_version(self) -> int:
        """Changes when another connection commits: cheap change detection."""
        with self.reading():
            return int(self.db.execute("PRAGMA data_version").fetchone()[0])
