"""Schema 4 adds the factors table: a database from before it is upgraded in place,
on SQLite (with its backup) and on PostgreSQL."""

from __future__ import annotations

import psycopg

from debrief.models import Factor
from debrief.store import Store


def test_an_sqlite_database_at_schema_3_gains_factors_and_keeps_a_backup(tmp_path):
    from sqlite_utils import Database

    from debrief.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    db = Database(path)
    for step in range(3):  # the schema as version 3 left it, built by its own migrations
        db.conn.execute("BEGIN")
        MIGRATIONS[step](db)
        db.conn.execute(f"PRAGMA user_version = {step + 1}")
        db.conn.execute("COMMIT")
    db.table("postmortems").insert({"id": "PM-1", "title": "Kept", "status": "draft", "rev": 1})
    db.close()
    upgraded = Store(path, author="x")
    upgraded.add_factor("PM-1", Factor(category="deploy", text="Rolled out at once"))
    assert [f.text for f in upgraded.factors("PM-1")] == ["Rolled out at once"]
    assert (tmp_path / "old.db.bak-v3").exists()


def test_a_postgresql_database_at_schema_3_gains_factors(pg_server, monkeypatch):
    from debrief.store import pg_schema

    url = pg_server.database()
    with psycopg.connect(url, autocommit=True) as conn:  # the tables as version 3 had them
        conn.execute(pg_schema._TABLES)
        conn.execute(pg_schema._SEARCH)
        conn.execute("INSERT INTO debrief_schema VALUES (3)")
        conn.execute("INSERT INTO postmortems (id, title) VALUES ('PM-1', 'Kept')")
    monkeypatch.setenv("DEBRIEF_PG_BACKED_UP", "1")
    upgraded = Store(url, author="x")
    upgraded.add_factor("PM-1", Factor(category="capacity", text="Pool too small"))
    assert [f.category for f in upgraded.factors("PM-1")] == ["capacity"]
    assert upgraded.get_postmortem("PM-1").title == "Kept"
