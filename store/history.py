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

    def section_body_at(self, pm_id: str, key: str, rev: int) -> str | None:
        """The body section `key` had at revision `rev`, read back through the log.

        Every save of a body adds one to the section's revision and writes one
        revision row holding the body before and after, so the last `current - rev`
        body rows lead from `rev` to now. None when the log cannot say: a
        revision from before an import, or a log that does not chain up.
        """
        with self.reading():
            rows = list(
                self.db.table("sections").rows_where(
                    "postmortem_id = ? AND key = ?", [pm_id, key], select="body, rev"
                )
            )
        if not rows:
            return None
        body, current = rows[0]["body"] or "", int(rows[0]["rev"] or 0)
        if rev == current:
            return body
        if not 0 <= rev < current:
            return None
        saves = [r for r in self.history(pm_id, "section", key) if r.field == "body"]
        steps = saves[len(saves) - (current - rev) :] if current - rev <= len(saves) else []
        if not steps:
            return None
        after = body
        for step in reversed(steps):
            if (step.new or "") != after:
                return None
            after = step.old or ""
        return after
