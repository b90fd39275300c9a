"""An Input whose Tab accepts the shown completion before moving on."""

from __future__ import annotations

from textual.binding import Binding

from debrief.widgets.safe_text import SafeInput


class CompletingInput(SafeInput):
    """Owner fields: type "An", Tab, and "Ana Souza" is filled in.

    Tab always moves on: with nothing to complete it is a plain Tab.
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
        wanted = value if self.suggester.case_sensitive else value.casefold()
        suggestion = await self.suggester.get_suggestion(wanted)
        if not suggestion or len(suggestion) <= len(value):
            return False
        self.value = suggestion
        self.cursor_position = len(suggestion)
        return True

    async def action_complete_and_next(self) -> None:
        await self.complete()
        self.screen.focus_next()
