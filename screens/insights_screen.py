"""Insights: what the post-mortems say together. The figures of `debrief stats` with
charts (incidents per month, by classification, contributing factors by category), over
all time, the last 12 months or the last 90 days."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from debrief.screens.base import BaseScreen, Command, bindings
from debrief.widgets.key_bar import KeyBar
from debrief.words import plural

COMMANDS = [
    Command(
        "Change period",
        "p",
        "next_period",
        "Period",
        "All time, the last 12 months or the last 90 days.",
        "insights-period",
    ),
    Command("Back", "escape", "back", "Back", "Close Insights.", "insights-back", priority=False),
]

PERIODS: list[tuple[str, int | None]] = [
    ("All time", None),
    ("Last 12 months", 365),
    ("Last 90 days", 90),
]
"""Label and days back from today (None: everything)."""


class InsightsScreen(BaseScreen):
    CSS_PATH = "insights_screen.tcss"
    COMMAND_LIST = COMMANDS
    BINDINGS = bindings(COMMANDS)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    def __init__(self) -> None:
        super().__init__()
        self.period = 0
        self.report: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        from debrief.widgets.bar_chart import BarChart  # Plotext: only once Insights opens

        yield Static(id="insights-title")
        with Horizontal(id="insights-top"):
            yield Static(id="insights-times")
            yield Static(id="insights-work")
        with Horizontal(id="insights-charts"):
            yield BarChart("Post-mortems per month", id="chart-months")
            with Vertical(id="insights-side"):
                yield BarChart("By classification", horizontal=True, id="chart-kinds")
                yield BarChart("Factors by category", horizontal=True, id="chart-factors")
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(KeyBar).show([("next_period", None), ("back", None)])
        self._load()

    def action_next_period(self) -> None:
        self.period = (self.period + 1) % len(PERIODS)
        self._load()

    def action_back(self) -> None:
        self.dismiss()

    def _load(self) -> None:
        from debrief.stats import stats_report
        from debrief.store.base import iso

        days = PERIODS[self.period][1]
        since = iso(self.store.now() - timedelta(days=days)) if days else None
        self.report = stats_report(self.store, since=since)
        self._show()

    def _show(self) -> None:
        from debrief.stats_series import month_series, top
        from debrief.stats_text import PHASE_LABELS
        from debrief.widgets.bar_chart import BarChart

        report = self.report
        label = PERIODS[self.period][0]
        self.query_one("#insights-title", Static).update(
            Content.assemble(
                ("Insights", "bold"),
                f"  {plural(report['postmortems'], 'post-mortem')} · ",
                (label, "$text-accent"),
                ("  (p: change period)", "$text-muted"),
            )
        )
        times = [Content.styled("Time from the start", "bold")]
        for phase, figures in report["times"].items():
            times.append(
                Content.assemble(
                    f"{PHASE_LABELS[phase].removeprefix('Time '):<12}",
                    ("median ", "$text-muted"),
                    f"{_duration(figures['median_seconds']):>8}",
                    ("  p90 ", "$text-muted"),
                    f"{_duration(figures['p90_seconds']):>8}",
                    (f"  ({figures['count']:,})", "$text-muted"),
                )
            )
        self.query_one("#insights-times", Static).update(Content("\n").join(times))
        acts, factors = report["actions"], report["factors"]
        median = acts["median_days_to_done"]
        work = [
            Content.styled("Action items", "bold"),
            Content.assemble(
                f"{acts['done']:,} done · {acts['open']:,} open · ",
                (f"{acts['overdue']:,} overdue", "$text-error" if acts["overdue"] else ""),
            ),
            Content(f"Median to done: {'—' if median is None else f'{median:g} days'}"),
            Content.assemble(
                ("Factors ", "bold"),
                f"{factors['total']:,} · went right {factors['went_right']:,} · "
                f"lucky {factors['lucky']:,}",
            ),
        ]
        self.query_one("#insights-work", Static).update(Content("\n").join(work))
        self.query_one("#chart-months", BarChart).show(month_series(report["by_month"]))
        self.query_one("#chart-kinds", BarChart).show(top(report["by_classification"], 5))
        self.query_one("#chart-factors", BarChart).show(top(factors["by_category"], 8))


def _duration(seconds: float | None) -> str:
    from debrief.dates import show_duration

    return show_duration(seconds)
