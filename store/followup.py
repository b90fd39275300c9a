"""Follow-through: action items across post-mortems, status changes, what Jira said, follow-ups.

`actions.jira_synced` (see `publishing`) holds what Jira said about a ticket the
last time it was agreed: publish writes it, sync refreshes it. A sync's writes
are made by a Store opened with the author "jira", in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from debrief.followup.listing import ActionRow
from debrief.models import ActionItem, ActionStatus, Postmortem
from debrief.store.actions import ActionsMixin
from debrief.store.base import from_json, iso, to_json
from debrief.store.entities import model_row, row_model
from debrief.store.postmortems import _pm_from_row

_ROWS = """
SELECT a.*, p.title AS postmortem_title
FROM actions a JOIN postmortems p ON p.id = a.postmortem_id
{where}
ORDER BY a.due IS NULL, a.due, a.postmortem_id, a.position, a.rowid
"""


@dataclass(frozen=True)
class PublishedItem:
    """An item with a Jira ticket, and what Jira said about it at the last publish or sync."""

    postmortem_id: str
    item: ActionItem
    synced: dict[str, Any]


@dataclass
class SyncWrite:
    """What a sync changes on one item: model fields (each a revision), and what Jira said."""

    postmortem_id: str
    action_id: str
    base_rev: int
    """The item's revision the changes were worked out from."""
    changes: dict[str, Any] = field(default_factory=dict)
    synced: dict[str, Any] = field(default_factory=dict)


class FollowupMixin(ActionsMixin):
    def action_rows(self, pm_id: str | None = None) -> list[ActionRow]:
        """Every action item (of one post-mortem, or of all), with its post-mortem's title."""
        where, params = ("WHERE a.postmortem_id = ?", [pm_id]) if pm_id else ("", [])
        with self.reading():
            cursor = self.db.execute(_ROWS.format(where=where), params)
            names = [d[0] for d in cursor.description]
            rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
        return [row_model(ActionRow, r) for r in rows]

    def set_action_status(
        self,
        pm_id: str,
        action_id: str,
        status: ActionStatus | str,
        reason: str = "",
        base: ActionItem | None = None,
    ) -> ActionItem:
        """Move an item to open, in progress, done or not doing (which needs a reason).

        The reason is kept only for not-doing; each changed field is a revision.
        """
        status = ActionStatus(status)
        reason = " ".join(reason.split())
        if status is ActionStatus.not_doing and not reason:
            raise ValueError("“not doing” needs a reason: say why the team decided against it")
        changes = {
            "status": status,
            "status_reason": reason if status is ActionStatus.not_doing else "",
        }
        return self.update_action(pm_id, action_id, changes, base=base)

    def published_items(self, pm_id: str | None = None) -> list[PublishedItem]:
        """Owned items that have a Jira ticket (of one post-mortem, or of all)."""
        where = "jira_key IS NOT NULL AND jira_key != '' AND aspirational = 0"
        params: list[str] = []
        if pm_id:
            where += " AND postmortem_id = ?"
            params.append(pm_id)
        with self.reading():
            rows = list(
                self.db.table("actions").rows_where(
                    where, params, order_by="postmortem_id, position, rowid"
                )
            )
        return [
            PublishedItem(
                r["postmortem_id"], row_model(ActionItem, r), from_json(r["jira_synced"]) or {}
            )
            for r in rows
        ]

    def apply_sync(self, writes: list[SyncWrite]) -> list[SyncWrite]:
        """Apply a sync in one transaction; returns the writes skipped because the item
        changed (or went) since the sync read it: the next sync picks those up again."""
        skipped: list[SyncWrite] = []
        now = iso(self.now())
        with self.write():
            for w in writes:
                rows = list(
                    self.db.table("actions").rows_where(
                        "id = ? AND postmortem_id = ?", [w.action_id, w.postmortem_id]
                    )
                )
                if not rows or (rows[0]["rev"] or 0) != w.base_rev:
                    skipped.append(w)
                    continue
                current = row_model(ActionItem, rows[0])
                updated = ActionItem.model_validate({**current.model_dump(), **w.changes})
                cur_json, new_json = (
                    current.model_dump(mode="json"),
                    updated.model_dump(mode="json"),
                )
                changed = [k for k in w.changes if cur_json[k] != new_json[k]]
                row: dict[str, Any] = {"jira_synced": to_json({**w.synced, "at": now})}
                if changed:
                    updated = updated.model_copy(update={"rev": current.rev + 1})
                    stored = model_row(updated)
                    row.update({k: stored[k] for k in changed})
                    row.update(rev=updated.rev, updated_by=self.author, updated_at=now)
                    for key in changed:
                        self.record(
                            w.postmortem_id,
                            "action",
                            w.action_id,
                            key,
                            cur_json[key],
                            new_json[key],
                        )
                self.db.table("actions").update(w.action_id, row)
        return skipped

    def follow_ups_due(self, today: date) -> list[Postmortem]:
        """Post-mortems whose follow-up review date is today or past, earliest first."""
        with self.reading():
            rows = list(
                self.db.table("postmortems").rows_where(
                    "follow_up IS NOT NULL AND follow_up != '' AND follow_up <= ?",
                    [today.isoformat()],
                    order_by="follow_up, id",
                )
            )
        return [_pm_from_row(r) for r in rows]
