"""The action-item form: Title, Owner, Due, then Enter saves. Invalid fields say why at once.

Nothing typed can raise out of the form: a date that does not parse yet is a message
under the field, and saving is refused (with the reason) until it does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from debrief.dates import DateError, parse_due
from debrief.literal import clean, literal
from debrief.models import ActionItem, ActionKind, ActionStatus, Priority
from debrief.screens.form_base import FormModal, TickBox, form_foot, say
from debrief.widgets.completing_input import CompletingInput
from debrief.widgets.safe_text import SafeInput, suggest_from


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


class ActionForm(FormModal[ActionDraft | None]):
    CSS_PATH = "forms.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel-form"),
        Binding("ctrl+s", "save", "Save", id="save-form", priority=True),
    ]
    FIELDS = ("title", "owner", "due")

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
                yield Static(
                    literal(self.notice), id="form-notice", classes="form-notice tone-warning"
                )
            yield Label("Title")
            yield SafeInput(
                compact=True,
                value=item.title if item else "",
                placeholder="What will be done",
                id="title",
            )
            yield Static(classes="field-error", id="title-error")
            yield Label("Owner")
            names = ", ".join(clean(p, single_line=True) for p in self.participants[:3])
            yield CompletingInput(
                compact=True,
                value=item.owner if item else "",
                placeholder="Who owns it" + (f" ({names}…)" if names else ""),
                id="owner",
                suggester=suggest_from(self.participants),
            )
            yield Static(classes="field-error", id="owner-error")
            yield Label("Due")
            yield SafeInput(
                compact=True,
                value=item.due.isoformat() if item and item.due else "",
                placeholder="2026-12-01, +3d, +1w or fri",
                id="due",
            )
            yield Static(classes="field-error", id="due-error")
            with Horizontal(classes="form-row"):
                with Vertical(classes="form-cell"):
                    yield Label("Priority")
                    yield Select(
                        compact=True,
                        options=[(p.value, p) for p in Priority],
                        value=item.priority if item else Priority.medium,
                        allow_blank=False,
                        id="priority",
                    )
                with Vertical(classes="form-cell"):
                    yield Label("Kind")
                    yield Select(
                        compact=True,
                        options=[(k.value, k) for k in ActionKind],
                        value=item.kind if item else ActionKind.prevent,
                        allow_blank=False,
                        id="kind",
                    )
                if item:
                    with Vertical(classes="form-cell"):
                        yield Label("Status")
                        yield Select(
                            compact=True,
                            options=[(s.value, s) for s in ActionStatus],
                            value=item.status,
                            allow_blank=False,
                            id="status",
                        )
            if item:
                yield Label("Why not (needed for not-doing)")
                yield SafeInput(
                    compact=True,
                    value=item.status_reason,
                    placeholder="e.g. superseded by the gateway rewrite",
                    id="reason",
                )
                yield Static(classes="field-error", id="reason-error")
            yield TickBox(
                compact=True,
                label="If we have time (aspirational: never ticketed)",
                value=self.start_aspirational,
                id="aspirational",
            )
            yield from form_foot(delete=item is not None, lists=True)

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        if self.item:
            self._validate_all()

    # -- validation -------------------------------------------------------------

    @property
    def aspirational(self) -> bool:
        return self.query_one("#aspirational", Checkbox).value

    def _value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value.strip()

    def _due(self) -> tuple[date | None, str]:
        """The due date typed (None if empty or unreadable) and why it is unreadable."""
        value = self._value("due")
        if not value:
            return None, ""
        try:
            return parse_due(value, self.today_), ""
        except (DateError, ValueError, OverflowError) as exc:
            reason = str(exc) or "not a date"
            return None, reason[0].upper() + reason[1:] + "."

    def _check(self, field_id: str) -> tuple[str, str]:
        """What to say under the field and in which tone; an "error" tone blocks saving."""
        value = self._value(field_id)
        if field_id == "title":
            return ("", "") if value else ("A title is required.", "error")
        if field_id == "owner":
            if value or self.aspirational:
                return "", ""
            return "Every action item needs an owner.", "error"
        if field_id == "due":
            due, reason = self._due()
            if reason:
                return reason, "error"
            if due is None:
                if self.aspirational:
                    return "", ""
                return "Every action item needs a due date.", "error"
            shown = due.strftime("%a %d %b %Y")
            if due < self.today_:
                return f"→ {shown} (in the past)", "warning"
            return f"→ {shown}", "success"
        return "", ""

    def _show(self, field_id: str) -> bool:
        message, tone = self._check(field_id)
        if field_id == "title" and not message:
            message, tone = self._title_hint(), "warning"
        self.query_one(f"#{field_id}", Input).set_class(tone == "error", "-invalid")
        say(self.query_one(f"#{field_id}-error", Static), message, tone)
        return tone != "error"

    def _title_hint(self) -> str:
        """A nudge (never a block) when the title doesn't read as actionable, bounded work."""
        if self.aspirational:
            return ""
        from debrief.coach.actions import check_action

        hints = check_action(self._value("title"))
        return hints[0].message if hints else ""

    def _validate_all(self) -> str | None:
        """The id of the first invalid field, or None."""
        first = None
        for field_id in self.FIELDS:
            if not self._show(field_id) and first is None:
                first = field_id
        return first

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if event.input.id in self.FIELDS:
            self._show(event.input.id)
        elif event.input.id == "reason" and self._reason():
            say(self.query_one("#reason-error", Static), "")

    @on(Checkbox.Changed, "#aspirational")
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
        status = self.query("#status")
        chosen = status.first(Select).value if status else ActionStatus.open
        if chosen == ActionStatus.not_doing and not self._reason():
            say(self.query_one("#reason-error", Static), "Say why the team decided not to do it.")
            self.query_one("#reason", Input).focus()
            return
        due, _ = self._due()
        self.dismiss(
            ActionDraft(
                title=self._value("title"),
                owner=self._value("owner"),
                due=due,
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
