"""The agenda: the template's sections, each marked empty or written, the current one lit."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from debrief.literal import clean


@dataclass(frozen=True)
class AgendaItem:
    key: str
    title: str
    written: bool
    timebox: int


class Agenda(OptionList):
    """Section list. Posts `Agenda.SectionChosen` when the user picks a section."""

    DEFAULT_CSS = """
    Agenda { width: 28; height: 1fr; border: none; padding: 0 1 0 0; background: $panel; }
    Agenda > .option-list--option-highlighted { text-style: bold; }
    """

    @dataclass
    class SectionChosen(Message):
        """The user picked a section in the agenda."""

        key: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[AgendaItem] = []
        self._current = ""

    def show(self, items: list[AgendaItem], current: str) -> None:
        """Redraw with these sections, `current` highlighted."""
        self._items = items
        self._current = current
        self.clear_options()
        self.add_options([Option(self._prompt(item), id=item.key) for item in items])
        self.highlighted = next((i for i, it in enumerate(items) if it.key == current), 0)

    def _prompt(self, item: AgendaItem) -> Table:
        row = Table.grid(expand=True)
        row.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        row.add_column(justify="right", width=4)
        title = Text.assemble(
            ("● ", "green") if item.written else ("○ ", "dim"),
            clean(item.title, single_line=True),
        )
        row.add_row(title, Text(f"{item.timebox}m" if item.timebox else "", style="dim"))
        return row

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.SectionChosen(event.option.id))
