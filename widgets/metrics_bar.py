"""Time to detect / mitigate / resolve, then what else the timeline says (gaps, unsourced)."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Static

from debrief.dates import show_duration
from debrief.timeline import Metrics

SEPARATOR = "  ·  "


class MetricsBar(Static):
    """One line when it fits; otherwise the durations on the first line, the rest below."""

    DEFAULT_CSS = """
    MetricsBar { height: auto; max-height: 3; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._durations = Text()
        self._rest = Text()

    def show(self, metrics: Metrics, extra: str = "", warnings: list[str] | None = None) -> None:
        """The three durations; `extra` in dim text after them, `warnings` highlighted."""
        durations = Text()
        for i, (label, seconds) in enumerate(metrics.rows()):
            if i:
                durations.append(SEPARATOR, style="dim")
            durations.append(f"{label}: ", style="dim")
            durations.append(show_duration(seconds), style="bold")
        rest = Text()
        if extra:
            rest.append(extra, style="dim")
        for warning in warnings or []:
            if rest:
                rest.append(SEPARATOR, style="dim")
            rest.append(warning, style="bold yellow")
        self._durations, self._rest = durations, rest
        self._compose_text()

    def _compose_text(self) -> None:
        text = self._durations.copy()
        if self._rest:
            room = self.content_size.width
            fits = room and text.cell_len + len(SEPARATOR) + self._rest.cell_len <= room
            text.append(SEPARATOR if fits else "\n", style="dim")
            text.append_text(self._rest)
        self.update(text)

    def on_resize(self, event: events.Resize) -> None:
        self._compose_text()
