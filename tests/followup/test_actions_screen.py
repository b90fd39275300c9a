"""The Action items screen in the real app: reached from home, filters, status changes."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable, Input, Select

from debrief.models import ActionItem, ActionStatus
from debrief.screens.action_form import ActionForm
from debrief.screens.actions_screen import ActionsScreen
from debrief.screens.home import HomeScreen
from debrief.screens.status_form import StatusForm
from tests.followup.conftest import FAR_AWAY, LAST_MONTH, by_title
from tests.screens.helpers import make_app, screen_text, wait_until

SIZE = (120, 36)


@pytest.fixture
def pms(store, add_pm) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Two post-mortems: overdue, upcoming, far-off, in-progress, done and aspirational items."""
    first = add_pm(
        "Checkout card payments failing",
        ("Alert on payment error rate", "alice", LAST_MONTH),
        ActionItem(title="Load-test the pool", owner="Bob Brown", due=FAR_AWAY, jira_key="OPS-2"),
        ("Keep five images per registry", "carol", date(2026, 12, 3)),
        ActionItem(title="Rewrite the gateway client", aspirational=True),
    )
    second = add_pm(
        "Search latency [regression]",
        ("Cap the query fan-out", "bob", date(2026, 11, 25)),
        ("Document the [red]cache[/] warm-up", "alice", date(2026, 12, 10)),
    )
    images = by_title(store, first)["Keep five images per registry"]
    store.set_action_status(first, images.id, ActionStatus.done)
    fan_out = by_title(store, second)["Cap the query fan-out"]
    store.set_action_status(second, fan_out.id, ActionStatus.in_progress)
    return first, second


def rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, ActionsScreen)
    table = screen.query_one("#action-rows", DataTable)
    return [screen.rows[str(k.value)].title for k in table.rows]


async def open_actions(pilot) -> None:  # type: ignore[no-untyped-def]
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))
    await pilot.press("f5")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ActionsScreen))


async def test_f5_on_home_lists_outstanding_items_by_due_date(store, pms):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_actions(pilot)
        assert rows(app) == [
            "Alert on payment error rate",
            "Cap the query fan-out",
            "Document the [red]cache[/] warm-up",
            "Load-test the pool",
        ]
        text = screen_text(app)
        assert "2026-10-20 overdue" in text
        assert "Document the [red]cache[/] warm-up" in text
        assert "PM-2 Search latency [re" in text
        assert "4 action items, 1 overdue" in text
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_the_palette_names_it_action_items(store, pms):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("ctrl+p", *"Action items")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionsScreen))


async def test_filters_by_owner_status_and_overdue(store, pms):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_actions(pilot)
        await pilot.press("ctrl+f", *"bob")
        await pilot.pause()
        assert rows(app) == ["Cap the query fan-out", "Load-test the pool"]
        await pilot.press("enter")  # back to the table
        assert isinstance(app.focused, DataTable)
        app.screen.query_one("#owner-filter", Input).value = ""
        app.screen.query_one("#status-filter", Select).value = "done"
        await pilot.pause()
        assert rows(app) == ["Keep five images per registry"]
        app.screen.query_one("#status-filter", Select).value = "all"
        await pilot.pause()
        assert "Rewrite the gateway client" in rows(app)
        assert len(rows(app)) == 6
        await pilot.press("f4")
        await pilot.pause()
        assert rows(app) == ["Alert on payment error rate"]


async def test_f2_marks_the_highlighted_item_done(store, pms):
    first, _ = pms
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_actions(pilot)
        await pilot.press("f2")
        await wait_until(pilot, lambda: isinstance(app.screen, StatusForm))
        await pilot.press("down", "down", "enter")  # open → in progress → done
        await wait_until(pilot, lambda: isinstance(app.screen, ActionsScreen))
        item = by_title(store, first)["Alert on payment error rate"]
        assert item.status is ActionStatus.done
        (change,) = [r for r in store.history(first, "action", item.id) if r.field == "status"]
        assert (change.author, change.old, change.new) == ("tester", "open", "done")
        assert "Alert on payment error rate" not in rows(app)


async def test_not_doing_asks_why_before_it_saves(store, pms):
    first, _ = pms
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_actions(pilot)
        await pilot.press("f2")
        await wait_until(pilot, lambda: isinstance(app.screen, StatusForm))
        await pilot.press("down", "down", "down", "enter")
        await pilot.press("enter")  # no reason yet
        assert isinstance(app.screen, StatusForm)
        assert "Say why the team decided against it." in screen_text(app)
        await pilot.press(*"covered by the new SLO alerts", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionsScreen))
        item = by_title(store, first)["Alert on payment error rate"]
        assert (item.status, item.status_reason) == (
            ActionStatus.not_doing,
            "covered by the new SLO alerts",
        )


async def test_editing_a_row_to_not_doing_in_the_form_asks_why_too(store, pms):
    first, _ = pms
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_actions(pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionForm))
        app.screen.query_one("#status", Select).value = ActionStatus.not_doing
        app.screen.query_one("#owner", Input).value = "Alice Adams"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)  # not-doing needs a reason first
        assert app.focused is app.screen.query_one("#reason", Input)
        await pilot.press(*"superseded", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionsScreen))
        item = by_title(store, first)["Alert on payment error rate"]
        assert (item.owner, item.status, item.status_reason) == (
            "Alice Adams",
            ActionStatus.not_doing,
            "superseded",
        )


async def test_home_shows_a_follow_up_review_when_it_is_due(store, pms):
    first, second = pms
    store.update_postmortem(first, follow_up=date(2026, 11, 22))
    store.update_postmortem(second, follow_up=date(2026, 12, 6))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.pause()
        text = screen_text(app)
        assert "Follow-up review due: PM-1 Checkout card payments failing (2026-11-22)" in text
        assert "Search latency [regression] (2026-12-06)" not in text


async def test_no_follow_up_note_when_none_is_due(store, pms):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.pause()
        assert "Follow-up review due" not in screen_text(app)


async def test_changes_saved_elsewhere_appear_without_a_restart(store, pms, db_path, clock):
    from debrief.store import Store

    first, _ = pms
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_actions(pilot)
        assert "Alert on payment error rate" in rows(app)
        other = Store(db_path, author="jira", clock=clock)
        item = by_title(other, first)["Alert on payment error rate"]
        other.set_action_status(first, item.id, ActionStatus.done)
        other.close()
        await wait_until(pilot, lambda: "Alert on payment error rate" not in rows(app))
