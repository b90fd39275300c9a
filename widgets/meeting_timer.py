"""The agenda timer: the current section's time left in big digits, and the meeting's total.

Calm while there is time, amber near the end of the timebox, red when over, dimmed while
paused. The widget only draws a `TimerView`; the screen owns the clock and redraws it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from debrief.literal import clean
from debrief.meeting import Phase, TimerView, Tone, clock_text


class MeetingTimer(Vertical):
    """Time left in the current section (or over it), and the meeting against its plan."""

    DEFAULT_CSS = """
    MeetingTimer { height: auto; padding: 0 1; background: $panel; }
    MeetingTimer > #timer-label { height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    MeetingTimer > #timer-digits { width: auto; color: $text-success; text-style: bold; }
    MeetingTimer.-amber > #timer-digits { color: $text-warning; }
    MeetingTimer.-over > #timer-digits { color: $text-error; }
    MeetingTimer.-paused > #timer-digits { color: $text-muted; text-style: none; }
    MeetingTimer.-idle > #timer-digits { color: $text-muted; text-style: none; }
    MeetingTimer > #timer-total { height: 1; }
    """

    def __init__(self, *, id: str | None = None, hint: str = "F5 starts the timer") -> None:
        super().__init__(id=id)
        self.hint = hint
        self.view: TimerView | None = None

    def compose(self) -> ComposeResult:
        if self.display:  # hidden (until the meeting starts), it gets its parts when shown
            yield from self._parts()

    def _parts(self) -> tuple[Widget, ...]:
        from textual.widgets import Digits

        return Static(id="timer-label"), Digits("", id="timer-digits"), Static(id="timer-total")

    def show(self, view: TimerView) -> None:
        """Draw the clock at one instant (cheap when nothing visible changed)."""
        if view == self.view or not self.display:
            return  # a hidden clock is drawn when it is shown (the screen shows, then draws)
        from textual.widgets import Digits

        if not self.children:
            self.mount(*self._parts())
        self.view = view
        over = view.tone is Tone.over
        self.set_class(view.phase is Phase.idle, "-idle")
        self.set_class(view.phase in (Phase.paused, Phase.finished), "-paused")
        self.set_class(view.tone is Tone.amber and view.phase is not Phase.idle, "-amber")
        self.set_class(over and view.phase is not Phase.idle, "-over")
        digits = self.query_one("#timer-digits", Digits)
        value = clock_text(view.remaining_s)
        if digits.value != value:
            digits.update(value)
        state = {
            Phase.idle: self.hint,
            Phase.paused: "paused",
            Phase.finished: "finished",
        }.get(view.phase, "over" if over else "left")
        label = Content.assemble(
            (state, "bold $text-error" if state == "over" else "bold"),
            (f" · {clean(view.title, single_line=True)}", "$foreground-muted"),
        )
        self.query_one("#timer-label", Static).update(label)
        late = view.total_s > view.total_planned_s
        total = Content.assemble(
            "Meeting ",
            (clock_text(view.total_s), "bold $text-error" if late else "bold"),
            (f" of {clock_text(view.total_planned_s)}", "$foreground-muted"),
        )
        self.query_one("#timer-total", Static).update(total)


class MeetingSide(Vertical):
    """A column as wide as its widest child: the agenda, with the timer and the round under it."""

    DEFAULT_CSS = """
    MeetingSide { width: 28; height: 1fr; background: $panel; }
    MeetingSide > * { width: 100%; }
    """
