"""F1: every key of the screen underneath, with what it does and its palette name."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from debrief.screens.base import BaseModal
from debrief.screens.commands import Command


class HelpScreen(BaseModal[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90; max-width: 100%; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 0 1; }
    """
    BINDINGS = [Binding("escape,f1,q", "close", "Close", id="close-help")]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        commands: list[Command] = list(getattr(self.under, "COMMAND_LIST", []))
        table = Table(box=None, expand=True, show_header=True, header_style="bold")
        table.add_column("Key", style="bold cyan", no_wrap=True)
        table.add_column("Palette (ctrl+p)")
        table.add_column("What it does", style="dim")
        keymap = self.app._keymap if hasattr(self.app, "_keymap") else {}
        for c in commands:
            key = keymap.get(c.id, c.key)
            table.add_row(self.app.get_key_display(Binding(key, "")), c.name, c.help)
        table.add_row("ctrl+p", "Command palette", "Every command by name.")
        table.add_row("f1", "Help", "This list.")
        table.add_row("ctrl+q", "Quit", "Leave debrief; everything typed is already saved.")
        with VerticalScroll():
            yield Static(Text("Keys", style="bold"))
            yield Static(table)
            yield Static(
                Text("Keys can be remapped by id in the config file's [keymap] table.", style="dim")
            )

    def action_close(self) -> None:
        self.dismiss()
