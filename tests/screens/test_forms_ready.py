"""The forms in front of the room: no keystroke crashes, no field hides, no message is cut off."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Button, Checkbox, Input, Select, Static

from debrief.models import ActionItem
from debrief.screens.action_form import ActionForm
from debrief.screens.debrief_screen import DebriefScreen
from tests.conftest import TODAY
from tests.screens.form_helpers import (
    COMFORTABLE,
    SMALL,
    fully_visible,
    open_action_form,
    shown,
)
from tests.screens.helpers import make_app, wait_until

# -- 1. no keystroke crashes ------------------------------------------------------------


async def test_a_half_typed_due_date_on_an_aspirational_item_is_a_hint_not_a_crash(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SMALL) as pilot:
        form = await open_action_form(app, pilot, "if-we-have-time")
        await pilot.press("tab", "tab", "+")
        await pilot.pause()
        assert app.is_running and app.screen is form
        assert app.focused is form.query_one("#due", Input)
        assert "not a date" in shown(form.query_one("#due-error"))
        await pilot.press(*"3d")
        await pilot.pause()
        assert "→" in shown(form.query_one("#due-error"))
        assert not form.query_one("#due", Input).has_class("-invalid")


async def test_ticking_aspirational_after_a_bad_due_date_does_not_crash(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SMALL) as pilot:
        form = await open_action_form(app, pilot)
        await pilot.press(*"Rewrite the gateway", "tab", *"Ana", "tab", *"next week")
        await pilot.pause()
        form.query_one("#aspirational", Checkbox).focus()
        await pilot.press("space")
        await pilot.pause()
        assert app.is_running and app.screen is form
        assert form.query_one("#aspirational", Checkbox).value
        assert "not a date" in shown(form.query_one("#due-error"))
        # Saving says why instead of raising; clearing the date lets it through.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and app.focused is form.query_one("#due", Input)
        form.query_one("#due", Input).value = ""
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        item = store.actions(demo_id)[-1]
        assert item.title == "Rewrite the gateway" and item.aspirational and item.due is None


# -- 2. Enter saves, fast typing lands in the right field ---------------------------------


@pytest.mark.parametrize("field", ["priority", "kind", "aspirational"])
async def test_enter_saves_from_the_dropdowns_and_the_checkbox(store, demo_id, field):
    app = make_app(store, demo_id)
    async with app.run_test(size=SMALL) as pilot:
        before = len(store.actions(demo_id))
        form = await open_action_form(app, pilot)
        await pilot.press(*"Add a pool alert", "tab", *"Ana Souza", "tab", *"+1w")
        form.query_one(f"#{field}").focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        assert len(store.actions(demo_id)) == before + 1


async def test_enter_in_an_open_dropdown_chooses_and_does_not_save(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SMALL) as pilot:
        form = await open_action_form(app, pilot)
        await pilot.press(*"Add a pool alert", "tab", *"Ana Souza", "tab", *"+1w")
        priority = form.query_one("#priority", Select)
        priority.focus()
        await pilot.press("space")
        await wait_until(pilot, lambda: priority.expanded)
        await pilot.press("up", "enter")
        await pilot.pause()
        assert app.screen is form and not priority.expanded
        assert str(priority.value) == "high"
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        assert str(store.actions(demo_id)[-1].priority) == "high"


@pytest.mark.parametrize(
    ("owner", "expected"), [("Ana Souza", "Ana Souza"), ("An", "Ana Souza"), ("Zed", "Zed")]
)
async def test_fast_typing_puts_every_key_in_its_own_field(store, demo_id, owner, expected):
    app = make_app(store, demo_id)
    async with app.run_test(size=SMALL) as pilot:
        before = len(store.actions(demo_id))
        # No pauses anywhere: the form opens, and every key follows at once.
        await pilot.press("ctrl+o", *"Canary with real load", "tab", *owner, "tab", *"+1w", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        items = store.actions(demo_id)
        assert len(items) == before + 1
        assert (items[-1].title, items[-1].owner, items[-1].due) == (
            "Canary with real load",
            expected,
            TODAY + timedelta(weeks=1),
        )


def burst(app, keys: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Keys as a terminal delivers them when someone types fast: all queued at once."""
    from textual import events
    from textual.keys import _character_to_key

    for key in keys:
        char = key if len(key) == 1 else None
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)


@pytest.mark.parametrize(
    ("owner", "expected"), [("Ana Souza", "Ana Souza"), ("An", "Ana Souza"), ("Zed", "Zed")]
)
async def test_a_burst_of_keys_puts_every_key_in_its_own_field(store, demo_id, owner, expected):
    app = make_app(store, demo_id)
    async with app.run_test(size=SMALL) as pilot:
        before = len(store.actions(demo_id))
        await open_action_form(app, pilot)
        burst(app, [*"Canary with real load", "tab", *owner, "tab", *"+1w", "enter"])
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        items = store.actions(demo_id)
        assert len(items) == before + 1
        assert (items[-1].title, items[-1].owner, items[-1].due) == (
            "Canary with real load",
            expected,
            TODAY + timedelta(weeks=1),
        )


async def test_tab_with_nothing_to_complete_moves_on(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SMALL) as pilot:
        form = await open_action_form(app, pilot)
        await pilot.press("tab", "tab")
        assert app.focused is form.query_one("#due", Input)
        await pilot.press("shift+tab", *"Zed", "tab")
        assert app.focused is form.query_one("#due", Input)
        assert form.query_one("#owner", Input).value == "Zed"


# -- 3. messages wrap, Save and Cancel stay on screen -------------------------------------


@pytest.mark.parametrize("size", [SMALL, COMFORTABLE])
async def test_long_action_form_messages_wrap_and_the_buttons_stay_visible(store, demo_id, size):
    long_notice = (
        "Someone else changed title to Load-test the pool settings in staging, owner to "
        "Ben Okafor, due to 2026-12-11 meanwhile. Your version is below: Enter saves it, "
        "Esc keeps theirs."
    )
    item = ActionItem(
        title="Load-test pool settings",
        owner="Ana Souza",
        due=TODAY + timedelta(days=3),
    )
    app = make_app(store, demo_id)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.push_screen(ActionForm(["Ana Souza"], TODAY, item=item, notice=long_notice))
        await wait_until(pilot, lambda: isinstance(app.screen, ActionForm))
        await pilot.pause()
        form = app.screen
        form.query_one("#due", Input).value = "x" * 30
        await pilot.pause()
        for message_id in ("#form-notice", "#due-error"):
            message = form.query_one(message_id, Static)
            text = shown(message)
            assert message.size.height * message.size.width >= len(text), message_id
            assert message.size.height >= 2, message_id
        for button in form.query(Button):
            assert fully_visible(app, button), str(button.label)


# -- 4. theme colours only ----------------------------------------------------------------

FORM_FILES = [
    "screens/action_form.py",
    "screens/event_form.py",
    "screens/status_form.py",
    "screens/ask_form.py",
    "screens/new_postmortem.py",
    "screens/forms.tcss",
    "widgets/completing_input.py",
]
NAMED_COLOUR = re.compile(
    r"""(?:style\s*=\s*["'][^"']*|color:\s*)\b(red|green|yellow|blue|magenta|cyan|white|black|orange)\b"""
)


@pytest.mark.parametrize("name", FORM_FILES)
def test_the_forms_use_theme_colours_only(name):
    source = (Path(__file__).parents[2] / name).read_text()
    assert not NAMED_COLOUR.findall(source)


# -- the other forms share the keys and the messages ----------------------------------------


async def test_the_new_postmortem_form_says_why_a_start_is_wrong_and_creates_on_enter(store):
    from debrief.screens.new_postmortem import NewPostmortem, NewPostmortemForm

    created: list[NewPostmortem | None] = []
    app = make_app(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        app.push_screen(NewPostmortemForm(["default"]), created.append)
        await wait_until(pilot, lambda: isinstance(app.screen, NewPostmortemForm))
        await pilot.pause()
        form = app.screen
        await pilot.press("enter")
        assert "title is required" in shown(form.query_one("#title-error"))
        assert form.query_one("#title-error").has_class("tone-error")
        await pilot.press(*"Queue stalls", "tab", *"SEV2", "tab", *"last tuesday-ish")
        await pilot.pause()
        assert "not a time" in shown(form.query_one("#started-error"))
        for _ in "last tuesday-ish":
            await pilot.press("backspace")
        await pilot.press(*"2026-11-03 22:15", "enter")
        await wait_until(pilot, lambda: bool(created))
        made = created[0]
        assert made is not None and made.title == "Queue stalls" and made.severity == "SEV2"
        assert made.started_at is not None and made.started_at.hour == 22


async def test_the_ask_form_completes_a_name_on_tab_and_asks_on_enter(store, demo_id):
    from debrief.screens.ask_form import Ask, AskForm

    asked: list[Ask | None] = []
    app = make_app(store, demo_id)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        app.push_screen(
            AskForm("Impact \x1b[31mand scope", ["Priya Raman", "Ana Souza"]), asked.append
        )
        await wait_until(pilot, lambda: isinstance(app.screen, AskForm))
        await pilot.pause()
        form = app.screen
        assert "\x1b" not in shown(form.query_one(".form-title"))
        await pilot.press("enter")
        assert "Say who to ask" in shown(form.query_one("#person-error"))
        burst(app, ["P", "r", "tab", *"ticket counts", "enter"])
        await wait_until(pilot, lambda: bool(asked))
        assert asked[0] == Ask("Priya Raman", "ticket counts")


async def test_the_aspirational_box_shows_its_state_without_colour(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SMALL) as pilot:
        form = await open_action_form(app, pilot)
        box = form.query_one("#aspirational", Checkbox)
        assert not box.value and "X" not in shown(box).split("If we")[0]
        box.focus()
        await pilot.press("space")
        assert box.value and "X" in shown(box).split("If we")[0]
