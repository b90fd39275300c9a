"""The data of a post-mortem: the one definition, shared by the store, the app and the CLI.

`--json` output is `model_dump(mode="json")` of these models.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from debrief.dates import (
    EARLIEST,
    check_day,
    check_instant,
    read_stored,
    read_stored_day,
)
from debrief.kinds import ActionKind, ActionStatus, FactorKind, Milestone, Priority, Status
from debrief.notes import Note
from debrief.practice import PracticeFacts

INPUT = {"input": True}
"""Validation context for data from outside (an import file): instants outside the
accepted window, blank titles and ids, and repeated ids are refused. Without it
(data read back from the store), a value that cannot be read is shown as unreadable
instead of failing the read."""

_INT_LIMIT = 2**63
_CONTROL = {chr(c) for c in range(32)} | {"\x7f"}


def _strict(info: ValidationInfo) -> bool:
    return bool(info.context and info.context.get("input"))


def _instant_in(value: Any, info: ValidationInfo) -> Any:
    """Before validation: a stored instant (text) that cannot be read becomes None."""
    if _strict(info) or value is None or isinstance(value, datetime):
        return value
    return read_stored(value)


def _instant_out(value: datetime | None) -> datetime | None:
    """After validation: in UTC, inside the accepted window (DateError otherwise)."""
    return None if value is None else check_instant(value)


def _day_in(value: Any, info: ValidationInfo) -> Any:
    """Before validation: a stored date (text) that cannot be read becomes None."""
    if _strict(info) or value is None or isinstance(value, date):
        return value
    return read_stored_day(value)


def _day_out(value: date | None) -> date | None:
    return None if value is None else check_day(value)


def _bounded_int(value: int) -> int:
    if not -_INT_LIMIT <= value < _INT_LIMIT:
        raise ValueError("is too large a number")
    return value


def _required_text(value: str, info: ValidationInfo, what: str) -> str:
    if _strict(info) and not value.strip():
        raise ValueError(f"{what} is empty")
    return value


def _identifier(value: str, info: ValidationInfo) -> str:
    if _strict(info):
        if not value.strip():
            raise ValueError("the id is empty")
        if len(value) > 200 or any(c in _CONTROL for c in value):
            raise ValueError("the id is too long or holds control characters")
    return value


def _unreadable_at(data: Any, info: ValidationInfo, text_key: str | None) -> Any:
    """A stored row whose required instant cannot be read keeps its place, at the
    start of the window, with its text saying so."""
    if _strict(info) or not isinstance(data, dict) or "at" not in data:
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


class _Model(BaseModel):
    model_config = ConfigDict(use_enum_values=False, validate_assignment=True)


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

    _updated_in = field_validator("updated_at", mode="before")(_instant_in)
    _updated_out = field_validator("updated_at")(_instant_out)
    _ints = field_validator("position", "rev")(_bounded_int)

    @field_validator("key")
    @classmethod
    def _key(cls, value: str, info: ValidationInfo) -> str:
        return _identifier(value, info)

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
    known_then: str = ""
    """What the responder could see at the time, apart from what we know now."""

    @model_validator(mode="before")
    @classmethod
    def _readable(cls, data: Any, info: ValidationInfo) -> Any:
        return _unreadable_at(data, info, "text")

    _at_in = field_validator("at", mode="before")(_instant_in)
    _ints = field_validator("rev")(_bounded_int)

    @field_validator("link")
    @classmethod
    def _link(cls, value: str, info: ValidationInfo) -> str:
        """From outside, an http, https or mailto URL on one line; a stored one as it is
        (the documents show a bad one as text)."""
        if not _strict(info):
            return value
        from debrief.links import check_link

        return check_link(value)

    @field_validator("at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        return check_instant(value)


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

    _due_in = field_validator("due", mode="before")(_day_in)
    _due_out = field_validator("due")(_day_out)
    _ints = field_validator("position", "rev")(_bounded_int)

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


class Factor(_Model):
    """A contributing factor (or what went right, or where we got lucky): a category, a
    short text and the timeline events it points at (their ids)."""

    id: str = ""
    kind: FactorKind = FactorKind.factor
    category: str = "other"
    text: str
    events: list[str] = Field(default_factory=list)
    position: int = 0
    rev: int = 0

    _ints = field_validator("position", "rev")(_bounded_int)

    @field_validator("text")
    @classmethod
    def _text(cls, value: str, info: ValidationInfo) -> str:
        return _required_text(value, info, "the factor's text")


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

    _instants_in = field_validator(
        "started_at", "ended_at", "created_at", "updated_at", mode="before"
    )(_instant_in)
    _instants_out = field_validator("started_at", "ended_at", "created_at", "updated_at")(
        _instant_out
    )
    _days_in = field_validator("debrief_due", "follow_up", mode="before")(_day_in)
    _days_out = field_validator("debrief_due", "follow_up")(_day_out)
    _ints = field_validator("rev")(_bounded_int)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str, info: ValidationInfo) -> str:
        return _identifier(value, info)

    @field_validator("title")
    @classmethod
    def _title(cls, value: str, info: ValidationInfo) -> str:
        return _required_text(value, info, "the title")


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

    @model_validator(mode="before")
    @classmethod
    def _readable(cls, data: Any, info: ValidationInfo) -> Any:
        return _unreadable_at(data, info, None)

    _at_in = field_validator("at", mode="before")(_instant_in)


class Document(_Model):
    """A whole post-mortem: what `export --format json` writes and `import` reads."""

    format: str = "debrief/1"
    postmortem: Postmortem
    sections: list[Section] = Field(default_factory=list)
    events: list[TimelineEvent] = Field(default_factory=list)
    actions: list[ActionItem] = Field(default_factory=list)
    factors: list[Factor] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list, exclude=True)
    """Surprises, themes, open questions, parked ideas (rendered, not in the JSON export)."""
    practice: PracticeFacts | None = Field(default=None, exclude=True)
    """The timeline's confirmation, the learning check, the soak follow-up (rendered)."""

    @model_validator(mode="after")
    def _unique(self, info: ValidationInfo) -> Document:
        """From outside, ids inside one document are unique (the store's keys)."""
        if not _strict(info):
            return self
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
                    raise ValueError(f"{name}.{index}.{attr}: {shown} is repeated in the document")
                seen.add(value)
        return self

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def owned_actions(self) -> list[ActionItem]:
        return [a for a in self.actions if not a.aspirational]

    @property
    def aspirational_actions(self) -> list[ActionItem]:
        return [a for a in self.actions if a.aspirational]
