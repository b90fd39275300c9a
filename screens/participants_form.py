"""Who takes part in the debrief: add (name and role), remove, invite the timeline's people.

Every change is saved at once (one revision each); closing the form returns whether
anything changed, so the screen below can show the new list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static
from textual.widgets.option_list import Option

from debrief.literal import clean
from debrief.models import Participant
from debrief.participants import ROLES
from debrief.screens.base import BaseModal
from debrief.screens.saving import BUSY_HERE
from debrief.store import StoreError
from debrief.widgets.completing_input import CompletingInput
from debrief.widgets.option_list import OptionList
from debrief.widgets.safe_text import SafeInput
from debrief.words import plural

if TYPE_CHECKING:
    from debrief.store.participants import ParticipantSaved

INVITE_LABEL = "Invite everyone named in the timeline"
NOBODY_ELSE = "No one else is named as an author in the timeline."
NAME_COLUMN = 28
"""Roles line up after names up to this many cells wide."""


class PeopleList(OptionList):
    """The participants; Delete removes the highlighted one, Enter edits their role."""

    BINDINGS = [
        Binding("delete", "remove", "Remove", id="remove-participant"),
    ]

    def action_remove(self) -> None:
        screen = self.screen
        if isinstance(screen, ParticipantsForm):
            screen.action_remove()


class ParticipantsForm(BaseModal[bool]):
    """Type a name (and a role), Enter adds; Delete on the list removes; ctrl+t invites."""

    CSS_PATH = ["forms.tcss", "participants_form.tcss"]
    BINDINGS = [
        Binding("escape", "close", "Close", id="close-participants"),
        Binding(
            "ctrl+t",
            "invite",
            "Invite",
            id="invite-from-timeline",
            priority=True,
            tooltip="Add everyone named as an event author in the timeline.",
        ),
    ]

    def __init__(self, pm_id: str, title: str) -> None:
        super().__init__()
        self.pm_id = pm_id
        self.title_ = title
        self.people: list[Participant] = []
        self.invitable: list[str] = []
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="people-form"):
            yield Static(
                Text(f"Participants · {clean(self.title_, single_line=True)}"),
                classes="form-title",
            )
            people = PeopleList(id="people")
            people.border_title = "Enter: change role · Del: remove"
            yield people
            yield Static(id="people-empty")
            with Horizontal(id="people-fields"):
                with Vertical(classes="people-field"):
                    yield Label("Name")
                    yield SafeInput(compact=True, id="name", placeholder="Full name, any spelling")
                with Vertical(classes="people-field"):
                    yield Label("Role")
                    yield CompletingInput(
                        compact=True,
                        id="role",
                        placeholder="facilitator, note-taker…",
                        suggester=SuggestFromList(ROLES, case_sensitive=False),
                    )
            yield Static(id="people-status")
            with Horizontal(classes="form-buttons"):
                yield Button(compact=True, label="Add", variant="primary", id="add")
                yield Button(compact=True, label="Remove", variant="error", id="remove")
                yield Button(compact=True, label="Close", id="close")
            with Horizontal(classes="form-buttons", id="invite-row"):
                yield Button(compact=True, label=INVITE_LABEL, id="invite")
            yield Static(id="invite-names")
            yield Static("Enter adds · ctrl+t invites · Esc closes", classes="form-hint")

    def on_mount(self) -> None:
        self._reload()
        self.query_one("#name", Input).focus()

    # -- showing -------------------------------------------------------------------

    def _reload(self, highlight: str | None = None) -> None:
        """Read the list and the timeline's people again, and redraw both."""
        try:
            self.people = self.store.participants(self.pm_id)
            self.invitable = self.store.named_in_timeline(self.pm_id)
        except StoreError as exc:
            self._status(str(exc), error=True)
            return
        people = self.query_one(PeopleList)
        before = people.highlighted
        people.clear_options()
        shown = (cell_len(clean(p.name, single_line=True)) for p in self.people)
        width = min(max(shown, default=0), NAME_COLUMN)
        people.add_options(
            [Option(self._prompt(p, width), id=str(i)) for i, p in enumerate(self.people)]
        )
        people.display = bool(self.people)
        if self.people:
            names = [p.name for p in self.people]
            index = names.index(highlight) if highlight in names else before or 0
            people.highlighted = min(index, len(self.people) - 1)
        people.border_subtitle = plural(len(self.people), "person", "people")
        empty = self.query_one("#people-empty", Static)
        empty.display = not self.people
        empty.update("No participants yet: type a name below, then Enter.")
        self.query_one("#remove", Button).disabled = not self.people
        self._show_invite()

    def _prompt(self, person: Participant, width: int) -> Text:
        """The name, then the role in a column (names longer than the column push it on)."""
        name = clean(person.name, single_line=True)
        text = Text(name)
        if person.role:
            text.append(" " * max(width - cell_len(name), 0))
            text.append(f"  {clean(person.role, single_line=True)}", style="dim")
        return text

    def _show_invite(self) -> None:
        button = self.query_one("#invite", Button)
        names = self.query_one("#invite-names", Static)
        count = len(self.invitable)
        button.disabled = not count
        if count:
            button.label = f"{INVITE_LABEL} (+{count})"
            names.update(Text(clean(", ".join(self.invitable), single_line=True)))
        else:
            button.label = INVITE_LABEL
            names.update(NOBODY_ELSE)

    def _status(self, message: str, error: bool = False) -> None:
        status = self.query_one("#people-status", Static)
        status.update(Text(clean(message, single_line=True)))
        status.set_class(error, "-error")
        status.set_class(not error and bool(message), "-done")

    # -- changing ------------------------------------------------------------------

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        role = self.query_one("#role", Input)
        typed = role.value.casefold()
        shown = next((r for r in ROLES if typed and r.casefold().startswith(typed)), "")
        if event.input is role and shown:
            role.value = (
                shown  # Enter takes the role shown (the suggester's first match), as Tab does
            )
        self.action_add()

    @on(Input.Changed, "#name")
    def _typing(self) -> None:
        self.query_one("#name", Input).remove_class("-invalid")

    def action_add(self) -> None:
        name_field = self.query_one("#name", Input)
        role_field = self.query_one("#role", Input)
        if not name_field.value.strip():
            name_field.add_class("-invalid")
            self._status("Type a name first.", error=True)
            name_field.focus()
            return
        store, pm_id = self.store, self.pm_id
        name, role = name_field.value, role_field.value

        def refused(exc: Exception) -> None:
            message = str(exc)
            if "already takes part" in message:
                message += "; type a new role to change it"
            if (name_field.value, role_field.value) == ("", ""):
                name_field.value, role_field.value = name, role  # the refused name, to fix
            name_field.add_class("-invalid")
            self._status(message[0].upper() + message[1:] + ".", error=True)
            name_field.focus()

        def added(saved: ParticipantSaved) -> None:
            person = saved.participant
            if saved.added:
                as_role = f" as {person.role}" if person.role else ""
                self._status(f"Added {person.name}{as_role}.")
            else:
                self._status(f"{person.name} is now {person.role}.")
            self._reload(highlight=person.name)

        self.changed = True
        if not self.save_change(lambda: store.add_participant(pm_id, name, role), added, refused):
            self._status(f"{BUSY_HERE} {name} is added as soon as it is free.")
        if not name_field.has_class("-invalid"):
            name_field.value = role_field.value = ""
        name_field.focus()

    def action_remove(self) -> None:
        people = self.query_one(PeopleList)
        index = people.highlighted
        if index is None or not 0 <= index < len(self.people):
            self._status("Choose someone in the list first.", error=True)
            return
        name = self.people[index].name
        store, pm_id = self.store, self.pm_id

        def removed(_: object) -> None:
            self._status(f"Removed {name} (the history keeps them).")
            self._reload()
            if self.people:
                people.focus()
            else:
                self.query_one("#name", Input).focus()

        self.changed = True
        if not self.save_change(
            lambda: store.remove_participant(pm_id, name),
            removed,
            lambda exc: self._status(str(exc), error=True),
        ):
            self._status(f"{BUSY_HERE} {name} is removed as soon as it is free.")

    def action_invite(self) -> None:
        store, pm_id = self.store, self.pm_id

        def invited(added: list[Participant]) -> None:
            if not added:
                self._status(NOBODY_ELSE)
                return
            self._status(f"Added {plural(len(added), 'person', 'people')} named in the timeline.")
            self._reload()

        self.changed = True
        if not self.save_change(
            lambda: store.invite_from_timeline(pm_id),
            invited,
            lambda exc: self._status(str(exc), error=True),
        ):
            self._status(f"{BUSY_HERE} Those people are added as soon as it is free.")

    def action_close(self) -> None:
        self.dismiss(self.changed)

    # -- the list and the buttons ----------------------------------------------------

    @on(OptionList.OptionSelected, "#people")
    def _edit_role(self, event: OptionList.OptionSelected) -> None:
        """Enter on a name: its name and role go to the fields, to change the role."""
        person = self.people[event.option_index]
        self.query_one("#name", Input).value = person.name
        role = self.query_one("#role", Input)
        role.value = person.role
        role.focus()
        self._status(f"Type {person.name}'s new role, then Enter.")

    @on(Button.Pressed, "#add")
    def _add_pressed(self) -> None:
        self.action_add()

    @on(Button.Pressed, "#remove")
    def _remove_pressed(self) -> None:
        self.action_remove()

    @on(Button.Pressed, "#invite")
    def _invite_pressed(self) -> None:
        self.action_invite()

    @on(Button.Pressed, "#close")
    def _close_pressed(self) -> None:
        self.action_close()
