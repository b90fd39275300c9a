"""The debrief screen's live capture: action items (new, edited, a clash merged field by
field) and timeline events, saved the moment a form closes.

A mixin, so the debrief screen stays one readable file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from debrief.screens.base import BaseScreen
from debrief.store import Conflict
from debrief.widgets.section_editor import SectionEditor

if TYPE_CHECKING:
    from debrief.models import ActionItem, TimelineEvent
    from debrief.screens.action_form import ActionDraft
    from debrief.screens.debrief_screen import DebriefScreen
    from debrief.widgets.action_table import ActionTable


class CaptureControls(BaseScreen):
    @property
    def _me(self) -> DebriefScreen:
        return cast("DebriefScreen", self)

    def action_add_action(self) -> None:
        from debrief.screens.action_form import ActionForm

        aspirational = self._me.sections[self._me.current].key == "if-we-have-time"
        self.app.push_screen(
            ActionForm(self._me._participants(), self.today(), aspirational=aspirational),
            self._action_saved,
        )

    def on_action_table_edit_requested(self, event: ActionTable.EditRequested) -> None:
        """Enter on an item's row. (Named for the message rather than decorated with it:
        the tables, and their module, come after the screen's first frame.)"""
        from debrief.screens.action_form import ActionForm

        item = self.store.get_action(self._me.pm_id, event.action_id)
        self.app.push_screen(
            ActionForm(self._me._participants(), self.today(), item=item),
            lambda draft: self._action_saved(draft, item),
        )

    def _action_saved(self, draft: ActionDraft | None, base: ActionItem | None = None) -> None:
        if draft is None:
            return
        pm_id, store = self._me.pm_id, self.store
        conflicted = False

        def failed(exc: Exception) -> None:
            nonlocal conflicted
            if isinstance(exc, Conflict) and base is not None:
                conflicted = True
                self._action_conflict(draft, base, exc)
                return
            self.notify(str(exc), severity="error", markup=False)
            self._me._show_kind()

        if draft.delete and base is not None:

            def deleted(_: object) -> None:
                self.notify("Action item deleted (it stays in the history).")
                self._me._show_kind()

            self.save_change(lambda: store.delete_action(pm_id, base.id), deleted, failed)
        elif base is None:

            def added(item: ActionItem) -> None:
                owner = f" for {item.owner}" if item.owner else ""
                due = f", due {item.due.isoformat()}" if item.due else ""
                self.notify(f"Action item saved{owner}{due}.", markup=False)
                self._me._show_kind()

            try:
                new = draft.to_item()
            except ValueError as exc:
                self.notify(str(exc), severity="error", markup=False)
            else:
                self.save_change(lambda: store.add_action(pm_id, new), added, failed)
        else:
            mine = {k: v for k, v in draft.changes().items() if getattr(base, k) != v}
            self.save_change(
                lambda: store.update_action(pm_id, base.id, mine, base=base),
                lambda _: self._me._show_kind(),
                failed,
            )
        if not conflicted:
            self._me._show_kind()
            self.query_one(SectionEditor).focus()

    def _action_conflict(self, draft: ActionDraft, base: ActionItem, conflict: Conflict) -> None:
        """Someone changed the same fields meanwhile: show theirs, keep yours in the form."""
        theirs: ActionItem = conflict.current
        changed = ", ".join(f"{f} to {getattr(theirs, f)!s}" for f in conflict.fields)
        notice = f"Someone else changed {changed} meanwhile. Your version is below: Enter saves it, Esc keeps theirs."
        edited = {k: v for k, v in draft.changes().items() if getattr(base, k) != v}
        mine = theirs.model_copy(update=edited)
        from debrief.screens.action_form import ActionForm

        self.app.push_screen(
            ActionForm(self._me._participants(), self.today(), item=mine, notice=notice),
            lambda again: self._action_saved(again, theirs),
        )

    def action_add_event(self) -> None:
        from debrief.screens.event_form import EventForm

        self.app.push_screen(EventForm(self.store.now(), pm_id=self._me.pm_id), self._event_saved)

    def _event_saved(self, event: TimelineEvent | None) -> None:
        if event is None:
            return
        pm_id, store = self._me.pm_id, self.store
        mine = event.model_copy(update={"author": event.author or store.author})

        def added(_: object) -> None:
            self.notify("Timeline event added.")
            self._me._show_kind()

        self.save_change(lambda: store.add_event(pm_id, mine), added)
        self._me._show_kind()
