"""The agenda: the template's sections, each marked empty or written, the current one lit."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
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

    COMPONENT_CLASSES = {"agenda--written", "agenda--quiet"}
    DEFAULT_CSS = """
    Agenda { width: 28; height: 1fr; border: none; padding: 0 1 0 0; background: $panel; }
    Agenda > .option-list--option-highlighted { text-style: bold; }
    Agenda > .agenda--written { color: $text-success; }
    Agenda > .agenda--quiet { color: $foreground-muted; }
    """

    @dataclass
    class SectionChosen(Message):
        """The user picked a section in the agenda."""

        key: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[AgendaItem] = []
        self._current = ""

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _: self._restyle())

    def show(self, items: list[AgendaItem], current: str) -> None:
        """Redraw with these sections, `current` highlighted."""
        self._items = items
        self._current = current
        self.clear_options()
        self.add_options([Option(self._prompt(item), id=item.key) for item in items])
        self.highlighted = next((i for i, it in enumerate(items) if it.key == current), 0)
        self._restyle()

    def _restyle(self) -> None:
        """Draw the prompts again in the current theme's colours, the highlighted one plain
        (the highlight's own colours read on it; ● and ○ still tell written from empty)."""
        for index, item in enumerate(self._items):
            self.replace_option_prompt_at_index(
                index, self._prompt(item, index == self.highlighted)
            )

    def _prompt(self, item: AgendaItem, plain: bool = False) -> Table:
        written = Style() if plain else self._colour("agenda--written")
        quiet = Style() if plain else self._colour("agenda--quiet")
        row = Table.grid(expand=True)
        row.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        row.add_column(justify="right", width=4)
        title = Text.assemble(
            ("● ", written) if item.written else ("○ ", quiet),
            clean(item.title, single_line=True),
        )
        row.add_row(title, Text(f"{item.timebox}m" if item.timebox else "", style=quiet))
        return row

    def _colour(self, component: str) -> Style:
        """The component's colour, blended onto the agenda's background."""
        return Style.from_color(self.get_component_rich_style(component).color)

    @on(OptionList.OptionHighlighted)
    def _highlight_moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._restyle()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.SectionChosen(event.option.id))
