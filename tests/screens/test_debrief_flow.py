"""The facilitator's flow in the real app: walk sections, type, capture items, timeline."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input

from debrief.screens.action_form import ActionForm
from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.event_form import EventForm
from debrief.screens.help_screen import HelpScreen
from debrief.screens.home import HomeScreen
from debrief.screens.timeline_screen import TimelineScreen
from debrief.widgets.section_editor import SectionEditor
from tests.conftest import TODAY
from tests.screens.helpers import make_app, screen_text, wait_for_autosave

SIZE = (100, 32)


async def test_opening_puts_the_cursor_in_the_first_sections_editor(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen) and screen.current == "impact"
        assert isinstance(app.focused, SectionEditor)
        assert app.focused.text.startswith("For 60 minutes")


async def test_next_section_moves_focus_and_typing_autosaves(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        assert app.screen.current == "trigger"
        assert isinstance(app.focused, SectionEditor)
        await pilot.press(*"Pool went from 50 to 5")
        await wait_for_autosave(pilot)
        assert store.get_section(demo_id, "trigger").body == "Pool went from 50 to 5"
        assert store.get_section(demo_id, "trigger").updated_by == "tester"
        await pilot.press("ctrl+b")
        assert app.screen.current == "impact"


async def test_palette_runs_next_section_by_name(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Next section")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.current == "trigger"


async def test_palette_offers_every_named_command(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        names = {c.title for c in app.get_system_commands(app.screen)}
        for name in (
            "Next section",
            "Previous section",
            "Add action item",
            "Show timeline",
            "Add timeline event",
        ):
            assert name in names


async def test_add_action_item_with_completed_owner_and_relative_due(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        before = len(store.actions(demo_id))
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, ActionForm)
        await pilot.press(*"Canary with real load", "tab", "A", "n", "tab", *"+1w", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        items = store.actions(demo_id)
        assert len(items) == before + 1
        assert (items[-1].title, items[-1].owner, items[-1].due) == (
            "Canary with real load",
            "Ana Souza",
            TODAY + timedelta(weeks=1),
        )


async def test_the_form_refuses_an_item_without_owner_and_says_why(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        before = len(store.actions(demo_id))
        await pilot.press("ctrl+o", *"No owner", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        assert "needs an owner" in str(form.query_one("#owner-error").render())
        assert app.focused.id == "owner"
        await pilot.press("tab", *"someday")
        await pilot.pause()
        assert "is not a date" in str(form.query_one("#due-error").render())
        assert form.query_one("#due", Input).has_class("-invalid")
        await pilot.press("escape")
        assert len(store.actions(demo_id)) == before


async def test_an_aspirational_item_needs_no_owner(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", *"Rewrite the gateway")
        app.screen.query_one("#aspirational").value = True
        await pilot.press("enter")
        await pilot.pause()
        item = store.actions(demo_id)[-1]
        assert item.title == "Rewrite the gateway" and item.aspirational and not item.owner


async def test_editing_an_item_from_the_action_items_section(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.go_to("action-items")
        await pilot.pause()
        table = screen.query_one("#actions-table")
        assert table.row_count == 5
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        title = app.screen.query_one("#title", Input)
        title.value = "Load-test pool settings"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.actions(demo_id)[0].title == "Load-test pool settings"


async def test_timeline_screen_adds_an_event(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, EventForm)
        await pilot.press(*"Debrief held", "enter")
        await pilot.pause()
        assert any(e.text == "Debrief held" for e in store.events(demo_id))
        await pilot.press("escape")
        assert isinstance(app.screen, DebriefScreen)


async def test_add_timeline_event_from_the_debrief_screen(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+l", *"Customer call", "enter")
        await pilot.pause()
        assert store.events(demo_id)[-1].text == "Customer call" or any(
            e.text == "Customer call" for e in store.events(demo_id)
        )


async def test_quitting_saves_what_is_still_waiting_for_autosave(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", *"typed just before quitting", "ctrl+q")
    assert store.get_section(demo_id, "trigger").body == "typed just before quitting"


async def test_help_lists_keys_and_palette_names(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause(0.3)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Next section" in text and "Add action item" in text and "^o" in text
        await pilot.press("escape")
        assert isinstance(app.screen, DebriefScreen)


async def test_home_lists_creates_and_opens(store, demo_id):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one("#postmortems")
        assert table.row_count == 1
        await pilot.press("ctrl+n", *"Search is slow", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert store.get_postmortem(app.screen.pm_id).title == "Search is slow"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and table.row_count == 2


async def test_a_post_mortem_opened_directly_goes_home_to_the_list(store, demo_id, template):
    """`debrief open ID` opens the post-mortem alone; Home then builds the list."""
    store.create_postmortem("Login slow", template)
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        assert not any(isinstance(s, HomeScreen) for s in app.screen_stack)
        await pilot.press("ctrl+n", *"typed before going home", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#postmortems").row_count == 2
        assert len(app.screen_stack) == 2  # the list replaced the post-mortem
    assert store.get_section(demo_id, "trigger").body == "typed before going home"


async def test_home_search_filters_by_full_text(store, demo_id, template):
    store.create_postmortem("Login slow", template)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f", *"gateway")
        await pilot.pause(0.5)
        table = app.screen.query_one("#postmortems")
        assert table.row_count == 1
        assert table.get_row_at(0)[0].plain == demo_id


async def test_user_text_is_shown_literally(store, template):
    pm = store.create_postmortem("[bold red]x[/bold red] \x1b[31mred", template)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        row = app.screen.query_one("#postmortems").get_row_at(0)
        assert row[1].plain == "[bold red]x[/bold red] ␛[31mred"
        assert not row[1].spans
        app.screen.open(pm.id)
        await pilot.pause(0.3)
        text = screen_text(app)
        assert "[bold red]x[/bold red] ␛[31mred" in text


async def test_the_form_nudges_a_vague_title_without_blocking_it(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o", *"Investigate the pool")
        await pilot.pause()
        hint = str(app.screen.query_one("#title-error").render())
        assert "has no done state" in hint
        await pilot.press("tab", *"Ana Souza", "tab", *"+3d", "enter")
        await pilot.pause()
        assert store.actions(demo_id)[-1].title == "Investigate the pool"


async def test_not_doing_from_the_item_form_needs_a_reason(store, demo_id):
    from textual.widgets import Select

    from debrief.models import ActionStatus

    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.go_to("action-items")
        await pilot.pause()
        app.screen.query_one("#actions-table").focus()
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        form.query_one("#status", Select).value = ActionStatus.not_doing
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form is app.screen  # still open: a reason is needed
        assert "Say why" in str(form.query_one("#reason-error").render())
        form.query_one("#reason", Input).value = "Superseded by the new gateway"
        await pilot.press("ctrl+s")
        await pilot.pause()
        item = store.actions(demo_id)[0]
        assert (item.status, item.status_reason) == (
            ActionStatus.not_doing,
            "Superseded by the new gateway",
        )
