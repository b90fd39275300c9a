"""The event form in front of the room: no keystroke crashes, the milestone is a visible
field, a new event starts quiet and at the incident's start, messages wrap."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from debrief.dates import local_zone
from debrief.models import Milestone, TimelineEvent
from debrief.screens.event_form import EventForm
from tests.conftest import NOW
from tests.screens.form_helpers import COMFORTABLE, SMALL, fully_visible, open_event_form, shown
from tests.screens.helpers import make_app, wait_until


async def test_every_event_form_field_survives_odd_input(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SMALL) as pilot:
        await open_event_form(app, pilot)
        form = app.screen
        when = form.query_one("#when", Input)
        for odd in ("+", "9999-99-99 99:99", "2026-13-45", "-1", "[", "]", "1e999", "\x1b[31m"):
            when.value = odd
            await pilot.pause()
            assert app.is_running and app.screen is form
        assert shown(form.query_one("#when-error"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form


@pytest.mark.parametrize("size", [SMALL, COMFORTABLE])
async def test_the_milestone_field_shows_its_label_choices_and_value(store, demo_id, size):
    app = make_app(store, demo_id)
    async with app.run_test(size=size) as pilot:
        await open_event_form(app, pilot)
        form = app.screen
        choices = form.query_one("#milestone", RadioSet)
        labels = {str(b.label): b for b in choices.query(RadioButton)}
        assert set(labels) == {m.value for m in Milestone} | {"none"}
        for button in labels.values():
            assert fully_visible(app, button), str(button.label)
        assert labels["none"].value  # a new event is no milestone until chosen
        label = form.query_one("#milestone-label")
        assert "Milestone: none" in shown(label) and fully_visible(app, label)


async def test_editing_an_event_shows_its_milestone_and_the_keyboard_changes_it(store, demo_id):
    detected = next(e for e in store.events(demo_id) if e.milestone is Milestone.detected)
    app = make_app(store, demo_id)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        app.push_screen(
            EventForm(store.now(), detected),
            lambda e: app.screen.notify("saved") if e is None else saved.append(e),
        )
        saved: list[TimelineEvent] = []
        await wait_until(pilot, lambda: isinstance(app.screen, EventForm))
        await pilot.pause()
        form = app.screen
        pressed = form.query_one("#milestone", RadioSet).pressed_button
        assert pressed is not None and str(pressed.label) == "detected"
        form.query_one("#milestone", RadioSet).focus()
        assert "Milestone: detected" in shown(form.query_one("#milestone-label"))
        await pilot.press("right", "space")
        await pilot.pause()
        assert "Milestone: mitigated" in shown(form.query_one("#milestone-label"))
        await pilot.press("enter")
        await wait_until(pilot, lambda: bool(saved))
        assert saved[0].milestone is Milestone.mitigated


async def test_a_new_event_shows_no_error_until_something_is_typed(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SMALL) as pilot:
        await open_event_form(app, pilot)
        form = app.screen
        await pilot.pause()
        assert shown(form.query_one("#when-error")) == ""
        assert shown(form.query_one("#text-error")) == ""
        assert not form.query("Input.-invalid")
        await pilot.press("x", "backspace")
        await pilot.pause()
        assert "what happened" in shown(form.query_one("#text-error"))


async def test_a_new_event_starts_at_the_incident_start_not_now(store, demo_id):
    started = store.get_postmortem(demo_id).started_at
    assert started is not None and abs(started - NOW) > timedelta(hours=1)
    app = make_app(store, demo_id)
    async with app.run_test(size=SMALL) as pilot:
        await open_event_form(app, pilot)
        value = app.screen.query_one("#when", Input).value
        assert value == started.astimezone(local_zone()).strftime("%Y-%m-%d %H:%M")


async def test_the_timeline_screens_new_event_starts_at_the_incident_start(store, template):
    from datetime import datetime

    pm = store.create_postmortem("Queue stalls", template)
    started = datetime(2026, 11, 3, 22, 15, tzinfo=NOW.tzinfo)
    store.update_postmortem(pm.id, started_at=started)
    app = make_app(store, pm.id)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        await open_event_form(app, pilot)
        assert app.screen.query_one("#when", Input).value == "2026-11-03 22:15"


async def test_without_an_incident_start_a_new_event_starts_now(store, template):
    pm = store.create_postmortem("Queue stalls", template)
    app = make_app(store, pm.id)
    async with app.run_test(size=SMALL) as pilot:
        await open_event_form(app, pilot)
        assert app.screen.query_one("#when", Input).value == NOW.strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize("size", [SMALL, COMFORTABLE])
async def test_long_event_form_messages_wrap_and_the_buttons_stay_visible(store, demo_id, size):
    app = make_app(store, demo_id)
    async with app.run_test(size=size) as pilot:
        await open_event_form(app, pilot)
        form = app.screen
        form.query_one("#when", Input).value = "sometime on tuesday after the deploy went out"
        await pilot.pause()
        message = form.query_one("#when-error", Static)
        assert len(shown(message)) > message.size.width
        assert message.size.height >= 2
        for button in form.query(Button):
            assert fully_visible(app, button), str(button.label)
