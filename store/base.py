"""The connection: opening it (through its engine), short write transactions, revisions."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from debrief.store.engine import Location, engine_for, shown
from debrief.store.errors import DatabaseUnavailable
from debrief.store.sqldb import Db

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
    import uuid  # (and `platform` with it: not needed to open or read)

    return uuid.uuid4().hex[:12]


def to_json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, default=str, ensure_ascii=False, sort_keys=True)


def from_json(value: str | None) -> Any:
    return None if value is None else json.loads(value)


class Base:
    """Owns the connection and its engine; subclasses add the entities."""

    def __init__(
        self,
        path: Location,
        author: str | None,
        clock: Clock | None = None,
        busy_timeout: float | None = None,
    ) -> None:
        self.busy_timeout = BUSY_TIMEOUT_S if busy_timeout is None else busy_timeout
        self.location: Location = None if path in (None, ":memory:") else path
        self.engine = engine_for(self.location)
        self.path: Path | None = getattr(self.engine, "path", None)
        """The SQLite file (None in memory or on PostgreSQL)."""
        self.clock = clock or utc_now
        self.conn, self.read_only = self.engine.open(self.busy_timeout)
        self.db = Db(self.conn, self.engine)
        self.author: str = author or self.engine.user_name(self.conn)
        """Who every change is recorded as: the name given (config `user`, DEBRIEF_USER,
        a browser session's person), else the database role on PostgreSQL, else the OS user."""

    read_only: str = ""
    """Why nothing can be saved (the file or its folder is read-only); empty when writable."""

    @property
    def where(self) -> str:
        """The database, as it may be shown (a URL without its password)."""
        return shown(self.location)

    def close(self) -> None:
        self.engine.close()
        self.conn.close()

    def now(self) -> datetime:
        return self.clock()

    @contextmanager
    def write(self) -> Iterator[Db]:
        """One short write transaction, taken at once so checks and writes agree."""
        if self.read_only:
            raise DatabaseUnavailable(f"{self.read_only}; nothing can be saved there")
        conn, engine = self.conn, self.engine
        if engine.in_transaction(conn):  # nested: part of the caller's transaction
            with self.db.atomic():
                yield self.db
            return
        try:
            engine.begin(conn)
        except engine.errors as exc:
            if engine.in_transaction(conn):
                conn.execute("ROLLBACK")
            raise engine.translate(exc) from exc
        try:
            yield self.db
        except BaseException:
            if engine.in_transaction(conn):
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except engine.errors as exc:
            if engine.in_transaction(conn):
                conn.execute("ROLLBACK")
            raise engine.translate(exc) from exc
        engine.committed()

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Reads, with database errors turned into StoreErrors."""
        try:
            yield
        except self.engine.errors as exc:
            raise self.engine.translate(exc) from exc

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

    def follow(self, wake: Callable[[], object]) -> bool:
        """Call `wake` soon after another connection commits (from another thread, until
        it returns False); False when the engine cannot (SQLite: poll `data_version`)."""
        feed = self.engine.changes()
        if feed is None:
            return False
        feed.subscribe(wake)
        return True

    @property
    def following(self) -> bool:
        """Whether `follow`'s notifications arrive now (when not, poll `data_version`)."""
        feed = self.engine.changes()
        return feed is not None and feed.listening

    def data_version(self) -> int:
        """Changes when another connection commits: cheap change detection."""
        with self.reading():
            return self.engine.data_version(self.conn)
