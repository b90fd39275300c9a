"""The agenda: the template's sections, each marked empty or written, the current one lit."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from textual import on
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.visual import Visual
from textual.widgets.option_list import Option

from debrief.literal import clean
from debrief.widgets.option_list import OptionList

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.strip import Strip
    from textual.visual import RenderOptions

WRITTEN = "$text-success"
QUIET = "$foreground-muted"
"""The marks' and timeboxes' colours, named rather than given: they are looked up in the
theme each time a row is drawn, so a screen shown after the theme changed (its styles
are brought up to date only then) draws them in the new theme, with no signal to wait for."""

TIMEBOX_CELLS = 4
"""The timebox ("15m") sits right-aligned in the last cells of its row."""


class AgendaItem(NamedTuple):
    key: str
    title: str
    written: bool
    timebox: int


class AgendaRow(Visual):
    """One section's row, drawn at the list's width: the title (cut with an ellipsis
    where it does not fit), then the timebox right-aligned. A light Visual rather than a
    Rich table: the agenda is drawn in the screen's first frame."""

    def __init__(self, title: Content, timebox: str, timebox_style: str) -> None:
        self.title = title
        self.timebox = timebox
        self.timebox_style = timebox_style

    def line(self, width: int) -> Content:
        cells = min(width, TIMEBOX_CELLS)
        title = self.title.truncate(width - cells, ellipsis=True, pad=True)
        # The timebox's style covers its padding too, as a right-justified cell's does.
        return title + Content.styled(self.timebox.rjust(cells)[-cells:], self.timebox_style)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        return self.line(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1


class Agenda(OptionList):
    """Section list. Posts `Agenda.SectionChosen` when the user picks a section."""

    DEFAULT_CSS = """
    Agenda { width: 28; height: 1fr; border: none; padding: 0 1 0 0; background: $panel; }
    Agenda > .option-list--option-highlighted { text-style: bold; }
    """

    class SectionChosen(Message):
        """The user picked a section in the agenda."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[AgendaItem] = []
        self._current = ""
        self._plain_at: int | None = None
        """The row whose prompt is drawn plain (the highlighted one when drawn)."""

    def show(self, items: list[AgendaItem], current: str) -> None:
        """Redraw with these sections, `current` highlighted (nothing to do when they
        are the ones shown)."""
        highlight = next((i for i, it in enumerate(items) if it.key == current), 0)
        if items == self._items and current == self._current and self.option_count:
            self.highlighted = highlight
            return
        self._items = items
        self._current = current
        self.clear_options()
        self._plain_at = highlight
        self.add_options(
            [
                Option(self._prompt(item, index == highlight), id=item.key)
                for index, item in enumerate(items)
            ]
        )
        self.highlighted = highlight

    def _restyle(self) -> None:
        """Draw the prompts again, the highlighted one plain (the highlight's own colours
        read on it; ● and ○ still tell written from empty)."""
        self._plain_at = self.highlighted
        for index, item in enumerate(self._items):
            self.replace_option_prompt_at_index(
                index, self._prompt(item, index == self.highlighted)
            )

    def _prompt(self, item: AgendaItem, plain: bool = False) -> AgendaRow:
        written = "" if plain else WRITTEN
        quiet = "" if plain else QUIET
        title = Content.assemble(
            ("● ", written) if item.written else ("○ ", quiet),
            clean(item.title, single_line=True),
        )
        return AgendaRow(title, f"{item.timebox}m" if item.timebox else "", quiet)

    @on(OptionList.OptionHighlighted)
    def _highlight_moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.highlighted != self._plain_at:
            self._restyle()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.SectionChosen(event.option.id))
