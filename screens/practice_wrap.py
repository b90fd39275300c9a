"""The wrap-up's practice: ideas still parked, the learning check (a show of hands), and
the offer of a soak follow-up (two working days on) to turn parked ideas into items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Static

from debrief.literal import clean
from debrief.notes import working_days_after
from debrief.screens.form_base import TickBox
from debrief.store import StoreError
from debrief.words import plural

if TYPE_CHECKING:
    from debrief.app import DebriefApp
    from debrief.practice import LearningCount
    from debrief.store import Store


class PracticeWrap(Vertical):
    DEFAULT_CSS = """
    PracticeWrap { height: auto; }
    PracticeWrap > Horizontal { height: auto; }
    PracticeWrap #learning-line { width: 1fr; }
    PracticeWrap Button { margin-left: 1; }
    """

    def __init__(self, pm_id: str) -> None:
        super().__init__(id="practice-wrap")
        self.pm_id = pm_id

    @property
    def store(self) -> Store:
        app: DebriefApp = self.app  # type: ignore[assignment]
        return app.store

    def compose(self) -> ComposeResult:
        yield Static(id="parked-left")
        with Horizontal():
            yield Static(id="learning-line")
            yield Button("Learning check", compact=True, id="learning-check")
        yield TickBox("", compact=True, id="soak")
        yield Static(
            Text(
                f"Survey for Slack: debrief note survey {clean(self.pm_id)}; "
                "answers: debrief note answer",
                style="italic",
            ),
            id="survey-hint",
        )

    def on_mount(self) -> None:
        self.show()

    def _soak_day(self) -> str:
        soak = self.store.soak(self.pm_id)
        if soak is not None and soak.done is None:
            return soak.due.isoformat()
        return working_days_after(self.store.today()).isoformat()

    def show(self) -> None:
        parked = self.store.parked_ideas(self.pm_id)
        left = Text(f"Parked ideas not handled ({len(parked)})", style="bold underline")
        for idea in parked:
            left.append("\n  • ")
            left.append(clean(idea.text, single_line=True))
        if not parked:
            left.append("\n  none: every idea became an item, a maybe, or was dropped")
        self.query_one("#parked-left", Static).update(left)
        count = self.store.learning(self.pm_id)
        self.query_one("#learning-line", Static).update(learning_text(count))
        soak = self.store.soak(self.pm_id)
        box = self.query_one("#soak", TickBox)
        planned = soak is not None and soak.done is None
        with box.prevent(Checkbox.Changed):
            box.value = planned
        box.label = (
            f"Soak follow-up on {self._soak_day()} to turn "
            f"{plural(len(parked), 'parked idea')} into items"
        )

    @on(Checkbox.Changed, "#soak")
    def _soak_changed(self, event: Checkbox.Changed) -> None:
        from datetime import date

        day = date.fromisoformat(self._soak_day()) if event.value else None
        try:
            self.store.set_soak(self.pm_id, day)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        if day is not None:
            self.notify(f"Soak follow-up on {day.isoformat()}: the home screen will show it.")

    @on(Button.Pressed, "#learning-check")
    def _learning(self) -> None:
        from debrief.screens.note_form import LearningForm

        def counted(count: LearningCount | None) -> None:
            if count is None:
                return
            try:
                self.store.record_learning(self.pm_id, count)
            except (StoreError, ValueError) as exc:
                self.notify(str(exc), severity="error", markup=False)
                return
            self.show()

        self.app.push_screen(LearningForm(self.store.learning(self.pm_id)), counted)


def learning_text(count: LearningCount | None) -> Text:
    line = Text("Learning check: ", style="bold")
    if count is None:
        line.append("not taken yet (a show of hands)")
    else:
        line.append(
            f"{count.learned} of {count.present} learned something that changes how they "
            f"work; {count.would_return} would come again"
        )
    return line
