"""Post-mortems and their sections."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from debrief.models import Postmortem, Section, Status
from debrief.store.base import Base, from_json, iso, to_json
from debrief.store.errors import Conflict, NotFound
from debrief.store.listed import SHOWN, Listed
from debrief.store.listing import LIST_ORDER
from debrief.template import Template

DEBRIEF_WITHIN = timedelta(days=7)
_PM_FIELDS = set(Postmortem.model_fields) - {"id", "created_at", "updated_at", "rev"}


def _pm_row(pm: Postmortem) -> dict[str, Any]:
    data = pm.model_dump(mode="json")
    for key in ("services", "tags", "participants"):
        data[key] = to_json(data[key])
    for key in ("started_at", "ended_at", "created_at", "updated_at"):
        data[key] = iso(getattr(pm, key))
    return data


def _pm_from_row(row: dict[str, Any]) -> Postmortem:
    data = dict(row)
    for key in ("services", "tags", "participants"):
        data[key] = from_json(data[key]) or []
    return Postmortem.model_validate({k: v for k, v in data.items() if v is not None})


def _section_from_row(row: dict[str, Any]) -> Section:
    data = {k: v for k, v in row.items() if k != "postmortem_id" and v is not None}
    return Section.model_validate(data)


class PostmortemsMixin(Base):
    # -- post-mortems -------------------------------------------------------

    def _next_id(self) -> str:
        highest = 0
        for (pm_id,) in self.db.execute("SELECT id FROM postmortems WHERE id LIKE 'PM-%'"):
            match = re.fullmatch(r"PM-(\d+)", pm_id)
            if match:
                highest = max(highest, int(match.group(1)))
        return f"PM-{highest + 1}"

    def create_postmortem(
        self,
        title: str,
        template: Template,
        *,
        started_at: datetime | None = None,
        severity: str = "",
        pm_id: str | None = None,
        **fields: Any,
    ) -> Postmortem:
        """A new post-mortem with one empty section per template section."""
        title = title.strip()
        if not title:
            raise ValueError("a post-mortem needs a title")
        now = self.now()
        incident_day = (started_at or now).date()
        with self.write():
            new_id = pm_id or self._next_id()
            if pm_id and self.db.table("postmortems").count_where("id = ?", [pm_id]):
                raise ValueError(f"a post-mortem with id {pm_id} already exists")
            pm = Postmortem(
                id=new_id,
                title=title,
                severity=severity,
                started_at=started_at,
                template=template.name,
                debrief_due=fields.pop("debrief_due", None) or incident_day + DEBRIEF_WITHIN,
                created_at=now,
                updated_at=now,
                rev=1,
                **fields,
            )
            self.db.table("postmortems").insert(_pm_row(pm))
            self.db.table("sections").insert_all(
                {
                    "postmortem_id": pm.id,
                    "key": s.key,
                    "title": s.title,
                    "body": "",
                    "position": i,
                    "updated_by": self.author,
                    "updated_at": iso(now),
                    "rev": 0,
                }
                for i, s in enumerate(template.sections)
            )
            self.record(pm.id, "postmortem", pm.id, "", None, {"title": title})
        return pm

    def get_postmortem(self, pm_id: str) -> Postmortem:
        with self.reading():
            rows = list(self.db.table("postmortems").rows_where("id = ?", [pm_id]))
        if not rows:
            raise NotFound(f"there is no post-mortem with id {pm_id!r} (see `debrief list`)")
        return _pm_from_row(rows[0])

    def list_postmortems(self, limit: int | None = None, offset: int = 0) -> list[Postmortem]:
        """Every post-mortem, newest incident first (or the page `offset`, `limit`).

        Plain SQL, like `count_postmortems`: the home screen's first frame needs
        only these two.
        """
        with self.reading():
            cursor = self.db.execute(
                f"SELECT * FROM postmortems {LIST_ORDER} LIMIT ? OFFSET ?",
                [self.engine.no_limit if limit is None else limit, offset],
            )
            names = [d[0] for d in cursor.description]
            return [_pm_from_row(dict(zip(names, r, strict=True))) for r in cursor]

    def listed_postmortems(self, limit: int | None = None, offset: int = 0) -> list[Listed]:
        """The post-mortems as the home screen lists them (`Listed`), in the order and
        pages of `list_postmortems`."""
        with self.reading():
            cursor = self.db.execute(
                f"SELECT {', '.join(SHOWN)} FROM postmortems {LIST_ORDER} LIMIT ? OFFSET ?",
                [self.engine.no_limit if limit is None else limit, offset],
            )
            return [Listed(row) for row in cursor]

    def count_postmortems(self) -> int:
        with self.reading():
            return int(self.db.execute("SELECT count(*) FROM postmortems").fetchone()[0])

    def update_postmortem(self, pm_id: str, **changes: Any) -> Postmortem:
        """Change metadata fields; each changed field is one revision."""
        unknown = set(changes) - _PM_FIELDS
        if unknown:
            raise ValueError(f"unknown post-mortem field(s): {', '.join(sorted(unknown))}")
        with self.write():
            current = self.get_postmortem(pm_id)
            updated = current.model_copy(update=changes)
            updated = Postmortem.model_validate(updated.model_dump())
            old_json = current.model_dump(mode="json")
            new_json = updated.model_dump(mode="json")
            changed = [k for k in changes if old_json[k] != new_json[k]]
            if not changed:
                return current
            updated.rev = current.rev + 1
            updated.updated_at = self.now()
            self.db.table("postmortems").update(pm_id, _pm_row(updated))
            for key in changed:
                self.record(pm_id, "postmortem", pm_id, key, old_json[key], new_json[key])
        return updated

    def set_status(self, pm_id: str, status: Status) -> Postmortem:
        return self.update_postmortem(pm_id, status=status)

    def search(self, query: str, limit: int = 50) -> list[Postmortem]:
        """Post-mortems whose title or any section matches the full-text query: title
        matches first, then section matches, each newest first; at most `limit`.

        Each full-text query streams its matches and stops once `limit` post-mortems
        are found (a UNION of the two read every match first: 30 ms for a common word
        over 10,000 post-mortems, against about 1 ms).
        """
        words = [w for w in re.findall(r"\w+", query) if w]
        if not words:
            return []
        title_sql, section_sql, params = self.engine.search_queries(words)
        found: dict[str, None] = {}  # ordered, without repeats
        with self.reading():
            for sql in (title_sql, section_sql):
                cursor = self.db.execute(sql, params)
                for (pm_id,) in cursor:
                    found[pm_id] = None
                    if len(found) >= limit:
                        break
                cursor.close()
                if len(found) >= limit:
                    break
            return self._postmortems(list(found))

    def _postmortems(self, ids: list[str]) -> list[Postmortem]:
        """These post-mortems, in this order, in one query."""
        if not ids:
            return []
        cursor = self.db.execute(
            f"SELECT * FROM postmortems WHERE id IN ({', '.join('?' * len(ids))})", ids
        )
        names = [d[0] for d in cursor.description]
        rows = {row["id"]: row for row in (dict(zip(names, r, strict=True)) for r in cursor)}
        return [_pm_from_row(rows[i]) for i in ids if i in rows]

    def delete_postmortem(self, pm_id: str) -> None:
        """Remove a post-mortem (used only to undo an import); revisions are kept."""
        with self.write():
            for table in ("sections", "events", "actions"):
                self.db.table(table).delete_where("postmortem_id = ?", [pm_id])
            self.db.table("postmortems").delete_where("id = ?", [pm_id])

    # -- sections ------------------------------------------------------------

    def sections(self, pm_id: str) -> list[Section]:
        with self.reading():
            rows = self.db.table("sections").rows_where(
                "postmortem_id = ?", [pm_id], order_by="position"
            )
            return [_section_from_row(r) for r in rows]

    def get_section(self, pm_id: str, key: str) -> Section:
        with self.reading():
            rows = list(
                self.db.table("sections").rows_where("postmortem_id = ? AND key = ?", [pm_id, key])
            )
        if not rows:
            self.get_postmortem(pm_id)
            keys = ", ".join(s.key for s in self.sections(pm_id))
            raise NotFound(f"post-mortem {pm_id} has no section {key!r} (its sections: {keys})")
        return _section_from_row(rows[0])

    def save_section(self, pm_id: str, key: str, body: str, base_rev: int | None = None) -> Section:
        """Save a section body.

        `base_rev` is the revision the text was edited from; if someone else saved
        in between, nothing is written and Conflict carries what is stored now.
        None means "overwrite whatever is there" (scripts: `debrief section set`),
        which is still recorded in the history with the old value.
        """
        with self.write():
            current = self.get_section(pm_id, key)
            if base_rev is not None and current.rev != base_rev:
                raise Conflict(
                    f"{current.updated_by or 'someone'} changed {current.title!r} while you "
                    "were editing it",
                    current,
                )
            if current.body == body:
                return current
            now = self.now()
            updated = current.model_copy(
                update={
                    "body": body,
                    "rev": current.rev + 1,
                    "updated_by": self.author,
                    "updated_at": now,
                }
            )
            self.db.table("sections").update(
                (pm_id, key),
                {
                    "body": body,
                    "rev": updated.rev,
                    "updated_by": self.author,
                    "updated_at": iso(now),
                },
            )
            self.record(pm_id, "section", key, "body", current.body, body)
            self._touch(pm_id)
        return updated

    def _touch(self, pm_id: str) -> None:
        self.db.execute(
            "UPDATE postmortems SET updated_at = ? WHERE id = ?", [iso(self.now()), pm_id]
        )

    def today(self) -> date:
        return self.now().astimezone().date()
