"""Rows in and out: the few table operations the entity modules use, on either engine.

SQL is written once with `?` placeholders and portable syntax (INSERT ... ON
CONFLICT for upserts); the engine turns it into what its driver wants.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from debrief.store.engine import Engine

COUNTED_IDS = frozenset({"revisions", "publishes", "meetings", "conflicts"})
"""Tables whose integer `id` the database counts."""


class Db:
    """A connection and its engine."""

    def __init__(self, conn: Any, engine: Engine) -> None:
        self.conn = conn
        self.engine = engine
        self._savepoints = 0

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        if not params:
            return self.conn.execute(sql)
        return self.conn.execute(self.engine.sql(sql, params), list(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> int:
        """Run `sql` once per row; how many rows it changed in all."""
        if not rows:
            return 0
        cursor = self.conn.cursor()
        try:
            cursor.executemany(self.engine.sql(sql, rows[0]), rows)
            return int(cursor.rowcount)
        finally:
            cursor.close()

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        cursor = self.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def table(self, name: str) -> Table:
        return Table(self, name)

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """A savepoint inside the open transaction: all of the block, or none of it."""
        self._savepoints += 1
        name = f"debrief_sp{self._savepoints}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        finally:
            self._savepoints -= 1
        self.conn.execute(f"RELEASE SAVEPOINT {name}")


def _keys(pk: str | Sequence[str]) -> list[str]:
    return [pk] if isinstance(pk, str) else list(pk)


class Table:
    def __init__(self, db: Db, name: str) -> None:
        self.db = db
        self.name = name
        self.last_pk: int | None = None

    def rows_where(
        self,
        where: str | None = None,
        params: Sequence[Any] = (),
        order_by: str | None = None,
        select: str = "*",
    ) -> list[dict[str, Any]]:
        sql = f"SELECT {select} FROM {self.name}"
        if where:
            sql += f" WHERE {where}"
        if order_by:
            sql += f" ORDER BY {order_by}"
        return self.db.query(sql, params)

    def count_where(self, where: str, params: Sequence[Any] = ()) -> int:
        sql = f"SELECT count(*) FROM {self.name} WHERE {where}"
        return int(self.db.execute(sql, params).fetchone()[0])

    def _insert_sql(self, columns: Sequence[str]) -> str:
        marks = ", ".join("?" for _ in columns)
        return f"INSERT INTO {self.name} ({', '.join(columns)}) VALUES ({marks})"

    def insert(self, row: dict[str, Any]) -> Table:
        columns = list(row)
        sql = self._insert_sql(columns)
        counted = self.name in COUNTED_IDS and "id" not in row
        if counted:
            sql += self.db.engine.returning
        cursor = self.db.execute(sql, [row[c] for c in columns])
        self.last_pk = self.db.engine.inserted_id(cursor) if counted else None
        return self

    def insert_all(self, rows: Iterable[dict[str, Any]], batch_size: int = 500) -> None:
        rows = list(rows)
        if not rows:
            return
        columns = list(dict.fromkeys(c for row in rows for c in row))
        sql = self._insert_sql(columns)
        for start in range(0, len(rows), batch_size):
            chunk = rows[start : start + batch_size]
            self.db.executemany(sql, [[row.get(c) for c in columns] for row in chunk])

    def upsert_all(self, rows: Iterable[dict[str, Any]], pk: str | Sequence[str]) -> None:
        rows = list(rows)
        if not rows:
            return
        keys = _keys(pk)
        columns = list(rows[0])
        rest = [c for c in columns if c not in keys]
        sql = (
            self._insert_sql(columns)
            + f" ON CONFLICT ({', '.join(keys)}) "
            + (
                "DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in rest)
                if rest
                else "DO NOTHING"
            )
        )
        self.db.executemany(sql, [[row[c] for c in columns] for row in rows])

    def upsert(self, row: dict[str, Any], pk: str | Sequence[str]) -> None:
        self.upsert_all([row], pk)

    def _pk_where(self, key: Any, pk: str | Sequence[str]) -> tuple[str, list[Any]]:
        keys = _keys(pk)
        values = list(key) if isinstance(key, tuple) else [key]
        return " AND ".join(f"{k} = ?" for k in keys), values

    def update(
        self, key: Any, changes: dict[str, Any], pk: str | Sequence[str] | None = None
    ) -> None:
        """Change the row whose primary key is `key` (a tuple for a compound key)."""
        if pk is None:
            pk = ("postmortem_id", "key") if isinstance(key, tuple) else "id"
        where, values = self._pk_where(key, pk)
        sets = ", ".join(f"{c} = ?" for c in changes)
        self.db.execute(
            f"UPDATE {self.name} SET {sets} WHERE {where}", [*changes.values(), *values]
        )

    def delete(self, key: Any) -> None:
        where, values = self._pk_where(key, "id")
        self.db.execute(f"DELETE FROM {self.name} WHERE {where}", values)

    def delete_where(self, where: str, params: Sequence[Any] = ()) -> None:
        self.db.execute(f"DELETE FROM {self.name} WHERE {where}", params)
