"""The debrief screen's coach: probing questions, blame and counterfactual findings, redirects.

A mixin, so that the debrief screen stays one readable file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.widgets import TextArea

from debrief.screens.base import BaseScreen, Command
from debrief.template import SectionKind
from debrief.widgets.coach_panel import CoachPanel, mark_spans, select_span
from debrief.widgets.section_editor import SectionEditor

if TYPE_CHECKING:
    from debrief.screens.debrief_screen import DebriefScreen

COACH_COMMANDS = [
    Command(
        "Next question",
        "ctrl+g",
        "next_question",
        "Question",
        "Show the section's next probing question.",
        "next-question",
    ),
    Command(
        "Redirect",
        "ctrl+r",
        "redirect",
        "Redirect",
        "What to say when talk turns to blame: the blameless scripts.",
        "redirect",
    ),
    Command(
        "Toggle coach",
        "f2",
        "toggle_coach",
        "Coach",
        "Hide or show the coach panel (hide it while screen-sharing).",
        "toggle-coach",
    ),
]


class CoachControls(BaseScreen):
    """Asks the section's questions and redirects blame while the section is written."""

    @property
    def _me(self) -> DebriefScreen:
        return cast("DebriefScreen", self)

    def action_next_question(self) -> None:
        me = self._me
        questions = self._questions()
        if questions:
            self._mark_asked(questions[me.question_index.get(me.current, 0) % len(questions)])
            me.question_index[me.current] = (me.question_index.get(me.current, 0) + 1) % len(
                questions
            )
            me._show_guide()
            self._coach_questions()

    _coach_started = False

    def _coach_section(self) -> None:
        """The coach follows the section shown: its questions now, its findings after a
        pause (the first section's just after the first frame, as the coach is loaded
        then, so the timeline's authors are read then too)."""
        self._coach_questions()
        if not self._coach_started:
            self._coach_started = True
            self.call_after_refresh(self._coach_follows)
            return
        self._coach_follows()

    def _coach_follows(self) -> None:
        me = self._me
        spec = me.template.section(me.current)
        pm = me.pm
        authors = self.store.event_authors(me.pm_id)
        people = [
            p for p in (*me._participants(), pm.facilitator, pm.lead_investigator, *authors) if p
        ]
        actions = spec is not None and spec.kind in (SectionKind.actions, SectionKind.aspirational)
        text = self.query_one(SectionEditor).text
        self.query_one(CoachPanel).show_section(me.current, text, people, actions)

    def _coach_questions(self) -> None:
        me = self._me
        asked = self.store.asked_questions(me.pm_id, me.current)
        index = me.question_index.get(me.current, 0)
        self.query_one(CoachPanel).show_questions(self._questions(), asked, index)

    def _mark_asked(self, question: str) -> None:
        me, store = self._me, self.store
        pm_id, key = me.pm_id, me.current
        self.save_change(lambda: store.mark_asked(pm_id, key, question))

    @on(TextArea.Changed, "#editor")
    def _coach_typed(self, event: TextArea.Changed) -> None:
        editor = event.text_area
        self.query_one(CoachPanel).text_changed(editor.text, editor.cursor_location)

    @on(CoachPanel.Linted)
    def _coach_linted(self, event: CoachPanel.Linted) -> None:
        editor = self.query_one(SectionEditor)
        if event.key == editor.section_key and event.text == editor.text:
            mark_spans(editor, event.findings if self.query_one(CoachPanel).display else [])

    @on(CoachPanel.FindingChosen)
    def _coach_chosen(self, event: CoachPanel.FindingChosen) -> None:
        select_span(self.query_one(SectionEditor), event.finding)

    def action_redirect(self) -> None:
        from debrief.screens.redirect_screen import RedirectScreen

        panel = self.query_one(CoachPanel)
        self.app.push_screen(RedirectScreen(panel.coach.rules.scripts, panel.findings))

    def action_toggle_coach(self) -> None:
        panel = self.query_one(CoachPanel)
        panel.display = not panel.display
        panel.lint_now()

    def _questions(self) -> list[str]:
        me = self._me
        spec = me.template.section(me.current)
        return spec.questions if spec else []
