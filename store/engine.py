"""The two database engines behind one Store: where SQLite and PostgreSQL differ.

Entity modules write their SQL once, with `?` placeholders and the common subset
of both dialects; everything that is not common (opening, the write lock, the
schema and its version, full-text search, error messages) is a method here.
A location that is a `postgresql://` (or `postgres://`) URL is PostgreSQL; any
other location is an SQLite file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from debrief.store.errors import StoreError

if TYPE_CHECKING:
    from debrief.store.changes import ChangeFeed

URL_SCHEMES = ("postgresql://", "postgres://")

Location = Path | str | None
"""Where a database is: an SQLite file, a PostgreSQL URL, or None (in memory)."""


def is_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(URL_SCHEMES)


def shown(location: Location) -> str:
    """The location as it may be shown: a URL without its password."""
    if is_url(location):
        from urllib.parse import urlsplit, urlunsplit

        parts = urlsplit(str(location))
        if parts.password is not None:
            host = parts.hostname or ""
            if parts.port:
                host += f":{parts.port}"
            user = f"{parts.username}@" if parts.username else ""
            return urlunsplit(parts._replace(netloc=user + host))
        return str(location)
    return str(location) if location else "the database"


class Engine:
    """One engine's way of doing what the Store needs. Subclasses: SQLite, PostgreSQL."""

    name = ""
    errors: tuple[type[BaseException], ...] = ()
    """The driver's error classes, turned into StoreErrors by `translate`."""
    no_limit: int | None = -1
    """The LIMIT that means "no limit"."""

    def __init__(self, location: Location) -> None:
        self.location = location

    # -- connecting -----------------------------------------------------------

    def open(self, busy_timeout: float) -> tuple[Any, str]:
        """A connection to a checked, migrated database; and why it is read-only ('' if not)."""
        raise NotImplementedError

    def sql(self, text: str, params: object) -> str:
        """`text` (written with `?` placeholders) as this engine's driver wants it."""
        return text

    # -- transactions -----------------------------------------------------------

    def begin(self, conn: Any) -> None:
        """Start a write transaction that holds the database's write lock at once."""
        raise NotImplementedError

    def in_transaction(self, conn: Any) -> bool:
        raise NotImplementedError

    def committed(self) -> None:
        """A write transaction of this connection was committed."""

    def data_version(self, conn: Any) -> int:
        """A number that moves when another connection commits (not on our own commits)."""
        raise NotImplementedError

    def translate(self, exc: BaseException) -> StoreError:
        raise NotImplementedError

    def changes(self) -> ChangeFeed | None:
        """A feed that wakes its subscribers when any connection commits; None when the
        engine has none (SQLite: poll `data_version`, it costs next to nothing)."""
        return None

    def close(self) -> None:
        """The Store is closing: stop anything the engine started (its change feed)."""

    def user_name(self, conn: Any) -> str:
        """Who is writing when nobody said (no config `user`, no DEBRIEF_USER): the OS user."""
        import getpass

        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return "unknown"

    # -- SQL that differs -------------------------------------------------------

    def inserted_id(self, cursor: Any) -> int | None:
        """The id an INSERT ... RETURNING id (see `returning`) made."""
        raise NotImplementedError

    returning = ""
    """What an INSERT into a table with a counted id ends with to return that id."""

    def distinct_list(self, expr: str) -> str:
        """An aggregate: the distinct values of `expr`, comma-separated."""
        return f"group_concat(DISTINCT {expr})"

    def search_queries(self, words: Sequence[str]) -> tuple[str, str, list[Any]]:
        """Full-text search: (title query, section query, parameters); each query
        yields post-mortem ids, newest match first. Every word is a prefix, all must match."""
        raise NotImplementedError

    def literals(self, conn: Any, values: Sequence[object]) -> list[str]:
        """`values` as SQL literals, quoted by the database itself."""
        raise NotImplementedError

    @contextmanager
    def bulk(self, conn: Any) -> Iterator[None]:
        """Around a large import (SQLite: a bigger page cache)."""
        yield


def engine_for(location: Location) -> Engine:
    """The engine of a location: PostgreSQL for a URL, SQLite otherwise."""
    if is_url(location):
        from debrief.store.pg_engine import PostgresEngine

        return PostgresEngine(location)
    from debrief.store.sqlite_engine import SqliteEngine

    return SqliteEngine(location)
