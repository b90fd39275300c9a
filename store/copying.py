"""Copying post-mortems with their history from one database to another (`debrief copy`).

Either way between SQLite and PostgreSQL (or between two of either). A post-mortem is
copied whole, in one transaction of the target: its own row, sections, timeline,
action items, every revision, publishes, meetings, kept conflicts, requests and
tickets in flight. One whose id the target already holds is left as it is there, so
running the copy again copies nothing new, and a copy that was interrupted goes on
where it stopped.

Rows keep their order (the revision log's, the timeline's): they are read in the
source's insertion order and written in it. Ids that the database counts (revisions,
publishes, meetings, conflicts) are counted afresh by the target; nothing refers to
them. The live meeting view (`presence`: where a facilitator's screen is now) is not
copied.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from debrief.store.sqldb import COUNTED_IDS
from debrief.store.store import Store

TABLES: tuple[tuple[str, str], ...] = (
    ("postmortems", "rowid"),
    ("sections", "rowid"),
    ("events", "rowid"),
    ("actions", "rowid"),
    ("revisions", "id"),
    ("publishes", "id"),
    ("meetings", "id"),
    ("conflicts", "id"),
    ("requests", "at, key, person"),
    ("ticket_creates", "action_id"),
)
"""The tables holding a post-mortem, parents first, each with its insertion order."""
NOT_COPIED = frozenset({"presence"})
"""Tables whose rows are not a post-mortem's record (the live meeting view)."""

Progress = Callable[[int, int, str], None]
"""(done, total, post-mortem id) after each post-mortem."""


@dataclass
class Copied:
    copied: list[str] = field(default_factory=list)
    """Ids of the post-mortems copied."""
    present: list[str] = field(default_factory=list)
    """Ids the target held already (left as they were there)."""
    revisions: int = 0
    """Revision rows copied with them."""


def _rows(source: Store, table: str, order: str, pm_id: str) -> list[dict[str, object]]:
    key = "id" if table == "postmortems" else "postmortem_id"
    rows = source.db.query(f"SELECT * FROM {table} WHERE {key} = ? ORDER BY {order}", [pm_id])
    drop = {"rowid"} | ({"id"} if table in COUNTED_IDS else set())
    return [{k: v for k, v in row.items() if k not in drop} for row in rows]


def copy_postmortems(source: Store, target: Store, progress: Progress | None = None) -> Copied:
    """Copy every post-mortem of `source` that `target` does not hold yet."""
    with source.reading():
        ids = [str(r["id"]) for r in source.db.query("SELECT id FROM postmortems ORDER BY rowid")]
    with target.reading():
        held = {str(r["id"]) for r in target.db.query("SELECT id FROM postmortems")}
    done = Copied()
    for count, pm_id in enumerate(ids, start=1):
        if pm_id in held:
            done.present.append(pm_id)
        else:
            with source.reading():
                tables = [(t, _rows(source, t, order, pm_id)) for t, order in TABLES]
            with target.write() as db:
                for table, rows in tables:
                    db.table(table).insert_all(rows)
            done.copied.append(pm_id)
            done.revisions += len(dict(tables)["revisions"])
        if progress is not None:
            progress(count, len(ids), pm_id)
    return done
