"""Conflicts, history and readiness in the real app, with a second connection as 'someone else'."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from debrief.screens.conflict_screen import ConflictScreen
from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.history_screen import HistoryScreen
from debrief.screens.readiness_screen import ReadinessScreen
from debrief.screens.saving import BUSY, SAVED
from debrief.store import Store
from debrief.widgets.section_editor import SectionEditor
from tests.screens.helpers import make_app, screen_text, wait_for_autosave, wait_until

SIZE = (110, 34)


async def test_someone_elses_save_appears_without_a_restart(store, demo_id, other):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        other.save_section(demo_id, "impact", "Rewritten by ben")
        editor = app.screen.query_one(SectionEditor)
        await wait_until(pilot, lambda: editor.text == "Rewritten by ben", timeout=2.5)
        assert app.screen.query_one(SectionEditor).text == "Rewritten by ben"
        assert "Rewritten by ben" in screen_text(app)


async def test_a_stale_save_opens_the_conflict_view_and_keeps_both(store, demo_id, other):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", *"mine")
        other.save_section(demo_id, "trigger", "theirs")
        await wait_until(pilot, lambda: isinstance(app.screen, ConflictScreen))
        assert isinstance(app.screen, ConflictScreen)
        [kept] = store.open_conflicts(demo_id)
        assert (kept.mine, kept.theirs) == ("mine", "theirs")
        assert store.get_section(demo_id, "trigger").body == "theirs"
        # both wrote into the empty section: one conflict, marked in the merge
        assert app.screen.query_one("#merged", TextArea).cursor_location == (0, 0)
        await pilot.press("ctrl+s")  # the markers are still there: a warning first
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("ctrl+s")  # saving again keeps them as they are
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert store.get_section(demo_id, "trigger").body == (
            "<<<<<<< yours\nmine\n=======\ntheirs\n>>>>>>> theirs (ben)"
        )
        assert store.open_conflicts(demo_id) == []


async def test_the_merge_is_against_the_revision_both_started_from(store, demo_id, other):
    store.save_section(demo_id, "trigger", "The deploy started at 14:03.\nA config push.")
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "enter")
        # pasted in one go: typing it key by key would take long enough to autosave midway
        app.screen.query_one(SectionEditor).insert("Rollback took 20 minutes.")
        # ben corrects the first paragraph while this person adds a line at the end
        other.save_section(demo_id, "trigger", "The deploy started at 14:02.\nA config push.")
        await wait_until(pilot, lambda: isinstance(app.screen, ConflictScreen))
        await pilot.pause()
        merged = app.screen.query_one("#merged", TextArea).text
        expected = "The deploy started at 14:02.\nA config push.\nRollback took 20 minutes."
        assert merged == expected  # each paragraph once, ben's correction and the new line
        assert "your changes and theirs combined" in screen_text(app)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        assert store.get_section(demo_id, "trigger").body == expected
        assert app.screen.query_one(SectionEditor).text == expected


@pytest.mark.parametrize(
    ("button", "expected"), [("#keep-mine", "mine"), ("#keep-theirs", "theirs")]
)
async def test_keep_mine_or_theirs(store, demo_id, other, button, expected):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", *"mine")
        other.save_section(demo_id, "trigger", "theirs")
        await wait_until(pilot, lambda: bool(app.screen.query(button)))
        await pilot.pause()
        app.screen.query_one(button).press()
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        assert store.get_section(demo_id, "trigger").body == expected
        assert app.screen.query_one(SectionEditor).text == expected


async def test_deciding_later_keeps_both_and_stops_autosave(store, demo_id, other):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", *"mine")
        other.save_section(demo_id, "trigger", "theirs")
        await wait_until(pilot, lambda: isinstance(app.screen, ConflictScreen))
        await pilot.press("escape")
        await pilot.press(*" more")
        await wait_for_autosave(pilot)
        assert store.get_section(demo_id, "trigger").body == "theirs"
        assert len(store.open_conflicts(demo_id)) == 1
    # a new session of the same person finds the conflict and can resolve it
    again = make_app(Store(store.location, author="tester"), demo_id)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(again.screen, ConflictScreen)
        # where the edit started is not known any more: every difference is marked
        assert "1 place where the versions differ" in screen_text(again)
        merged = again.screen.query_one("#merged", TextArea).text
        assert "<<<<<<< yours\nmine\n=======\ntheirs\n>>>>>>> theirs" in merged


async def test_history_shows_a_diff_and_restores_as_a_new_version(store, demo_id):
    store.save_section(demo_id, "trigger", "first version")
    store.save_section(demo_id, "trigger", "second version")
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "f4")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        text = screen_text(app)
        assert "- first version" in text and "+ second version" in text
        await pilot.press("down", "r")
        await pilot.pause()
        assert store.get_section(demo_id, "trigger").body == "first version"
        bodies = [r.new for r in store.history(demo_id, entity="section", entity_id="trigger")]
        assert bodies == ["first version", "second version", "first version"]
        assert app.screen.query_one(SectionEditor).text == "first version"


async def test_readiness_lists_what_is_missing(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ReadinessScreen)
        text = screen_text(app)
        assert "Not ready yet." in text and "empty: Trigger" in text


async def test_asking_someone_for_a_section(store, demo_id):
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8", "C", "h", "tab", *"customer numbers", "enter")
        await pilot.pause()
        [request] = store.requests(demo_id)
        assert (request.person, request.key, request.note) == (
            "Chloe Martin",
            "impact",
            "customer numbers",
        )


def test_conflict_view_snapshot(snap_compare):
    from textual.app import App

    class ConflictOnly(App[None]):
        def on_mount(self) -> None:
            self.push_screen(
                ConflictScreen(
                    "Trigger", "A config push\nmine line", "A config push\ntheirs line", "ben"
                )
            )

    assert snap_compare(ConflictOnly(), terminal_size=(100, 30))


async def test_home_shows_what_each_person_is_asked_for(store, demo_id):
    store.request_contribution(demo_id, "impact", "Support", "customer numbers")
    store.request_contribution(demo_id, "timeline", "Ana Souza")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.3)
        text = screen_text(app)
        assert "Asked to contribute:" in text
        assert "Support → impact of PM-DEMO" in text and "Ana Souza → timeline of PM-DEMO" in text


async def test_a_locked_database_keeps_the_edit_and_saves_when_the_lock_clears(
    db_path, clock, template
):
    import sqlite3

    store = Store(db_path, author="tester", clock=clock, busy_timeout=0.1)
    pm = store.create_postmortem("Locked", template)
    app = make_app(store, pm.id)
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **kw: notes.append(message)  # type: ignore[method-assign]
        blocker = sqlite3.connect(db_path)
        blocker.execute("BEGIN EXCLUSIVE")
        await pilot.press(*"typed while locked")
        await wait_until(pilot, lambda: BUSY in notes)
        assert app.screen.query_one(SectionEditor).text == "typed while locked"
        blocker.rollback()
        blocker.close()
        await wait_until(
            pilot, lambda: store.get_section(pm.id, "impact").body == "typed while locked"
        )
    assert notes == [BUSY, SAVED]  # said once while it waited, and once when it landed


async def test_an_action_item_edited_by_two_people(store, demo_id, other):
    from textual.widgets import Input

    from debrief.screens.action_form import ActionForm

    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.go_to("action-items")
        await pilot.pause()
        item = store.actions(demo_id)[0]
        table = app.screen.query_one("#actions-table")
        table.focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionForm))
        other.update_action(demo_id, item.id, {"owner": "Dev Patel", "title": "Ben's title"})
        app.screen.query_one("#owner", Input).value = "Marcus Lee"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: bool(app.screen.query("#form-notice")))
        assert "changed owner to Dev Patel" in " ".join(screen_text(app).replace("│", " ").split())
        await pilot.press("ctrl+s")  # keep mine for the owner
        await wait_until(pilot, lambda: not isinstance(app.screen, ActionForm))
        saved = store.get_action(demo_id, item.id)
        assert saved.owner == "Marcus Lee"
        assert saved.title == "Ben's title"  # the field only ben changed is his


async def test_the_merge_opens_at_the_first_place_both_changed(store, demo_id, other):
    store.save_section(demo_id, "trigger", "one\ntwo\nthree\nfour\nfive")
    app = make_app(store, demo_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", *" (mine)")  # the cursor starts at the end: line "five"
        other.save_section(demo_id, "trigger", "one\ntwo\nthree\nfour\nfive (theirs)")
        await wait_until(pilot, lambda: isinstance(app.screen, ConflictScreen))
        await pilot.pause()
        merged = app.screen.query_one("#merged", TextArea)
        assert merged.text.split("\n")[4:] == [
            "<<<<<<< yours",
            "five (mine)",
            "=======",
            "five (theirs)",
            ">>>>>>> theirs (ben)",
        ]
        assert merged.cursor_location == (4, 0)
        assert "1 place you both changed" in screen_text(app)
