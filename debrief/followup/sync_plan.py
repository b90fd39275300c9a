"""Working out a sync, locally: what Jira changed, what changed here, who wins.

For each of status, due date and owner (Jira's assignee), three values meet:
what Jira said at the last publish or sync (`jira_synced`), what Jira says now,
and the item here. Jira changed it and we did not → take Jira's. Both changed it
to different values → a conflict, reported: Jira wins for the status, the local
value wins for the rest (the next publish sends it to Jira). Only we changed it →
keep ours.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from debrief.followup.tickets import Ticket
from debrief.models import ActionItem, ActionStatus
from debrief.publish.plan import item_label
from debrief.store.followup import PublishedItem, SyncWrite


class FieldChange(BaseModel):
    """A field of an item that sync changed (a revision by "jira")."""

    postmortem_id: str
    action_id: str
    title: str
    key: str
    field: str
    old: str
    new: str


class SyncConflict(BaseModel):
    """A field changed both here and in Jira since the last sync."""

    postmortem_id: str
    action_id: str
    title: str
    key: str
    field: str
    here: str
    jira: str
    kept: str
    """"jira" or "here"."""


class Missing(BaseModel):
    """An item whose ticket Jira no longer has (deleted, hidden, or its labels removed)."""

    postmortem_id: str
    action_id: str
    title: str
    key: str


class SyncReport(BaseModel):
    """What `debrief sync --json` prints."""

    jira: str = ""
    items: int = 0
    found: int = 0
    changes: list[FieldChange] = Field(default_factory=list)
    conflicts: list[SyncConflict] = Field(default_factory=list)
    missing: list[Missing] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


@dataclass
class _Item:
    published: PublishedItem
    ticket: Ticket
    report: SyncReport
    write: SyncWrite = field(init=False)

    def __post_init__(self) -> None:
        p = self.published
        self.write = SyncWrite(p.postmortem_id, p.item.id, p.item.rev, {}, dict(p.synced))

    @property
    def item(self) -> ActionItem:
        return self.published.item

    def change(self, name: str, value: Any, shown_old: str, shown_new: str) -> None:
        self.write.changes[name] = value
        self.report.changes.append(
            FieldChange(**self._about(), field=name, old=shown_old, new=shown_new)
        )

    def conflict(self, name: str, here: str, jira: str, kept: str) -> None:
        self.report.conflicts.append(
            SyncConflict(**self._about(), field=name, here=here, jira=jira, kept=kept)
        )

    def note(self, text: str) -> None:
        self.report.notes.append(f"{self.item.jira_key or self.ticket.key}: {text}")

    def _about(self) -> dict[str, str]:
        p = self.published
        return {
            "postmortem_id": p.postmortem_id,
            "action_id": p.item.id,
            "title": p.item.title,
            "key": self.ticket.key,
        }


def plan_sync(
    published: list[PublishedItem], tickets: Iterable[Ticket], users: dict[str, str]
) -> tuple[list[SyncWrite], SyncReport]:
    """The writes a sync makes and its report; `users` is [jira.users] (owner → Jira id)."""
    tickets = list(tickets)
    by_label: dict[str, list[Ticket]] = {}
    for t in tickets:
        for label in t.labels:
            by_label.setdefault(label.lower(), []).append(t)
    by_key = {t.key: t for t in tickets}
    report = SyncReport(items=len(published))
    writes: list[SyncWrite] = []
    for p in published:
        candidates = by_label.get(item_label(p.item.id), [])
        chosen = by_key.get(p.item.jira_key) or (candidates[0] if candidates else None)
        if chosen is None:
            report.missing.append(
                Missing(
                    postmortem_id=p.postmortem_id,
                    action_id=p.item.id,
                    title=p.item.title,
                    key=p.item.jira_key,
                )
            )
            continue
        report.found += 1
        merged = _Item(p, chosen, report)
        if chosen.key != p.item.jira_key:
            merged.change("jira_key", chosen.key, p.item.jira_key, chosen.key)
            merged.write.synced["key"] = chosen.key
        _status(merged)
        _due(merged)
        _owner(merged, users)
        if merged.write.changes or merged.write.synced != p.synced:
            writes.append(merged.write)
    return writes, report


def _status(m: _Item) -> None:
    t, item = m.ticket, m.item
    try:
        last = ActionStatus(m.published.synced.get("status") or ActionStatus.open)
    except ValueError:
        last = ActionStatus.open
    m.write.synced["status"] = t.status.value
    if t.status is last or t.status is item.status:
        return
    if item.status is not last:
        m.conflict("status", item.status.value, t.status.value, "jira")
    m.change("status", t.status, item.status.value, t.status.value)
    m.write.changes["status_reason"] = t.reason


def _due(m: _Item) -> None:
    t, item = m.ticket, m.item
    last = _date(m.published.synced.get("due"))
    m.write.synced["due"] = t.due.isoformat() if t.due else None
    if t.due == last or t.due == item.due:
        return
    if t.due is None:
        m.note("the due date was removed in Jira; the item keeps its own")
    elif item.due != last:
        m.conflict("due", _show(item.due), _show(t.due), "here")
    else:
        m.change("due", t.due, _show(item.due), _show(t.due))


def _owner(m: _Item, users: dict[str, str]) -> None:
    t, item, synced = m.ticket, m.item, m.published.synced
    last = str(synced.get("assignee") or "")
    m.write.synced["assignee"] = t.assignee
    if t.assignee == last:
        return
    if _same_person(item.owner, t, users):
        m.write.synced["owner"] = item.owner
        return
    if not t.assignee:
        m.note("unassigned in Jira; the item keeps its owner")
        return
    name = _owner_name(t, users)
    if item.owner != synced.get("owner", item.owner):
        m.conflict("owner", item.owner, name, "here")
        return
    m.change("owner", name, item.owner, name)
    m.write.synced["owner"] = name


def _same_person(owner: str, t: Ticket, users: dict[str, str]) -> bool:
    wanted = owner.strip().casefold()
    mapped = {k.strip().casefold(): v for k, v in users.items()}
    if wanted in mapped:
        return mapped[wanted] == t.assignee
    names = {t.assignee.casefold(), *(n.casefold() for n in t.assignee_names if n)}
    return bool(wanted) and wanted in names


def _owner_name(t: Ticket, users: dict[str, str]) -> str:
    """The owner's name here for a Jira user: the [jira.users] entry, else the display name."""
    for name, user_id in users.items():
        if user_id == t.assignee:
            return name
    return t.display_name


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _show(value: date | None) -> str:
    return value.isoformat() if value else "none"
