"""Action items, owned and aspirational."""

from __future__ import annotations

from typing import Any

from debrief.models import ActionItem
from debrief.store.base import iso, new_id
from debrief.store.entities import EntityMixin, model_row, row_model


def check_action(item: ActionItem) -> None:
    """Owned items need an owner and a due date; aspirational ones need neither."""
    if not item.title.strip():
        raise ValueError("an action item needs a title")
    gaps = item.missing()
    if gaps:
        raise ValueError(
            f"action item {item.title!r} needs {' and '.join(gaps)} "
            "(or mark it aspirational for the 'if we have time' list)"
        )


class ActionsMixin(EntityMixin):
    def actions(self, pm_id: str) -> list[ActionItem]:
        with self.reading():
            rows = self.db.table("actions").rows_where(
                "postmortem_id = ?", [pm_id], order_by="position, rowid"
            )
            return [row_model(ActionItem, r) for r in rows]

    def get_action(self, pm_id: str, action_id: str) -> ActionItem:
        return self._get(ActionItem, "actions", pm_id, action_id, "action item")

    def add_action(self, pm_id: str, item: ActionItem) -> ActionItem:
        check_action(item)
        self.get_postmortem(pm_id)
        now = self.now()
        with self.write():
            (last,) = self.db.execute(
                "SELECT coalesce(max(position), -1) FROM actions WHERE postmortem_id = ?",
                [pm_id],
            ).fetchone()
            stored = item.model_copy(
                update={"id": item.id or new_id(), "position": last + 1, "rev": 1}
            )
            row = model_row(stored)
            row.update(
                postmortem_id=pm_id,
                created_at=iso(now),
                updated_by=self.author,
                updated_at=iso(now),
            )
            self.db.table("actions").insert(row)
            self.record(pm_id, "action", stored.id, "", None, stored.model_dump(mode="json"))
        return stored

    def update_action(
        self,
        pm_id: str,
        action_id: str,
        changes: dict[str, Any],
        base: ActionItem | None = None,
    ) -> ActionItem:
        current = self.get_action(pm_id, action_id)
        check_action(current.model_copy(update=changes))
        return self._update(ActionItem, "actions", "action", pm_id, action_id, changes, base)

    def delete_action(self, pm_id: str, action_id: str) -> ActionItem:
        return self._delete(ActionItem, "actions", "action", pm_id, action_id)
