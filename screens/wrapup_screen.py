"""Wrap up: the summary to read out at the end, and the follow-up review date to set.

The facilitator can pick another sentence of a section as its key finding, edit it, or
leave the section out; the sentence the blameless coach flags is never picked for them.
Finishing sets the post-mortem's status to `debriefed` and stores the follow-up date.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, Static, TextArea

from debrief.dates import DateError, parse_due
from debrief.literal import clean
from debrief.meeting import MeetingRecord, clock_text
from debrief.meeting_summary import Finding, WrapUp, meeting_time
from debrief.screens.base import BaseModal
from debrief.widgets.safe_text import SafeInput

MUTED = "$foreground-muted"


def _tone(theme: Mapping[str, str] | None, which: str) -> str:
    """A Rich style for the theme's legible `text-error` or `text-warning` colour (none
    without a theme's variables)."""
    colour = theme.get(f"text-{which}") if theme is not None else None
    return f"bold {colour}" if colour and colour.startswith("#") else "bold"


def _block(title: str, rows: list[Text], empty: str) -> list[RenderableType]:
    """A heading, then one row per item with a hanging indent (wrapped lines stay inside)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column(ratio=1)
    for row in rows:
        grid.add_row(Text("•"), row)
    if not rows:
        grid.add_row(Text(""), Text(empty, style="italic"))
    return [Text(title, style="bold underline"), grid, Text("")]


def read_out(wrap: WrapUp, record: MeetingRecord | None = None) -> list[tuple[str, str]]:
    """(section title, finding) as read out: the facilitator's choices in the record first."""
    chosen = record.findings if record is not None else {}
    pairs = [(f.title, chosen.get(f.key, f.text) if f.key else f.text) for f in wrap.findings]
    return [(title, text) for title, text in pairs if text.strip()]


def actions_view(wrap: WrapUp, theme: Mapping[str, str] | None = None) -> list[RenderableType]:
    """Every owned action with its owner and due date, then the "if we have time" list."""
    error = _tone(theme, "error")
    actions = []
    for item in wrap.actions:
        row = Text(clean(item.title, single_line=True))
        row.append(" — ")
        if item.owner.strip():
            row.append(clean(item.owner, single_line=True), style="bold")
        else:
            row.append("no owner", style=error)
        if item.due is not None:
            row.append(f", due {item.due.isoformat()}")
        else:
            row.append(", ")
            row.append("no due date", style=error)
        actions.append(row)
    parts = _block(
        f"Action items ({len(wrap.actions)})",
        actions,
        "None yet: agree at least one owned action before we close.",
    )
    unowned = len(wrap.unowned)
    if unowned:
        items = "item has" if unowned == 1 else "items have"
        parts[-1:-1] = [Text(f"⚠ {unowned} {items} no owner: agree one now.", style=error)]
    aspirational = [Text(clean(a.title, single_line=True)) for a in wrap.aspirational]
    parts += _block(f"If we have time ({len(wrap.aspirational)})", aspirational, "Nothing listed.")
    return parts


def meeting_line(
    record: MeetingRecord | None, theme: Mapping[str, str] | None = None
) -> Text | None:
    """`Meeting 12:10 of 60:00 planned · Resolution +01:40`: what the appendix says too.

    `record` should be as of now (`AgendaClock.snapshot().record`).
    """
    if record is None or record.started_at is None:
        return None
    timing = meeting_time(record)
    line = Text.assemble(("Meeting", "bold underline"), f"  {timing.text}")
    for title, over_s in timing.overruns:
        line.append(f" · {clean(title, single_line=True)} ")
        line.append(f"+{clock_text(over_s)}", style=_tone(theme, "error"))
    return line


def wrap_up_view(
    wrap: WrapUp, record: MeetingRecord | None = None, theme: Mapping[str, str] | None = None
) -> Group:
    """The summary as it is read out: findings, owned actions, the "if we have time" list."""
    findings = []
    for title, text in read_out(wrap, record):
        row = Text.assemble((clean(title, single_line=True), "bold"))
        row.append(f" — {clean(text, single_line=True)}")
        findings.append(row)
    parts = _block("Key findings", findings, "Nothing written yet.")
    parts += actions_view(wrap, theme)
    line = meeting_line(record, theme)
    if line is not None:
        parts += [line, Text("")]
    follow = Text.assemble(("Follow-up review: ", "bold"))
    follow.append(wrap.follow_up.isoformat())
    return Group(*parts, follow)


class FindingRow(Static, can_focus=True):
    """One section's key finding: n/p picks another sentence, e edits, x leaves it out."""

    BINDINGS = [
        Binding("n,right", "other(1)", "Next sentence", id="finding-next", show=False),
        Binding("p,left", "other(-1)", "Previous sentence", id="finding-previous", show=False),
        Binding("e,enter", "edit", "Edit", id="finding-edit", show=False),
        Binding("x,delete", "leave_out", "Leave out", id="finding-leave-out", show=False),
    ]

    class Changed(Message):
        """The facilitator chose or edited this finding."""

        def __init__(self, row: FindingRow) -> None:
            super().__init__()
            self.row = row

    class EditRequested(Message):
        def __init__(self, row: FindingRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, finding: Finding, text: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="finding")
        self.finding = finding
        self.text = text

    def on_mount(self) -> None:
        self.show()

    def show(self, focused: bool | None = None) -> None:
        """Draw the finding; while focused, with its place among the section's sentences."""
        focused = self.has_focus if focused is None else focused
        f = self.finding
        parts: list[str | tuple[str, str]] = [(clean(f.title, single_line=True), "bold"), " — "]
        if self.text.strip():
            parts.append(clean(self.text, single_line=True))
        else:
            hint = "left out" if f.candidates else "nothing written"
            parts.append((hint, f"italic {MUTED}"))
        if self.text in f.flagged:
            parts.append(("  ⚑ the coach flags this sentence", "bold $text-warning"))
        if len(f.candidates) > 1 and focused:
            at = f.candidates.index(self.text) + 1 if self.text in f.candidates else 0
            parts.append((f"  ({at or '–'}/{len(f.candidates)})", MUTED))
        self.update(Content.assemble(*parts))

    def on_focus(self) -> None:
        self.show(focused=True)

    def on_blur(self) -> None:
        self.show(focused=False)

    def action_other(self, step: int) -> None:
        candidates = self.finding.candidates
        if not candidates:
            return
        if self.text in candidates:
            index = (candidates.index(self.text) + step) % len(candidates)
        else:
            index = 0 if step > 0 else len(candidates) - 1
        self.set_text(candidates[index])

    def action_leave_out(self) -> None:
        self.set_text("")

    def action_edit(self) -> None:
        self.post_message(self.EditRequested(self))

    def set_text(self, text: str) -> None:
        self.text = clean(text, single_line=True)
        self.show()
        self.post_message(self.Changed(self))


class FindingEditor(TextArea):
    """A finding being edited, wrapped in full: Enter keeps it, Esc drops the change."""

    class Done(Message):
        def __init__(self, editor: FindingEditor, keep: bool) -> None:
            super().__init__()
            self.editor = editor
            self.keep = keep

    def __init__(self, row: FindingRow) -> None:
        super().__init__(row.text, soft_wrap=True, show_line_numbers=False, id="finding-editor")
        self.row = row
        self.border_title = clean(row.finding.title, single_line=True)
        self.border_subtitle = "Enter keeps · Esc drops the change"

    async def _on_key(self, event: events.Key) -> None:
        if event.key in ("enter", "escape"):
            event.stop()
            event.prevent_default()
            self.post_message(self.Done(self, keep=event.key == "enter"))
            return
        await super()._on_key(event)


class WrapupScreen(BaseModal[date | None]):
    """The end-of-meeting summary; Enter finishes with the follow-up date, Esc goes back."""

    CSS_PATH = "wrapup_screen.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    BINDINGS = [
        Binding("escape", "back", "Back", id="wrapup-back", tooltip="Back to the debrief."),
        Binding("ctrl+s", "finish", "Finish", id="wrapup-finish", priority=True),
    ]

    def __init__(
        self,
        title: str,
        wrap: WrapUp,
        record: MeetingRecord | Callable[[], MeetingRecord | None] | None,
        today: date,
        on_findings: Callable[[dict[str, str]], None] | None = None,
        pm_id: str = "",
    ) -> None:
        """`record` is the meeting record as of now, or a function giving it (the meeting
        line then keeps time); `on_findings` hears every chosen or edited finding."""
        super().__init__()
        self.heading = title
        self.wrap = wrap
        self._record = record
        self.today_is = today
        self.on_findings = on_findings
        self.pm_id = pm_id
        self.chosen: dict[str, str] = {}
        self._done = False

    @property
    def record(self) -> MeetingRecord | None:
        return self._record() if callable(self._record) else self._record

    def compose(self) -> ComposeResult:
        with Vertical(id="wrapup-card"):
            title = Text("Wrap up — ", style="bold")
            title.append(clean(self.heading, single_line=True))
            yield Static(title, id="wrapup-title")
            with VerticalScroll(id="wrapup-body"):
                yield Static(Text("Key findings", style="bold underline"), classes="heading")
                for index, finding in enumerate(self.wrap.findings):
                    yield FindingRow(finding, finding.text, id=f"finding-{index}")
                if not self.wrap.findings:
                    yield Static(Content.styled("Nothing written yet.", MUTED), classes="finding")
                yield Static(id="wrapup-actions")
                if self.pm_id:
                    from debrief.screens.practice_wrap import PracticeWrap

                    yield PracticeWrap(self.pm_id)
            yield Static(id="wrapup-meeting")
            with Horizontal(id="wrapup-follow"):
                yield Label("Follow-up review on", id="follow-label")
                yield SafeInput(self.wrap.follow_up.isoformat(), id="follow-up", compact=True)
                yield Static(id="follow-error")
            yield Static(
                Content.styled(
                    "Tab to a finding: n/p another sentence · e edits · x leaves it out · "
                    "Enter on the date (or ctrl+s) finishes the debrief · Esc goes back",
                    MUTED,
                ),
                id="wrapup-hint",
            )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#wrapup-actions", Static).update(
            Group(Text(""), *actions_view(self.wrap, self.app.theme_variables))
        )
        self._show_meeting()
        self.set_interval(1.0, self._show_meeting)
        self.query_one("#follow-up", Input).focus()

    def _show_meeting(self) -> None:
        if self._done:
            return
        line = meeting_line(self.record, self.app.theme_variables)
        meeting = self.query_one("#wrapup-meeting", Static)
        meeting.display = line is not None
        if line is not None:
            meeting.update(line)

    # -- findings -------------------------------------------------------------------

    @on(FindingRow.Changed)
    def _finding_changed(self, event: FindingRow.Changed) -> None:
        key = event.row.finding.key
        if key:
            self.chosen[key] = event.row.text
            self._report()

    def _report(self) -> None:
        if self.on_findings is not None:
            self.on_findings(dict(self.chosen))

    def findings(self) -> dict[str, str]:
        """Every section's finding as it stands (to keep with the meeting record)."""
        return {row.finding.key: row.text for row in self.query(FindingRow) if row.finding.key}

    @on(FindingRow.EditRequested)
    def _edit(self, event: FindingRow.EditRequested) -> None:
        if self.query(FindingEditor):
            return
        row = event.row
        editor = FindingEditor(row)
        row.display = False
        self.query_one("#wrapup-body").mount(editor, after=row)
        editor.focus()
        editor.move_cursor(editor.document.end)

    @on(FindingEditor.Done)
    def _edited(self, event: FindingEditor.Done) -> None:
        self._close_editor(event.editor, event.keep)

    def _close_editor(self, editor: FindingEditor, keep: bool) -> None:
        row = editor.row
        text = clean(editor.text, single_line=True)
        editor.remove()
        row.display = True
        row.focus()
        if keep and text != row.text:
            row.set_text(text)

    # -- finishing ------------------------------------------------------------------

    def _follow_up(self) -> date | None:
        field = self.query_one("#follow-up", Input)
        try:
            value = parse_due(field.value, self.today_is)
        except DateError as exc:
            field.add_class("-invalid")
            self.query_one("#follow-error", Static).update(
                Content.styled(clean(str(exc), single_line=True), "$text-error")
            )
            return None
        field.remove_class("-invalid")
        self.query_one("#follow-error", Static).update(
            Content.styled(f"→ {value:%a %d %b %Y}", MUTED)
        )
        return value

    @on(Input.Changed, "#follow-up")
    def _typed(self) -> None:
        self._follow_up()

    @on(Input.Submitted, "#follow-up")
    def action_finish(self) -> None:
        if self._done:
            return
        for editor in self.query(FindingEditor):
            self._close_editor(editor, keep=True)
        value = self._follow_up()
        if value is None:
            self.query_one("#follow-up", Input).focus()
            return
        self._done = True
        self.chosen = self.findings()
        self._report()
        self.dismiss(value)

    def action_back(self) -> None:
        if self._done:
            return
        editors = self.query(FindingEditor)
        if editors:
            self._close_editor(editors.first(), keep=False)
            return
        self._done = True
        self.dismiss(None)
