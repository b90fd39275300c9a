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

    def _open(self) -> sqlite3.Connection:
        try:
            if self.path is None:
                conn = sqlite3.connect(":memory:")
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                if self.path.exists() and not os.access(self.path, os.W_OK):
                    raise DatabaseUnavailable(
                        f"{self.path} is read-only; nothing can be saved there"
                    )
                conn = sqlite3.connect(str(self.path), timeout=self.busy_timeout)
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it
            if self.path is not None:
                conn.execute("PRAGMA journal_mode = WAL")  # no transaction is open yet
                conn.execute("PRAGMA synchronous = NORMAL")
            self.conn = conn
            if user_version(conn) != LATEST:
                migrate(self.db, self.path)
            return conn
        except OSError as exc:
            raise DatabaseUnavailable(f"cannot create the database at {self.path}: {exc}") from exc
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from exc

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
