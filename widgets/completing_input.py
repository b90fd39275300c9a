"""An Input whose Tab accepts the shown completion before moving on."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class CompletingInput(Input):
    """Owner fields: type "An", Tab, and "Ana Souza" is filled in."""

    BINDINGS = [Binding("tab", "complete_and_next", "Complete", show=False)]

    def action_complete_and_next(self) -> None:
        suggestion = self._suggestion
        if suggestion and len(suggestion) > len(self.value):
            self.value = suggestion
            self.cursor_position = len(suggestion)
        self.screen.focus_next()
