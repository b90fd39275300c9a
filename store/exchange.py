"""Importing whole documents (JSON exports) in one transaction."""

from __future__ import annotations

from debrief.store.actions import ActionsMixin, check_action
from debrief.store.base import iso, new_id
from debrief.store.entities import model_row
from debrief.store.postmortems import PostmortemsMixin, _pm_row
from debrief.store.timeline import TimelineMixin

from debrief.models import Document, Postmortem


class ExchangeMixin(PostmortemsMixin, TimelineMixin, ActionsMixin):
    def import_document(self, doc: Document) -> Postmortem:
        """Store a whole post-mortem; all or nothing.

        Its id is kept when free; otherwise it gets the next PM-n id. Events and
        items keep their ids unless those are taken.
        """
        for item in doc.actions:
            check_action(item)
        now = self.now()
        with self.write():
            pm = doc.postmortem
            if self.db["postmortems"].count_where("id = ?", [pm.id]):
                pm = pm.model_copy(update={"id": self._next_id()})
            self.db["postmortems"].insert(_pm_row(pm))
            self.db["sections"].insert_all(
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
            for table, items in (("events", doc.events), ("actions", doc.actions)):
                rows = []
                for item in items:
                    row = model_row(item)
                    if not item.id or self.db[table].count_where("id = ?", [item.id]):
                        row["id"] = new_id()
                    row.update(postmortem_id=pm.id, updated_by=self.author, updated_at=iso(now))
                    rows.append(row)
                self.db[table].insert_all(rows, batch_size=500)
            self.record(pm.id, "postmortem", pm.id, "import", None, {"title": pm.title})
        return pm
