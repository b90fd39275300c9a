"""No user or imported text puts an escape sequence or a bidi control on the terminal.

Every screen, form and editor is opened on a post-mortem whose every text field holds
OSC 0, OSC 52, CSI 2J, a C1 CSI and bidi overrides; the app runs with a driver that
keeps the exact bytes a terminal would get, and none of those raw pieces may be in them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from debrief.app import DebriefApp
from debrief.store import Store
from tests.hostile.terminal import PAYLOAD, SHOWN, TerminalCapture, hostile, hostile_document, leaks

SIZE = (80, 24)


@pytest.fixture
def hostile_pm(store: Store) -> str:
    from debrief.sample import sample_document

    pm = store.import_document(hostile_document(sample_document(store.today())))
    store.request_contribution(pm.id, "impact", hostile("Support"), hostile("numbers"))
    return pm.id


async def reach(pilot: Any, name: str, *keys: str) -> None:
    """Press `keys`, then wait until the screen called `name` is on top."""
    import time

    for key in keys:
        await pilot.press(key)
    deadline = time.monotonic() + 5
    while type(pilot.app.screen).__name__ != name:
        assert time.monotonic() < deadline, f"never reached {name}: {pilot.app.screen}"
        await pilot.pause(0.05)
    await pilot.pause()


Visit = Callable[[Any], Awaitable[None]]


async def visit(app: DebriefApp, steps: list[tuple[str, Visit]]) -> dict[str, list[str]]:
    """Run the app through `steps`; what leaked on each, by step name."""
    app.driver_class = TerminalCapture
    TerminalCapture.take()
    found: dict[str, list[str]] = {}
    shown = ""
    async with app.run_test(headless=False, size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        for name, step in steps:
            await step(pilot)
            await pilot.pause()
            out = TerminalCapture.take()
            shown += out
            if leaked := leaks(out):
                found[name] = leaked
    found.pop("", None)
    assert SHOWN in shown, "the hostile text was never drawn: the test saw nothing"
    return found


def section(key: str) -> Visit:
    async def step(pilot: Any) -> None:
        await reach(pilot, "DebriefScreen")
        pilot.app.screen.go_to(key)

    return step


def keys(name: str, *pressed: str, back: str = "escape", home: str = "DebriefScreen") -> Visit:
    """Open a screen with keys, stay a moment, close it again."""

    async def step(pilot: Any) -> None:
        await reach(pilot, name, *pressed)
        await pilot.pause(0.1)
        await reach(pilot, home, back)

    return step


def press(*pressed: str) -> Visit:
    """Keys that open and close a panel inside the screen."""

    async def step(pilot: Any) -> None:
        for key in pressed:
            await pilot.press(key)
            await pilot.pause(0.1)

    return step


def edit_row(table: str, name: str) -> Visit:
    async def step(pilot: Any) -> None:
        pilot.app.screen.query_one(table).focus()
        await reach(pilot, name, "enter")
        await reach(pilot, pilot.app.screen_stack[-2].__class__.__name__, "escape")

    return step


async def test_debrief_screen_and_its_forms(store: Store, hostile_pm: str) -> None:
    async def editor_shows_visible_text(pilot: Any) -> None:
        from debrief.widgets.section_editor import SectionEditor

        editor = pilot.app.screen.query_one(SectionEditor)
        assert SHOWN in editor.text and "\x1b" not in editor.text
        await pilot.press("end", "x")  # a keystroke redraws the line with the cursor

    steps: list[tuple[str, Visit]] = [
        ("opening at the first section", section("impact")),
        ("section editor", editor_shows_visible_text),
        ("timeline section", section("timeline")),
        ("action items section", section("action-items")),
        ("action form (edit)", edit_row("#actions-table", "ActionForm")),
        ("action form (new)", keys("ActionForm", "ctrl+o")),
        ("if-we-have-time section", section("if-we-have-time")),
        ("a text section", section("went-well")),
        ("event form (new)", keys("EventForm", "ctrl+l")),
        ("history", keys("HistoryScreen", "f4")),
        ("readiness", keys("ReadinessScreen", "f3")),
        ("help", keys("HelpScreen", "f1")),
        ("ask form", keys("AskForm", "f8")),
        ("participants", press("f7", "escape")),
        ("publish preview", keys("PublishScreen", "f9")),
        ("wrap-up", keys("WrapupScreen", "ctrl+f")),
    ]
    assert await visit(DebriefApp(store=store, pm_id=hostile_pm), steps) == {}


async def test_timeline_and_event_form(store: Store, hostile_pm: str) -> None:
    async def event_form(pilot: Any) -> None:
        from textual.widgets import Input

        await reach(pilot, "EventForm", "down", "enter")
        for field in pilot.app.screen.query(Input):
            assert "\x1b" not in field.value and "\u202e" not in field.value
        assert SHOWN in pilot.app.screen.query_one("#text", Input).value
        await reach(pilot, "TimelineScreen", "escape")

    steps: list[tuple[str, Visit]] = [
        ("timeline screen", lambda pilot: reach(pilot, "TimelineScreen", "ctrl+t")),
        ("event form (edit)", event_form),
    ]
    before = {s.key: s.body for s in store.sections(hostile_pm)}
    assert await visit(DebriefApp(store=store, pm_id=hostile_pm), steps) == {}
    # Only looked at, never edited: the section opened is not rewritten in its visible form.
    assert {s.key: s.body for s in store.sections(hostile_pm)} == before


async def test_home_actions_and_status_form(store: Store, hostile_pm: str) -> None:
    async def change_status(pilot: Any) -> None:
        await reach(pilot, "StatusForm", "f2")
        await reach(pilot, "ActionsScreen", "down", "enter")
        await pilot.pause(0.2)

    steps: list[tuple[str, Visit]] = [
        ("home", lambda pilot: reach(pilot, "HomeScreen")),
        ("actions screen", lambda pilot: reach(pilot, "ActionsScreen", "f5")),
        ("status form", keys("StatusForm", "f2", home="ActionsScreen")),
        ("status changed: a toast names the item", change_status),
        ("back home", lambda pilot: reach(pilot, "HomeScreen", "escape")),
        ("new post-mortem form", keys("NewPostmortemForm", "ctrl+n", home="HomeScreen")),
    ]
    assert await visit(DebriefApp(store=store), steps) == {}


async def test_presenter(store: Store, hostile_pm: str) -> None:
    async def every_section(pilot: Any) -> None:
        await reach(pilot, "PresenterScreen")
        for _ in range(10):
            await pilot.press("ctrl+n")
            await pilot.pause()

    steps: list[tuple[str, Visit]] = [("presenter", every_section)]
    app = DebriefApp(store=store, pm_id=hostile_pm, mode="present")
    assert await visit(app, steps) == {}


async def test_conflict_screen(store: Store, hostile_pm: str) -> None:
    theirs = store.save_section(hostile_pm, "impact", hostile("Their account"))
    store.keep_conflict(
        hostile_pm, "section", "impact", "body", hostile("Mine"), theirs.body, theirs.rev
    )
    steps: list[tuple[str, Visit]] = [("conflict", keys("ConflictScreen", "f10"))]
    assert await visit(DebriefApp(store=store, pm_id=hostile_pm), steps) == {}


async def test_pasting_into_the_editor_and_a_form(store: Store, hostile_pm: str) -> None:
    """A paste is the one way a person can bring control characters in."""
    from textual import events
    from textual.widgets import Input

    from debrief.widgets.section_editor import SectionEditor

    async def paste_into_editor(pilot: Any) -> None:
        await reach(pilot, "DebriefScreen")
        editor = pilot.app.screen.query_one(SectionEditor)
        editor.focus()
        editor.post_message(events.Paste(PAYLOAD))
        await pilot.pause()
        assert "\x1b" not in editor.text and "⟨U+202E⟩" in editor.text

    async def paste_into_form(pilot: Any) -> None:
        await reach(pilot, "EventForm", "ctrl+l")
        field = pilot.app.screen.query_one("#text", Input)
        field.post_message(events.Paste(PAYLOAD))
        await pilot.pause()
        assert field.value.startswith("␛]0;pwned␇") and field.cursor_position == len(field.value)

    steps: list[tuple[str, Visit]] = [
        ("paste into the editor", paste_into_editor),
        ("paste into a form", paste_into_form),
    ]
    assert await visit(DebriefApp(store=store, pm_id=hostile_pm), steps) == {}


async def test_import_preview(store: Store, hostile_pm: str, tmp_path: Path) -> None:
    from textual.widgets import Input

    csv = tmp_path / "notes.csv"  # no form field holds a control character: see the CLI tests
    csv.write_text(f"when,what,who\n2026-11-20T14:03:00Z,{hostile('Alert')},{hostile('bo')}\n")

    async def preview(pilot: Any) -> None:
        await reach(pilot, "ImportForm", "f6")
        pilot.app.screen.query_one("#path", Input).value = str(csv)
        await reach(pilot, "ImportPreview", "ctrl+s")
        for _ in range(100):
            if not getattr(pilot.app.screen, "busy", False):
                break
            await pilot.pause(0.05)

    async def import_it(pilot: Any) -> None:
        await reach(pilot, "DebriefScreen", "enter")

    steps: list[tuple[str, Visit]] = [("import preview", preview), ("imported", import_it)]
    assert await visit(DebriefApp(store=store, pm_id=hostile_pm), steps) == {}
