"""The form for a new post-mortem: title, severity, incident start, template."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from debrief.dates import DateError, local_zone, parse_instant
from debrief.screens.base import BaseModal


@dataclass
class NewPostmortem:
    title: str
    severity: str
    started_at: datetime | None
    template: str


class NewPostmortemForm(BaseModal[NewPostmortem | None]):
    CSS_PATH = "forms.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-form")]

    def __init__(self, templates: list[str]) -> None:
        super().__init__()
        self.templates = templates or ["default"]

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static("New post-mortem", classes="form-title")
            yield Label("Title")
            yield Input(compact=True, id="title", placeholder="Checkout card payments failing")
            yield Static(classes="field-error", id="title-error")
            yield Label("Severity")
            yield Input(compact=True, id="severity", placeholder="SEV2")
            yield Label(f"Incident start ({local_zone().tzname(datetime.now())}; empty if unknown)")
            yield Input(compact=True, id="started", placeholder="2026-11-20 14:03")
            yield Static(classes="field-error", id="started-error")
            yield Label("Template")
            yield Select(
                compact=True,
                options=[(t, t) for t in self.templates],
                value=self.templates[0],
                allow_blank=False,
                id="template",
            )
            with Horizontal(classes="form-buttons"):
                yield Button(compact=True, label="Create", variant="primary", id="create")
                yield Button(compact=True, label="Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        title = self.query_one("#title", Input).value.strip()
        started_text = self.query_one("#started", Input).value.strip()
        started = None
        error = ""
        if started_text:
            try:
                started = parse_instant(started_text, local_zone())
            except DateError as exc:
                error = str(exc)
        self.query_one("#title-error", Static).update(
            Text("" if title else "A title is required.", style="red")
        )
        self.query_one("#started-error", Static).update(Text(error, style="red"))
        if not title or error:
            self.query_one("#title" if not title else "#started", Input).focus()
            return
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
