"""Import timeline in the app: the form, the preview to untick from, the import itself."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.import_screen import ImportForm, ImportPreview
from debrief.screens.timeline_screen import TimelineScreen
from debrief.widgets.timeline_table import TimelineTable
from tests.importers import slack_export as fx
from tests.importers.timeline_fixture import timeline_pm
from tests.screens.helpers import make_app, screen_text, wait_until

SIZE = (100, 30)


async def open_form(app, pilot, from_timeline: bool = True) -> ImportForm:  # type: ignore[no-untyped-def]
    await pilot.pause()
    if from_timeline:
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen))
    await pilot.press("f6")
    await wait_until(pilot, lambda: isinstance(app.screen, ImportForm))
    return app.screen


async def preview(app, pilot, path: Path, **fields: str) -> ImportPreview:  # type: ignore[no-untyped-def]
    form = await open_form(app, pilot)
    form.query_one("#path", Input).value = str(path)
    for name, value in fields.items():
        form.query_one(f"#{name}", Input).value = value
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: isinstance(app.screen, ImportPreview))
    screen = app.screen
    await wait_until(pilot, lambda: not screen.busy, timeout=10)
    return screen


def status(screen: ImportPreview) -> str:
    return str(screen.query_one("#preview-status", Static).render())


async def test_the_form_marks_what_is_wrong_and_stays_open(store, template, tmp_path):
    app = make_app(store, timeline_pm(store, template))
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ImportForm)
        assert "Give a file" in str(form.query_one("#path-error", Static).render())
        form.query_one("#path", Input).value = str(tmp_path / "missing.zip")
        await pilot.press("ctrl+s")
        assert "does not exist" in str(form.query_one("#path-error", Static).render())
        odd = tmp_path / "notes.txt"
        odd.write_text("x", encoding="utf-8")
        form.query_one("#path", Input).value = str(odd)
        form.query_one("#since", Input).value = "whenever"
        await pilot.press("ctrl+s")
        assert "Cannot tell the format of notes.txt" in str(
            form.query_one("#path-error", Static).render()
        )
        assert "'whenever' is not a time" in str(form.query_one("#options-error", Static).render())
        await pilot.press("escape")
        assert isinstance(app.screen, TimelineScreen)


async def test_untick_then_import_stores_only_what_is_ticked(store, template, tmp_path):
    pm_id = timeline_pm(store, template)
    app = make_app(store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        screen = await preview(app, pilot, fx.write_zip(tmp_path / "export.zip"))
        assert status(screen).startswith("11 of 11 events ticked")
        assert "skipped: 2 channel joins and leaves" in status(screen)
        assert "literal [bold red]x[/bold red]" in screen_text(app)
        await pilot.press("space", "down", "space")  # leave out the first two messages
        assert status(screen).startswith("9 of 11 events ticked")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen), timeout=10)
        assert store.event_count(pm_id) == 10 + 9
        assert "19 events" in screen_text(app)


async def test_whole_authors_and_everything_can_be_left_out(store, template, tmp_path):
    app = make_app(store, timeline_pm(store, template))
    async with app.run_test(size=SIZE) as pilot:
        screen = await preview(app, pilot, fx.write_folder(tmp_path))
        table = screen.query_one(TimelineTable)
        author = table.events[0].author
        await pilot.press("w")
        kept = sum(1 for e in table.events if e.author != author)
        assert status(screen).startswith(f"{kept} of 11")
        await pilot.press("a")
        assert status(screen).startswith("11 of 11")
        await pilot.press("a")
        assert status(screen).startswith("0 of 11")


async def test_a_second_preview_shows_only_what_is_new(store, template, tmp_path):
    pm_id = timeline_pm(store, template)
    export = fx.write_folder(tmp_path)
    app = make_app(store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        await preview(app, pilot, export)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen), timeout=10)
        screen = await preview(app, pilot, export)
        assert status(screen).startswith("0 of 0 events ticked · 11 already in the timeline")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen))
        assert store.event_count(pm_id) == 10 + 11


async def test_the_window_and_channel_fields_apply(store, template, tmp_path):
    app = make_app(store, timeline_pm(store, template))
    async with app.run_test(size=SIZE) as pilot:
        screen = await preview(
            app, pilot, fx.write_folder(tmp_path), channel="#general", since="2026-11-20"
        )
        assert status(screen).startswith("1 of 1 event ticked")


async def test_unreadable_input_is_told_and_nothing_imported(store, template, tmp_path):
    pm_id = timeline_pm(store, template)
    broken = tmp_path / "export.zip"
    broken.write_bytes(b"not a zip")
    app = make_app(store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        screen = await preview(app, pilot, broken)
        assert "is not a readable zip file" in status(screen)
        await pilot.press("enter", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen))
        assert store.event_count(pm_id) == 10


async def test_bad_lines_are_listed_in_the_preview(store, template, tmp_path):
    bad = fx.write_folder(tmp_path, {"general/2026-11-20.json": "[\n  {oops\n]"})
    app = make_app(store, timeline_pm(store, template))
    async with app.run_test(size=SIZE) as pilot:
        screen = await preview(app, pilot, bad)
        problems = str(screen.query_one("#preview-problems", Static).render())
        assert "general/2026-11-20.json: line 2: not JSON" in problems


async def test_import_timeline_from_the_debrief_screen_by_key_and_palette(
    store, template, tmp_path
):
    pm_id = timeline_pm(store, template)
    app = make_app(store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(app, pilot, from_timeline=False)
        await pilot.press("escape")
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("ctrl+p", *"Import timeline")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ImportForm))
        app.screen.query_one("#path", Input).value = str(fx.write_folder(tmp_path))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ImportPreview))
        screen = app.screen
        await wait_until(pilot, lambda: not screen.busy, timeout=10)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen), timeout=10)
        assert store.event_count(pm_id) == 21
