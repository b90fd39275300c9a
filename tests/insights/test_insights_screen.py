"""The Insights screen: the stats figures with charts, from home (f6, the palette) and
from the debrief screen (alt+g); a picture at 120×36."""

from __future__ import annotations

import sys

import pytest

from tests.insights.seed import seed_history
from tests.screens.helpers import make_app, screen_text, wait_until


@pytest.fixture
def history(store, template) -> list[str]:
    return seed_history(store, template)


def _opened(app, *keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        from debrief.screens.insights_screen import InsightsScreen

        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(app.screen, InsightsScreen))
        await pilot.press(*keys)
        await pilot.pause(0.3)
        await pilot.wait_for_scheduled_animations()

    return run_before


def test_insights_at_120x36(snap_compare, store, history):
    app = make_app(store)
    assert snap_compare(app, terminal_size=(120, 36), run_before=_opened(app))


def test_insights_at_80x24_last_90_days(snap_compare, store, history):
    app = make_app(store)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_opened(app, "p", "p"))


async def test_home_opens_insights_with_the_figures_and_charts(store, history):
    from debrief.screens.insights_screen import InsightsScreen
    from debrief.widgets.bar_chart import BarChart

    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(app.screen, InsightsScreen))
        await pilot.pause()
        text = screen_text(app)
        assert "14 post-mortems" in text and "All time" in text
        assert "7 done · 7 open" in text
        assert "Post-mortems per month" in text and "By classification" in text
        months = app.screen.query_one("#chart-months", BarChart).bars
        assert sum(count for _, count in months) == 14
        assert months[-1][0] == "Oct 26"
        await pilot.press("p")  # the last 12 months: from 2025-11-22
        await pilot.pause()
        assert "Last 12 months" in screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        assert "Last 90 days" in screen_text(app)
        assert "3 post-mortems" in screen_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, InsightsScreen))


async def test_the_palette_and_the_debrief_screen_reach_insights(store, history):
    from debrief.screens.insights_screen import InsightsScreen

    app = make_app(store, history[0])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("alt+g")
        await wait_until(pilot, lambda: isinstance(app.screen, InsightsScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, InsightsScreen))
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Insights")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, InsightsScreen))


async def test_an_empty_store_says_so_instead_of_drawing_bars(store):
    from debrief.screens.insights_screen import InsightsScreen

    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(app.screen, InsightsScreen))
        await pilot.pause()
        text = screen_text(app)
        assert "0 post-mortems" in text and "Nothing recorded yet" in text


def test_plotext_is_not_loaded_before_insights_opens():
    """Start-up: the chart library is imported only by the screen that draws charts."""
    import subprocess

    code = (
        "import sys, debrief.app, debrief.screens.home, debrief.screens.debrief_screen;"
        "print('textual_plotext' in sys.modules, 'plotext' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]
