"""The coach panel: blaming and counterfactual wording in the current section, live, with a
question to ask instead, and the section's probing questions (asked ones ticked).

The panel lints on its own after a pause in typing (the linter is pure and takes well
under a millisecond for a section) and posts `Linted` so the screen can mark the spans
in the editor; clicking a finding posts `FindingChosen`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.style import Style
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Selection, TextAreaTheme

from debrief.literal import clean
from debrief.widgets.textual_adapter import line_highlights

if TYPE_CHECKING:  # the coach itself is imported after the first frame, on first use
    from debrief.coach import Coach, Finding

LINT_DELAY = 0.3
FIRST_LINT_DELAY = 0.05
"""After the first frame: the coach's import and rules wait until the room can read."""
KNOWN_THEN_HINT = "\nNote it on the event: “What the responder could see then”."
"""Under a hindsight finding: where what was known at the time is written down."""
"""Seconds of quiet typing before the section is linted again."""
HIGHLIGHT = "coach.flagged"
THEME = "debrief-coach"


class FindingView(Static):
    """One finding: the flagged words, why, and a question to ask instead."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(classes="coach-finding")
        self.finding = finding

    def render(self) -> Content:
        f = self.finding
        return Content.assemble(
            (f"“{clean(f.text, single_line=True)}”", "bold $text-warning"),
            (f"  {clean(f.category)}\n", "$foreground-muted"),
            (clean(f.message, single_line=True), "italic"),
            ("\nTry: ", "bold $text-success"),
            clean(f.suggestion, single_line=True),
            (KNOWN_THEN_HINT if f.category == "hindsight" else "", "$foreground-muted"),
        )

    def on_click(self) -> None:
        self.post_message(CoachPanel.FindingChosen(self.finding))


class CoachPanel(VerticalScroll):
    """Live findings for one section and its probing questions."""

    DEFAULT_CSS = """
    CoachPanel { height: 1fr; padding: 0 1; background: $panel; }
    CoachPanel > #coach-summary { margin-bottom: 1; }
    CoachPanel > .coach-finding { margin-bottom: 1; }
    CoachPanel > #coach-questions { color: $text-muted; }
    CoachPanel > #coach-followup { margin-bottom: 1; }
    CoachPanel > #coach-followup.-empty { display: none; }
    """

    class Linted(Message):
        """The section was linted: `findings` are spans of `text`."""

        def __init__(self, key: str, text: str, findings: list[Finding] | None = None) -> None:
            super().__init__()
            self.key = key
            self.text = text
            self.findings: list[Finding] = [] if findings is None else findings

    class FindingChosen(Message):
        """The user clicked a finding."""

        def __init__(self, finding: Finding) -> None:
            super().__init__()
            self.finding = finding

    can_focus = False

    def __init__(
        self, coach: Coach | None = None, *, rules_dir: Path | None = None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.error = ""
        self._coach = coach
        self._rules_dir = rules_dir if rules_dir and rules_dir.is_dir() else None
        self.key = ""
        self.people: tuple[str, ...] = ()
        self.actions = False
        self.findings: list[Finding] = []
        self._text = ""
        self._cursor: tuple[int, int] | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="coach-summary")
        yield Static(id="coach-followup", classes="-empty")
        yield Static(id="coach-questions")

    def show_followup(self, said: str, question: str) -> None:
        """The question to ask next about what was just said ('' hides it)."""
        line = self.query_one("#coach-followup", Static)
        line.set_class(not question, "-empty")
        if question:
            line.update(
                Content.assemble(
                    (f"Next ({clean(said, single_line=True)}): ", "bold $text-accent"),
                    clean(question, single_line=True),
                )
            )

    @property
    def coach(self) -> Coach:
        """The rules, loaded on first use (after the screen's first frame: about 0.1 s, each
        pattern compiled when a lint first meets its words)."""
        if self._coach is None:
            from debrief.coach import RulesError, coach_for

            try:
                self._coach = coach_for(self._rules_dir)
            except RulesError as exc:
                self.error = f"{exc}; the coach uses its built-in rules"
                self.notify(self.error, severity="warning", markup=False, timeout=10)
                self._coach = coach_for()
        return self._coach

    # -- what the screen tells us -------------------------------------------------

    def show_section(
        self, key: str, text: str, people: Sequence[str] = (), actions: bool = False
    ) -> None:
        """A new section: lint it at once (the first one shortly after the screen's
        first frame is out, since the coach is imported and compiled then)."""
        self.key, self.people, self.actions = key, tuple(people), actions
        self._text = text
        if self._coach is None:
            self.call_after_refresh(self.set_timer, FIRST_LINT_DELAY, self.lint_now)
        else:
            self.lint_now()

    def text_changed(self, text: str, cursor: tuple[int, int] | None = None) -> None:
        """The editor changed: lint again after a pause in typing.

        `cursor` (row, column) brings the finding nearest to it into view.
        """
        self._text = text
        self._cursor = cursor
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(LINT_DELAY, self.lint_now)

    def show_questions(self, questions: Sequence[str], asked: Sequence[str], current: int) -> None:
        """The section's probing questions: asked ones ticked, the current one marked."""
        parts: list[tuple[str, str]] = []
        if questions:
            parts.append(("Questions", "bold"))
        for index, question in enumerate(questions):
            done = question in asked
            style = ("bold " if index == current else "") + ("$text-success" if done else "")
            parts.append(("\n▸" if index == current else "\n ", "bold"))
            parts.append(("✓ " if done else "· ", "$text-success" if done else ""))
            parts.append((clean(question, single_line=True), style.strip()))
        self.query_one("#coach-questions", Static).update(Content.assemble(*parts))

    # -- linting -------------------------------------------------------------------

    def lint_now(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        findings = self.coach.lint(self._text, people=self.people, actions=self.actions)
        if findings != self.findings or not self.query(FindingView):
            self._show(findings)
        self.post_message(self.Linted(self.key, self._text, findings))

    def _show(self, findings: list[Finding]) -> None:
        self.findings = findings
        if findings:
            said = (f" · {len(findings)} to redirect", "bold $text-warning")
        else:
            said = (" · nothing to redirect", "$foreground-muted")
        self.query_one("#coach-summary", Static).update(Content.assemble(("Coach", "bold"), said))
        self.query(FindingView).remove()
        if findings:
            views = [FindingView(f) for f in findings]
            self.mount_all(views, before="#coach-questions")
            if self._cursor is not None:
                row, column = self._cursor
                near = min(
                    views,
                    key=lambda v: (
                        abs(v.finding.line - 1 - row),
                        abs(v.finding.end_column - column),
                    ),
                )
                self.call_after_refresh(self.scroll_to_widget, near, animate=False, top=True)


def rules_beside(templates_dir: Path | None) -> Path:
    """The user's rules folder: `rules/` beside the templates folder, in the config dir."""
    if templates_dir is not None:
        return templates_dir.parent / "rules"
    from debrief.coach.rules import rules_dir

    return rules_dir()


def mark_spans(editor: TextArea, findings: Sequence[Finding]) -> None:
    """Underline the findings' spans in the editor (until its next edit)."""
    name = f"{THEME}-{editor.app.theme}"  # one per app theme: its warning colour
    if name not in editor.available_themes:
        warning = editor.app.theme_variables.get("text-warning") or "default"
        editor.register_theme(
            TextAreaTheme(name, syntax_styles={HIGHLIGHT: Style(color=warning, underline=True)})
        )
    if editor.theme != name:
        editor.theme = name
    highlights = line_highlights(editor)
    highlights.clear()
    document = editor.document
    for f in findings:
        for row in range(f.line - 1, min(f.end_line, document.line_count)):
            line = document.get_line(row)
            start = f.column - 1 if row == f.line - 1 else 0
            end = f.end_column - 1 if row == f.end_line - 1 else len(line)
            begin_byte = len(line[:start].encode("utf-8"))
            end_byte = len(line[:end].encode("utf-8"))
            highlights[row].append((begin_byte, end_byte, HIGHLIGHT))
    editor.notify_style_update()  # drops the lines drawn without the marks
    editor.refresh()


def select_span(editor: TextArea, finding: Finding) -> None:
    """Select a finding's words in the editor and put the cursor there."""
    editor.selection = Selection(
        (finding.line - 1, finding.column - 1), (finding.end_line - 1, finding.end_column - 1)
    )
    editor.focus()
