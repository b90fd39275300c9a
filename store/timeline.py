"""Timeline events."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from debrief.models import TimelineEvent
from debrief.store.base import iso, new_id
from debrief.store.entities import EntityMixin, model_row, row_model


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
