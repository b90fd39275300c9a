"""The presenter view follows the facilitator's screen through the store, read-only."""

from __future__ import annotations

import time

import pytest

from debrief.app import DebriefApp
from debrief.meeting import ClockState, Phase, Presence
from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.presenter_screen import PresenterScreen, section_markdown
from debrief.store import Store
from debrief.template import SectionKind
from debrief.widgets.meeting_timer import MeetingTimer
from tests.screens.helpers import make_app, screen_text, wait_until

SIZE = (100, 30)


def shows(app, *needles: str) -> bool:  # type: ignore[no-untyped-def]
    text = "".join(screen_text(app).split())
    return all("".join(n.split()) in text for n in needles)


@pytest.fixture
def second(db_path, fake_clock):  # type: ignore[no-untyped-def]
    """Another connection to the same file: the other terminal's process."""
    opened = Store(db_path, author="presenter", clock=fake_clock)
    yield opened
    opened.close()


def presenter(store: Store, pm_id: str) -> DebriefApp:
    return DebriefApp(store=store, pm_id=pm_id, mode="present")


async def test_the_presenter_follows_the_section_and_shows_what_is_saved(
    meeting_store, meeting_pm, second
):
    app = presenter(second, meeting_pm)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, PresenterScreen))
        assert len(app.screen_stack) == 2  # no home screen to wander off to and edit
        await wait_until(
            pilot, lambda: shows(app, "Impact and scope", "For 60 minutes", "waiting for the")
        )
        meeting_store.set_meeting_view(meeting_pm, Presence(section="root-cause"))
        await wait_until(pilot, lambda: shows(app, "Root cause", "Contributing factors"), 3)
        assert not shows(app, "For 60 minutes")
        meeting_store.save_section(meeting_pm, "root-cause", "Typed live by the facilitator.")
        await wait_until(pilot, lambda: shows(app, "Typed live by the facilitator."), 3)
        meeting_store.set_meeting_view(meeting_pm, Presence(section="action-items"))
        await wait_until(pilot, lambda: shows(app, "Ana Souza", "2026-12-03"), 3)


async def test_the_presenter_runs_the_facilitators_timer(
    meeting_store, meeting_pm, second, fake_clock
):
    from debrief.meeting import AgendaClock, new_record

    clock = AgendaClock(
        ClockState(record=new_record(meeting_pm, [("trigger", "Trigger", 5)])), fake_clock
    )
    clock.start("trigger")
    fake_clock.advance(280)
    meeting_store.set_meeting_view(
        meeting_pm, Presence(section="trigger", timer=clock.snapshot(), presenting=True)
    )
    app = presenter(second, meeting_pm)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, PresenterScreen))
        digits = app.screen.query_one("#timer-digits")
        await wait_until(pilot, lambda: digits.value == "00:20")
        assert app.screen.query_one(MeetingTimer).has_class("-amber")
        fake_clock.advance(30)  # the presenter's own clock moves on: no store write needed
        await wait_until(pilot, lambda: digits.value == "+00:10")
        assert app.screen.query_one(MeetingTimer).has_class("-over")
        assert clock.phase is Phase.running


async def test_next_section_on_the_facilitator_moves_the_presenter_within_3_seconds(
    meeting_store, meeting_pm, second
):
    facilitator = make_app(meeting_store, meeting_pm)
    shown = presenter(second, meeting_pm)
    async with facilitator.run_test(size=SIZE) as pilot, shown.run_test(size=SIZE) as view:
        await wait_until(pilot, lambda: isinstance(facilitator.screen, DebriefScreen))
        await wait_until(view, lambda: isinstance(shown.screen, PresenterScreen))
        await pilot.press("f12")  # present mode: this screen leads
        await pilot.press("ctrl+n", "ctrl+n")
        moved = time.monotonic()
        await wait_until(view, lambda: shows(shown, "Resolution", "Raising the gateway"), 3)
        assert time.monotonic() - moved < 3
        assert not shows(shown, "For 60 minutes")
        await pilot.press("ctrl+f")  # the wrap-up is what the room sees next
        await wait_until(view, lambda: shows(shown, "Wrap up", "Action items (5)"), 3)


async def test_a_solo_editor_does_not_take_over_a_running_meeting(
    meeting_store, meeting_pm, second
):
    lead = make_app(meeting_store, meeting_pm)
    solo = make_app(second, meeting_pm)
    async with lead.run_test(size=SIZE) as pilot, solo.run_test(size=SIZE) as other:
        await wait_until(pilot, lambda: isinstance(lead.screen, DebriefScreen))
        await pilot.press("f5", "enter", "ctrl+n")
        await wait_until(pilot, lambda: meeting_store.meeting_view(meeting_pm).section == "trigger")
        await wait_until(other, lambda: isinstance(solo.screen, DebriefScreen))
        await other.press("ctrl+n", "ctrl+n", "ctrl+n")
        await other.pause(0.2)
        view = meeting_store.meeting_view(meeting_pm)
        assert view is not None and view.section == "trigger"


def test_the_section_markdown_escapes_item_titles(meeting_store, meeting_pm):
    from debrief.models import ActionItem

    doc = meeting_store.document(meeting_pm)
    doc.actions.append(ActionItem(title="Fix *all* the | things", owner="[x](y)"))
    text = section_markdown(doc, "action-items", SectionKind.actions)
    assert "Fix \\*all\\* the \\| things | \\[x\\](y) | **no date** |" in text
    assert section_markdown(doc, "went-wrong", SectionKind.text) == "_Nothing written yet._"
