"""On PostgreSQL, other people's saves wake the screens at once (LISTEN/NOTIFY), with the
real server: the editor, the presenter view and the action items follow within two
seconds although their polling is turned down to once a minute. (SQLite's screens poll
`PRAGMA data_version`; tests/collab/test_collab_screens.py covers them on both engines.)"""

from __future__ import annotations

from datetime import date

import pytest

from debrief.meeting import Presence
from debrief.models import ActionItem
from debrief.screens.actions_screen import ActionsScreen
from debrief.screens.home import HomeScreen
from debrief.screens.presenter_screen import PresenterScreen
from debrief.widgets.section_editor import SectionEditor
from tests.screens.helpers import make_app, screen_text, wait_until

SOON = 2.0
DUE = date(2026, 12, 1)
SIZE = (110, 34)


@pytest.fixture(autouse=True)
def no_polling(engine, monkeypatch):  # type: ignore[no-untyped-def]
    """Polling so slow that only a notification can bring a change in time."""
    if engine != "postgresql":
        pytest.skip("SQLite has no notifications: its screens poll PRAGMA data_version")
    for module in ("collab_controls", "actions_screen", "presenter_screen"):
        monkeypatch.setattr(f"debrief.screens.{module}.POLL_SECONDS", 60.0)


async def test_the_editor_shows_someone_elses_save_within_two_seconds(store, demo_id, other):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        editor = app.screen.query_one(SectionEditor)
        await wait_until(pilot, lambda: store.following)
        other.save_section(demo_id, "impact", "Rewritten by ben")
        await wait_until(pilot, lambda: editor.text == "Rewritten by ben", timeout=SOON)
        other.save_section(demo_id, "impact", "And again")
        await wait_until(pilot, lambda: editor.text == "And again", timeout=SOON)
        assert "And again" in screen_text(app)


async def test_the_presenter_view_follows_within_two_seconds(store, demo_id, other):
    app = make_app(store, demo_id)
    app.mode = "present"
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, PresenterScreen))
        await wait_until(pilot, lambda: store.following)
        other.set_meeting_view(demo_id, Presence(section="root-cause"))
        await wait_until(pilot, lambda: "Root cause" in screen_text(app), timeout=SOON)
        other.save_section(demo_id, "root-cause", "Typed by the facilitator.")
        await wait_until(
            pilot, lambda: "Typed by the facilitator." in screen_text(app), timeout=SOON
        )


async def test_the_action_items_follow_within_two_seconds(store, demo_id, other):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionsScreen))
        await wait_until(pilot, lambda: store.following)
        other.add_action(demo_id, ActionItem(title="Page the on-call sooner", owner="ben", due=DUE))
        await wait_until(pilot, lambda: "Page the on-call sooner" in screen_text(app), timeout=SOON)
