"""What every form shares: keys that follow fast typing, Enter that saves, messages on fields.

Textual hands a key to whichever widget has focus *when the key arrives*, but moves
focus on Tab only when that Tab has been through the field it left. Typed fast (or
pasted by a terminal in one burst), the first letters of the next field would then
land in the field being left. Here Tab, Shift+Tab and Enter are taken as soon as they
arrive: the form first lets the focused field take the keys already sent to it, then
moves on (or saves), so every later key goes to the field the person meant.
"""

from __future__ import annotations

import asyncio
from typing import ClassVar, TypeVar

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Select, Static

from debrief.literal import literal
from debrief.screens.base import BaseModal
from debrief.widgets.completing_input import CompletingInput

R = TypeVar("R")

TONES = ("error", "warning", "success", "muted")
"""How a message on a field reads; each has a class in forms.tcss coloured from the theme."""

SETTLE_LIMIT = 1.0
"""Seconds to wait for a field to take the keys already sent to it (it takes microseconds)."""


def say(target: Static, message: str, tone: str = "error") -> None:
    """Show `message` (shown literally, wrapped) under a field, coloured by its tone."""
    target.update(literal(message))
    target.set_class(not message, "-empty")
    for name in TONES:
        target.set_class(bool(message) and name == tone, f"tone-{name}")


async def settle(widget: Widget | None) -> None:
    """Return once `widget` has handled every message (keys included) already queued for it."""
    if widget is None or not widget.is_attached:
        return
    done = asyncio.Event()
    widget.call_later(done.set)
    try:
        await asyncio.wait_for(done.wait(), SETTLE_LIMIT)
    except TimeoutError:
        pass


class TickBox(Checkbox):
    """A checkbox whose X is drawn only when ticked: its state reads without colour
    (NO_COLOR, a washed-out projector), not only from the mark's shade."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super()._button


def form_foot(*, error: bool = False, delete: bool = False, lists: bool = False) -> ComposeResult:
    """The foot every form ends with: a line for a message on the whole form (`error`),
    Save, Delete (`delete`) and Cancel, and the keys, naming Space when it has lists."""
    with Vertical(classes="form-foot"):
        if error:
            yield Static(classes="field-error -empty", id="form-error")
        with Horizontal(classes="form-buttons"):
            yield Button(compact=True, label="Save", variant="primary", id="save")
            if delete:
                yield Button(compact=True, label="Delete", variant="error", id="delete")
            yield Button(compact=True, label="Cancel", id="cancel")
        space = "Space opens a list · " if lists else ""
        yield Static(f"Enter saves · Tab next field · {space}Esc cancels", classes="form-hint")


def _in_open_dropdown(widget: Widget | None) -> bool:
    return any(isinstance(node, Select) and node.expanded for node in _lineage(widget))


def _lineage(widget: Widget | None) -> list[Widget]:
    found = []
    while isinstance(widget, Widget):
        found.append(widget)
        parent = widget.parent
        widget = parent if isinstance(parent, Widget) else None
    return found


class FormModal(BaseModal[R]):
    """A modal form: Tab and Shift+Tab move between fields, Enter saves from any field.

    Enter is left to a focused button (it presses it) and to an open dropdown (it
    chooses). Subclasses implement `action_save`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_field", "Next field", show=False, priority=True),
        Binding("shift+tab", "previous_field", "Previous field", show=False, priority=True),
        Binding("enter", "submit", "Save", show=False, priority=True),
    ]

    _form_closed = False

    def dismiss(self, result: R | None = None) -> AwaitComplete:
        """Close once: a second Save or Cancel already queued (Enter pressed twice on a
        button) must not close the screen below the form."""
        if self._form_closed or not self.is_active:
            return AwaitComplete(asyncio.sleep(0))
        self._form_closed = True
        return super().dismiss(result)

    async def action_next_field(self) -> None:
        focused = self.focused
        await settle(focused)
        if isinstance(focused, CompletingInput):
            await focused.complete()
        self.focus_next()

    async def action_previous_field(self) -> None:
        await settle(self.focused)
        self.focus_previous()

    async def action_submit(self) -> None:
        focused = self.focused
        if isinstance(focused, Button) or _in_open_dropdown(focused):
            raise SkipAction()
        await settle(focused)
        self.action_save()

    def action_save(self) -> None:  # pragma: no cover - every form defines it
        raise NotImplementedError
