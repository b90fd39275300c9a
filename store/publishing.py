"""What publishing leaves behind: each item's ticket, and one record per publish.

`actions.jira_synced` holds, as JSON, the ticket's fields as they were last agreed
with Jira (what publish sent, or what sync pulled): summary, due, priority, owner,
assignee, plus `key` and `at`. Publish compares an item with it to know what to
update; sync can compare Jira with it to tell who changed what since.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from debrief.models import Status
from debrief.store.actions import ActionsMixin
from debrief.store.base import from_json, iso, to_json


class PublishRecord(BaseModel):
    """One publish: when, by whom, which documents and which tickets (action id → key)."""

    id: int
    postmortem_id: str
    at: datetime
    author: str
    documents: list[str] = Field(default_factory=list)
    tickets: dict[str, str] = Field(default_factory=dict)


@dataclass(frozen=True)
class TicketLink:
    """An item's ticket as Jira returned it, with the fields now agreed."""

    action_id: str
    key: str
    synced: dict[str, Any]


class PublishingMixin(ActionsMixin):
    def jira_synced(self, pm_id: str) -> dict[str, dict[str, Any]]:
        """Action id → the fields last agreed with Jira (items never published are absent)."""
        with self.reading():
            rows = self.db.execute(
                "SELECT id, jira_synced FROM actions WHERE postmortem_id = ? "
                "AND jira_synced IS NOT NULL AND jira_synced != ''",
                [pm_id],
            ).fetchall()
        return {action_id: from_json(value) for action_id, value in rows}

    def record_tickets(self, pm_id: str, links: Iterable[TicketLink]) -> None:
        """Store tickets as soon as Jira names them: one transaction for a batch.

        A new or changed key is a revision of the item (by the current author);
        the synced fields alone are bookkeeping and are not.
        """
        links = list(links)
        if not links:
            return
        now = self.now()
        with self.write():
            for link in links:
                current = self.get_action(pm_id, link.action_id)
                synced = {**link.synced, "key": link.key, "at": iso(now)}
                row: dict[str, Any] = {"jira_synced": to_json(synced)}
                if current.jira_key != link.key:
                    row.update(
                        jira_key=link.key,
                        rev=current.rev + 1,
                        updated_by=self.author,
                        updated_at=iso(now),
                    )
                    self.record(
                        pm_id, "action", link.action_id, "jira_key", current.jira_key, link.key
                    )
                self.db.table("actions").update(link.action_id, row)

    def record_publish(
        self, pm_id: str, documents: list[str], tickets: dict[str, str]
    ) -> PublishRecord:
        """A publish record, and the post-mortem's status becomes published (one transaction)."""
        now = self.now()
        with self.write():
            self.get_postmortem(pm_id)
            table = self.db.table("publishes")
            table.insert(
                {
                    "postmortem_id": pm_id,
                    "at": iso(now),
                    "author": self.author,
                    "documents": to_json(documents),
                    "tickets": to_json(tickets),
                }
            )
            record_id = table.last_pk
            self.update_postmortem(pm_id, status=Status.published)
        return PublishRecord(
            id=int(record_id or 0),
            postmortem_id=pm_id,
            at=now,
            author=self.author,
            documents=documents,
            tickets=tickets,
        )

    def publishes(self, pm_id: str) -> list[PublishRecord]:
        """Every publish of a post-mortem, oldest first."""
        with self.reading():
            rows = list(
                self.db.table("publishes").rows_where("postmortem_id = ?", [pm_id], order_by="id")
            )
        return [
            PublishRecord.model_validate(
                {
                    **r,
                    "documents": from_json(r["documents"]) or [],
                    "tickets": from_json(r["tickets"]) or {},
                }
            )
            for r in rows
        ]
