"""Ask someone to contribute to the current section ("ask Support for Impact")."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from debrief.literal import clean
from debrief.screens.base import BaseModal
from debrief.widgets.completing_input import CompletingInput


@dataclass
class Ask:
    person: str
    note: str


class AskForm(BaseModal[Ask | None]):
    CSS_PATH = "forms.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-form")]

    def __init__(self, section_title: str, people: list[str]) -> None:
        super().__init__()
        self.section_title = section_title
        self.people = people

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(
                Text(f"Ask someone to contribute to {clean(self.section_title, single_line=True)}"),
                classes="form-title",
            )
            yield Label("Who")
            yield CompletingInput(
                compact=True,
                id="person",
                placeholder="Support, Ana Souza…",
                suggester=SuggestFromList(self.people, case_sensitive=False),
            )
            yield Static(classes="field-error", id="person-error")
            yield Label("What you hope they add")
            yield Input(compact=True, id="note", placeholder="customer numbers, ticket counts…")
            yield Static("Enter asks · Esc cancels", classes="form-hint")

    @on(Input.Submitted)
    def _submit(self) -> None:
        person = self.query_one("#person", Input).value.strip()
        if not person:
            self.query_one("#person-error", Static).update(Text("Say who to ask.", style="red"))
            self.query_one("#person", Input).focus()
            return
        self.dismiss(Ask(person, self.query_one("#note", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
