"""The schema, versioned with `PRAGMA user_version`; migrations run forward only.

Before migrating an existing file, a copy is saved beside it
(`debrief.db.bak-v<old version>`), so a failed upgrade loses nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from debrief.store.errors import SchemaTooNew

if TYPE_CHECKING:
    from sqlite_utils import Database


def _v1(db: Database) -> None:
    db.table("postmortems").create(
        {
            "id": str,
            "title": str,
            "status": str,
            "severity": str,
            "started_at": str,
            "ended_at": str,
            "classification": str,
            "services": str,
            "tags": str,
            "facilitator": str,
            "lead_investigator": str,
            "participants": str,
            "debrief_due": str,
            "template": str,
            "created_at": str,
            "updated_at": str,
            "rev": int,
        },
        pk="id",
        not_null={"title", "status"},
        defaults={"rev": 0, "status": "draft"},
    )
    db.table("sections").create(
        {
            "postmortem_id": str,
            "key": str,
            "title": str,
            "body": str,
            "position": int,
            "updated_by": str,
            "updated_at": str,
            "rev": int,
        },
        pk=("postmortem_id", "key"),
        foreign_keys=[("postmortem_id", "postmortems", "id")],
        defaults={"body": "", "rev": 0},
    )
    db.table("events").create(
        {
            "id": str,
            "postmortem_id": str,
            "at": str,
            "text": str,
            "source": str,
            "author": str,
            "link": str,
            "milestone": str,
            "source_id": str,
            "is_reply": int,
            "edited": int,
            "updated_by": str,
            "updated_at": str,
            "rev": int,
        },
        pk="id",
        foreign_keys=[("postmortem_id", "postmortems", "id")],
        defaults={"rev": 0, "is_reply": 0, "edited": 0},
    )
    db.table("events").create_index(["postmortem_id", "at"])
    db.execute(
        "CREATE UNIQUE INDEX idx_events_source_id ON events (postmortem_id, source_id) "
        "WHERE source_id IS NOT NULL AND source_id != ''"
    )
    db.table("actions").create(
        {
            "id": str,
            "postmortem_id": str,
            "title": str,
            "owner": str,
            "due": str,
            "priority": str,
            "kind": str,
            "status": str,
            "status_reason": str,
            "aspirational": int,
            "jira_key": str,
            "position": int,
            "created_at": str,
            "updated_by": str,
            "updated_at": str,
            "rev": int,
        },
        pk="id",
        foreign_keys=[("postmortem_id", "postmortems", "id")],
        defaults={"rev": 0, "aspirational": 0},
    )
    db.table("actions").create_index(["postmortem_id", "position"])
    db.table("actions").create_index(["due"])
    db.table("revisions").create(
        {
            "id": int,
            "postmortem_id": str,
            "entity": str,
            "entity_id": str,
            "field": str,
            "author": str,
            "at": str,
            "old": str,
            "new": str,
        },
        pk="id",
    )
    db.table("revisions").create_index(["postmortem_id", "id"])
    db.table("postmortems").enable_fts(["title"], create_triggers=True)
    db.table("sections").enable_fts(["title", "body"], create_triggers=True)


def _v2(db: Database) -> None:
    """Publishing, meetings, collaboration and follow-through."""
    db.table("publishes").create(
        {
            "id": int,
            "postmortem_id": str,
            "at": str,
            "author": str,
            "documents": str,
            "tickets": str,
        },
        pk="id",
        foreign_keys=[("postmortem_id", "postmortems", "id")],
    )
    db.table("meetings").create(
        {
            "id": int,
            "postmortem_id": str,
            "started_at": str,
            "ended_at": str,
            "record": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("postmortem_id", "postmortems", "id")],
    )
    db.table("presence").create(
        {
            "postmortem_id": str,
            "key": str,
            "value": str,
            "updated_at": str,
        },
        pk=("postmortem_id", "key"),
    )
    db.table("conflicts").create(
        {
            "id": int,
            "postmortem_id": str,
            "entity": str,
            "entity_id": str,
            "field": str,
            "mine": str,
            "theirs": str,
            "theirs_rev": int,
            "author": str,
            "at": str,
            "resolved_at": str,
            "resolution": str,
        },
        pk="id",
    )
    db.table("conflicts").create_index(["postmortem_id", "resolved_at"])
    db.table("requests").create(
        {
            "postmortem_id": str,
            "key": str,
            "person": str,
            "requested_by": str,
            "at": str,
            "note": str,
        },
        pk=("postmortem_id", "key", "person"),
    )
    db.table("actions").add_column("jira_synced", str)
    db.table("postmortems").add_column("follow_up", str)


def _v3(db: Database) -> None:
    """Creates sent to Jira and not yet answered: one row per item, kept until its key is."""
    db.table("ticket_creates").create(
        {"action_id": str, "postmortem_id": str, "label": str, "sent_at": str},
        pk="action_id",
    )
    db.table("ticket_creates").create_index(["postmortem_id"])


def _v4(db: Database) -> None:
    """Contributing factors, what went right and where we got lucky (one table, a kind)."""
    db.table("factors").create(
        {
            "id": str,
            "postmortem_id": str,
            "kind": str,
            "category": str,
            "text": str,
            "events": str,
            "position": int,
            "updated_by": str,
            "updated_at": str,
            "rev": int,
        },
        pk="id",
        foreign_keys=[("postmortem_id", "postmortems", "id")],
        defaults={"rev": 0, "kind": "factor"},
    )
    db.table("factors").create_index(["postmortem_id", "position"])
    db.table("factors").create_index(["category"])


def _v5(db: Database) -> None:
    """The practice of the meeting: notes (surprises, themes, open questions, parked
    ideas), the room's confirmation of the timeline, what responders could see then,
    the learning check and the soak follow-up."""
    db.table("notes").create(
        {
            "id": str,
            "postmortem_id": str,
            "kind": str,
            "text": str,
            "state": str,
            "action_id": str,
            "why": str,
            "author": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("postmortem_id", "postmortems", "id")],
        not_null={"kind", "text"},
        defaults={"state": ""},
    )
    db.table("notes").create_index(["postmortem_id", "kind"])
    postmortems = db.table("postmortems")
    for column in ("timeline_confirmed_by", "timeline_confirmed_at", "soak_due", "soak_done"):
        postmortems.add_column(column, str)
    db.table("events").add_column("known_then", str)
    for column in ("learned", "would_return", "present"):
        db.table("meetings").add_column(column, int)


MIGRATIONS: list[Callable[[Database], None]] = [_v1, _v2, _v3, _v4, _v5]
"""Index i upgrades the schema from version i to i + 1."""

LATEST = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _too_new(before: int) -> SchemaTooNew:
    return SchemaTooNew(
        f"the database was written by a newer debrief (schema {before}, this one knows "
        f"{LATEST}); upgrade debrief to open it"
    )


def migrate(db: Database, path: Path | None) -> int:
    """Bring the schema up to date; returns the version it was at before.

    Everything happens in one write transaction taken first: the version is read
    again inside it, so of many processes opening an old file at once, one migrates
    and the others find it done. The backup is taken inside it too, through SQLite's
    online backup API, so it holds every committed change whoever else is reading.
    """
    if user_version(db.conn) > LATEST:
        raise _too_new(user_version(db.conn))
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        before = user_version(conn)
        if before > LATEST:
            raise _too_new(before)
        if before < LATEST:
            if path is not None and before > 0:
                _backup(path, path.with_name(f"{path.name}.bak-v{before}"))
            for version in range(before, LATEST):
                MIGRATIONS[version](db)
                conn.execute(f"PRAGMA user_version = {version + 1}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return before


def _backup(path: Path, target: Path) -> None:
    """A complete copy of the database at `path` at `target` (replaced if there).

    Read through a connection of its own (SQLite's backup cannot read through one
    that holds the write lock); while the migrating connection holds that lock,
    nothing else can commit, so the copy is exactly the database being upgraded.
    """
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(str(path), timeout=30)
    copy = sqlite3.connect(str(partial))
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    partial.replace(target)
