"""Wrap up: the summary to read out at the end, and the follow-up review date to set.

Finishing sets the post-mortem's status to `debriefed` and stores the follow-up date.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from debrief.dates import DateError, parse_due
from debrief.literal import clean
from debrief.meeting import MeetingRecord, clock_text
from debrief.meeting_summary import WrapUp
from debrief.screens.base import BaseModal


def wrap_up_text(wrap: WrapUp, record: MeetingRecord | None = None) -> Text:
    """The summary as it is read out: findings, owned actions, the "if we have time" list."""
    text = Text()
    text.append("Key findings\n", style="bold underline")
    for finding in wrap.findings:
        text.append(f"  {finding.title}", style="bold")
        text.append(f" — {clean(finding.text, single_line=True)}\n")
    if not wrap.findings:
        text.append("  Nothing written yet.\n", style="dim")
    text.append(f"\nAction items ({len(wrap.actions)})\n", style="bold underline")
    for item in wrap.actions:
        text.append("  • ")
        text.append(clean(item.title, single_line=True))
        text.append(" — ")
        if item.owner.strip():
            text.append(clean(item.owner, single_line=True), style="bold")
        else:
            text.append("no owner", style="bold reverse red")
        if item.due is not None:
            text.append(f", due {item.due.isoformat()}")
        else:
            text.append(", ")
            text.append("no due date", style="bold red")
        text.append("\n")
    if not wrap.actions:
        text.append("  None yet: agree at least one owned action before we close.\n", style="dim")
    unowned = len(wrap.unowned)
    if unowned:
        items = "item has" if unowned == 1 else "items have"
        text.append(f"  ⚠ {unowned} {items} no owner: agree one now.\n", style="bold red")
    text.append(f"\nIf we have time ({len(wrap.aspirational)})\n", style="bold underline")
    for item in wrap.aspirational:
        text.append(f"  • {clean(item.title, single_line=True)}\n")
    if not wrap.aspirational:
        text.append("  Nothing listed.\n", style="dim")
    if record is not None and record.started_at is not None:
        text.append("\nMeeting ", style="bold underline")
        text.append(f"{clock_text(record.spent_s)} of {clock_text(record.planned_s)} planned")
        for section in record.overruns:
            text.append(f" · {clean(section.title, single_line=True)} ")
            text.append(f"+{clock_text(section.over_s)}", style="red")
        text.append("\n")
    text.append("\nFollow-up review: ", style="bold")
    text.append(wrap.follow_up.isoformat())
    return text


class WrapupScreen(BaseModal[date | None]):
    """The end-of-meeting summary; Enter finishes with the follow-up date, Esc goes back."""

    CSS_PATH = "wrapup_screen.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back", id="wrapup-back", tooltip="Back to the debrief."),
        Binding("ctrl+s", "finish", "Finish", id="wrapup-finish", priority=True),
    ]

    def __init__(self, title: str, wrap: WrapUp, record: MeetingRecord | None, today: date) -> None:
        super().__init__()
        self.heading = title
        self.wrap = wrap
        self.record = record
        self.today_is = today

    def compose(self) -> ComposeResult:
        with Vertical(id="wrapup-card"):
            title = Text("Wrap up — ", style="bold")
            title.append(clean(self.heading, single_line=True))
            yield Static(title, id="wrapup-title")
            with VerticalScroll(id="wrapup-body"):
                yield Static(wrap_up_text(self.wrap, self.record), id="wrapup-summary")
            with Horizontal(id="wrapup-follow"):
                yield Label("Follow-up review on", id="follow-label")
                yield Input(self.wrap.follow_up.isoformat(), id="follow-up")
                yield Static(id="follow-error")
            yield Static(
                Text("Enter finishes the debrief (status: debriefed) · Esc goes back", style="dim"),
                id="wrapup-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#follow-up", Input).focus()

    def _follow_up(self) -> date | None:
        field = self.query_one("#follow-up", Input)
        try:
            value = parse_due(field.value, self.today_is)
        except DateError as exc:
            field.add_class("-invalid")
            self.query_one("#follow-error", Static).update(Text(str(exc), style="red"))
            return None
        field.remove_class("-invalid")
        self.query_one("#follow-error", Static).update(Text(f"→ {value:%a %d %b %Y}", style="dim"))
        return value

    @on(Input.Changed, "#follow-up")
    def _typed(self) -> None:
        self._follow_up()

    @on(Input.Submitted, "#follow-up")
    def action_finish(self) -> None:
        value = self._follow_up()
        if value is not None:
            self.dismiss(value)

    def action_back(self) -> None:
        self.dismiss(None)
