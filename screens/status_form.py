"""Choosing an action item's status: open, in progress, done, or not doing (which asks why)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static
from textual.widgets.option_list import Option

from debrief.literal import literal
from debrief.models import ActionItem, ActionStatus
from debrief.screens.base import BaseModal
from debrief.screens.form_base import say
from debrief.widgets.option_list import OptionList
from debrief.widgets.safe_text import SafeInput

LABELS = {
    ActionStatus.open: "Open",
    ActionStatus.in_progress: "In progress",
    ActionStatus.done: "Done",
    ActionStatus.not_doing: "Not doing (says why)",
}


@dataclass(frozen=True)
class StatusChoice:
    status: ActionStatus
    reason: str = ""


class StatusForm(BaseModal[StatusChoice | None]):
    """Pick a status; not doing then asks for the reason before it closes."""

    CSS_PATH = "forms.tcss"
    DEFAULT_CSS = """
    StatusForm { align: center middle; }
    StatusForm OptionList { height: auto; max-height: 6; margin-bottom: 1; }
    StatusForm #reason-box { height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-status")]

    def __init__(self, item: ActionItem, start: ActionStatus | None = None) -> None:
        super().__init__()
        self.item = item
        self.start = start or item.status

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            title = Text("Status of ")
            title.append_text(literal(f"“{self.item.title}”", single_line=True))
            yield Static(title, classes="form-title")
            yield OptionList(
                *[Option(label, id=status.value) for status, label in LABELS.items()],
                id="statuses",
            )
            with Vertical(id="reason-box"):
                yield Label("Why is the team not doing it?")
                yield SafeInput(
                    compact=True,
                    value=self.item.status_reason,
                    placeholder="e.g. superseded by the gateway rewrite",
                    id="reason",
                )
                yield Static(classes="field-error", id="reason-error")
            yield Static("Enter chooses · Esc cancels", classes="form-hint")

    def on_mount(self) -> None:
        options = self.query_one("#statuses", OptionList)
        options.highlighted = list(LABELS).index(self.start)
        if self.start is ActionStatus.not_doing:
            self._ask_reason()
        else:
            self.query_one("#reason-box").display = False
            options.focus()

    def _ask_reason(self) -> None:
        self.query_one("#reason-box").display = True
        self.query_one("#reason", Input).focus()

    @on(OptionList.OptionSelected, "#statuses")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        status = ActionStatus(event.option.id or ActionStatus.open)
        if status is ActionStatus.not_doing:
            self._ask_reason()
            return
        self.dismiss(StatusChoice(status))

    @on(Input.Submitted, "#reason")
    def _reason_given(self) -> None:
        reason = " ".join(self.query_one("#reason", Input).value.split())
        if not reason:
            say(self.query_one("#reason-error", Static), "Say why the team decided against it.")
            return
        self.dismiss(StatusChoice(ActionStatus.not_doing, reason))

    def action_cancel(self) -> None:
        self.dismiss(None)
