"""Time to detect / mitigate / resolve, then what else the timeline says (gaps, unsourced)."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text
from textual.widgets import Static

from debrief.dates import show_duration
from debrief.timeline import Metrics

SEPARATOR = "  ·  "


def _durations(metrics: Metrics, short: bool) -> Text:
    text = Text()
    for i, (label, seconds) in enumerate(metrics.rows()):
        if i:
            text.append(SEPARATOR, style="dim")
        text.append(f"{label.removeprefix('Time to ').capitalize() if short else label}: ", "dim")
        text.append(show_duration(seconds), style="bold")
    return text


class _Fitted:
    """Drawn for the width it gets: one line when it fits, else the rest on a line below
    (and `Detect: 7m` for `Time to detect: 7m` when even the durations do not fit)."""

    def __init__(self, metrics: Metrics, rest: Text) -> None:
        self.metrics = metrics
        self.rest = rest

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        text = _durations(self.metrics, short=False)
        if text.cell_len > width:
            text = _durations(self.metrics, short=True)
        if self.rest:
            wide = text.cell_len + len(SEPARATOR) + self.rest.cell_len <= width
            text.append(SEPARATOR if wide else "\n", style="dim")
            text.append_text(self.rest)
        yield text


class MetricsBar(Static):
    DEFAULT_CSS = """
    MetricsBar { height: auto; max-height: 3; padding: 0 1; }
    """

    def show(self, metrics: Metrics, extra: str = "", warnings: list[str] | None = None) -> None:
        """The three durations; `extra` in dim text after them, `warnings` highlighted."""
        rest = Text()
        if extra:
            rest.append(extra, style="dim")
        for warning in warnings or []:
            if rest:
                rest.append(SEPARATOR, style="dim")
            rest.append(warning, style="bold yellow")
        self.update(_Fitted(metrics, rest))
