"""Time to detect / mitigate / resolve, in one line."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from debrief.dates import show_duration
from debrief.timeline import Metrics


class MetricsBar(Static):
    DEFAULT_CSS = """
    MetricsBar { height: 1; padding: 0 1; }
    """

    def show(self, metrics: Metrics, extra: str = "") -> None:
        text = Text()
        for i, (label, seconds) in enumerate(metrics.rows()):
            if i:
                text.append("  ·  ", style="dim")
            text.append(f"{label}: ", style="dim")
            text.append(show_duration(seconds), style="bold")
        if extra:
            text.append(f"  ·  {extra}", style="dim")
        self.update(text)
