"""F1: every key of the screen underneath, with what it does and its palette name."""

from __future__ import annotations

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from debrief.screens.base import BaseModal
from debrief.screens.commands import Command


class KeyTable(Widget):
    """The keys of the screen underneath. Its colours are looked up each time it is drawn,
    never kept in its text: a theme chosen while it opens still shows in it."""

    COMPONENT_CLASSES = {"help--key", "help--quiet"}
    DEFAULT_CSS = """
    KeyTable { height: auto; }
    KeyTable > .help--key { color: $text-accent; text-style: bold; }
    KeyTable > .help--quiet { color: $foreground-muted; }
    """

    def __init__(self, under: Screen[object], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.under = under

    def _colour(self, component: str) -> Style:
        style = self.get_component_rich_style(component)
        return Style(color=style.color, bold=style.bold)

    def render(self) -> Table:
        commands: list[Command] = list(getattr(self.under, "COMMAND_LIST", []))
        quiet = self._colour("help--quiet")
        table = Table(box=None, expand=True, show_header=True, header_style="bold")
        table.add_column("Key", style=self._colour("help--key"), no_wrap=True)
        table.add_column(Text("Palette (ctrl+p) and id"))
        table.add_column("What it does", style=quiet)
        keymap: dict[str, str] = getattr(self.app, "keys_remapped", {})

        def named(name: str, binding_id: str) -> Text:
            """The palette name, and below it the id that [keymap] remaps."""
            return Text.assemble(name, "\n", (binding_id, quiet)) if binding_id else Text(name)

        for c in commands:
            key = keymap.get(c.id, c.key)
            table.add_row(self.app.get_key_display(Binding(key, "")), named(c.name, c.id), c.help)
        table.add_row("ctrl+p", named("Command palette", ""), "Every command by name.")
        table.add_row("f1", named("Help", "help"), "This list.")
        table.add_row(
            "ctrl+q",
            named("Quit", "quit"),
            "Leave debrief; everything typed is already saved.",
        )
        return table


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
        with VerticalScroll():
            yield Static(Text("Keys", style="bold"))
            yield KeyTable(self.under, id="help-keys")
            yield Static(
                Content.styled(
                    "Keys can be remapped by their id in the config file's [keymap] table, "
                    'e.g. next-section = "ctrl+down".',
                    "$foreground-muted",
                )
            )

    def action_close(self) -> None:
        self.dismiss()
