"""What publishing leaves behind: each item's ticket, and one record per publish.

`actions.jira_synced` holds, as JSON, the ticket's fields as they were last agreed
with Jira (what publish sent, or what sync pulled): summary, due, priority, owner,
assignee, plus `key` and `at`. Publish compares an item with it to know what to
update; sync can compare Jira with it to tell who changed what since.

`ticket_creates` holds, per item, when a create was last sent to Jira and not yet
answered (written and committed before the request leaves): a create whose answer
was lost, or whose process was killed, is looked for by its label on the next
publish before it is ever sent again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from debrief.dates import read_stored
from debrief.models import Status
from debrief.record import Record
from debrief.store.actions import ActionsMixin
from debrief.store.base import from_json, iso, to_json


class PublishRecord(Record):
    """One publish: when, by whom, which documents and which tickets (action id → key)."""

    id: int
    postmortem_id: str
    at: datetime
    author: str
    documents: list[str] = dataclasses.field(default_factory=list)
    tickets: dict[str, str] = dataclasses.field(default_factory=dict)


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
            self._forget_creates([link.action_id for link in links])

    def creates_sent(self, pm_id: str) -> dict[str, datetime]:
        """Action id → when a create was last sent for it with no answer recorded
        (a damaged time reads as absent: the item is then looked for once, as any)."""
        with self.reading():
            rows = self.db.execute(
                "SELECT action_id, sent_at FROM ticket_creates WHERE postmortem_id = ?", [pm_id]
            ).fetchall()
        sent = {action_id: read_stored(at) for action_id, at in rows}
        return {action_id: at for action_id, at in sent.items() if at is not None}

    def record_creates_sent(self, pm_id: str, labels: dict[str, str]) -> None:
        """Before a create leaves: action id → label, sent now (one committed transaction)."""
        if not labels:
            return
        now = iso(self.now())
        with self.write():
            self.db.table("ticket_creates").upsert_all(
                [
                    {"action_id": a, "postmortem_id": pm_id, "label": label, "sent_at": now}
                    for a, label in labels.items()
                ],
                pk="action_id",
            )

    def forget_creates_sent(self, action_ids: Iterable[str]) -> None:
        """Jira answered these creates (refused them): nothing of theirs is in flight."""
        with self.write():
            self._forget_creates(list(action_ids))

    def _forget_creates(self, action_ids: list[str]) -> None:
        for start in range(0, len(action_ids), 500):
            chunk = action_ids[start : start + 500]
            self.db.execute(
                f"DELETE FROM ticket_creates WHERE action_id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )

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
