"""Field-level saves shared by timeline events and action items.

Two people editing different fields of one item both win; editing the same
field from a stale copy is a Conflict naming that field.
"""

from __future__ import annotations

from typing import Any, TypeVar

from debrief.record import Record
from debrief.store.base import iso
from debrief.store.errors import Conflict, NotFound
from debrief.store.postmortems import PostmortemsMixin

M = TypeVar("M", bound=Record)


def model_row(model: Record) -> dict[str, Any]:
    """A model as a row: JSON-mode values, datetimes in the stored form."""
    data = model.model_dump(mode="json")
    for name in data:
        value = getattr(model, name)
        if hasattr(value, "tzinfo"):
            data[name] = iso(value)
        elif isinstance(value, bool):
            data[name] = int(value)
    return data


def row_model(cls: type[M], row: dict[str, Any]) -> M:
    fields = cls.model_fields
    return cls.model_validate({k: v for k, v in row.items() if k in fields and v is not None})


class EntityMixin(PostmortemsMixin):
    def _get(self, cls: type[M], table: str, pm_id: str, entity_id: str, noun: str) -> M:
        with self.reading():
            rows = list(
                self.db.table(table).rows_where("id = ? AND postmortem_id = ?", [entity_id, pm_id])
            )
        if not rows:
            raise NotFound(f"post-mortem {pm_id} has no {noun} with id {entity_id!r}")
        return row_model(cls, rows[0])

    def _update(
        self,
        cls: type[M],
        table: str,
        entity: str,
        pm_id: str,
        entity_id: str,
        changes: dict[str, Any],
        base: M | None,
    ) -> M:
        """Apply `changes`; with `base`, refuse fields someone else changed meanwhile."""
        unknown = set(changes) - (set(cls.model_fields) - {"id", "rev"})
        if unknown:
            raise ValueError(f"unknown {entity} field(s): {', '.join(sorted(unknown))}")
        with self.write():
            current = self._get(cls, table, pm_id, entity_id, entity)
            proposed = cls.model_validate({**current.model_dump(), **changes})
            cur_json = current.model_dump(mode="json")
            new_json = proposed.model_dump(mode="json")
            changed = [k for k in changes if cur_json[k] != new_json[k]]
            if base is not None:
                base_json = base.model_dump(mode="json")
                clashes = tuple(k for k in changed if cur_json[k] != base_json[k])
                if clashes:
                    raise Conflict(
                        f"someone else changed the {', '.join(clashes)} of this {entity} "
                        "while you were editing it",
                        current,
                        clashes,
                    )
            if not changed:
                return current
            rev = getattr(current, "rev", 0) + 1
            updated = cls.model_validate({**proposed.model_dump(), "rev": rev})
            row = {k: v for k, v in model_row(updated).items() if k in changed or k == "rev"}
            row.update({"updated_by": self.author, "updated_at": iso(self.now())})
            self.db.table(table).update(entity_id, row)
            for key in changed:
                self.record(pm_id, entity, entity_id, key, cur_json[key], new_json[key])
        return updated

    def _delete(self, cls: type[M], table: str, entity: str, pm_id: str, entity_id: str) -> M:
        with self.write():
            current = self._get(cls, table, pm_id, entity_id, entity)
            self.db.table(table).delete(entity_id)
            self.record(pm_id, entity, entity_id, "", current.model_dump(mode="json"), None)
        return current
