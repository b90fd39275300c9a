"""What a publish would do to Jira, worked out locally (no network).

Each owned action item maps to one ticket. Its labels are `post-mortem`, one
label for the post-mortem and one unique to the item: the item's label is how a
ticket is found again, so re-running never duplicates. Aspirational items are
never ticketed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from debrief.config import JiraConfig
from debrief.literal import clean
from debrief.models import ActionItem, Document, Priority

POST_MORTEM_LABEL = "post-mortem"
SUMMARY_LIMIT = 255
DEFAULT_PRIORITIES = {
    Priority.highest: "Highest",
    Priority.high: "High",
    Priority.medium: "Medium",
    Priority.low: "Low",
}
COMPARED = ("summary", "due", "priority", "owner")
"""Fields whose local change updates the ticket on the next publish."""


def _label_part(text: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "-", text.lower()).strip("-") or "x"


def pm_label(pm_id: str) -> str:
    """The label every ticket of this post-mortem carries, e.g. debrief-pm-12."""
    return f"debrief-{_label_part(pm_id)}"


def item_label(action_id: str) -> str:
    """The label unique to one action item: how its ticket is found again."""
    return f"debrief-item-{_label_part(action_id)}"


class Change(StrEnum):
    create = "create"
    update = "update"
    keep = "keep"


@dataclass(frozen=True)
class TicketFields:
    """What debrief sends for an item (the assignee is resolved from `owner` at publish)."""

    summary: str
    description: str
    labels: tuple[str, ...]
    due: date | None
    priority: str
    owner: str

    def synced(self, assignee: str) -> dict[str, Any]:
        """The fields as they will be agreed with Jira (what `jira_synced` keeps)."""
        return {
            "summary": self.summary,
            "due": self.due.isoformat() if self.due else None,
            "priority": self.priority,
            "owner": self.owner,
            "assignee": assignee,
        }

    def differs(self, synced: dict[str, Any]) -> tuple[str, ...]:
        """The compared fields that changed since they were last agreed with Jira."""
        now = self.synced("")
        return tuple(name for name in COMPARED if now[name] != synced.get(name))


@dataclass(frozen=True)
class PlannedTicket:
    item: ActionItem
    fields: TicketFields
    change: Change
    changed: tuple[str, ...] = field(default=())

    @property
    def key(self) -> str:
        return self.item.jira_key

    @property
    def label(self) -> str:
        return item_label(self.item.id)


def ticket_fields(doc: Document, item: ActionItem, jira: JiraConfig) -> TicketFields:
    pm = doc.postmortem
    title = clean(item.title, single_line=True)
    if len(title) > SUMMARY_LIMIT:
        title = title[: SUMMARY_LIMIT - 1] + "…"
    labels = [POST_MORTEM_LABEL, pm_label(pm.id), item_label(item.id)]
    labels += [_label_part(extra) for extra in jira.labels if _label_part(extra) not in labels]
    incident = pm.started_at.date().isoformat() if pm.started_at else "an unrecorded date"
    description = "\n\n".join(
        [
            f"Action item from the post-mortem *{_wiki(pm.title)}* ({_wiki(pm.id)}), "
            f"incident of {incident}.",
            f"Owner: {_wiki(item.owner)} · Kind: {item.kind.value} · "
            f"Priority: {item.priority.value}",
            f"Published by debrief. The label {item_label(item.id)} links this ticket to its "
            f"item; {pm_label(pm.id)} to the post-mortem.",
        ]
    )
    priorities = {**{p.value: name for p, name in DEFAULT_PRIORITIES.items()}, **jira.priorities}
    return TicketFields(
        summary=title,
        description=description,
        labels=tuple(labels),
        due=item.due,
        priority=priorities.get(item.priority.value, DEFAULT_PRIORITIES[item.priority]),
        owner=item.owner.strip(),
    )


def plan_tickets(
    doc: Document, jira: JiraConfig, synced: dict[str, dict[str, Any]]
) -> list[PlannedTicket]:
    """One planned ticket per owned item: create without a key, update when edited since."""
    planned = []
    for item in doc.owned_actions:
        fields = ticket_fields(doc, item, jira)
        if not item.jira_key:
            planned.append(PlannedTicket(item, fields, Change.create))
            continue
        last = synced.get(item.id)
        changed = fields.differs(last) if last is not None else ()
        planned.append(
            PlannedTicket(item, fields, Change.update if changed else Change.keep, changed)
        )
    return planned


def _wiki(text: str) -> str:
    """User text inside Jira wiki markup, shown literally."""
    return re.sub(r"([{}\[\]*_|!^~])", r"\\\1", clean(text, single_line=True))
