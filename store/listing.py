"""Every post-mortem as its stored values, for output written straight from the rows
(`debrief list --json`): the connection and one query, without the entity modules or
the records, whose import and conversion cost more than the listing itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from debrief.store.base import Base

if TYPE_CHECKING:
    from debrief.models import Postmortem

LISTED = (
    "id",
    "title",
    "status",
    "severity",
    "started_at",
    "ended_at",
    "classification",
    "services",
    "tags",
    "facilitator",
    "lead_investigator",
    "participants",
    "debrief_due",
    "follow_up",
    "template",
    "created_at",
    "updated_at",
    "rev",
)
"""The post-mortem's columns, in the order of its record's fields (and of its JSON)."""

LIST_ORDER = "ORDER BY coalesce(started_at, created_at) DESC, id DESC"
"""Newest incident first: the order of every listing of post-mortems."""
_LIST_SQL = f"SELECT {', '.join(LISTED)} FROM postmortems {LIST_ORDER}"


class PostmortemRows(Base):
    """A database opened (checked and migrated) as the Store opens it, to list from."""

    def postmortem_rows(self) -> list[tuple[Any, ...]]:
        """Every post-mortem's stored values (in LISTED order), in the order of
        `Store.list_postmortems`: newest incident first."""
        with self.reading():
            return list(self.db.execute(_LIST_SQL).fetchall())


def postmortem_of(row: tuple[Any, ...]) -> Postmortem:
    """The record `Store.list_postmortems` makes of a row from `postmortem_rows`."""
    from debrief.store.postmortems import _pm_from_row

    return _pm_from_row(dict(zip(LISTED, row, strict=True)))
