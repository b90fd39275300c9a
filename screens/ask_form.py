"""Ask someone to contribute to the current section ("ask Support for Impact")."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from debrief.literal import literal
from debrief.screens.form_base import FormModal, say
from debrief.widgets.completing_input import CompletingInput
from debrief.widgets.safe_text import SafeInput, suggest_from


@dataclass
class Ask:
    person: str
    note: str


class AskForm(FormModal[Ask | None]):
    CSS_PATH = "forms.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel-form")]

    def __init__(self, section_title: str, people: list[str]) -> None:
        super().__init__()
        self.section_title = section_title
        self.people = people

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(
                literal(f"Ask someone to contribute to {self.section_title}", single_line=True),
                classes="form-title",
            )
            yield Label("Who")
            yield CompletingInput(
                compact=True,
                id="person",
                placeholder="Support, Ana Souza…",
                suggester=suggest_from(self.people),
            )
            yield Static(classes="field-error", id="person-error")
            yield Label("What you hope they add")
            yield SafeInput(compact=True, id="note", placeholder="customer numbers, ticket counts…")
            yield Static("Enter asks · Tab completes a name · Esc cancels", classes="form-hint")

    @on(Input.Submitted)
    def action_save(self) -> None:
        person = self.query_one("#person", Input).value.strip()
        if not person:
            say(self.query_one("#person-error", Static), "Say who to ask.")
            self.query_one("#person", Input).focus()
            return
        self.dismiss(Ask(person, self.query_one("#note", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
