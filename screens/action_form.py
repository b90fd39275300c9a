"""The action-item form: Title, Owner, Due, then Enter saves. Invalid fields say why at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from debrief.dates import DateError, parse_due
from debrief.models import ActionItem, ActionKind, ActionStatus, Priority
from debrief.screens.base import BaseModal
from debrief.widgets.completing_input import CompletingInput


@dataclass
class ActionDraft:
    """What the form produced; the screen below decides how to save it."""

    title: str
    owner: str
    due: date | None
    priority: Priority
    kind: ActionKind
    aspirational: bool
    status: ActionStatus = ActionStatus.open
    status_reason: str = ""
    delete: bool = False
    fields: dict[str, Any] = field(default_factory=dict)

    def to_item(self) -> ActionItem:
        return ActionItem(
            title=self.title,
            owner=self.owner,
            due=self.due,
            priority=self.priority,
            kind=self.kind,
            aspirational=self.aspirational,
            status=self.status,
            status_reason=self.status_reason,
        )

    def changes(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "owner": self.owner,
            "due": self.due,
            "priority": self.priority,
            "kind": self.kind,
            "aspirational": self.aspirational,
            "status": self.status,
            "status_reason": self.status_reason,
        }


class ActionForm(BaseModal[ActionDraft | None]):
    CSS_PATH = "forms.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel-form"),
        Binding("ctrl+s", "save", "Save", id="save-form", priority=True),
    ]

    def __init__(
        self,
        participants: list[str],
        today: date,
        item: ActionItem | None = None,
        aspirational: bool = False,
        notice: str = "",
    ) -> None:
        super().__init__()
        self.notice = notice
        self.participants = participants
        self.today_ = today
        self.item = item
        self.start_aspirational = item.aspirational if item else aspirational

    def compose(self) -> ComposeResult:
        item = self.item
        with Vertical(classes="form"):
            yield Static("Edit action item" if item else "New action item", classes="form-title")
            if self.notice:
                yield Static(Text(self.notice, style="bold yellow"), id="form-notice")
            yield Label("Title")
            yield Input(
                compact=True,
                value=item.title if item else "",
                placeholder="What will be done",
                id="title",
            )
            yield Static(classes="field-error", id="title-error")
            yield Label("Owner")
            yield CompletingInput(
                compact=True,
                value=item.owner if item else "",
                placeholder="Who owns it"
                + (f" ({', '.join(self.participants[:3])}…)" if self.participants else ""),
                id="owner",
                suggester=SuggestFromList(self.participants, case_sensitive=False),
            )
            yield Static(classes="field-error", id="owner-error")
            yield Label("Due")
            yield Input(
                compact=True,
                value=item.due.isoformat() if item and item.due else "",
                placeholder="2026-12-01, +3d, +1w or fri",
                id="due",
            )
            yield Static(classes="field-error", id="due-error")
            with Horizontal(classes="form-row"):
                yield Select(
                    compact=True,
                    options=[(p.value, p) for p in Priority],
                    value=item.priority if item else Priority.medium,
                    allow_blank=False,
                    id="priority",
                )
                yield Select(
                    compact=True,
                    options=[(k.value, k) for k in ActionKind],
                    value=item.kind if item else ActionKind.prevent,
                    allow_blank=False,
                    id="kind",
                )
                if item:
                    yield Select(
                        compact=True,
                        options=[(s.value, s) for s in ActionStatus],
                        value=item.status,
                        allow_blank=False,
                        id="status",
                    )
            if item:
                yield Input(
                    compact=True,
                    value=item.status_reason,
                    placeholder="Why not (needed for not-doing)",
                    id="reason",
                )
                yield Static(classes="field-error", id="reason-error")
            yield Checkbox(
                compact=True,
                label="If we have time (aspirational: never ticketed)",
                value=self.start_aspirational,
                id="aspirational",
            )
            with Horizontal(classes="form-buttons"):
                yield Button(compact=True, label="Save", variant="primary", id="save")
                if item:
                    yield Button(compact=True, label="Delete", variant="error", id="delete")
                yield Button(compact=True, label="Cancel", id="cancel")
            yield Static("Enter saves · Esc cancels", classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        if self.item:
            self._validate_all()

    # -- validation -------------------------------------------------------------

    @property
    def aspirational(self) -> bool:
        return self.query_one("#aspirational", Checkbox).value

    def _check(self, field_id: str) -> str:
        """The reason the field is invalid, or '' (with a hint for valid dates)."""
        value = self.query_one(f"#{field_id}", Input).value.strip()
        if field_id == "title":
            return "" if value else "A title is required."
        if self.aspirational:
            return ""
        if field_id == "owner":
            return "" if value else "Every action item needs an owner."
        if field_id == "due":
            if not value:
                return "Every action item needs a due date."
            try:
                parse_due(value, self.today_)
            except DateError as exc:
                return str(exc)[0].upper() + str(exc)[1:] + "."
        return ""

    def _show(self, field_id: str) -> bool:
        reason = self._check(field_id)
        widget = self.query_one(f"#{field_id}", Input)
        widget.set_class(bool(reason), "-invalid")
        message = Text(reason, style="red") if reason else self._hint(field_id)
        self.query_one(f"#{field_id}-error", Static).update(message)
        return not reason

    def _hint(self, field_id: str) -> Text:
        if field_id == "title":
            return self._title_hint()
        if field_id != "due":
            return Text("")
        value = self.query_one("#due", Input).value.strip()
        if not value:
            return Text("")
        due = parse_due(value, self.today_)
        hint = Text(f"→ {due.strftime('%a %d %b %Y')}", style="green")
        if due < self.today_:
            hint = Text(f"→ {due.strftime('%a %d %b %Y')} (in the past)", style="yellow")
        return hint

    def _title_hint(self) -> Text:
        """A nudge (never a block) when the title doesn't read as actionable, bounded work."""
        if self.aspirational:
            return Text("")
        from debrief.coach.actions import check_action

        hints = check_action(self.query_one("#title", Input).value)
        return Text(hints[0].message, style="yellow") if hints else Text("")

    def _validate_all(self) -> str | None:
        """The id of the first invalid field, or None."""
        first = None
        for field_id in ("title", "owner", "due"):
            if not self._show(field_id) and first is None:
                first = field_id
        return first

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if event.input.id:
            self._show(event.input.id)

    @on(Checkbox.Changed)
    def _aspirational_changed(self) -> None:
        self._validate_all()

    # -- saving -----------------------------------------------------------------

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def _reason(self) -> str:
        reasons = self.query("#reason")
        return reasons.first(Input).value.strip() if reasons else ""

    def action_save(self) -> None:
        invalid = self._validate_all()
        if invalid:
            self.query_one(f"#{invalid}", Input).focus()
            return
        due_text = self.query_one("#due", Input).value.strip()
        status = self.query("#status")
        chosen = status.first(Select).value if status else ActionStatus.open
        if chosen == ActionStatus.not_doing and not self._reason():
            self.query_one("#reason-error", Static).update(
                Text("Say why the team decided not to do it.", style="red")
            )
            self.query_one("#reason", Input).focus()
            return
        self.dismiss(
            ActionDraft(
                title=self.query_one("#title", Input).value.strip(),
                owner=self.query_one("#owner", Input).value.strip(),
                due=parse_due(due_text, self.today_) if due_text else None,
                priority=self.query_one("#priority", Select).value,  # type: ignore[arg-type]
                kind=self.query_one("#kind", Select).value,  # type: ignore[arg-type]
                aspirational=self.aspirational,
                status=chosen,  # type: ignore[arg-type]
                status_reason=self._reason(),
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#delete")
    def _delete_pressed(self) -> None:
        assert self.item is not None
        self.dismiss(
            ActionDraft(
                self.item.title,
                self.item.owner,
                self.item.due,
                self.item.priority,
                self.item.kind,
                self.item.aspirational,
                delete=True,
            )
        )
