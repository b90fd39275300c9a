"""The debrief screen's participants: who takes part, opened as "Participants" (F7).

A mixin, so the debrief screen only lists it. After the form closes, the post-mortem is
read again: the participation round, "Who hasn't spoken?", the coach and the action
form's Owner completion all read `pm.participants`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from debrief.screens.base import BaseScreen, Command
from debrief.store import StoreError

if TYPE_CHECKING:
    from debrief.screens.debrief_screen import DebriefScreen

PARTICIPANT_COMMANDS = [
    Command(
        "Participants",
        "f7",
        "participants",
        "People",
        "Who takes part, with roles: add, remove, or invite everyone named in the timeline.",
        "participants",
        show=False,
    ),
]


class ParticipantControls(BaseScreen):
    """Opens the Participants form and shows its changes everywhere on the screen."""

    @property
    def _me(self) -> DebriefScreen:
        return cast("DebriefScreen", self)

    def action_participants(self) -> None:
        from debrief.screens.participants_form import ParticipantsForm

        me = self._me
        me.flush()
        self.app.push_screen(ParticipantsForm(me.pm_id, me.pm.title), self._participants_closed)

    def _participants_closed(self, changed: bool | None) -> None:
        if not changed:
            return
        me = self._me
        try:
            me.pm = self.store.get_postmortem(me.pm_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.show_participants()

    def show_participants(self) -> None:
        """Show `pm.participants` wherever the screen shows people (the form reads them anew)."""
        me = self._me
        me._show_meeting()
        me._coach_section()
