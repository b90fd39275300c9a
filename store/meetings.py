"""Debrief meetings: their records, and what the facilitator's screen shows right now.

Records live in the `meetings` table (one row per meeting, the record as JSON);
the facilitator's current section and timer live in the `presence` table under the
key "meeting:view", where the presenter view reads them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from debrief.meeting import MeetingRecord, Presence
from debrief.models import Postmortem, Status
from debrief.store.base import iso
from debrief.store.postmortems import PostmortemsMixin

VIEW_KEY = "meeting:view"


def _record(row: dict[str, Any]) -> MeetingRecord | None:
    try:
        record = MeetingRecord.model_validate_json(row["record"] or "{}")
    except (ValueError, RecursionError):
        return None
    return record.model_copy(update={"id": row["id"], "postmortem_id": row["postmortem_id"]})


class MeetingsMixin(PostmortemsMixin):
    # -- records -------------------------------------------------------------------

    def save_meeting(self, record: MeetingRecord) -> MeetingRecord:
        """Insert or update a meeting's record; returns it with its id."""
        row: dict[str, Any] = {
            "postmortem_id": record.postmortem_id,
            "started_at": iso(record.started_at),
            "ended_at": iso(record.ended_at),
            "record": record.model_dump_json(exclude={"id"}),
            "updated_at": iso(self.now()),
        }
        with self.write() as db:
            self.get_postmortem(record.postmortem_id)
            table = db.table("meetings")
            if record.id is None:
                table.insert(row)
                return record.model_copy(update={"id": table.last_pk})
            table.update(record.id, row)
        return record

    def meetings(self, pm_id: str) -> list[MeetingRecord]:
        """Every meeting of a post-mortem, oldest first."""
        with self.reading():
            rows = list(
                self.db.table("meetings").rows_where("postmortem_id = ?", [pm_id], order_by="id")
            )
        return [r for r in (_record(row) for row in rows) if r is not None]

    def unfinished_meeting(self, pm_id: str) -> MeetingRecord | None:
        """The latest meeting that was started and never finished (the app was closed)."""
        held = [m for m in self.meetings(pm_id) if m.started_at is not None]
        return held[-1] if held and held[-1].ended_at is None else None

    def finish_debrief(self, pm_id: str, follow_up: date) -> Postmortem:
        """The meeting is over: status `debriefed` (unless already published) and follow-up."""
        with self.write():
            pm = self.get_postmortem(pm_id)
            changes: dict[str, Any] = {"follow_up": follow_up}
            if pm.status in (Status.draft, Status.ready):
                changes["status"] = Status.debriefed
            return self.update_postmortem(pm_id, **changes)

    # -- what the facilitator shows ------------------------------------------------------

    def set_meeting_view(self, pm_id: str, view: Presence) -> None:
        """Publish the facilitator's current section and timer (one short write)."""
        with self.write() as db:
            db.table("presence").upsert(
                {
                    "postmortem_id": pm_id,
                    "key": VIEW_KEY,
                    "value": view.model_dump_json(),
                    "updated_at": iso(self.now()),
                },
                pk=("postmortem_id", "key"),
            )

    def meeting_view(self, pm_id: str) -> Presence | None:
        """What the facilitator's screen last published, if anything."""
        with self.reading():
            rows = list(
                self.db.table("presence").rows_where(
                    "postmortem_id = ? AND key = ?", [pm_id, VIEW_KEY]
                )
            )
        if not rows:
            return None
        try:
            return Presence.model_validate_json(rows[0]["value"] or "")
        except (ValueError, RecursionError):
            return None
