"""A bar chart drawn by Plotext in the theme's colours (textual-plotext).

Imported only by the Insights screen when it opens: Plotext is not loaded on the way
to the first frame.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.color import Color
from textual_plotext import PlotextPlot

from debrief.literal import clean


def whole_ticks(top: int, most: int = 5) -> list[int]:
    """Axis ticks for counts: whole numbers 0, step, 2 step… reaching `top`, at most
    `most` of them, the step 1, 2 or 5 times a power of ten."""
    step, scale = 1, 1
    while True:
        for factor in (1, 2, 5):
            step = factor * scale
            if -(-top // step) + 1 <= most:
                return list(range(0, -(-top // step) * step + 1, step))
        scale *= 10


def _short(label: str, room: int = 14) -> str:
    return label if len(label) <= room else label[: room - 1] + "…"


class BarChart(PlotextPlot):
    """Bars for (label, count) pairs; vertical for a series over time, else horizontal."""

    DEFAULT_CSS = """
    BarChart {
        height: 1fr;
        min-height: 6;
    }
    """

    def __init__(self, title: str, *, horizontal: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.chart_title = title
        self.horizontal = horizontal
        self.bars: list[tuple[str, int]] = []

    def on_mount(self) -> None:
        super().on_mount()
        self.watch(self.app, "theme", lambda _: self.show(self.bars), init=False)

    def show(self, bars: Sequence[tuple[str, int]]) -> None:
        """Draw these bars (labels shown literally, on one line)."""
        self.bars = list(bars)
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title(clean(self.chart_title, single_line=True))
        if not self.bars:
            plt.text("Nothing recorded yet", 0.5, 0.5, alignment="center")
            plt.xticks([])
            plt.yticks([])
        else:
            labels = [_short(clean(label, single_line=True)) for label, _ in self.bars]
            values = [value for _, value in self.bars]
            plt.bar(
                labels,
                values,
                orientation="horizontal" if self.horizontal else "vertical",
                color=self._colour(),
                width=0.6,
            )
            ticks: list[float] = [float(t) for t in whole_ticks(max(values))]
            counts = [str(int(t)) for t in ticks]
            places = [float(i + 1) for i in range(len(labels))]
            # Every label named explicitly: Plotext's own choice of which to print
            # depends on the sizes it was drawn at before.
            step = 1 if self.horizontal or len(labels) <= 6 else 2
            shown = places[::-1][::step][::-1], labels[::-1][::step][::-1]
            if self.horizontal:
                plt.xticks(ticks, counts)
                plt.yticks(*shown)
            else:
                plt.yticks(ticks, counts)
                plt.xticks(*shown)
        self.refresh()

    def _colour(self) -> tuple[int, int, int]:
        # The theme's own primary: every theme defines it, NO_COLOR's monochrome one too.
        return Color.parse(self.app.theme_variables["primary"]).rgb
