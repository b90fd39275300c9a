"""Textual's OptionList, with page up and page down that never crash.

In Textual 8.2.8, page up or page down on an option list that has a highlighted option
but no lines laid out (a list given no room on a small screen, or not drawn yet) raises
KeyError inside Textual: a crash on an ordinary key. Here those keys move to the first
or the last option instead. Every option list in debrief is this one.
"""

from __future__ import annotations

from textual.widgets import OptionList as _TextualOptionList


class OptionList(_TextualOptionList):
    """An OptionList whose page keys work whatever room it has."""

    def action_page_up(self) -> None:
        try:
            super().action_page_up()
        except (KeyError, IndexError):  # no lines laid out: there is no page to move by
            self.action_first()

    def action_page_down(self) -> None:
        try:
            super().action_page_down()
        except (KeyError, IndexError):
            self.action_last()
