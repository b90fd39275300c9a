"""One definition per user action: its key (footer), its palette name, and its help.

Screens declare a list of `Command`s; their BINDINGS and command-palette entries
are both made from it, so the footer, the palette and F1 help never disagree.
Binding ids let users remap keys from the config file (`[keymap]`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen


class Command(NamedTuple):
    name: str
    """The command-palette name, e.g. "Next section"."""
    key: str
    action: str
    footer: str
    help: str
    id: str
    show: bool = True
    priority: bool = True


def bindings(commands: Iterable[Command]) -> list[BindingType]:
    return [
        Binding(
            c.key,
            c.action,
            c.footer,
            show=c.show,
            priority=c.priority,
            id=c.id,
            tooltip=c.help,
        )
        for c in commands
    ]


def palette(node: Screen[Any], commands: Iterable[Command]) -> Iterable[SystemCommand]:
    """Palette entries that run the same actions as the keys."""
    for command in commands:
        if node.check_action(command.action, ()) is False:
            continue
        yield SystemCommand(
            command.name,
            command.help,
            lambda action=command.action: node.run_action(action),
        )
