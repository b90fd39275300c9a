"""The participation round: who has spoken in the current section, and who hasn't yet."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets.option_list import Option

from debrief.literal import clean
from debrief.widgets.option_list import OptionList

QUIET = "$foreground-muted"
"""Quieter marks: still 4.5:1 on the theme's backgrounds."""


class Participants(OptionList):
    """The participants; Enter, Space or 1–9 marks (or unmarks) who has spoken."""

    DEFAULT_CSS = """
    Participants {
        height: auto; max-height: 9; padding: 0 1 0 0; background: $panel;
        border: none; border-top: hkey $foreground 20%;
    }
    Participants:focus { border: none; border-top: hkey $accent; }
    Participants { border-title-color: $foreground-muted; border-subtitle-color: $text-warning; }
    Participants:focus { border-title-color: $text-accent; }
    """
    BINDINGS = [
        Binding("space", "mark", "Spoke", show=False),
        Binding("escape", "done", "Back", tooltip="Back to the editor."),
        *(Binding(str(n), f"mark_number({n})", show=False) for n in range(1, 10)),
    ]

    class Toggled(Message):
        """The user marked or unmarked `name` as having spoken."""

        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    class Done(Message):
        """The user is done marking."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.people: list[str] = []
        self.spoke: set[str] = set()
        self.nudge = False
        self.border_title = "Who spoke"

    def show(self, people: Sequence[str], spoke: Sequence[str], nudge: bool = False) -> None:
        """Redraw: ticks for who spoke; with `nudge`, the rest stand out."""
        highlighted = self.highlighted
        self.people, self.spoke, self.nudge = list(people), set(spoke), nudge
        self.clear_options()
        self.add_options(
            [Option(self._prompt(i, name), id=str(i)) for i, name in enumerate(self.people)]
        )
        if self.people:
            self.highlighted = min(highlighted or 0, len(self.people) - 1)
            self._restyle()
        else:
            hint = Content.styled("No participants yet: f7 adds them.", "$text-muted")
            self.add_option(Option(hint, disabled=True))
        waiting = len([p for p in self.people if p not in self.spoke])
        self.border_subtitle = f"{waiting} not yet" if nudge and waiting else ""

    def _prompt(self, index: int, name: str, plain: bool = False) -> Content:
        """One person; `plain` (the highlighted row) keeps the highlight's own colours,
        and the marks ✓ ○ · still tell who spoke."""
        number = f"{index + 1} " if index < 9 else "  "
        shown = clean(name, single_line=True)
        quiet, ok, nudge = (
            ("", "", "bold") if plain else (QUIET, "$text-success", "bold $text-warning")
        )
        if name in self.spoke:
            return Content.assemble((number, quiet), ("✓ ", ok), shown)
        if self.nudge:
            return Content.assemble((number, quiet), ("○ ", nudge), (shown, nudge))
        return Content.assemble((number, quiet), ("· ", quiet), shown)

    def _restyle(self) -> None:
        for index, name in enumerate(self.people):
            self.replace_option_prompt_at_index(
                index, self._prompt(index, name, plain=index == self.highlighted)
            )

    @on(OptionList.OptionHighlighted)
    def _highlight_moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._restyle()

    def action_mark(self) -> None:
        if self.highlighted is not None and self.highlighted < len(self.people):
            self.post_message(self.Toggled(self.people[self.highlighted]))

    def action_mark_number(self, number: int) -> None:
        if 0 < number <= len(self.people):
            self.highlighted = number - 1
            self.post_message(self.Toggled(self.people[number - 1]))

    def action_done(self) -> None:
        self.post_message(self.Done())

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_mark()
