"""Reopening an unfinished meeting: resume its clock where it stopped, or keep it paused."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from debrief.literal import clean
from debrief.meeting import AgendaClock, clock_text
from debrief.screens.base import BaseModal


def resume_question(meeting: AgendaClock) -> str:
    """`Resume the meeting clock at 23:10?`: the meeting's time so far, pauses excluded."""
    return f"Resume the meeting clock at {clock_text(meeting.total())}?"


def resume_detail(meeting: AgendaClock) -> str:
    """Where the meeting stopped: the section, and its time left (or over)."""
    view = meeting.view()
    left = "left" if view.remaining_s >= 0 else "over"
    title = clean(view.title, single_line=True)
    return (
        f"This meeting was not wrapped up. It stopped in {title} "
        f"({clock_text(view.remaining_s)} {left}), "
        f"{clock_text(view.total_s)} of {clock_text(view.total_planned_s)} planned."
    )


class ResumePrompt(BaseModal[bool]):
    """Enter (or r) resumes the clock; Esc (or k) keeps it paused, F5 resumes it later."""

    CSS_PATH = "resume_prompt.tcss"
    BINDINGS = [
        Binding(
            "enter,r", "answer(True)", "Resume", id="resume-clock", tooltip="Resume the clock."
        ),
        Binding(
            "escape,k",
            "answer(False)",
            "Keep paused",
            id="keep-paused",
            tooltip="Keep the clock paused; F5 resumes it later.",
        ),
    ]

    def __init__(self, meeting: AgendaClock, elsewhere_s: float | None = None) -> None:
        """`elsewhere_s`: seconds since another screen showed this meeting running."""
        super().__init__()
        self.question = resume_question(meeting)
        self.detail = resume_detail(meeting)
        self.elsewhere = (
            f"Another screen showed it running {clock_text(elsewhere_s)} ago: "
            "resume here only if that screen is closed."
            if elsewhere_s is not None
            else ""
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="resume-card"):
            yield Static(Text(self.question, style="bold"), id="resume-question")
            yield Static(Text(self.detail), id="resume-detail")
            if self.elsewhere:
                yield Static(Text(self.elsewhere, style="bold"), id="resume-elsewhere")
            yield Static(
                Text("Enter resumes · Esc keeps it paused (F5 resumes later)", style="dim"),
                id="resume-hint",
            )

    def action_answer(self, resume: bool) -> None:
        self.dismiss(resume)
