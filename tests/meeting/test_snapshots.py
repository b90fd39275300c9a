"""SVG snapshots: present mode at the meeting's two sizes, the presenter view, the wrap-up."""

from __future__ import annotations

import pytest

from debrief.app import DebriefApp
from debrief.meeting import Presence
from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.presenter_screen import PresenterScreen
from debrief.screens.wrapup_screen import WrapupScreen
from tests.screens.helpers import make_app, screen_text, wait_until

SIZES = [(80, 24), (200, 50)]


def no_blink(app) -> None:  # type: ignore[no-untyped-def]
    """A steady cursor, so the picture does not depend on when it is taken."""
    for field in app.screen.query("TextArea, Input"):
        field.cursor_blink = False
        field.notify_style_update()  # Textual keys cached lines without the focus, so a
        field.refresh()  # line drawn while blinking off would stay: drop them


IDS = ["80x24", "200x50"]


def _running_at_root_cause(fake_clock):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, DebriefScreen))
        await pilot.press("f5", "enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, DebriefScreen))
        fake_clock.advance(14 * 60 + 5)  # impact, trigger, resolution: on time
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")  # root cause
        fake_clock.advance(8 * 60 + 40)  # 1:20 left of its 10 minutes: amber
        await pilot.press("ctrl+s", "3", "4", "escape", "f12")
        no_blink(pilot.app)
        await pilot.pause(0.4)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_present_mode(snap_compare, meeting_store, meeting_pm, fake_clock, size):
    app = make_app(meeting_store, meeting_pm)
    assert snap_compare(app, terminal_size=size, run_before=_running_at_root_cause(fake_clock))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_presenter_view(snap_compare, meeting_store, meeting_pm, size):
    meeting_store.set_meeting_view(meeting_pm, Presence(section="root-cause"))
    app = DebriefApp(store=meeting_store, pm_id=meeting_pm, mode="present")

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, PresenterScreen))
        await wait_until(pilot, lambda: "Contributing" in screen_text(pilot.app))

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_wrap_up(snap_compare, meeting_store, meeting_pm, fake_clock):
    app = make_app(meeting_store, meeting_pm)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, DebriefScreen))
        await pilot.press("f5", "enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, DebriefScreen))
        fake_clock.advance(7 * 60)
        await pilot.press("ctrl+n")
        fake_clock.advance(3 * 60)
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, WrapupScreen))
        no_blink(pilot.app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
