"""Can the document stand on its own? The checklist, for the person editing alone."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from debrief.literal import clean
from debrief.readiness import Readiness
from debrief.screens.base import BaseModal
from debrief.store.collab import Request


class ReadinessScreen(BaseModal[None]):
    DEFAULT_CSS = """
    ReadinessScreen { align: center middle; }
    ReadinessScreen > Vertical { width: 80; max-width: 100%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 1 2; }
    """
    BINDINGS = [Binding("escape,f3,q", "close", "Close", id="readiness-close")]

    def __init__(self, result: Readiness, requests: list[Request]) -> None:
        super().__init__()
        self.result = result
        self.requests = requests

    def compose(self) -> ComposeResult:
        text = Text()
        verdict = (
            "Ready: the document stands on its own." if self.result.ready else "Not ready yet."
        )
        text.append(verdict + "\n\n", style="bold green" if self.result.ready else "bold yellow")
        for check in self.result.checks:
            text.append("✓ " if check.ok else "✗ ", style="green" if check.ok else "red")
            text.append(check.name)
            if check.detail:
                text.append(f"\n    {clean(check.detail, single_line=True)}", style="dim")
            text.append("\n")
        if self.requests:
            text.append("\nAsked to contribute\n", style="bold")
            for r in self.requests:
                text.append(f"  {clean(r.person, single_line=True)} → {r.key}")
                if r.note:
                    text.append(f"  ({clean(r.note, single_line=True)})", style="dim")
                text.append("\n")
        with Vertical():
            yield Static(text)

    def action_close(self) -> None:
        self.dismiss()
