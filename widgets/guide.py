"""The current section's guidance and one probing question at a time."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from debrief.literal import clean


class SectionGuide(Static):
    DEFAULT_CSS = """
    SectionGuide { height: auto; max-height: 6; padding: 0 1; color: $text-muted; }
    """

    def show(self, guidance: str, question: str, position: str) -> None:
        text = Text(clean(guidance, single_line=True), style="italic")
        if question:
            if guidance:
                text.append("\n")
            text.append("Ask: ", style="bold")
            text.append(clean(question, single_line=True))
            if position:
                text.append(f"  {position}")  # already $text-muted: no dimmer
        self.update(text)
