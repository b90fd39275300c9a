"""The debrief screen's practice: park ideas without stopping the story, note surprises,
themes and open questions, confirm the timeline with the room, the learning check, and
the follow-up question keyed to what was just typed.

A mixin, so the debrief screen stays one readable file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.widgets import TextArea

from debrief.notes import NoteKind
from debrief.practice import LearningCount
from debrief.screens.base import BaseScreen, Command
from debrief.template import SectionKind

if TYPE_CHECKING:
    from debrief.screens.debrief_screen import DebriefScreen
    from debrief.screens.note_form import NoteDraft

PRACTICE_COMMANDS = [
    Command(
        "Park an idea",
        "alt+i",
        "park_idea",
        "Park idea",
        "Capture an idea for a fix in one line, without stopping the story.",
        "park-idea",
    ),
    Command(
        "Note as…",
        "alt+n",
        "note_as",
        "Note",
        "Note a surprise, a theme or an open question in one line.",
        "note-as",
    ),
    Command(
        "Add surprise",
        "alt+u",
        "add_note('surprise')",
        "Surprise",
        "What surprised people: one line.",
        "add-surprise",
        show=False,
    ),
    Command(
        "Add theme",
        "alt+h",
        "add_note('theme')",
        "Theme",
        "A theme of this incident (counted across incidents): one line.",
        "add-theme",
        show=False,
    ),
    Command(
        "Add open question",
        "alt+q",
        "add_note('question')",
        "Question",
        "Something still unclear, to answer after the meeting: one line.",
        "add-open-question",
        show=False,
    ),
    Command(
        "Confirm timeline",
        "alt+t",
        "confirm_timeline",
        "Confirm",
        "The room agrees the timeline is right (or take the confirmation back).",
        "confirm-timeline",
    ),
    Command(
        "Parked ideas",
        "alt+p",
        "parked_ideas",
        "Ideas",
        "Turn each parked idea into an owned item, an if-we-have-time item, or drop it.",
        "parked-ideas",
    ),
    Command(
        "Learning check",
        "alt+k",
        "learning_check",
        "Learning",
        "Show of hands: who learned something, who would come again.",
        "learning-check",
    ),
]


class PracticeControls(BaseScreen):
    @property
    def _me(self) -> DebriefScreen:
        return cast("DebriefScreen", self)

    def _kind_of(self, key: str) -> SectionKind:
        spec = self._me.template.section(key)
        return spec.kind if spec else SectionKind.text

    # -- notes ------------------------------------------------------------------------

    def action_park_idea(self) -> None:
        self.action_add_note(NoteKind.idea.value)

    def action_note_as(self) -> None:
        from debrief.screens.note_form import NoteForm

        self.app.push_screen(NoteForm(), self._note_saved)

    def action_add_note(self, kind: str) -> None:
        from debrief.screens.note_form import NoteForm

        self.app.push_screen(NoteForm(NoteKind(kind)), self._note_saved)

    def _note_saved(self, draft: NoteDraft | None) -> None:
        from debrief.screens.note_form import TITLES

        if draft is None:
            return
        store, pm_id = self.store, self._me.pm_id
        said = "Idea parked" if draft.kind is NoteKind.idea else TITLES[draft.kind][4:].capitalize()
        if draft.kind is not NoteKind.idea:
            said += " noted"

        self.save_change(
            lambda: store.add_note(pm_id, draft.kind, draft.text),
            lambda _: self.notify(f"{said}.", timeout=3),
        )

    # -- the timeline, confirmed by the room -------------------------------------------

    def action_confirm_timeline(self) -> None:
        store, pm_id = self.store, self._me.pm_id
        confirmed = store.timeline_confirmation(pm_id) is None

        def done(_: object) -> None:
            if confirmed:
                self.notify("Timeline confirmed by the room.")
            else:
                self.notify("Timeline confirmation taken back.")

        self.save_change(lambda: store.confirm_timeline(pm_id, confirmed), done)

    def practice_section_changed(self, left: str, entered: str) -> None:
        """Leaving the Timeline unconfirmed asks for the confirmation; the Action items
        section starts from the parked ideas."""
        if left == entered:
            return
        pm_id = self._me.pm_id
        if (
            left
            and self._kind_of(left) is SectionKind.timeline
            and self.store.timeline_confirmation(pm_id) is None
        ):
            self.notify(
                "The timeline is not confirmed by the room yet: alt+t (Confirm timeline) "
                "when everyone agrees it is right.",
                severity="warning",
                timeout=8,
            )
        if self._kind_of(entered) is SectionKind.actions and self.store.parked_ideas(pm_id):
            self.call_after_refresh(self.action_parked_ideas)

    def action_parked_ideas(self) -> None:
        from debrief.screens.idea_triage import IdeaTriage

        if not self.store.parked_ideas(self._me.pm_id):
            self.notify("No parked ideas: alt+i parks one during the story.")
            return
        self.app.push_screen(
            IdeaTriage(self._me.pm_id, self._me._participants()),
            lambda _: self._me._show_kind(),
        )

    # -- the learning check ------------------------------------------------------------

    def action_learning_check(self) -> None:
        from debrief.screens.note_form import LearningForm

        store, pm_id = self.store, self._me.pm_id

        def counted(count: LearningCount | None) -> None:
            if count is None:
                return
            self.save_change(
                lambda: store.record_learning(pm_id, count),
                lambda _: self.notify(
                    f"Learning check: {count.learned} of {count.present} learned something, "
                    f"{count.would_return} would come again."
                ),
            )

        self.app.push_screen(LearningForm(store.learning(pm_id)), counted)

    # -- the question keyed to what was just said ---------------------------------------

    _followups_loaded = False

    @on(TextArea.Changed, "#editor")
    def _practice_typed(self, event: TextArea.Changed) -> None:
        if not self._followups_loaded:  # the first section loading: after the first frame
            self._followups_loaded = True
            self.call_after_refresh(self._show_followup, event.text_area)
            return
        self._show_followup(event.text_area)

    def _show_followup(self, editor: TextArea) -> None:
        from debrief.followups import follow_up, line_at
        from debrief.widgets.coach_panel import CoachPanel

        found = follow_up(line_at(editor.text, editor.cursor_location[0]))
        for panel in self.query(CoachPanel):
            panel.show_followup(found.said if found else "", found.question if found else "")
