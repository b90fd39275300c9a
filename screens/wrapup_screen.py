"""Wrap up: the summary to read out at the end, and the follow-up review date to set.

Finishing sets the post-mortem's status to `debriefed` and stores the follow-up date.
"""

from __future__ import annotations

from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
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


def _block(title: str, rows: list[Text], empty: str) -> list[RenderableType]:
    """A heading, then one row per item with a hanging indent (wrapped lines stay inside)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column(ratio=1)
    for row in rows:
        grid.add_row(Text("•", style="dim"), row)
    if not rows:
        grid.add_row(Text(""), Text(empty, style="dim"))
    return [Text(title, style="bold underline"), grid, Text("")]


def wrap_up_view(wrap: WrapUp, record: MeetingRecord | None = None) -> Group:
    """The summary as it is read out: findings, owned actions, the "if we have time" list."""
    findings = []
    for finding in wrap.findings:
        row = Text.assemble((clean(finding.title, single_line=True), "bold"))
        row.append(f" — {clean(finding.text, single_line=True)}")
        findings.append(row)
    actions = []
    for item in wrap.actions:
        row = Text(clean(item.title, single_line=True))
        row.append(" — ")
        if item.owner.strip():
            row.append(clean(item.owner, single_line=True), style="bold")
        else:
            row.append("no owner", style="bold reverse red")
        if item.due is not None:
            row.append(f", due {item.due.isoformat()}")
        else:
            row.append(", ")
            row.append("no due date", style="bold red")
        actions.append(row)
    parts = _block("Key findings", findings, "Nothing written yet.")
    parts += _block(
        f"Action items ({len(wrap.actions)})",
        actions,
        "None yet: agree at least one owned action before we close.",
    )
    unowned = len(wrap.unowned)
    if unowned:
        items = "item has" if unowned == 1 else "items have"
        parts[-1:-1] = [Text(f"⚠ {unowned} {items} no owner: agree one now.", style="bold red")]
    aspirational = [Text(clean(a.title, single_line=True)) for a in wrap.aspirational]
    parts += _block(f"If we have time ({len(wrap.aspirational)})", aspirational, "Nothing listed.")
    if record is not None and record.started_at is not None:
        line = Text.assemble(("Meeting", "bold underline"))
        line.append(f"  {clock_text(record.spent_s)} of {clock_text(record.planned_s)} planned")
        for section in record.overruns:
            line.append(f" · {clean(section.title, single_line=True)} ")
            line.append(f"+{clock_text(section.over_s)}", style="red")
        parts += [line, Text("")]
    follow = Text.assemble(("Follow-up review: ", "bold"))
    follow.append(wrap.follow_up.isoformat())
    return Group(*parts, follow)


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
                yield Static(wrap_up_view(self.wrap, self.record), id="wrapup-summary")
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
