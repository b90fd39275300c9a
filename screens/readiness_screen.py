"""Can the document stand on its own? The checklist, for the person editing alone."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
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
        ready = self.result.ready
        verdict = "Ready: the document stands on its own." if ready else "Not ready yet."
        parts: list[str | tuple[str, str]] = [
            (verdict + "\n\n", "bold $text-success" if ready else "bold $text-warning")
        ]
        for check in self.result.checks:
            parts.append(("✓ ", "$text-success") if check.ok else ("✗ ", "$text-error"))
            parts.append(check.name)
            if check.detail:
                parts.append((f"\n    {clean(check.detail, single_line=True)}", "$text-muted"))
            parts.append("\n")
        if self.requests:
            parts.append(("\nAsked to contribute\n", "bold"))
            for r in self.requests:
                parts.append(f"  {clean(r.person, single_line=True)} → {clean(r.key)}")
                if r.note:
                    parts.append((f"  ({clean(r.note, single_line=True)})", "$text-muted"))
                parts.append("\n")
        text = Content.assemble(*parts)
        with Vertical():
            yield Static(text)

    def action_close(self) -> None:
        self.dismiss()
