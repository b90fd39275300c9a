"""Contributing factors, what went right and where we got lucky: one table with a kind."""

from __future__ import annotations

from typing import Any

from debrief.models import Document, Factor, Postmortem
from debrief.store.base import from_json, iso, new_id, to_json
from debrief.store.entities import EntityMixin, model_row
from debrief.store.errors import Conflict, NotFound
from debrief.store.exchange import ExchangeMixin


def _row(factor: Factor) -> dict[str, Any]:
    row = model_row(factor)
    row["events"] = to_json(list(factor.events))
    return row


def _factor(row: dict[str, Any]) -> Factor:
    data = {k: v for k, v in row.items() if k in Factor.model_fields and v is not None}
    data["events"] = from_json(row.get("events")) or []
    return Factor.model_validate(data)


class FactorsMixin(ExchangeMixin, EntityMixin):
    def factors(self, pm_id: str) -> list[Factor]:
        """The post-mortem's factors, every kind, in the order they were recorded."""
        with self.reading():
            rows = self.db.table("factors").rows_where(
                "postmortem_id = ?", [pm_id], order_by="position, rowid"
            )
            return [_factor(r) for r in rows]

    def get_factor(self, pm_id: str, factor_id: str) -> Factor:
        with self.reading():
            rows = self.db.table("factors").rows_where(
                "id = ? AND postmortem_id = ?", [factor_id, pm_id]
            )
        if not rows:
            raise NotFound(f"post-mortem {pm_id} has no factor with id {factor_id!r}")
        return _factor(rows[0])

    def add_factor(self, pm_id: str, factor: Factor) -> Factor:
        if not factor.text.strip():
            raise ValueError("a factor needs a short text")
        self.get_postmortem(pm_id)
        now = self.now()
        with self.write():
            (last,) = self.db.execute(
                "SELECT coalesce(max(position), -1) FROM factors WHERE postmortem_id = ?",
                [pm_id],
            ).fetchone()
            stored = factor.model_copy(
                update={"id": factor.id or new_id(), "position": last + 1, "rev": 1}
            )
            row = _row(stored)
            row.update(postmortem_id=pm_id, updated_by=self.author, updated_at=iso(now))
            self.db.table("factors").insert(row)
            self.record(pm_id, "factor", stored.id, "", None, stored.model_dump(mode="json"))
            self._touch(pm_id)
        return stored

    def update_factor(
        self, pm_id: str, factor_id: str, changes: dict[str, Any], base: Factor | None = None
    ) -> Factor:
        """Change some fields; with `base`, refuse fields someone else changed meanwhile."""
        unknown = set(changes) - {"kind", "category", "text", "events"}
        if unknown:
            raise ValueError(f"unknown factor field(s): {', '.join(sorted(unknown))}")
        with self.write():
            current = self.get_factor(pm_id, factor_id)
            proposed = Factor.model_validate({**current.model_dump(), **changes})
            if not proposed.text.strip():
                raise ValueError("a factor needs a short text")
            old, new = current.model_dump(mode="json"), proposed.model_dump(mode="json")
            changed = [k for k in changes if old[k] != new[k]]
            if base is not None:
                was = base.model_dump(mode="json")
                clashes = tuple(k for k in changed if old[k] != was[k])
                if clashes:
                    raise Conflict(
                        f"someone else changed the {', '.join(clashes)} of this factor "
                        "while you were editing it",
                        current,
                        clashes,
                    )
            if not changed:
                return current
            updated = proposed.model_copy(update={"rev": current.rev + 1})
            row = {k: v for k, v in _row(updated).items() if k in changed or k == "rev"}
            row.update(updated_by=self.author, updated_at=iso(self.now()))
            self.db.table("factors").update(factor_id, row)
            for key in changed:
                self.record(pm_id, "factor", factor_id, key, old[key], new[key])
            self._touch(pm_id)
        return updated

    def delete_factor(self, pm_id: str, factor_id: str) -> Factor:
        with self.write():
            current = self.get_factor(pm_id, factor_id)
            self.db.table("factors").delete_where("id = ?", [factor_id])
            self.record(pm_id, "factor", factor_id, "", current.model_dump(mode="json"), None)
            self._touch(pm_id)
        return current

    # -- whole documents ---------------------------------------------------------

    def import_document(self, doc: Document, check_actions: bool = True) -> Postmortem:
        """As ExchangeMixin's, with the document's factors (their event links kept where
        the events kept their ids)."""
        with self.write():
            pm = super().import_document(doc, check_actions)
            if doc.factors:
                stored = self.db.table("events").rows_where(
                    "postmortem_id = ?", [pm.id], order_by="rowid", select="id"
                )  # in the document's order: an event whose id was taken got a new one
                renamed = {e.id: r["id"] for e, r in zip(doc.events, stored, strict=False) if e.id}
                rows = []
                for position, factor in enumerate(doc.factors):
                    fid = factor.id
                    if not fid or self.db.table("factors").count_where("id = ?", [fid]):
                        fid = new_id()
                    links = [renamed[e] for e in factor.events if e in renamed]
                    row = _row(factor.model_copy(update={"id": fid, "events": links}))
                    row.update(
                        postmortem_id=pm.id,
                        position=position,
                        updated_by=self.author,
                        updated_at=iso(self.now()),
                    )
                    rows.append(row)
                self.db.table("factors").insert_all(rows)
        return pm

    def delete_postmortem(self, pm_id: str) -> None:
        with self.write():
            self.db.table("factors").delete_where("postmortem_id = ?", [pm_id])
            super().delete_postmortem(pm_id)
