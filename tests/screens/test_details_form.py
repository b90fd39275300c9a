"""The "Edit details" form, from the palette at 80x24: saves, the header follows, history has it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Input, Select

from debrief.config import Config
from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.details_form import DetailsForm
from tests.conftest import NOW
from tests.screens.helpers import screen_text, wait_until

SIZE = (80, 24)


@pytest.fixture
def pm_id(store, template) -> str:
    pm = store.create_postmortem("Checkout down", template, started_at=NOW, severity="SEV2")
    store.update_postmortem(pm.id, services=["checkout"], ended_at=NOW + timedelta(hours=1))
    return pm.id


def make_app(store, pm_id, config: Config | None = None):  # type: ignore[no-untyped-def]
    from debrief.app import DebriefApp

    return DebriefApp(store=store, pm_id=pm_id, config=config)


async def open_form(pilot) -> DetailsForm:  # type: ignore[no-untyped-def]
    app = pilot.app
    await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
    await pilot.press("ctrl+p", *"Edit details")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(app.screen, DetailsForm))
    return app.screen


async def test_edit_title_and_classification_from_the_palette(store, pm_id):
    app = make_app(store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        title = form.query_one("#title", Input)
        assert app.focused is title and title.value == "Checkout down"
        title.value = ""
        await pilot.press(*"Queue stalls")
        form.query_one("#classification", Select).value = "regression"
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await pilot.pause()
        header = screen_text(app).splitlines()[0]
        assert "Queue stalls" in header and "SEV2" in header
    pm = store.get_postmortem(pm_id)
    assert (pm.title, pm.classification, pm.services) == (
        "Queue stalls",
        "regression",
        ["checkout"],
    )
    assert pm.ended_at == NOW + timedelta(hours=1)  # untouched fields are not rewritten
    changed = {(r.field, r.new, r.author) for r in store.history(pm_id)[-2:]}
    assert changed == {
        ("title", "Queue stalls", "tester"),
        ("classification", "regression", "tester"),
    }


async def test_an_end_before_the_start_is_refused_in_the_form(store, pm_id):
    app = make_app(store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        form.query_one("#ended", Input).value = "2026-11-22 08:00"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailsForm)
        assert "cannot end" in screen_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
    assert store.get_postmortem(pm_id).ended_at == NOW + timedelta(hours=1)


async def test_every_field_fits_at_80x24_and_options_come_from_the_config(store, pm_id):
    config = Config(classifications=["[b]security[/b]", "outage"])
    store.update_postmortem(pm_id, classification="[b]security[/b]")
    app = make_app(store, pm_id, config)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        await pilot.pause()
        screen = form.region
        ids = ["title", "severity", "classification", "started", "ended", "services", "tags"]
        for widget_id in [*ids, "save", "cancel"]:
            region = form.query_one(f"#{widget_id}").region
            assert region.height >= 1 and screen.contains_region(region), widget_id
        text = screen_text(app)
        assert "[b]security[/b]" in text  # shown literally, not as markup
        for label in (
            "Title",
            "Severity",
            "Classification",
            "Started",
            "Ended",
            "Services",
            "Tags",
        ):
            assert label in text
        options = form.query_one("#classification", Select)._options
        assert [value for _, value in options][-2:] == ["[b]security[/b]", "outage"]


async def test_a_locked_database_keeps_the_change_until_it_lands(db_path, clock, template):
    from debrief.store import Store
    from tests.screens.test_locked_database import held

    quick = Store(db_path, author="tester", clock=clock, busy_timeout=0.05)
    try:
        pm = quick.create_postmortem("Checkout down", template, started_at=NOW)
        app = make_app(quick, pm.id)
        async with app.run_test(size=SIZE) as pilot:
            form = await open_form(pilot)
            form.query_one("#title", Input).value = "Queue stalls"
            with held(db_path):
                await pilot.press("enter")
                await pilot.pause()
                assert isinstance(app.screen, DetailsForm)
                assert "busy" in screen_text(app)
                assert quick.get_postmortem(pm.id).title == "Checkout down"
            await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
            await pilot.pause()
            assert "Queue stalls" in screen_text(app).splitlines()[0]
        assert quick.get_postmortem(pm.id).title == "Queue stalls"
    finally:
        quick.close()
