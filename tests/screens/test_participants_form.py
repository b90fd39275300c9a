"""The Participants form, from the palette: add, remove, invite; the rest of the screen sees them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Button, Input

from debrief.models import TimelineEvent
from debrief.screens.action_form import ActionForm
from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.participants_form import ParticipantsForm, PeopleList
from debrief.widgets.participants import Participants
from tests.conftest import NOW
from tests.screens.helpers import make_app, screen_text, wait_until

SIZE = (80, 24)


@pytest.fixture
def pm_id(store, template) -> str:
    """A new post-mortem: nobody takes part yet; the timeline names two people and a system."""
    pm = store.create_postmortem("Checkout down", template, started_at=NOW)
    for minutes, author, source in [
        (1, "Ana Souza", "slack"),
        (2, "grafana", "graph"),
        (3, "李雷", "manual"),
    ]:
        store.add_event(
            pm.id,
            TimelineEvent(
                at=NOW + timedelta(minutes=minutes), text="x", author=author, source=source
            ),
        )
    return pm.id


async def open_form(pilot) -> ParticipantsForm:  # type: ignore[no-untyped-def]
    app = pilot.app
    await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
    await pilot.press("ctrl+p", *"Participants")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(app.screen, ParticipantsForm))
    return app.screen


async def test_the_palette_names_it_participants_and_mark_who_spoke_stays(store, pm_id):
    app = make_app(store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        names = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Participants", "Mark who spoke", "Who hasn't spoken?"} <= names
        form = await open_form(pilot)
        assert isinstance(app.focused, Input) and app.focused.id == "name"
        assert "No participants yet" in screen_text(app)
        assert str(form.query_one("#invite", Button).label).endswith("(+2)")
        await pilot.press("escape")
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("ctrl+s")  # the participation round still opens on its key
        assert isinstance(app.focused, Participants)


async def test_added_through_the_form_then_offered_as_owner(store, pm_id):
    app = make_app(store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(pilot)
        await pilot.press(*"Søren Kierkegaard", "tab", *"note", "tab")  # Tab completes the role
        await pilot.press("shift+tab", "enter")  # Enter in a field adds
        await pilot.pause()
        assert [(p.name, p.role) for p in store.participants(pm_id)] == [
            ("Søren Kierkegaard", "note-taker")
        ]
        assert app.focused is app.screen.query_one("#name", Input) and app.focused.value == ""
        assert "Added Søren Kierkegaard as note-taker." in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, ActionForm)
        await pilot.press(*"Canary the pool change", "tab", "s", "ø")
        await pilot.pause()
        owner = app.screen.query_one("#owner", Input)
        await wait_until(pilot, lambda: "søren Kierkegaard" in screen_text(app))  # shown
        await pilot.press("tab")  # accepts the completion
        assert owner.value == "Søren Kierkegaard"


async def test_invite_remove_and_the_round_sees_the_new_list(store, pm_id):
    app = make_app(store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f12")  # nobody yet: not "everyone has spoken"
        await pilot.pause()
        assert "No participants yet" in screen_text(app)
        assert "Everyone has spoken" not in screen_text(app)
        form = await open_form(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert [p.name for p in store.participants(pm_id)] == ["Ana Souza", "李雷"]
        assert form.query_one("#invite", Button).disabled
        form.query_one(PeopleList).focus()
        await pilot.press("down", "delete")  # removes 李雷
        await pilot.pause()
        assert [p.name for p in store.participants(pm_id)] == ["Ana Souza"]
        await pilot.press("escape")
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.query_one(Participants).people == ["Ana Souza"]
        assert {r.entity_id for r in store.history(pm_id, entity="participant")} == {
            "Ana Souza",
            "李雷",
        }


async def test_an_empty_or_repeated_name_is_marked_on_the_field(store, pm_id):
    app = make_app(store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        await pilot.press("enter")
        name = form.query_one("#name", Input)
        assert name.has_class("-invalid") and "Type a name first." in screen_text(app)
        await pilot.press(*"Ana", "enter", *"ana", "enter")
        await pilot.pause()
        assert name.has_class("-invalid") and "Ana already takes part" in screen_text(app)
        assert [p.name for p in store.participants(pm_id)] == ["Ana"]


async def test_enter_on_a_name_changes_its_role(store, pm_id):
    store.add_participant(pm_id, "Ana Souza", "note-taker")
    app = make_app(store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot)
        form.query_one(PeopleList).focus()
        await pilot.press("enter")
        role = form.query_one("#role", Input)
        assert app.focused is role and role.value == "note-taker"
        role.value = ""
        await pilot.press(*"facilitator", "enter")
        await pilot.pause()
        assert [(p.name, p.role) for p in store.participants(pm_id)] == [
            ("Ana Souza", "facilitator")
        ]


async def test_someone_added_from_another_process_appears_in_the_round(store, pm_id, db_path):
    from debrief.store import Store

    app = make_app(store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await pilot.press("ctrl+s")
        other = Store(db_path, author="marcus")
        other.add_participant(pm_id, "Søren Kierkegaard")
        other.close()
        panel = app.screen.query_one(Participants)
        await wait_until(pilot, lambda: panel.people == ["Søren Kierkegaard"])
