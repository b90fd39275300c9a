"""Time to detect / mitigate / resolve, then what else the timeline says (gaps, unsourced)."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.widgets import Static

from debrief.dates import show_duration
from debrief.timeline import Metrics

SEPARATOR = "  ·  "


class _Fitted:
    """One line when it fits the width it is drawn at; else the rest on a line of its own."""

    def __init__(self, durations: Text, rest: Text) -> None:
        self.durations = durations
        self.rest = rest

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        text = self.durations.copy()
        if self.rest:
            wide = text.cell_len + len(SEPARATOR) + self.rest.cell_len <= options.max_width
            text.append(SEPARATOR if wide else "\n", style="dim")
            text.append_text(self.rest)
        yield text


class MetricsBar(Static):
    DEFAULT_CSS = """
    MetricsBar { height: auto; max-height: 3; padding: 0 1; }
    """

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
        self.update(_Fitted(durations, rest))
