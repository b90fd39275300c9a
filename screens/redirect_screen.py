"""The Redirect card: what to say when the debrief drifts towards blame.

The facilitator's scripts (the blameless opening, the answers to "someone made a
mistake" and "who is responsible?"), and a question for what was just written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from debrief.literal import clean
from debrief.screens.base import BaseModal

if TYPE_CHECKING:
    from debrief.coach import Finding, Script


class RedirectScreen(BaseModal[None]):
    """A card of redirect scripts; Esc (or the Redirect key again) closes it."""

    CSS_PATH = "redirect_screen.tcss"
    BINDINGS = [
        Binding(
            "escape,ctrl+r,q", "close", "Close", id="close-redirect", tooltip="Back to the debrief."
        )
    ]

    def __init__(self, scripts: Sequence[Script], findings: Sequence[Finding] = ()) -> None:
        super().__init__()
        self.scripts = list(scripts)
        self.findings = list(findings)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="redirect-card"):
            yield Static(Text("Redirect", style="bold"), id="redirect-title")
            if self.findings:
                latest = self.findings[-1]
                now = Text("In this section: ", style="bold")
                now.append(f"“{clean(latest.text, single_line=True)}”", style="italic")
                now.append(" — try: ")
                now.append(clean(latest.suggestion, single_line=True), style="bold")
                yield Static(now, classes="redirect-now")
            for script in self.scripts:
                heading = Content.styled(clean(script.title, single_line=True), "bold")
                if script.when:
                    when = f"  {clean(script.when, single_line=True)}"
                    heading += Content.styled(when, "italic $foreground-muted")
                yield Static(heading, classes="redirect-heading")
                yield Static(Text(clean(script.text.strip())), classes="redirect-text")
            yield Static(
                Content.styled("Esc closes · ↑↓ scroll", "$foreground-muted"), id="redirect-hint"
            )

    def on_mount(self) -> None:
        self.query_one("#redirect-card").focus()

    def action_close(self) -> None:
        self.dismiss()
