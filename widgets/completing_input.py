"""An Input whose Tab accepts the shown completion before moving on."""

from __future__ import annotations

from textual.binding import Binding

from debrief.widgets.name_suggester import NameSuggester
from debrief.widgets.safe_text import SafeInput


class CompletingInput(SafeInput):
    """Owner fields: type "An" (or "Souza"), Tab, and "Ana Souza" is filled in.

    Tab always moves on: with nothing to complete it is a plain Tab. → at the end of
    the text fills the completion in too.
    """

    BINDINGS = [Binding("tab", "complete_and_next", "Complete", show=False)]

    async def complete(self) -> bool:
        """Fill in the completion of what is typed now; False when there is none.

        The suggester is asked directly rather than through the suggestion shown, which
        is computed in the background and can lag behind fast typing.
        """
        value = self.value
        if not value or self.suggester is None:
            return False
        if isinstance(self.suggester, NameSuggester):
            return self._fill_name()
        wanted = value if self.suggester.case_sensitive else value.casefold()
        suggestion = await self.suggester.get_suggestion(wanted)
        if not suggestion or len(suggestion) <= len(value):
            return False
        self.value = suggestion
        self.cursor_position = len(suggestion)
        return True

    def _fill_name(self) -> bool:
        """Fill in the name a NameSuggester matches; False when there is none."""
        assert isinstance(self.suggester, NameSuggester)
        name = self.suggester.match(self.value)
        if name is None or name == self.value:
            return False
        self.value = name
        self.cursor_position = len(name)
        return True

    def action_cursor_right(self, select: bool = False) -> None:
        """→ at the end fills in the name (not the "Souza → Ana Souza" shown)."""
        if (
            not select
            and self.cursor_at_end
            and isinstance(self.suggester, NameSuggester)
            and self._fill_name()
        ):
            return
        super().action_cursor_right(select)

    async def action_complete_and_next(self) -> None:
        await self.complete()
        self.screen.focus_next()
