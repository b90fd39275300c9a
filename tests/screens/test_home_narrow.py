"""The home list at 80×24: overdue debriefs stay marked, titles wrap instead of running off."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import DataTable

from debrief.screens.home import HomeScreen
from tests.conftest import NOW
from tests.screens.helpers import make_app, screen_text, wait_until

LONG = "Checkout latency regression after the payment gateway client upgrade"


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_an_overdue_debrief_is_marked_and_its_title_readable(store, template, size):
    store.create_postmortem(LONG, template, started_at=NOW - timedelta(days=20), severity="SEV2")
    store.create_postmortem("Fine", template, started_at=NOW - timedelta(days=1))
    app = make_app(store)
    async with app.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        table = app.screen.query_one(DataTable)
        await wait_until(pilot, lambda: table.row_count == 2)
        await pilot.pause()
        shown = screen_text(app)
        assert "overdue" in shown
        assert shown.count("overdue") == 1  # only the late one
        for word in LONG.split():
            assert word in shown, word  # wrapped, not cut off
        assert (
            table.virtual_size.width <= table.scrollable_content_region.width
        )  # no sideways scroll


async def test_the_columns_follow_a_resize(store, template):
    store.create_postmortem(LONG, template, started_at=NOW - timedelta(days=20))
    app = make_app(store)
    async with app.run_test(size=(160, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        table = app.screen.query_one(DataTable)
        await wait_until(pilot, lambda: table.row_count == 1)
        assert "Incident" in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await wait_until(pilot, lambda: table.row_count == 1 and "Incident" not in screen_text(app))
        await pilot.pause()
        shown = screen_text(app)
        assert "overdue" in shown and "upgrade" in shown


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_a_full_list_leaves_room_for_its_scrollbar(store, template, size):
    """More post-mortems than fit: the scrollbar appears and every column still shows
    whole (the due date and its "overdue", the headers)."""
    for n in range(40):
        store.create_postmortem(f"Incident {n}", template, started_at=NOW - timedelta(days=40 - n))
    app = make_app(store)
    async with app.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        table = app.screen.query_one(DataTable)
        await wait_until(pilot, lambda: table.row_count == 40)
        await pilot.pause()
        assert table.virtual_size.width <= table.scrollable_content_region.width
        shown = screen_text(app)
        assert "Debrief due" in shown
        assert "overdue" in shown
