"""Adding or editing one timeline event; times are typed in the viewer's zone."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from debrief.dates import DateError, local_zone, parse_instant
from debrief.models import Milestone, TimelineEvent
from debrief.screens.base import BaseModal


class EventForm(BaseModal[TimelineEvent | None]):
    CSS_PATH = "forms.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel-form"),
        Binding("ctrl+s", "save", "Save", id="save-form", priority=True),
    ]

    def __init__(self, now: datetime, event: TimelineEvent | None = None) -> None:
        super().__init__()
        self.now = now
        self.event = event

    def compose(self) -> ComposeResult:
        zone = local_zone()
        when = (self.event.at if self.event else self.now).astimezone(zone)
        with Vertical(classes="form"):
            yield Static(
                "Edit timeline event" if self.event else "New timeline event", classes="form-title"
            )
            yield Label(f"When ({when.tzname()}, or ISO with an offset)")
            yield Input(compact=True, value=when.strftime("%Y-%m-%d %H:%M"), id="when")
            yield Static(classes="field-error", id="when-error")
            yield Label("What happened")
            yield Input(
                compact=True,
                value=self.event.text if self.event else "",
                id="text",
                placeholder="Alert fired for checkout error rate",
            )
            yield Static(classes="field-error", id="text-error")
            with Horizontal(classes="form-row"):
                yield Select(
                    compact=True,
                    options=[(m.value, m) for m in Milestone],
                    value=self.event.milestone
                    if self.event and self.event.milestone
                    else Select.NULL,
                    prompt="milestone",
                    id="milestone",
                )
                yield Input(
                    compact=True,
                    value=self.event.source if self.event else "manual",
                    id="source",
                    placeholder="source",
                )
            yield Label("Evidence link")
            yield Input(
                compact=True,
                value=self.event.link if self.event else "",
                id="link",
                placeholder="https://…",
            )
            with Horizontal(classes="form-buttons"):
                yield Button(compact=True, label="Save", variant="primary", id="save")
                yield Button(compact=True, label="Cancel", id="cancel")
            yield Static("Enter saves · Esc cancels", classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#text" if not self.event else "#when", Input).focus()

    def _parse(self) -> tuple[datetime | None, str, str]:
        when_text = self.query_one("#when", Input).value
        text = self.query_one("#text", Input).value.strip()
        try:
            at = parse_instant(when_text, local_zone())
            when_error = ""
        except DateError as exc:
            at, when_error = None, str(exc)
        return at, when_error, "" if text else "Say what happened."

    @on(Input.Changed)
    def _changed(self) -> None:
        _, when_error, text_error = self._parse()
        self.query_one("#when-error", Static).update(Text(when_error, style="red"))
        self.query_one("#text-error", Static).update(Text(text_error, style="red"))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        at, when_error, text_error = self._parse()
        self._changed()
        if at is None or text_error:
            self.query_one("#when" if when_error else "#text", Input).focus()
            return
        milestone = self.query_one("#milestone", Select).value
        base = self.event.model_dump() if self.event else {}
        self.dismiss(
            TimelineEvent.model_validate(
                {
                    **base,
                    "at": at,
                    "text": self.query_one("#text", Input).value.strip(),
                    "source": self.query_one("#source", Input).value.strip() or "manual",
                    "link": self.query_one("#link", Input).value.strip(),
                    "milestone": milestone if isinstance(milestone, Milestone) else None,
                }
            )
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
