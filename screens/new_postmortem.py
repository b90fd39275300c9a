"""The form for a new post-mortem: title, severity, incident start, template."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from debrief.dates import DateError, future_warning, local_zone, parse_instant, show_instant
from debrief.screens.form_base import FormModal, say
from debrief.widgets.safe_text import SafeInput


@dataclass
class NewPostmortem:
    title: str
    severity: str
    started_at: datetime | None
    template: str


class NewPostmortemForm(FormModal[NewPostmortem | None]):
    CSS_PATH = "forms.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-form")]

    def __init__(self, templates: list[str]) -> None:
        super().__init__()
        self.templates = templates or ["default"]

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static("New post-mortem", classes="form-title")
            yield Label("Title")
            yield SafeInput(compact=True, id="title", placeholder="Checkout card payments failing")
            yield Static(classes="field-error", id="title-error")
            yield Label("Severity")
            yield SafeInput(compact=True, id="severity", placeholder="SEV2")
            yield Label(f"Incident start ({local_zone().tzname(datetime.now())}; empty if unknown)")
            yield SafeInput(compact=True, id="started", placeholder="2026-11-20 14:03")
            yield Static(classes="field-error", id="started-error")
            yield Label("Template")
            yield Select(
                compact=True,
                options=[(t, t) for t in self.templates],
                value=self.templates[0],
                allow_blank=False,
                id="template",
            )
            with Vertical(classes="form-foot"):
                with Horizontal(classes="form-buttons"):
                    yield Button(compact=True, label="Create", variant="primary", id="create")
                    yield Button(compact=True, label="Cancel", id="cancel")
                yield Static("Enter creates · Tab next field · Esc cancels", classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def _started(self) -> tuple[datetime | None, str]:
        """The incident start typed (None if empty or unreadable) and why it is unreadable."""
        started_text = self.query_one("#started", Input).value.strip()
        if not started_text:
            return None, ""
        try:
            return parse_instant(started_text, local_zone()), ""
        except (DateError, ValueError, OverflowError) as exc:
            reason = str(exc) or "not a time"
            return None, reason[0].upper() + reason[1:] + "."

    @on(Input.Changed, "#started")
    def _started_changed(self) -> None:
        started, error = self._started()
        ahead = " (in the future: check the date and the time zone)"
        shown = f"→ {show_instant(started)}" if started else ""
        if started and future_warning("", started):
            shown += ahead
        say(self.query_one("#started-error", Static), error or shown, "error" if error else "muted")

    @on(Input.Changed, "#title")
    def _title_changed(self) -> None:
        if self.query_one("#title", Input).value.strip():
            say(self.query_one("#title-error", Static), "")

    @on(Input.Submitted)
    @on(Button.Pressed, "#create")
    def action_save(self) -> None:
        title = self.query_one("#title", Input).value.strip()
        started, error = self._started()
        say(self.query_one("#title-error", Static), "" if title else "A title is required.")
        if error:
            say(self.query_one("#started-error", Static), error)
        if not title or error:
            self.query_one("#title" if not title else "#started", Input).focus()
            return
        warning = future_warning("The incident start", started)
        if warning:
            self.app.notify(warning + ".", severity="warning")
        self.dismiss(
            NewPostmortem(
                title=title,
                severity=self.query_one("#severity", Input).value.strip(),
                started_at=started,
                template=str(self.query_one("#template", Select).value),
            )
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
