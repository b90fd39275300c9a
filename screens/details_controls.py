"""The debrief screen's "Edit details" (F11): the post-mortem's own fields in a form.

A mixin, so the debrief screen only lists it. After a save the header shows the new
title and severity at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from debrief.models import Postmortem
from debrief.screens.base import BaseScreen, Command

if TYPE_CHECKING:
    from debrief.screens.debrief_screen import DebriefScreen

DETAILS_COMMANDS = [
    Command(
        "Edit details",
        "f11",
        "edit_details",
        "Details",
        "Title, severity, classification, incident start and end, services and tags.",
        "edit-details",
        show=False,
    ),
]


class DetailsControls(BaseScreen):
    """Opens the Edit details form and shows what it saved."""

    def action_edit_details(self) -> None:
        from debrief.screens.details_form import DetailsForm

        me = cast("DebriefScreen", self)
        me.flush()
        form = DetailsForm(me.pm, self.debrief.config.classifications)
        self.app.push_screen(form, self._details_closed)

    def _details_closed(self, saved: Postmortem | None) -> None:
        if saved is None:
            return
        me = cast("DebriefScreen", self)
        me.pm = saved
        me._show_header()
        self.notify("Details saved.", timeout=3)
