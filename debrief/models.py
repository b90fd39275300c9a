"""The data of a post-mortem: the one definition, shared by the store, the app and the CLI.

`--json` output is `model_dump(mode="json")` of these records (debrief/record.py).
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from debrief.dates import EARLIEST, read_stored
from debrief.kinds import ActionKind, ActionStatus, FactorKind, Milestone, Priority, Status
from debrief.notes import Note
from debrief.practice import PracticeFacts
from debrief.record import INPUT, Record, RecordError

__all__ = ["INPUT"]

_CONTROL = {chr(c) for c in range(32)} | {"\x7f"}


def _identifier(value: str, where: str) -> None:
    """From outside: an id that is not blank, not too long and without control characters."""
    if not value.strip():
        raise RecordError((where,), "the id is empty")
    if len(value) > 200 or any(c in _CONTROL for c in value):
        raise RecordError((where,), "the id is too long or holds control characters")


def _required_text(value: str, where: str, what: str) -> None:
    if not value.strip():
        raise RecordError((where,), f"{what} is empty")


def _unreadable_at(data: dict[str, Any], strict: bool, text_key: str | None) -> dict[str, Any]:
    """A stored row whose required instant cannot be read keeps its place, at the
    start of the window, with its text saying so."""
    if strict or "at" not in data:
        return data
    raw = data["at"]
    if isinstance(raw, datetime):
        return data
    found = read_stored(raw)
    if found is not None:
        return {**data, "at": found}  # parsed once, here
    fixed = {**data, "at": EARLIEST}
    if text_key is not None:
        shown = repr(raw) if len(repr(raw)) <= 40 else repr(raw)[:37] + "..."
        fixed[text_key] = f"(unreadable time {shown}) {data.get(text_key) or ''}".rstrip()
    return fixed


class Participant(Record):
    """Someone taking part in the debrief."""

    name: str
    role: str = ""
    email: str = ""


class Section(Record):
    """One section of the document, following its template."""

    key: str
    title: str
    body: str = ""
    position: int = 0
    updated_by: str = ""
    updated_at: datetime | None = None
    rev: int = 0

    def _checks(self, strict: bool) -> None:
        if strict:
            _identifier(self.key, "key")

    @property
    def is_empty(self) -> bool:
        return not self.body.strip()


class TimelineEvent(Record):
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
    known_then: str = ""
    """What the responder could see at the time, apart from what we know now."""

    @classmethod
    def _before(cls, data: dict[str, Any], strict: bool) -> dict[str, Any]:
        return _unreadable_at(data, strict, "text")

    def _checks(self, strict: bool) -> None:
        if self.at is None:
            raise RecordError(("at",), "is missing")
        if strict:
            # From outside, an http, https or mailto URL on one line; a stored one as
            # it is (the documents show a bad one as text).
            from debrief.links import check_link

            try:
                self.link = check_link(self.link)
            except ValueError as exc:
                raise RecordError(("link",), str(exc)) from None


class ActionItem(Record):
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


class Factor(Record):
    """A contributing factor (or what went right, or where we got lucky): a category, a
    short text and the timeline events it points at (their ids)."""

    id: str = ""
    kind: FactorKind = FactorKind.factor
    category: str = "other"
    text: str
    events: list[str] = dataclasses.field(default_factory=list)
    position: int = 0
    rev: int = 0

    def _checks(self, strict: bool) -> None:
        if strict:
            _required_text(self.text, "text", "the factor's text")


class Postmortem(Record):
    """The post-mortem's metadata; sections, events and items are stored beside it."""

    id: str
    title: str
    status: Status = Status.draft
    severity: str = ""
    started_at: datetime | None = None
    ended_at: datetime | None = None
    classification: str = ""
    services: list[str] = dataclasses.field(default_factory=list)
    tags: list[str] = dataclasses.field(default_factory=list)
    facilitator: str = ""
    lead_investigator: str = ""
    participants: list[Participant] = dataclasses.field(default_factory=list)
    debrief_due: date | None = None
    follow_up: date | None = None
    template: str = "default"
    created_at: datetime | None = None
    updated_at: datetime | None = None
    rev: int = 0

    def _checks(self, strict: bool) -> None:
        if strict:
            _identifier(self.id, "id")
            _required_text(self.title, "title", "the title")


class Revision(Record):
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

    @classmethod
    def _before(cls, data: dict[str, Any], strict: bool) -> dict[str, Any]:
        return _unreadable_at(data, strict, None)


class Document(Record):
    """A whole post-mortem: what `export --format json` writes and `import` reads."""

    format: str = "debrief/1"
    postmortem: Postmortem
    sections: list[Section] = dataclasses.field(default_factory=list)
    events: list[TimelineEvent] = dataclasses.field(default_factory=list)
    actions: list[ActionItem] = dataclasses.field(default_factory=list)
    factors: list[Factor] = dataclasses.field(default_factory=list)
    notes: list[Note] = dataclasses.field(default_factory=list, metadata={"exclude": True})
    """Surprises, themes, open questions, parked ideas (rendered, not in the JSON export)."""
    practice: PracticeFacts | None = dataclasses.field(default=None, metadata={"exclude": True})
    """The timeline's confirmation, the learning check, the soak follow-up (rendered)."""

    def _checks(self, strict: bool) -> None:
        """From outside, ids inside one document are unique (the store's keys)."""
        if not strict:
            return
        parts: list[tuple[str, list[Any], str]] = [
            ("sections", self.sections, "key"),
            ("events", self.events, "id"),
            ("events", self.events, "source_id"),
            ("actions", self.actions, "id"),
        ]
        for name, items, attr in parts:
            seen: set[str] = set()
            for index, item in enumerate(items):
                value = getattr(item, attr)
                if not value:
                    continue
                if value in seen:
                    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
                    raise RecordError((name, index, attr), f"{shown} is repeated in the document")
                seen.add(value)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def owned_actions(self) -> list[ActionItem]:
        return [a for a in self.actions if not a.aspirational]

    @property
    def aspirational_actions(self) -> list[ActionItem]:
        return [a for a in self.actions if a.aspirational]
