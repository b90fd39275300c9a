"""The data of a post-mortem: the one definition, shared by the store, the app and the CLI.

`--json` output is `model_dump(mode="json")` of these models.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from debrief.kinds import ActionKind, ActionStatus, Milestone, Priority, Status


class _Model(BaseModel):
    model_config = ConfigDict(use_enum_values=False, validate_assignment=True)


def _aware(value: datetime | None) -> datetime | None:
    """Naive datetimes are taken as UTC; aware ones are normalised to UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


class Participant(_Model):
    """Someone taking part in the debrief."""

    name: str
    role: str = ""
    email: str = ""


class Section(_Model):
    """One section of the document, following its template."""

    key: str
    title: str
    body: str = ""
    position: int = 0
    updated_by: str = ""
    updated_at: datetime | None = None
    rev: int = 0

    @property
    def is_empty(self) -> bool:
        return not self.body.strip()


class TimelineEvent(_Model):
    """Something that happened, at an instant stored in UTC."""

    id: str = ""
    at: datetime
    text: str
    source: str = "manual"
    author: str = ""
    link: str = ""
    milestone: Milestone | None = None
    source_id: str = ""
    is_reply: bool = False
    edited: bool = False
    rev: int = 0

    @field_validator("at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        result = _aware(value)
        assert result is not None
        return result


class ActionItem(_Model):
    """An owned, dated piece of follow-up work, or an aspirational one."""

    id: str = ""
    title: str
    owner: str = ""
    due: date | None = None
    priority: Priority = Priority.medium
    kind: ActionKind = ActionKind.prevent
    status: ActionStatus = ActionStatus.open
    status_reason: str = ""
    aspirational: bool = False
    jira_key: str = ""
    position: int = 0
    rev: int = 0

    def missing(self) -> list[str]:
        """What keeps this item from being tracked work (empty when complete)."""
        if self.aspirational:
            return []
        gaps = []
        if not self.owner.strip():
            gaps.append("owner")
        if self.due is None:
            gaps.append("due date")
        return gaps

    def is_overdue(self, today: date) -> bool:
        return (
            not self.aspirational
            and self.due is not None
            and self.due < today
            and self.status in (ActionStatus.open, ActionStatus.in_progress)
        )


class Postmortem(_Model):
    """The post-mortem's metadata; sections, events and items are stored beside it."""

    id: str
    title: str
    status: Status = Status.draft
    severity: str = ""
    started_at: datetime | None = None
    ended_at: datetime | None = None
    classification: str = ""
    services: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    facilitator: str = ""
    lead_investigator: str = ""
    participants: list[Participant] = Field(default_factory=list)
    debrief_due: date | None = None
    follow_up: date | None = None
    template: str = "default"
    created_at: datetime | None = None
    updated_at: datetime | None = None
    rev: int = 0

    @field_validator("started_at", "ended_at", "created_at", "updated_at")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return _aware(value)


class Revision(_Model):
    """One saved change: who, when, what, and the value before and after."""

    id: int
    postmortem_id: str
    entity: str
    entity_id: str
    field: str = ""
    author: str
    at: datetime
    old: Any = None
    new: Any = None


class Document(_Model):
    """A whole post-mortem: what `export --format json` writes and `import` reads."""

    format: str = "debrief/1"
    postmortem: Postmortem
    sections: list[Section] = Field(default_factory=list)
    events: list[TimelineEvent] = Field(default_factory=list)
    actions: list[ActionItem] = Field(default_factory=list)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def owned_actions(self) -> list[ActionItem]:
        return [a for a in self.actions if not a.aspirational]

    @property
    def aspirational_actions(self) -> list[ActionItem]:
        return [a for a in self.actions if a.aspirational]
