"""Widgets that colour their words from the theme show the theme their screen is drawn in,
whenever that screen's styles were brought up to date.

A screen that is not on the stack when the theme changes (one being pushed, or one kept
installed) has its styles updated only when it is shown. A widget that baked the colours
into its text when the theme's signal came would keep the old theme's colours on the new
theme's background: words at 2.6:1 on the shared screen.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from debrief.screens.help_screen import KeyTable
from debrief.timeline import Metrics
from debrief.widgets.agenda import Agenda, AgendaItem
from debrief.widgets.metrics_bar import MetricsBar

METRICS = Metrics(None, 7 * 60.0, 42 * 60.0, 95 * 60.0)
ITEMS = [
    AgendaItem("summary", "Summary", True, 5),
    AgendaItem("impact", "Impact and scope", False, 10),
    AgendaItem("timeline", "Timeline", True, 15),
]


class Shown(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Agenda()
        yield MetricsBar()
        yield KeyTable(self)

    def on_mount(self) -> None:
        self.query_one(MetricsBar).show(METRICS, "12 events", ["a 40m gap"])
        self.query_one(Agenda).show(ITEMS, "impact")


class Other(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static("elsewhere")


class Kept(App[None]):
    """`shown` is installed: it stays mounted while another screen takes its place."""

    def on_mount(self) -> None:
        self.install_screen(Shown(), "shown")
        self.push_screen("shown")


def colours(app: App[None], words: str) -> set[tuple[str, str]]:
    """The (foreground, background) of every run of `words` in the screenshot."""
    from tests.looks.contrast import text_runs

    return {(run.fg, run.bg) for run in text_runs(app.export_screenshot()) if words in run.text}


async def look_of(theme_changed_while_hidden: bool) -> dict[str, set[tuple[str, str]]]:
    app = Kept()
    async with app.run_test(size=(100, 16)) as pilot:
        await pilot.pause()
        if theme_changed_while_hidden:
            app.switch_screen(Other())  # `shown` leaves the stack but stays mounted
            await pilot.pause()
            app.theme = "textual-light"
            await pilot.pause()
            app.switch_screen("shown")
        else:
            app.theme = "textual-light"
        await pilot.pause(0.2)
        return {
            words: colours(app, words)
            for words in (
                "Time to detect",
                "12 events",
                "40m gap",
                "15m",
                "●",
                "ctrl+p",
                "Every command",
            )
        }


async def test_a_screen_shown_after_the_theme_changed_wears_the_new_theme() -> None:
    settled = await look_of(theme_changed_while_hidden=False)
    shown_later = await look_of(theme_changed_while_hidden=True)
    assert all(settled.values()), settled
    assert shown_later == settled
