"""A section's history: who changed it when, a readable diff, and "restore this version"."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static
from textual.widgets.option_list import Option

from debrief.dates import show_instant
from debrief.literal import clean
from debrief.merge import diff_lines
from debrief.models import Revision
from debrief.screens.base import BaseModal
from debrief.widgets.option_list import OptionList

DIFF_STYLE = {"+": "$text-success", "-": "$text-error", "@": "$foreground-muted", " ": ""}
"""Theme colours, resolved as the diff is drawn: legible in every theme."""


class HistoryScreen(BaseModal[str | None]):
    """Returns the text to restore (saved as a new revision), or None."""

    CSS_PATH = "history_screen.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close", id="history-close"),
        Binding("r", "restore", "Restore this version", id="history-restore"),
    ]

    def __init__(self, title: str, revisions: list[Revision]) -> None:
        super().__init__()
        self.section_title = title
        self.revisions = [r for r in revisions if r.field == "body"][::-1]  # newest first

    def compose(self) -> ComposeResult:
        with Vertical(id="history"):
            yield Static(
                Text(f"History of {clean(self.section_title, single_line=True)}", style="bold"),
                id="history-title",
            )
            with Horizontal(id="history-body"):
                yield OptionList(
                    *[
                        Option(
                            Text.assemble(
                                (f"#{len(self.revisions) - i} ", "bold"),
                                clean(r.author, single_line=True),
                                f"  {show_instant(r.at)}",
                            ),
                            id=str(i),
                        )
                        for i, r in enumerate(self.revisions)
                    ],
                    id="revisions",
                )
                with VerticalScroll(id="diff-box"):
                    yield Static(id="diff")
            with Horizontal(id="history-buttons"):
                yield Button(
                    "Restore this version (r)", id="restore", compact=True, variant="primary"
                )
                yield Button("Close", id="close", compact=True)

    def on_mount(self) -> None:
        if self.revisions:
            self.query_one(OptionList).highlighted = 0
            self._show(0)
        else:
            self.query_one("#diff", Static).update("No saved versions yet.")

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self._show(int(event.option.id))

    def _show(self, index: int) -> None:
        revision = self.revisions[index]
        lines = diff_lines(str(revision.old or ""), str(revision.new or ""))
        parts = [
            (f"{kind} {clean(line)}\n", DIFF_STYLE.get(kind, ""))
            for kind, line in lines or [(" ", "(no change in the text)")]
        ]
        self.query_one("#diff", Static).update(Content.assemble(*parts))

    def action_restore(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None and self.revisions:
            self.dismiss(str(self.revisions[index].new or ""))

    @on(Button.Pressed, "#restore")
    def _restore_pressed(self) -> None:
        self.action_restore()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
