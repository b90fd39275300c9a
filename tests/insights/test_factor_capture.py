"""Capturing contributing factors live in the Root cause section: a key, a form, the table."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from debrief.kinds import FactorKind, Milestone
from debrief.models import Factor, TimelineEvent
from tests.screens.helpers import make_app, screen_text, wait_until

START = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def _pm(store, template) -> str:
    pm = store.create_postmortem("Checkout down", template, started_at=START)
    for minutes, text in ((5, "Alert fired"), (40, "Rolled back")):
        store.add_event(
            pm.id,
            TimelineEvent(
                at=START + timedelta(minutes=minutes), text=text, milestone=Milestone.detected
            ),
        )
    return pm.id


async def _to_root_cause(pilot, app) -> None:  # type: ignore[no-untyped-def]
    from debrief.widgets.agenda import Agenda

    screen = app.screen
    while screen.current != "root-cause":
        await pilot.press("ctrl+n")
        await pilot.pause()
    assert screen.query_one(Agenda) is not None


async def test_a_factor_is_captured_with_its_events_and_shown_in_the_table(store, template):
    from debrief.screens.factor_form import FactorForm
    from debrief.widgets.factor_table import FactorTable

    pm_id = _pm(store, template)
    app = make_app(store, pm_id)
    async with app.run_test(size=(120, 36)) as pilot:
        await _to_root_cause(pilot, app)
        assert app.screen.query_one(FactorTable).display
        await pilot.press("alt+c")
        await wait_until(pilot, lambda: isinstance(app.screen, FactorForm))
        await pilot.press(*"Retry storm from clients", "tab", "2", "enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, FactorForm))
        await wait_until(pilot, lambda: bool(store.factors(pm_id)))
        (factor,) = store.factors(pm_id)
        assert (factor.kind, factor.category, factor.text) == (
            FactorKind.factor,
            "config change",
            "Retry storm from clients",
        )
        assert factor.events == [store.events(pm_id)[1].id]
        await pilot.pause()
        assert "Retry storm from clients" in screen_text(app)


async def test_a_bad_event_number_keeps_the_form_open_and_saves_nothing(store, template):
    from debrief.screens.factor_form import FactorForm

    pm_id = _pm(store, template)
    app = make_app(store, pm_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_root_cause(pilot, app)
        await pilot.press("alt+c")
        await wait_until(pilot, lambda: isinstance(app.screen, FactorForm))
        await pilot.press(*"Pool too small", "tab", "9", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FactorForm)
        assert "no timeline event '9'" in screen_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, FactorForm))
        assert store.factors(pm_id) == []


async def test_enter_on_a_row_edits_and_delete_removes(store, template):
    from debrief.screens.factor_form import FactorForm
    from debrief.widgets.factor_table import FactorTable

    pm_id = _pm(store, template)
    store.add_factor(pm_id, Factor(category="deploy", text="Canary skipped EU"))
    app = make_app(store, pm_id)
    async with app.run_test(size=(120, 36)) as pilot:
        await _to_root_cause(pilot, app)
        app.screen.query_one(FactorTable).focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, FactorForm))
        form = app.screen
        await pilot.click("#delete")
        await wait_until(pilot, lambda: app.screen is not form)
        await wait_until(pilot, lambda: store.factors(pm_id) == [])


async def test_the_palette_names_the_command(store, template):
    from debrief.screens.factor_form import FactorForm

    pm_id = _pm(store, template)
    app = make_app(store, pm_id)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Add contributing factor")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, FactorForm))
