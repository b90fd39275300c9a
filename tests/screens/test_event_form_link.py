"""The event form refuses a link that is not an http, https or mailto URL on one line."""

from __future__ import annotations

from textual.widgets import Input

from tests.screens.form_helpers import SMALL, open_event_form, shown
from tests.screens.helpers import make_app


async def test_a_javascript_link_is_refused_with_the_reason_and_nothing_is_saved(store, demo_id):
    before = store.events(demo_id)
    app = make_app(store, demo_id)
    async with app.run_test(size=SMALL) as pilot:
        form = await open_event_form(app, pilot)
        form.query_one("#text", Input).value = "Alert fired"
        form.query_one("#link", Input).value = "javascript:alert(1)"
        await pilot.pause()
        form.action_save()
        await pilot.pause()

        assert app.screen is form
        assert "not an http, https or mailto URL" in shown(form.query_one("#form-error"))
        assert app.focused is form.query_one("#link", Input)
        assert store.events(demo_id) == before

        form.query_one("#link", Input).value = "https://grafana.example/d/1"
        await pilot.pause()
        form.action_save()
        await pilot.pause()
        assert app.screen is not form
    assert [e.link for e in store.events(demo_id) if e.text == "Alert fired"] == [
        "https://grafana.example/d/1"
    ]
