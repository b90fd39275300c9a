"""Another program holds the database's write lock (an import, a publish): every save the
app makes says so, keeps the change, and lands once the lock is released."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from debrief.app import DebriefApp
from debrief.models import ActionItem, ActionStatus
from debrief.screens.actions_screen import ActionsScreen
from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.history_screen import HistoryScreen
from debrief.screens.home import HomeScreen
from debrief.screens.import_screen import ImportPreview
from debrief.screens.participants_form import ParticipantsForm
from debrief.screens.saving import BUSY, SAVED
from debrief.screens.status_form import StatusForm
from debrief.screens.timeline_screen import TimelineScreen
from debrief.store import Store
from debrief.widgets.section_editor import SectionEditor
from tests.screens.helpers import screen_text, wait_until

SIZE = (110, 34)


@pytest.fixture
def quick(db_path, clock):  # type: ignore[no-untyped-def]
    """The app's store: it waits only a moment for another writer, as the app's does."""
    opened = Store(db_path, author="tester", clock=clock, busy_timeout=0.05)
    yield opened
    opened.close()


@contextmanager
def held(path: Path) -> Iterator[None]:
    """Another program's write transaction on the same file, until the block ends."""
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.rollback()
        other.close()


def app_on(store: Store, pm_id: str | None, notes: list[str]) -> DebriefApp:
    app = DebriefApp(store=store, pm_id=pm_id)
    original = app.notify

    def noting(message: str, **kw):  # type: ignore[no-untyped-def]
        notes.append(message)
        original(message, **kw)

    app.notify = noting  # type: ignore[method-assign]
    return app


async def test_deleting_an_event_while_locked_is_kept_and_lands(quick, demo_id, db_path):
    notes: list[str] = []
    before = quick.event_count(demo_id)
    app = app_on(quick, demo_id, notes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen))
        with held(db_path):
            await pilot.press("delete")
            await wait_until(pilot, lambda: BUSY in notes)
            await pilot.pause(0.3)  # retries meet the lock too
            assert app.is_running and isinstance(app.screen, TimelineScreen)
            assert quick.event_count(demo_id) == before
        await wait_until(pilot, lambda: quick.event_count(demo_id) == before - 1)
        await wait_until(pilot, lambda: SAVED in notes)
        assert notes.count(BUSY) == 1  # said once, not at every retry
        assert "Event deleted" in " ".join(notes)


async def test_restoring_from_history_while_locked(quick, demo_id, db_path):
    quick.save_section(demo_id, "trigger", "first version")
    quick.save_section(demo_id, "trigger", "second version")
    notes: list[str] = []
    app = app_on(quick, demo_id, notes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "f4")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen))
        with held(db_path):
            await pilot.press("down", "r")
            await wait_until(pilot, lambda: BUSY in notes)
            assert isinstance(app.screen, DebriefScreen)
        await wait_until(
            pilot, lambda: quick.get_section(demo_id, "trigger").body == "first version"
        )
        await wait_until(pilot, lambda: app.screen.query_one(SectionEditor).text == "first version")
        bodies = [r.new for r in quick.history(demo_id, entity="section", entity_id="trigger")]
        assert bodies == ["first version", "second version", "first version"]  # once


async def test_an_action_item_added_while_locked_keeps_what_was_typed(quick, demo_id, db_path):
    notes: list[str] = []
    before = len(quick.actions(demo_id))
    app = app_on(quick, demo_id, notes)
    async with app.run_test(size=SIZE) as pilot:
        with held(db_path):
            await pilot.press("ctrl+o", *"Canary", "tab", *"Ana", "tab", *"+1w")
            await pilot.press("enter")
            await wait_until(pilot, lambda: BUSY in notes)
            assert isinstance(app.screen, DebriefScreen) and app.saver.waiting == 1
        await wait_until(pilot, lambda: len(quick.actions(demo_id)) == before + 1)
        item = quick.actions(demo_id)[-1]
        assert (item.title, item.owner, item.due) == (
            "Canary",
            "Ana Souza",
            date(2026, 11, 29),
        )
        await pilot.pause(0.2)
        assert len(quick.actions(demo_id)) == before + 1  # no second insert


async def test_a_status_change_while_locked(quick, template, db_path):
    pm = quick.create_postmortem("Checkout down", template)
    item = quick.add_action(
        pm.id, ActionItem(title="Alert on errors", owner="ana", due=date(2026, 12, 1))
    )
    notes: list[str] = []
    app = app_on(quick, None, notes)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionsScreen))
        await pilot.press("f2")
        await wait_until(pilot, lambda: isinstance(app.screen, StatusForm))
        with held(db_path):
            await pilot.press("down", "down", "enter")  # open → in progress → done
            await wait_until(pilot, lambda: BUSY in notes)
            assert isinstance(app.screen, ActionsScreen)
        await wait_until(
            pilot, lambda: quick.get_action(pm.id, item.id).status is ActionStatus.done
        )
        await wait_until(pilot, lambda: "Alert on errors" not in screen_text(app))


async def test_a_participant_added_while_locked(quick, demo_id, db_path):
    notes: list[str] = []
    app = app_on(quick, demo_id, notes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        await wait_until(pilot, lambda: isinstance(app.screen, ParticipantsForm))
        with held(db_path):
            await pilot.press(*"Zoe", "tab", *"scribe", "enter")
            await wait_until(pilot, lambda: BUSY in notes)
            assert isinstance(app.screen, ParticipantsForm)
            assert "The database is busy" in screen_text(app)
        await wait_until(pilot, lambda: "Zoe" in [p.name for p in quick.participants(demo_id)])
        await wait_until(pilot, lambda: "Added Zoe as scribe." in screen_text(app))


async def test_quitting_with_a_change_still_waiting_asks_first(quick, demo_id, db_path):
    notes: list[str] = []
    app = app_on(quick, demo_id, notes)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen))
        with held(db_path):
            await pilot.press("delete")
            await wait_until(pilot, lambda: BUSY in notes)
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert app.is_running
            assert any("1 change not saved yet" in n for n in notes)
            await pilot.press("ctrl+q")  # a second time: leave without it
            await pilot.pause()
            assert not app.is_running


async def test_an_import_waits_for_the_lock_and_then_stores_once(
    quick, template, db_path, tmp_path
):
    from tests.importers import slack_export as fx
    from tests.importers.timeline_fixture import timeline_pm
    from tests.screens.test_timeline_import import preview, status

    pm_id = timeline_pm(quick, template)
    notes: list[str] = []
    app = app_on(quick, pm_id, notes)
    async with app.run_test(size=SIZE) as pilot:
        screen = await preview(app, pilot, fx.write_zip(tmp_path / "export.zip"))
        with held(db_path):
            await pilot.press("enter")
            await wait_until(pilot, lambda: BUSY in notes)
            assert isinstance(app.screen, ImportPreview) and "busy" in status(screen)
        await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen), timeout=10)
        assert quick.event_count(pm_id) == 10 + 11


async def test_a_complete_draft_checked_while_locked_becomes_ready_later(quick, template, db_path):
    from debrief.models import Status
    from debrief.screens.readiness_screen import ReadinessScreen
    from tests.collab.test_collab import _complete

    pm = quick.create_postmortem("Complete", template)
    _complete(quick, pm.id)
    notes: list[str] = []
    app = app_on(quick, pm.id, notes)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        with held(db_path):
            await pilot.press("f3")
            await wait_until(pilot, lambda: isinstance(app.screen, ReadinessScreen))
            assert BUSY in notes
        await wait_until(pilot, lambda: quick.get_postmortem(pm.id).status is Status.ready)
