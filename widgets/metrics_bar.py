"""Time to detect / mitigate / resolve, then what else the timeline says (gaps, unsourced)."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from debrief.dates import show_duration
from debrief.timeline import Metrics

SEPARATOR = "  ·  "


def _durations(metrics: Metrics, short: bool, quiet: Style) -> Text:
    text = Text()
    for i, (label, seconds) in enumerate(metrics.rows()):
        if i:
            text.append(SEPARATOR, style=quiet)
        text.append(f"{label.removeprefix('Time to ').capitalize() if short else label}: ", quiet)
        text.append(show_duration(seconds), style="bold")
    return text


class _Fitted:
    """Drawn for the width it gets: one line when it fits, else the rest on a line below
    (and `Detect: 7m` for `Time to detect: 7m` when even the durations do not fit)."""

    def __init__(self, metrics: Metrics, rest: Text, quiet: Style) -> None:
        self.metrics = metrics
        self.rest = rest
        self.quiet = quiet

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        text = _durations(self.metrics, short=False, quiet=self.quiet)
        if text.cell_len > width:
            text = _durations(self.metrics, short=True, quiet=self.quiet)
        if self.rest:
            wide = text.cell_len + len(SEPARATOR) + self.rest.cell_len <= width
            text.append(SEPARATOR if wide else "\n", style=self.quiet)
            text.append_text(self.rest)
        yield text


class MetricsBar(Widget):
    """Its colours are looked up each time it is drawn, never kept in its text: a screen
    shown after the theme changed (its styles are brought up to date only then) draws it
    in the new theme, with no signal to wait for."""

    COMPONENT_CLASSES = {"metrics-bar--quiet", "metrics-bar--warning"}
    DEFAULT_CSS = """
    MetricsBar { height: auto; max-height: 3; padding: 0 1; }
    MetricsBar > .metrics-bar--quiet { color: $foreground-muted; }
    MetricsBar > .metrics-bar--warning { color: $text-warning; text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[Metrics, str, list[str]] | None = None

    def show(self, metrics: Metrics, extra: str = "", warnings: list[str] | None = None) -> None:
        """The three durations; `extra` in quieter text after them, `warnings` highlighted."""
        self._shown = (metrics, extra, list(warnings or []))
        self.refresh(layout=True)

    def _colour(self, component: str) -> Style:
        style = self.get_component_rich_style(component)
        return Style(color=style.color, bold=style.bold)

    def render(self) -> RenderableType:
        if self._shown is None:
            return ""
        metrics, extra, warnings = self._shown
        quiet, warning_style = (
            self._colour("metrics-bar--quiet"),
            self._colour("metrics-bar--warning"),
        )
        rest = Text()
        if extra:
            rest.append(extra, style=quiet)
        for warning in warnings:
            if rest:
                rest.append(SEPARATOR, style=quiet)
            rest.append(warning, style=warning_style)
        return _Fitted(metrics, rest, quiet)
