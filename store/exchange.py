"""Importing whole documents (JSON exports) in one transaction."""

from __future__ import annotations

from debrief.models import Document, Postmortem
from debrief.record import Record
from debrief.store.actions import ActionsMixin, check_action
from debrief.store.base import iso, new_id
from debrief.store.entities import model_row
from debrief.store.postmortems import _pm_row
from debrief.store.timeline import TimelineMixin


class ExchangeMixin(TimelineMixin, ActionsMixin):
    def import_documents(self, docs: list[Document]) -> list[Postmortem]:
        """Store several post-mortems in one transaction: all of them, or none."""
        for doc in docs:
            for action in doc.actions:
                check_action(action)
        with self.write():
            return [self.import_document(doc) for doc in docs]

    def import_document(self, doc: Document, check_actions: bool = True) -> Postmortem:
        """Store a whole post-mortem; all or nothing.

        Its id is kept when free; otherwise it gets the next PM-n id. Events and
        items keep their ids unless those are taken. `check_actions=False` accepts
        items without an owner or due date (imported from documents that name none;
        `check` lists them).
        """
        for action in doc.actions if check_actions else ():
            check_action(action)
        now = self.now()
        with self.write():
            pm = doc.postmortem
            if self.db.table("postmortems").count_where("id = ?", [pm.id]):
                pm = pm.model_copy(update={"id": self._next_id()})
            self.db.table("postmortems").insert(_pm_row(pm))
            self.db.table("sections").insert_all(
                {
                    "postmortem_id": pm.id,
                    "key": s.key,
                    "title": s.title,
                    "body": s.body,
                    "position": s.position if s.position else i,
                    "updated_by": s.updated_by,
                    "updated_at": iso(s.updated_at),
                    "rev": s.rev,
                }
                for i, s in enumerate(doc.sections)
            )
            parts: list[tuple[str, list[Record]]] = [
                ("events", list(doc.events)),
                ("actions", list(doc.actions)),
            ]
            for table, items in parts:
                rows = []
                for item in items:
                    row = model_row(item)
                    item_id = row["id"]
                    if not item_id or self.db.table(table).count_where("id = ?", [item_id]):
                        row["id"] = new_id()
                    row.update(postmortem_id=pm.id, updated_by=self.author, updated_at=iso(now))
                    rows.append(row)
                self.db.table(table).insert_all(rows, batch_size=500)
            self.record(pm.id, "postmortem", pm.id, "import", None, {"title": pm.title})
        return pm
