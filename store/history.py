"""Reading the revision log."""

from __future__ import annotations

from debrief.models import Revision
from debrief.store.base import Base, from_json


class HistoryMixin(Base):
    def history(
        self, pm_id: str, entity: str | None = None, entity_id: str | None = None
    ) -> list[Revision]:
        """Every revision of a post-mortem, oldest first; optionally of one thing in it."""
        where = ["postmortem_id = ?"]
        params: list[str] = [pm_id]
        if entity:
            where.append("entity = ?")
            params.append(entity)
        if entity_id:
            where.append("entity_id = ?")
            params.append(entity_id)
        with self.reading():
            rows = self.db.table("revisions").rows_where(" AND ".join(where), params, order_by="id")
            return [
                Revision.model_validate(
                    {**r, "old": from_json(r["old"]), "new": from_json(r["new"])}
                )
                for r in rows
            ]
