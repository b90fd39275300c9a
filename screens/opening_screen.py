"""The opening card: the template's blameless opening statement, for the facilitator to read out."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from debrief.literal import clean
from debrief.screens.base import BaseModal

FALLBACK = (
    "We are here to learn how our systems and processes allowed this to happen, "
    "not to find someone to blame. Everyone acted reasonably with what they knew at the time."
)

QUIET = "$foreground-muted"
"""Quieter words: still 4.5:1 on the theme's backgrounds."""


class OpeningScreen(BaseModal[None]):
    """Shown when the timer starts; Enter or Esc begins the first section."""

    CSS_PATH = "opening_screen.tcss"
    BINDINGS = [
        Binding(
            "enter,escape,space",
            "close",
            "Begin",
            id="close-opening",
            tooltip="Close the card and begin.",
        )
    ]

    def __init__(self, opening: str, agenda: str = "") -> None:
        super().__init__()
        self.opening = opening.strip() or FALLBACK
        self.agenda = agenda

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="opening-card"):
            yield Static(Text("Before we start — read this out", style="bold"), id="opening-title")
            yield Static(Text(clean(self.opening)), id="opening-text")
            if self.agenda:
                yield Static(Content.styled(clean(self.agenda), QUIET), id="opening-agenda")
            yield Static(
                Content.styled("Enter begins · the timer is running", QUIET), id="opening-hint"
            )

    def on_mount(self) -> None:
        self.query_one("#opening-card").focus()

    def action_close(self) -> None:
        self.dismiss()
