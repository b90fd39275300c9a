"""Similar past incidents while writing: as the facilitator types in Trigger or Root cause
(or records factors), a quiet panel under the editor lists up to three past post-mortems
sharing services, factor categories or wording. Looked up after a pause in typing, so
typing stays fast; alt+s opens them read-only.

A mixin, so the debrief screen only lists it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.timer import Timer
from textual.widgets import TextArea

from debrief.screens.base import BaseScreen, Command
from debrief.widgets.similar_panel import SimilarPanel

if TYPE_CHECKING:
    from debrief.screens.debrief_screen import DebriefScreen

SIMILAR_SECTIONS = ("trigger", "root-cause")
SIMILAR_DELAY = 0.8
"""Seconds of no typing before the past post-mortems are looked up again."""
SIMILAR_KEY = "alt+s"

SIMILAR_COMMANDS = [
    Command(
        "Open similar incident",
        SIMILAR_KEY,
        "open_similar",
        "Similar",
        "Read the past post-mortems most like this one (Trigger and Root cause).",
        "open-similar-incident",
        show=False,
    ),
]


class SimilarControls(BaseScreen):
    _similar_timer: Timer | None = None

    @property
    def _writing(self) -> DebriefScreen:
        return cast("DebriefScreen", self)

    def similar_refresh(self, wait: float = 0.0) -> None:
        """Look again (after `wait` seconds) where the panel belongs; hide it elsewhere."""
        if self._similar_timer is not None:
            self._similar_timer.stop()
            self._similar_timer = None
        if self._writing.current not in SIMILAR_SECTIONS:
            self.query_one(SimilarPanel).show([], SIMILAR_KEY)
            return
        self._similar_timer = self.set_timer(max(wait, 0.01), self._look)

    @on(TextArea.Changed, "#editor")
    def _similar_typed(self) -> None:
        if self._writing.current in SIMILAR_SECTIONS:
            self.similar_refresh(SIMILAR_DELAY)

    def _look(self) -> None:
        from debrief.store import StoreError
        from debrief.store.similar import similar

        self._similar_timer = None
        me = self._writing
        if me.current not in SIMILAR_SECTIONS:
            return
        try:
            factors = self.store.factors(me.pm_id)
            text = " ".join(
                [
                    *(me.sections[k].body for k in SIMILAR_SECTIONS if k in me.sections),
                    me.query_one("#editor", TextArea).text,
                    *(f.text for f in factors),
                ]
            )
            categories = [f.category for f in factors if f.kind.value == "factor"]
            found = similar(self.store, me.pm_id, text, me.pm.services, categories)
        except StoreError:
            return  # busy for a moment: the next pause in typing looks again
        self.query_one(SimilarPanel).show(found, SIMILAR_KEY)

    def action_open_similar(self) -> None:
        from debrief.screens.similar_view import SimilarView

        items = self.query_one(SimilarPanel).items
        if not items:
            self.notify("No similar past incidents yet: they show under Trigger and Root cause.")
            return
        self._writing.flush()
        self.app.push_screen(SimilarView([i.postmortem.id for i in items]))
