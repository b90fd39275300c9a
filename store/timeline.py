"""Timeline events."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from debrief.models import Milestone, TimelineEvent
from debrief.store.base import iso, new_id
from debrief.store.entities import EntityMixin, model_row, row_model

_COLUMNS = (
    "id, postmortem_id, at, text, source, author, link, milestone, source_id, "
    "is_reply, edited, updated_by, updated_at, rev"
)
_INSERT = f"INSERT INTO events ({_COLUMNS}) VALUES ({', '.join('?' * 14)})"
_BATCH = 5000
_ID_MASK = (1 << 48) - 1
_IMPORT_CACHE_KIB = -65536  # negative: KiB; the indexes of a big import stay in memory


class EventLike(Protocol):
    """A TimelineEvent, or an importer's record with the same fields (`at` aware)."""

    @property
    def id(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    @property
    def text(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def author(self) -> str: ...
    @property
    def link(self) -> str: ...
    @property
    def milestone(self) -> Milestone | None: ...
    @property
    def source_id(self) -> str: ...
    @property
    def is_reply(self) -> bool: ...
    @property
    def edited(self) -> bool: ...


@dataclass(frozen=True)
class ImportCounts:
    added: int
    already: int
    """Events whose source_id was already in the timeline (or repeated in the input)."""


def stamp(value: datetime) -> str:
    """`iso()`, about twice as fast for the UTC instants models hold (the bulk path's case)."""
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    return value.isoformat(timespec="microseconds")[:26] + "Z"


class TimelineMixin(EntityMixin):
    def events(self, pm_id: str) -> list[TimelineEvent]:
        """The post-mortem's timeline, oldest first."""
        with self.reading():
            rows = self.db.table("events").rows_where(
                "postmortem_id = ?", [pm_id], order_by="at, rowid"
            )
            return [row_model(TimelineEvent, r) for r in rows]

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
        so a long import reading files never holds the database lock), then
        inserted in batches; `progress` gets (inserted, to insert).
        """
        self.get_postmortem(pm_id)
        now = iso(self.now())
        author = self.author
        # Ids count up from a random start: unique like new_id(), but appended to
        # the primary-key index instead of scattered through it (twice as fast).
        base = int.from_bytes(os.urandom(6), "big")
        rows = [
            (
                e.id or f"{(base + i) & _ID_MASK:012x}",
                pm_id,
                stamp(e.at),
                e.text,
                e.source,
                e.author,
                e.link,
                e.milestone.value if e.milestone else None,
                e.source_id,
                int(e.is_reply),
                int(e.edited),
                author,
                now,
                1,
            )
            for i, e in enumerate(events)
        ]
        with self.write():
            seen = self.source_ids(pm_id)
            fresh = []
            for row in rows:
                source_id = row[8]
                if source_id:
                    if source_id in seen:
                        continue
                    seen.add(source_id)
                fresh.append(row)
            conn = self.db.conn
            cache = conn.execute("PRAGMA cache_size").fetchone()[0]
            conn.execute(f"PRAGMA cache_size = {_IMPORT_CACHE_KIB}")
            try:
                for start in range(0, len(fresh), _BATCH):
                    conn.executemany(_INSERT, fresh[start : start + _BATCH])
                    if progress is not None:
                        progress(min(start + _BATCH, len(fresh)), len(fresh))
            finally:
                conn.execute(f"PRAGMA cache_size = {int(cache)}")
            if fresh:
                self.record(pm_id, "timeline", label, "", None, {"added": len(fresh)})
        return ImportCounts(added=len(fresh), already=len(rows) - len(fresh))

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
