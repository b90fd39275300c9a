"""Schema 4 adds the factors table: a database from before it is upgraded in place,
on SQLite (with its backup) and on PostgreSQL."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest

from debrief.models import Factor
from debrief.store import Store


def test_an_sqlite_database_at_schema_3_gains_factors_and_keeps_a_backup(tmp_path, template):
    path = tmp_path / "old.db"
    pm = Store(path, author="x").create_postmortem("Kept", template)
    old = sqlite3.connect(path)
    old.execute("DROP TABLE factors")
    old.execute("PRAGMA user_version = 3")
    old.commit()
    old.close()
    upgraded = Store(path, author="x")
    upgraded.add_factor(pm.id, Factor(category="deploy", text="Rolled out at once"))
    assert [f.text for f in upgraded.factors(pm.id)] == ["Rolled out at once"]
    assert (tmp_path / "old.db.bak-v3").exists()


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_a_postgresql_database_at_schema_3_gains_factors(
    db_location, template, monkeypatch: pytest.MonkeyPatch
):
    pm = Store(db_location, author="x").create_postmortem("Kept", template)
    with psycopg.connect(db_location) as conn:
        conn.execute("DROP TABLE factors")
        conn.execute("UPDATE debrief_schema SET version = 3")
    monkeypatch.setenv("DEBRIEF_PG_BACKED_UP", "1")
    upgraded = Store(db_location, author="x")
    upgraded.add_factor(pm.id, Factor(category="capacity", text="Pool too small"))
    assert [f.category for f in upgraded.factors(pm.id)] == ["capacity"]
    assert upgraded.get_postmortem(pm.id).title == "Kept"
