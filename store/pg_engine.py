"""PostgreSQL through psycopg 3: a URL, a row lock for the write lock, text search."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.pq import TransactionStatus

from debrief.store.changes import ChangeFeed
from debrief.store.engine import Engine, Location, shown
from debrief.store.errors import DatabaseLocked, DatabaseUnavailable, StoreError
from debrief.store.pg_schema import SECTION_TEXT, TITLE_TEXT, migrate

_MARKS = re.compile(r"'(?:[^']|'')*'|\?|%")

_TITLE_MATCHES = f"""
    SELECT id FROM postmortems WHERE {TITLE_TEXT} @@ to_tsquery('simple', ?)
    ORDER BY rowid DESC
"""
_SECTION_MATCHES = f"""
    SELECT postmortem_id FROM sections WHERE {SECTION_TEXT} @@ to_tsquery('simple', ?)
    ORDER BY rowid DESC
"""


def _mark(match: re.Match[str]) -> str:
    text = match.group(0)
    if text == "?":
        return "%s"
    return text.replace("%", "%%")


class PostgresEngine(Engine):
    name = "postgresql"
    errors = (psycopg.Error,)
    no_limit = None
    returning = " RETURNING id"

    def __init__(self, location: Location) -> None:
        super().__init__(location)
        self.url = str(location)
        self.where = shown(location)
        self._own_commits = 0
        self.channel = "debrief"
        """Where commits are announced: one channel per schema (as the tables are)."""
        self._feed: ChangeFeed | None = None

    def open(self, busy_timeout: float) -> tuple[psycopg.Connection[Any], str]:
        try:
            conn = psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise DatabaseUnavailable(
                f"cannot connect to {self.where}: {_first_line(exc)}"
            ) from exc
        try:
            conn.execute(f"SET lock_timeout = {int(busy_timeout * 1000)}")
            migrate(conn, self.where, self.url)
            row = conn.execute("SELECT current_schema()").fetchone()
            self.channel = f"debrief.{row[0] if row else 'public'}"
            return conn, ""
        except BaseException as exc:
            conn.close()
            if isinstance(exc, psycopg.Error):
                raise self.translate(exc) from exc
            raise

    def sql(self, text: str, params: object) -> str:
        return _MARKS.sub(_mark, text)

    def begin(self, conn: psycopg.Connection[Any]) -> None:
        # Every write transaction first updates one row: writers queue on its lock
        # as on SQLite's BEGIN IMMEDIATE, and its counter tells other connections
        # that something changed (data_version). The notification is part of the
        # transaction: listeners (ChangeFeed) hear of it when, and only if, it commits.
        conn.execute("BEGIN")
        conn.execute(
            "UPDATE debrief_changes SET n = n + 1 RETURNING pg_notify(%s, '')", [self.channel]
        )

    def in_transaction(self, conn: psycopg.Connection[Any]) -> bool:
        return conn.info.transaction_status != TransactionStatus.IDLE

    def committed(self) -> None:
        self._own_commits += 1

    def data_version(self, conn: psycopg.Connection[Any]) -> int:
        row = conn.execute("SELECT n FROM debrief_changes").fetchone()
        return int(row[0] if row else 0) - self._own_commits

    def changes(self) -> ChangeFeed:
        if self._feed is None:
            self._feed = ChangeFeed(self.url, self.channel)
        return self._feed

    def close(self) -> None:
        if self._feed is not None:
            self._feed.stop()

    def user_name(self, conn: psycopg.Connection[Any]) -> str:
        """The database role: on a shared server, the person (or their team's role)."""
        row = conn.execute("SELECT current_user").fetchone()
        return str(row[0]) if row and row[0] else super().user_name(conn)

    def translate(self, exc: BaseException) -> StoreError:
        where = self.where
        if isinstance(
            exc,
            pg_errors.LockNotAvailable
            | pg_errors.DeadlockDetected
            | pg_errors.SerializationFailure,
        ):
            return DatabaseLocked(
                f"{where} is locked by another program; the change was not saved, try again"
            )
        if isinstance(exc, pg_errors.ReadOnlySqlTransaction | pg_errors.InsufficientPrivilege):
            return DatabaseUnavailable(
                f"{where} cannot be written by this user: {_first_line(exc)}"
            )
        if isinstance(exc, psycopg.OperationalError):
            return DatabaseUnavailable(f"cannot use {where}: {_first_line(exc)}")
        return StoreError(f"database error in {where}: {_first_line(exc)}")

    def inserted_id(self, cursor: psycopg.Cursor[Any]) -> int | None:
        row = cursor.fetchone()
        return None if row is None else int(row[0])

    def distinct_list(self, expr: str) -> str:
        return f"string_agg(DISTINCT {expr}, ',')"

    def search_queries(self, words: Sequence[str]) -> tuple[str, str, list[Any]]:
        query = " & ".join(f"'{w.lower()}':*" for w in words)
        return _TITLE_MATCHES, _SECTION_MATCHES, [query]

    def literals(self, conn: psycopg.Connection[Any], values: Sequence[object]) -> list[str]:
        from psycopg import sql

        return [sql.Literal(v).as_string(conn) for v in values]


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
