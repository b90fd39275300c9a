"""Timeline events."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from debrief.dates import EARLIEST, LATEST, WINDOW, DateError, stored_instant
from debrief.event_rows import EventLike, EventRow, event_row
from debrief.models import TimelineEvent
from debrief.store.base import iso, new_id
from debrief.store.entities import EntityMixin, model_row, row_model

_COLUMNS = (
    "at, text, source, author, link, milestone, source_id, is_reply, edited, "
    "id, postmortem_id, updated_by, updated_at, rev"
)
_BATCH = 5000
_ID_MASK = (1 << 48) - 1
_EARLIEST = stored_instant(EARLIEST)
_LATEST = stored_instant(LATEST - timedelta(microseconds=1))[:-1] + "\x7f"


@dataclass(frozen=True)
class ImportCounts:
    added: int
    already: int
    """Events whose source_id was already in the timeline (or repeated in the input)."""


def _insert_quoting(literals: list[str]) -> str:
    """The bulk INSERT for one import: ten values a row, the four that are the same
    for every row written in as literals (quoted by the database itself), and
    rows whose source_id is already in the timeline (or repeated) skipped."""
    return (
        f"INSERT INTO events ({_COLUMNS}) VALUES ({', '.join('?' * 10)}, {', '.join(literals)}, 1) "
        "ON CONFLICT (postmortem_id, source_id) "
        "WHERE source_id IS NOT NULL AND source_id != '' DO NOTHING"
    )


def _check_stamps(batch: Sequence[EventRow]) -> None:
    """The bulk path's instants are stored as given: refuse a batch whose earliest or
    latest lies outside the accepted window (the importers never make one)."""
    if not batch:
        return
    for row in (min(batch), max(batch)):
        stamp = row[0]
        if len(stamp) != len(_EARLIEST) or not _EARLIEST <= stamp < _LATEST:
            raise DateError(f"{stamp!r} is outside the times debrief accepts ({WINDOW})")


class TimelineMixin(EntityMixin):
    def events(self, pm_id: str) -> list[TimelineEvent]:
        """The post-mortem's timeline, oldest first."""
        with self.reading():
            rows = self.db.table("events").rows_where(
                "postmortem_id = ?", [pm_id], order_by="at, rowid"
            )
            return [row_model(TimelineEvent, r) for r in rows]

    def event_authors(self, pm_id: str) -> list[str]:
        """Who wrote the timeline's events, each once, in name order (no empty names)."""
        with self.reading():
            rows = self.db.query(
                "SELECT DISTINCT author FROM events WHERE postmortem_id = ? AND author <> ''"
                " ORDER BY author",
                [pm_id],
            )
            return [r["author"] for r in rows]

    def event_count(self, pm_id: str) -> int:
        with self.reading():
            return self.db.table("events").count_where("postmortem_id = ?", [pm_id])

    def get_event(self, pm_id: str, event_id: str) -> TimelineEvent:
        return self._get(TimelineEvent, "events", pm_id, event_id, "timeline event")

    def add_event(self, pm_id: str, event: TimelineEvent) -> TimelineEvent:
        """Add one event; returns it with its id."""
        added = self.add_events(pm_id, [event], label="")
        if added:
            return added[0]
        return self._by_source_id(pm_id, event.source_id)

    def add_events(
        self, pm_id: str, events: Iterable[TimelineEvent], label: str = "import"
    ) -> list[TimelineEvent]:
        """Add many events in one transaction, skipping any whose source_id is already here.

        Returns the events that were added. One revision records a bulk import
        (`label`), or each event when there is no label.
        """
        self.get_postmortem(pm_id)
        now = iso(self.now())
        added: list[TimelineEvent] = []
        with self.write():
            table = self.db.table("events")
            seen = {
                r[0]
                for r in self.db.execute(
                    "SELECT source_id FROM events WHERE postmortem_id = ? AND source_id != ''",
                    [pm_id],
                )
            }
            rows = []
            for event in events:
                if event.source_id and event.source_id in seen:
                    continue
                if event.source_id:
                    seen.add(event.source_id)
                stored = event.model_copy(update={"id": event.id or new_id(), "rev": 1})
                row = model_row(stored)
                row.update(postmortem_id=pm_id, updated_by=self.author, updated_at=now)
                rows.append(row)
                added.append(stored)
            table.insert_all(rows, batch_size=500)
            if label:
                if added:
                    self.record(pm_id, "timeline", label, "", None, {"added": len(added)})
            else:
                for stored in added:
                    self.record(pm_id, "event", stored.id, "", None, stored.model_dump(mode="json"))
        return added

    def source_ids(self, pm_id: str) -> set[str]:
        """The source ids already in the timeline (what an import would skip)."""
        with self.reading():
            return {
                r[0]
                for r in self.db.execute(
                    "SELECT source_id FROM events WHERE postmortem_id = ? AND source_id != ''",
                    [pm_id],
                )
            }

    def import_events(
        self,
        pm_id: str,
        events: Iterable[EventLike],
        label: str = "import",
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportCounts:
        """Add many events fast, skipping source_ids already here; one revision records it.

        `events` is consumed before the write transaction starts (as compact rows,
        so reading files never holds the database lock); every event gets a new
        id. `progress` gets (inserted, to insert).
        """
        rows = [event_row(e) for e in events]
        return self.import_rows(pm_id, [rows], label, progress)

    def import_rows(
        self,
        pm_id: str,
        batches: Iterable[Sequence[EventRow]],
        label: str = "import",
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportCounts:
        """Insert batches of `event_row()`s in one transaction, as they arrive.

        Batches coming from other processes are stored while the next ones are
        read (the transaction stays open until the last); source_ids already in
        the timeline, or repeated, are skipped (by the unique index). `progress`
        gets (inserted, rows seen so far) as it goes.
        """
        self.get_postmortem(pm_id)
        # Ids count up from a random start: unique like new_id(), but appended to
        # the primary-key index instead of scattered through it (twice as fast).
        next_id = int.from_bytes(os.urandom(6), "big")
        added = total = 0
        with self.write():
            literals = self.engine.literals(self.conn, [pm_id, self.author, iso(self.now())])
            insert = _insert_quoting(literals)
            with self.engine.bulk(self.conn):
                for batch in batches:
                    _check_stamps(batch)
                    total += len(batch)
                    for start in range(0, len(batch), _BATCH):
                        rows = [
                            (*row, f"{(next_id + i) & _ID_MASK:012x}")
                            for i, row in enumerate(batch[start : start + _BATCH])
                        ]
                        next_id += len(rows)
                        added += self.db.executemany(insert, rows)
                        if progress is not None:
                            progress(added, total)
            if added:
                self.record(pm_id, "timeline", label, "", None, {"added": added})
        return ImportCounts(added=added, already=total - added)

    def rename_authors(self, pm_id: str, renames: Mapping[str, str]) -> int:
        """Events whose author is a key of `renames` get its value; how many changed."""
        changed = 0
        with self.write():
            for old, new in renames.items():
                changed += self.db.execute(
                    "UPDATE events SET author = ? WHERE postmortem_id = ? AND author = ?",
                    [new, pm_id, old],
                ).rowcount
        return changed

    def _by_source_id(self, pm_id: str, source_id: str) -> TimelineEvent:
        rows = list(
            self.db.table("events").rows_where(
                "postmortem_id = ? AND source_id = ?", [pm_id, source_id]
            )
        )
        return row_model(TimelineEvent, rows[0])

    def update_event(
        self,
        pm_id: str,
        event_id: str,
        changes: dict[str, Any],
        base: TimelineEvent | None = None,
    ) -> TimelineEvent:
        return self._update(TimelineEvent, "events", "event", pm_id, event_id, changes, base)

    def delete_event(self, pm_id: str, event_id: str) -> TimelineEvent:
        return self._delete(TimelineEvent, "events", "event", pm_id, event_id)
