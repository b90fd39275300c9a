"""What only PostgreSQL has: its lock, its schema table, its upgrade backup, its URL.

Everything else runs on both engines through `db_location` (see tests/conftest.py).
"""

from __future__ import annotations

import psycopg
import pytest

from debrief.store import DatabaseLocked, DatabaseUnavailable, SchemaTooNew, Store, pg_schema
from debrief.store.engine import shown


@pytest.fixture
def url(pg_server) -> str:  # type: ignore[no-untyped-def]
    return pg_server.database()


def _version(url: str) -> int:
    with psycopg.connect(url) as conn:
        return int(conn.execute("SELECT version FROM debrief_schema").fetchone()[0])  # type: ignore[index]


def test_a_writer_waits_for_another_and_then_says_locked_in_one_sentence(url, template):
    ana = Store(url, author="ana")
    ben = Store(url, author="ben", busy_timeout=0.2)
    pm = ana.create_postmortem("Shared", template)
    with ana.write():
        ana.save_section(pm.id, "impact", "ana's")
        with pytest.raises(DatabaseLocked, match="locked by another program"):
            ben.save_section(pm.id, "impact", "ben's")
    assert ben.get_section(pm.id, "impact").body == "ana's"
    assert ben.save_section(pm.id, "impact", "ben's").rev == 2  # the lock is gone with it


def test_data_version_moves_on_other_connections_commits_only(url, template):
    ana, ben = Store(url, author="ana"), Store(url, author="ben")
    before = ana.data_version()
    pm = ana.create_postmortem("Own", template)
    assert ana.data_version() == before
    ben.save_section(pm.id, "impact", "news")
    assert ana.data_version() != before


def test_a_newer_schema_is_refused_untouched(url):
    Store(url, author="x").close()
    with psycopg.connect(url) as conn:
        conn.execute("UPDATE debrief_schema SET version = 99")
    with pytest.raises(SchemaTooNew, match="newer debrief"):
        Store(url, author="x")
    assert _version(url) == 99


def test_a_database_holding_other_tables_is_refused_untouched(url):
    with psycopg.connect(url) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    with pytest.raises(DatabaseUnavailable, match="not a debrief database"):
        Store(url, author="x")
    with psycopg.connect(url) as conn:
        tables = {
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            )
        }
    assert tables == {"invoices"}


def _next_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend this debrief knows one schema version more than the database has."""

    def add_column(conn: psycopg.Connection) -> None:  # type: ignore[type-arg]
        conn.execute("ALTER TABLE postmortems ADD COLUMN upgraded TEXT")

    monkeypatch.setattr(pg_schema, "LATEST", pg_schema.BASELINE + 1)
    monkeypatch.setattr(pg_schema, "PG_MIGRATIONS", [*pg_schema.PG_MIGRATIONS, add_column])


def test_an_upgrade_is_backed_up_with_pg_dump_first(url, template, monkeypatch, isolated_env):
    pm = Store(url, author="x").create_postmortem("Kept", template)
    _next_version(monkeypatch)
    upgraded = Store(url, author="x")
    assert _version(url) == pg_schema.BASELINE + 1
    assert upgraded.get_postmortem(pm.id).title == "Kept"
    dumps = list((isolated_env / "data" / "debrief" / "backups").glob("*.dump"))
    assert len(dumps) == 1 and dumps[0].stat().st_size > 0


def test_without_pg_dump_an_upgrade_stops_and_says_how_to_back_up(url, monkeypatch):
    Store(url, author="x").close()
    _next_version(monkeypatch)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(DatabaseUnavailable, match="pg_dump -Fc") as caught:
        Store(url, author="x")
    assert "DEBRIEF_PG_BACKED_UP=1" in str(caught.value)
    assert _version(url) == pg_schema.BASELINE
    monkeypatch.setenv("DEBRIEF_PG_BACKED_UP", "1")
    Store(url, author="x").close()
    assert _version(url) == pg_schema.BASELINE + 1


def test_an_unreachable_server_is_one_sentence_without_the_password(pg_server):
    url = f"postgresql://ana:s3cret@127.0.0.1:{pg_server.port + 1}/nothing"
    with pytest.raises(DatabaseUnavailable, match="cannot connect") as caught:
        Store(url, author="x")
    assert "s3cret" not in str(caught.value)
    assert shown(url) == f"postgresql://ana@127.0.0.1:{pg_server.port + 1}/nothing"


def test_search_matches_word_prefixes_in_titles_before_sections(url, template):
    store = Store(url, author="x")
    first = store.create_postmortem("Checkout latency", template)
    second = store.create_postmortem("Payments down", template)
    store.save_section(second.id, "impact", "Checkout could not take 100% of cards?")
    assert [p.id for p in store.search("check")] == [first.id, second.id]
    assert [p.id for p in store.search("checkout cards")] == [second.id]
    assert [p.id for p in store.search("100% ?")] == [second.id]  # no placeholder, no operator


def test_both_engines_have_the_same_tables_and_columns(url, tmp_path):
    """The PostgreSQL schema is written by hand beside the SQLite migrations: it must
    hold the same tables and columns (besides its own bookkeeping and rowids)."""
    import sqlite3

    Store(tmp_path / "same.db", author="x").close()
    lite = sqlite3.connect(tmp_path / "same.db")
    names = lite.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    sqlite_tables = {
        name: {r[1] for r in lite.execute(f"PRAGMA table_info({name})")}
        for (name,) in names
        if "_fts" not in name
    }
    lite.close()
    Store(url, author="x").close()
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema()"
        ).fetchall()
    pg_tables: dict[str, set[str]] = {}
    for table, column in rows:
        if table not in ("debrief_schema", "debrief_changes") and column != "rowid":
            pg_tables.setdefault(table, set()).add(column)
    assert pg_tables == sqlite_tables
