"""The schema on PostgreSQL, versioned in the table `debrief_schema`.

A new database is created at the current version in one step (CURRENT: the tables
as the SQLite migrations leave them); each later version adds its tables to CURRENT
and a step to PG_MIGRATIONS, which upgrades databases made before it. Before an
existing database is upgraded it is dumped with `pg_dump` when that is on PATH;
otherwise the upgrade stops and says how to take the backup first.

Text columns use the "C" collation, so text sorts by code point as it does in
SQLite; `rowid` columns (counted) give the tables SQLite's insertion order.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from debrief.store.errors import DatabaseUnavailable, SchemaTooNew
from debrief.store.schema import LATEST

T = 'TEXT COLLATE "C"'
BASELINE = 3
"""The oldest schema version an existing database can be upgraded from (PG_MIGRATIONS[0])."""

_TABLES = f"""
CREATE TABLE debrief_schema (version INTEGER NOT NULL);
CREATE TABLE debrief_changes (n BIGINT NOT NULL);
INSERT INTO debrief_changes VALUES (0);
CREATE TABLE postmortems (
    id {T} PRIMARY KEY, title {T} NOT NULL, status {T} NOT NULL DEFAULT 'draft',
    severity {T}, started_at {T}, ended_at {T}, classification {T}, services {T}, tags {T},
    facilitator {T}, lead_investigator {T}, participants {T}, debrief_due {T}, template {T},
    created_at {T}, updated_at {T}, rev BIGINT DEFAULT 0, follow_up {T},
    rowid BIGSERIAL NOT NULL
);
CREATE TABLE sections (
    postmortem_id {T} REFERENCES postmortems (id), key {T}, title {T}, body {T} DEFAULT '',
    position BIGINT, updated_by {T}, updated_at {T}, rev BIGINT DEFAULT 0,
    rowid BIGSERIAL NOT NULL, PRIMARY KEY (postmortem_id, key)
);
CREATE TABLE events (
    id {T} PRIMARY KEY, postmortem_id {T} REFERENCES postmortems (id), at {T}, text {T},
    source {T}, author {T}, link {T}, milestone {T}, source_id {T},
    is_reply BIGINT DEFAULT 0, edited BIGINT DEFAULT 0, updated_by {T}, updated_at {T},
    rev BIGINT DEFAULT 0, rowid BIGSERIAL NOT NULL
);
CREATE INDEX idx_events_postmortem_id_at ON events (postmortem_id, at);
CREATE UNIQUE INDEX idx_events_source_id ON events (postmortem_id, source_id)
    WHERE source_id IS NOT NULL AND source_id != '';
CREATE TABLE actions (
    id {T} PRIMARY KEY, postmortem_id {T} REFERENCES postmortems (id), title {T}, owner {T},
    due {T}, priority {T}, kind {T}, status {T}, status_reason {T},
    aspirational BIGINT DEFAULT 0, jira_key {T}, position BIGINT, created_at {T},
    updated_by {T}, updated_at {T}, rev BIGINT DEFAULT 0, jira_synced {T},
    rowid BIGSERIAL NOT NULL
);
CREATE INDEX idx_actions_postmortem_id_position ON actions (postmortem_id, position);
CREATE INDEX idx_actions_due ON actions (due);
CREATE TABLE revisions (
    id BIGSERIAL PRIMARY KEY, postmortem_id {T}, entity {T}, entity_id {T}, field {T},
    author {T}, at {T}, old {T}, new {T}
);
CREATE INDEX idx_revisions_postmortem_id_id ON revisions (postmortem_id, id);
CREATE TABLE publishes (
    id BIGSERIAL PRIMARY KEY, postmortem_id {T} REFERENCES postmortems (id), at {T},
    author {T}, documents {T}, tickets {T}
);
CREATE TABLE meetings (
    id BIGSERIAL PRIMARY KEY, postmortem_id {T} REFERENCES postmortems (id),
    started_at {T}, ended_at {T}, record {T}, updated_at {T}
);
CREATE TABLE presence (
    postmortem_id {T}, key {T}, value {T}, updated_at {T}, PRIMARY KEY (postmortem_id, key)
);
CREATE TABLE conflicts (
    id BIGSERIAL PRIMARY KEY, postmortem_id {T}, entity {T}, entity_id {T}, field {T},
    mine {T}, theirs {T}, theirs_rev BIGINT, author {T}, at {T}, resolved_at {T},
    resolution {T}
);
CREATE INDEX idx_conflicts_postmortem_id_resolved_at ON conflicts (postmortem_id, resolved_at);
CREATE TABLE requests (
    postmortem_id {T}, key {T}, person {T}, requested_by {T}, at {T}, note {T},
    PRIMARY KEY (postmortem_id, key, person)
);
CREATE TABLE ticket_creates (
    action_id {T} PRIMARY KEY, postmortem_id {T}, label {T}, sent_at {T}
);
CREATE INDEX idx_ticket_creates_postmortem_id ON ticket_creates (postmortem_id);
"""

_V4 = f"""
CREATE TABLE factors (
    id {T} PRIMARY KEY, postmortem_id {T} REFERENCES postmortems (id),
    kind {T} DEFAULT 'factor', category {T}, text {T}, events {T}, position BIGINT,
    updated_by {T}, updated_at {T}, rev BIGINT DEFAULT 0, rowid BIGSERIAL NOT NULL
);
CREATE INDEX idx_factors_postmortem_id_position ON factors (postmortem_id, position);
CREATE INDEX idx_factors_category ON factors (category);
"""
"""Schema 4: contributing factors (SQLite migration 4)."""

_V5 = f"""
CREATE TABLE notes (
    id {T} PRIMARY KEY, postmortem_id {T} REFERENCES postmortems (id), kind {T} NOT NULL,
    text {T} NOT NULL, state {T} DEFAULT '', action_id {T}, why {T}, author {T},
    created_at {T}, updated_at {T}, rowid BIGSERIAL NOT NULL
);
CREATE INDEX idx_notes_postmortem_id_kind ON notes (postmortem_id, kind);
ALTER TABLE postmortems ADD COLUMN timeline_confirmed_by {T},
    ADD COLUMN timeline_confirmed_at {T}, ADD COLUMN soak_due {T}, ADD COLUMN soak_done {T};
ALTER TABLE events ADD COLUMN known_then {T};
ALTER TABLE meetings ADD COLUMN learned BIGINT, ADD COLUMN would_return BIGINT,
    ADD COLUMN present BIGINT;
"""
"""Schema 5 (notes, timeline confirmation, known then, learning check, soak follow-up):
part of the creating step, and the upgrade from 4."""

CURRENT = _TABLES + _V4 + _V5
"""The tables as the latest schema has them: what a new database is created with."""

TITLE_TEXT = "to_tsvector('simple', coalesce(title, ''))"
SECTION_TEXT = "to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(body, ''))"
"""What full-text search looks in; the queries use the same expressions as the indexes."""

_SEARCH = f"""
CREATE INDEX postmortems_fts ON postmortems USING gin ({TITLE_TEXT});
CREATE INDEX sections_fts ON sections USING gin ({SECTION_TEXT});
"""


def _v4(conn: Any) -> None:
    conn.execute(_V4)


def _v5(conn: Any) -> None:
    conn.execute(_V5)


PG_MIGRATIONS: list[Callable[[Any], None]] = [_v4, _v5]
"""Index i upgrades the schema from version BASELINE + i to BASELINE + i + 1."""

_MIGRATE_LOCK = 0x64656272  # any constant: one migrating connection at a time


def version(conn: Any) -> int | None:
    """The schema version; None when the database holds no debrief schema table."""
    row = conn.execute("SELECT to_regclass('debrief_schema') IS NOT NULL").fetchone()
    if not row[0]:
        return None
    found = conn.execute("SELECT max(version) FROM debrief_schema").fetchone()
    return int(found[0] or 0)


def _tables(conn: Any) -> set[str]:
    rows = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return {r[0] for r in rows}


def migrate(conn: Any, where: str, url: str) -> int:
    """Bring the schema up to date (creating it in an empty database); the version before.

    One transaction, serialised by an advisory lock: of many processes opening an
    old database at once, one migrates and the others find it done.
    """
    conn.execute("BEGIN")
    try:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [_MIGRATE_LOCK])
        before = version(conn)
        if before is None:
            if _tables(conn):
                raise DatabaseUnavailable(
                    f"{where} is not a debrief database (it holds other tables); "
                    "give --db an empty database or a debrief one"
                )
            conn.execute(CURRENT)
            conn.execute(_SEARCH)
            conn.execute("INSERT INTO debrief_schema VALUES (%s)", [LATEST])
            before = 0
            current = LATEST
        else:
            current = before
        if current > LATEST:
            raise SchemaTooNew(
                f"the database was written by a newer debrief (schema {current}, this one "
                f"knows {LATEST}); upgrade debrief to open it"
            )
        if current < BASELINE:
            raise DatabaseUnavailable(f"{where} has a debrief schema this debrief cannot read")
        if current < LATEST:
            backup(where, url, current)
        for step in range(current, LATEST):
            PG_MIGRATIONS[step - BASELINE](conn)
            conn.execute("UPDATE debrief_schema SET version = %s", [step + 1])
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return before


def backup(where: str, url: str, at_version: int) -> Path:
    """Dump the database before it is upgraded: with pg_dump when it is on PATH, else
    stop with the command to run (DEBRIEF_PG_BACKED_UP=1 says it was)."""
    from platformdirs import user_data_path

    folder = user_data_path("debrief") / "backups"
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"debrief-schema-v{at_version}-{stamp}.dump"
    if os.environ.get("DEBRIEF_PG_BACKED_UP") == "1":
        return target
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise DatabaseUnavailable(
            f"{where} must be upgraded from schema {at_version} to {LATEST}, and pg_dump is "
            f"not on PATH to back it up first: run `pg_dump -Fc -f debrief-v{at_version}.dump "
            "<url>`, then open it again with DEBRIEF_PG_BACKED_UP=1"
        )
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [pg_dump, "-Fc", "-f", str(target), "--dbname", url],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise DatabaseUnavailable(
            f"{where} was not upgraded: the backup before it failed "
            f"({done.stderr.strip() or 'pg_dump exit ' + str(done.returncode)})"
        )
    return target
