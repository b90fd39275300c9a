"""Forward migrations keep the data and leave a backup of the file as it was."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from debrief.store import Store
from debrief.store.schema import LATEST, MIGRATIONS


def test_a_version_1_file_is_upgraded_with_a_backup_and_keeps_its_data(db_path):
    db = Database(db_path)
    db.conn.execute("BEGIN")
    MIGRATIONS[0](db)
    db.conn.execute("PRAGMA user_version = 1")
    db.conn.execute("COMMIT")
    db.table("postmortems").insert({"id": "PM-1", "title": "Old", "status": "draft", "rev": 1})
    db.close()

    store = Store(db_path, author="x")
    assert store.get_postmortem("PM-1").title == "Old"
    assert store.get_postmortem("PM-1").follow_up is None
    assert sqlite3.connect(db_path).execute("PRAGMA user_version").fetchone()[0] == LATEST

    backup = db_path.with_name(db_path.name + ".bak-v1")
    assert backup.exists()
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT title FROM postmortems").fetchall() == [("Old",)]


def test_a_new_file_needs_no_backup(db_path):
    Store(db_path, author="x").close()
    assert not list(db_path.parent.glob("*.bak-*"))
