"""Working together: kept conflicts and requested contributions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from debrief.models import Postmortem, Status
from debrief.record import Record
from debrief.store.base import iso
from debrief.store.errors import NotFound
from debrief.store.postmortems import PostmortemsMixin
from debrief.template import Template

if TYPE_CHECKING:
    from debrief.readiness import Readiness


class KeptConflict(Record):
    """Two versions of one thing, both kept until someone decides."""

    id: int
    postmortem_id: str
    entity: str
    entity_id: str
    field: str
    mine: str
    theirs: str
    theirs_rev: int
    author: str
    at: str


class Request(Record):
    """Someone asked to contribute to a section ("ask Support for Impact")."""

    postmortem_id: str
    key: str
    person: str
    requested_by: str
    at: str
    note: str = ""


class CollabMixin(PostmortemsMixin):
    # -- readiness -----------------------------------------------------------------

    def check_readiness(self, pm_id: str, template: Template) -> Readiness:
        """The checklist; a draft that passes it becomes `ready`."""
        result = self.readiness(pm_id, template)
        self.promote_if_ready(pm_id, result)
        return result

    def readiness(self, pm_id: str, template: Template) -> Readiness:
        """The checklist, read only."""
        from debrief.readiness import readiness  # when asked: not on the way to a first frame

        doc = self.document(pm_id)  # type: ignore[attr-defined]
        sections = {s.key: s.title for s in doc.sections}
        where = sorted({sections.get(c.entity_id, c.entity_id) for c in self.open_conflicts(pm_id)})
        return readiness(doc, template, where)

    def promote_if_ready(self, pm_id: str, result: Readiness) -> Postmortem:
        """A draft that passed the checklist becomes `ready`; the post-mortem as it is now."""
        with self.write():
            pm = self.get_postmortem(pm_id)
            if result.ready and pm.status is Status.draft:
                pm = self.set_status(pm_id, Status.ready)
        return pm

    # -- conflicts ------------------------------------------------------------

    def keep_conflict(
        self,
        pm_id: str,
        entity: str,
        entity_id: str,
        field: str,
        mine: str,
        theirs: str,
        theirs_rev: int,
    ) -> KeptConflict:
        """Store the unsaved version beside the saved one, so a crash loses neither."""
        with self.write():
            row: dict[str, Any] = {
                "postmortem_id": pm_id,
                "entity": entity,
                "entity_id": entity_id,
                "field": field,
                "mine": mine,
                "theirs": theirs,
                "theirs_rev": theirs_rev,
                "author": self.author,
                "at": iso(self.now()),
                "resolved_at": None,
                "resolution": None,
            }
            table = self.db.table("conflicts")
            table.insert(row)
            row["id"] = table.last_pk
        return KeptConflict.model_validate(row)

    def open_conflicts(self, pm_id: str, author: str | None = None) -> list[KeptConflict]:
        where = "postmortem_id = ? AND resolved_at IS NULL"
        params = [pm_id]
        if author is not None:
            where += " AND author = ?"
            params.append(author)
        with self.reading():
            rows = self.db.table("conflicts").rows_where(where, params, order_by="id")
            return [KeptConflict.model_validate(r) for r in rows]

    def resolve_section_conflict(self, conflict_id: int, text: str, resolution: str) -> None:
        """Save `text` as the section body (over the version the conflict saw) and close it."""
        with self.write():
            rows = list(self.db.table("conflicts").rows_where("id = ?", [conflict_id]))
            if not rows:
                raise NotFound(f"there is no conflict {conflict_id}")
            conflict = KeptConflict.model_validate(rows[0])
            current = self.get_section(conflict.postmortem_id, conflict.entity_id)
            self.save_section(
                conflict.postmortem_id, conflict.entity_id, text, base_rev=current.rev
            )
            self.db.table("conflicts").update(
                conflict_id, {"resolved_at": iso(self.now()), "resolution": resolution}
            )

    # -- requested contributions ------------------------------------------------

    def request_contribution(self, pm_id: str, key: str, person: str, note: str = "") -> Request:
        self.get_section(pm_id, key)
        person = person.strip()
        if not person:
            raise ValueError("say who is asked to contribute")
        request = Request(
            postmortem_id=pm_id,
            key=key,
            person=person,
            requested_by=self.author,
            at=iso(self.now()) or "",
            note=note,
        )
        with self.write():
            self.db.table("requests").upsert(
                request.model_dump(), pk=("postmortem_id", "key", "person")
            )
            self.record(pm_id, "request", key, "", None, {"person": person, "note": note})
        return request

    def requests(self, pm_id: str | None = None) -> list[Request]:
        with self.reading():
            table = self.db.table("requests")
            rows = (
                table.rows_where("postmortem_id = ?", [pm_id], order_by="at")
                if pm_id
                else table.rows_where(order_by="person, at")
            )
            return [Request.model_validate(r) for r in rows]

    def withdraw_request(self, pm_id: str, key: str, person: str) -> None:
        with self.write():
            self.db.table("requests").delete_where(
                "postmortem_id = ? AND key = ? AND person = ?", [pm_id, key, person]
            )
