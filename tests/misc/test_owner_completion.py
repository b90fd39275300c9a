"""Owner completion matches anywhere in a name: "Souza" finds "Ana Souza"."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from debrief.screens.action_form import ActionForm
from debrief.screens.debrief_screen import DebriefScreen
from debrief.widgets.name_suggester import NameSuggester
from tests.conftest import NOW
from tests.screens.helpers import make_app, screen_text, wait_until

PEOPLE = ["Ana Souza", "Ben Okafor", "Søren Kierkegaard", "李雷"]


@pytest.fixture
def pm_id(store, template) -> str:
    pm = store.create_postmortem("Checkout down", template, started_at=NOW)
    for name in PEOPLE:
        store.add_participant(pm.id, name)
    return pm.id


def test_a_name_is_found_from_the_start_a_word_or_anywhere():
    names = NameSuggester(PEOPLE)
    assert names.match("an") == "Ana Souza"
    assert names.match("Souza") == "Ana Souza"
    assert names.match("oka") == "Ben Okafor"
    assert names.match("kafo") == "Ben Okafor"
    assert names.match("雷") == "李雷"
    assert names.match("zz") is None and names.match("  ") is None


async def owner_field(pilot) -> Input:  # type: ignore[no-untyped-def]
    app = pilot.app
    await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
    await pilot.press("ctrl+o")
    await wait_until(pilot, lambda: isinstance(app.screen, ActionForm))
    await pilot.press(*"Canary the pool change", "tab")
    return app.screen.query_one("#owner", Input)


async def test_typing_a_surname_shows_and_tab_fills_the_whole_name(store, pm_id):
    app = make_app(store, pm_id)
    async with app.run_test(size=(80, 24)) as pilot:
        owner = await owner_field(pilot)
        await pilot.press(*"Souza")
        await wait_until(pilot, lambda: "→ Ana Souza" in screen_text(app))
        await pilot.press("tab")
        assert owner.value == "Ana Souza"


async def test_the_right_arrow_fills_the_name_not_the_arrow(store, pm_id):
    app = make_app(store, pm_id)
    async with app.run_test(size=(80, 24)) as pilot:
        owner = await owner_field(pilot)
        await pilot.press(*"okafor")
        await wait_until(pilot, lambda: "→ Ben Okafor" in screen_text(app))
        await pilot.press("right")
        assert owner.value == "Ben Okafor"
        await pilot.press("right", *" x")  # an ordinary arrow once nothing is left to fill
        assert owner.value == "Ben Okafor x"


async def test_a_name_from_its_start_is_completed_in_place(store, pm_id):
    app = make_app(store, pm_id)
    async with app.run_test(size=(80, 24)) as pilot:
        owner = await owner_field(pilot)
        await pilot.press("s", "ø")
        await wait_until(pilot, lambda: "søren Kierkegaard" in screen_text(app))
        await pilot.press("tab")
        assert owner.value == "Søren Kierkegaard"
