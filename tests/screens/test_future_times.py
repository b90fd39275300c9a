"""An event time in the future is shown as such while it is typed and warned about when
saved (a timeline records what already happened); it is still saved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from textual.widgets import Input

from tests.screens.form_helpers import SMALL, open_event_form, shown
from tests.screens.helpers import make_app, wait_until


async def test_a_future_event_time_is_flagged_and_warned_about(store, demo_id):
    ahead = (datetime.now(UTC) + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:00Z")
    app = make_app(store, demo_id)
    async with app.run_test(size=SMALL) as pilot:
        form = await open_event_form(app, pilot)
        form.query_one("#when", Input).value = ahead
        form.query_one("#text", Input).value = "Alert fired"
        await pilot.pause()
        assert "in the future" in shown(form.query_one("#when-error"))
        form.action_save()
        await wait_until(pilot, lambda: app.screen is not form)
        await wait_until(
            pilot, lambda: any("in the future" in str(n.message) for n in app._notifications)
        )
    assert [e.text for e in store.events(demo_id) if e.text == "Alert fired"] == ["Alert fired"]


async def test_a_past_event_time_is_not_flagged(store, demo_id):
    past = (datetime.now(UTC) - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:00Z")
    app = make_app(store, demo_id)
    async with app.run_test(size=SMALL) as pilot:
        form = await open_event_form(app, pilot)
        form.query_one("#when", Input).value = past
        await pilot.pause()
        assert "→" in shown(form.query_one("#when-error"))
        assert "in the future" not in shown(form.query_one("#when-error"))
