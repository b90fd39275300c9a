"""What Jira says about a ticket, reduced to what sync pulls: status, assignee, due date.

Jira's workflows name their statuses freely; their status *category* is fixed:
To Do (`new`), In Progress (`indeterminate`) and Done (`done`). A ticket resolved
as "Won't Do" (or a similar resolution) is not-doing here, with that as the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from debrief.models import ActionStatus

CATEGORIES = {
    "new": ActionStatus.open,
    "indeterminate": ActionStatus.in_progress,
    "done": ActionStatus.done,
}
NOT_DONE_RESOLUTIONS = frozenset(
    {"won't do", "won't fix", "declined", "duplicate", "cannot reproduce", "obsolete"}
)
FIELDS = "labels,status,resolution,assignee,duedate"
"""The fields a sync asks Jira for."""


@dataclass(frozen=True)
class Ticket:
    key: str
    labels: tuple[str, ...]
    status: ActionStatus
    jira_status: str
    """Jira's own name for the status, e.g. "Done" or "In Review"."""
    resolution: str
    assignee: str
    """User name (Server/Data Center) or account id (Cloud); empty when unassigned."""
    assignee_names: tuple[str, ...]
    """Display name and e-mail, to recognise the owner."""
    due: date | None

    @property
    def reason(self) -> str:
        """Why the item is not being done, when Jira says so."""
        if self.status is ActionStatus.not_doing:
            return f"resolved in Jira as “{self.resolution}”"
        return ""

    @property
    def display_name(self) -> str:
        return next((n for n in self.assignee_names if n), self.assignee)


def ticket(key: str, fields: dict[str, Any], cloud: bool) -> Ticket:
    """A ticket from a search result's `fields` (tolerant of missing or odd values)."""
    status = fields.get("status") or {}
    category = str((status.get("statusCategory") or {}).get("key") or "new").lower()
    mapped = CATEGORIES.get(category, ActionStatus.open)
    resolution = str((fields.get("resolution") or {}).get("name") or "")
    if mapped is ActionStatus.done and resolution.strip().lower() in NOT_DONE_RESOLUTIONS:
        mapped = ActionStatus.not_doing
    who = fields.get("assignee") or {}
    assignee = str(who.get("accountId" if cloud else "name") or "")
    names = tuple(str(who.get(k) or "") for k in ("displayName", "emailAddress"))
    return Ticket(
        key=key,
        labels=tuple(str(label) for label in fields.get("labels") or []),
        status=mapped,
        jira_status=str(status.get("name") or ""),
        resolution=resolution,
        assignee=assignee,
        assignee_names=names if assignee else (),
        due=_date(fields.get("duedate")),
    )


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
