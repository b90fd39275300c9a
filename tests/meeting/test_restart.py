"""Reopening a post-mortem during its meeting: back at the facilitator's section, with the
clock's times restored and an offer to resume it."""

from __future__ import annotations

from debrief.meeting import ClockState, Phase, Presence
from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.resume_prompt import ResumePrompt
from debrief.store import Store
from tests.conftest import NOW
from tests.meeting.test_facilitator import digits, shows, start
from tests.screens.helpers import make_app, wait_until

SIZE = (120, 36)


async def _meeting_left_at_the_timeline(store: Store, pm_id: str, fake_clock) -> None:  # type: ignore[no-untyped-def]
    """Start the clock, spend time in three sections, reach the 4th (Timeline), quit."""
    app = make_app(store, pm_id)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        for seconds in (100, 200, 400):  # impact, trigger, resolution (100 s over)
            fake_clock.advance(seconds)
            await pilot.press("ctrl+n")
        fake_clock.advance(30)  # in the timeline: not saved by any move
        await wait_until(pilot, lambda: digits(app) == "09:30")
        await pilot.press("ctrl+q")


async def test_reopening_returns_to_the_section_and_offers_the_saved_clock(
    meeting_store, meeting_pm, fake_clock, db_path
):
    await _meeting_left_at_the_timeline(meeting_store, meeting_pm, fake_clock)
    fake_clock.advance(300)  # the app was closed for five minutes: that is not meeting time
    again = Store(db_path, author="tester", clock=fake_clock)
    try:
        app = make_app(again, meeting_pm)
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: isinstance(app.screen, ResumePrompt))
            await wait_until(pilot, lambda: shows(app, "Resume the meeting clock at 12:10?"))
            detail = str(app.screen.query_one("#resume-detail").render())
            assert "stopped in Timeline (09:30 left)" in detail
            assert "Another screen" not in detail  # it was closed, not killed
            screen = app.screen_stack[-2]
            assert isinstance(screen, DebriefScreen) and screen.current == "timeline"
            assert screen.meeting.phase is Phase.paused
            assert screen.meeting.spent("resolution") == 400
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
            assert screen.meeting.phase is Phase.running
            fake_clock.advance(10)
            await wait_until(pilot, lambda: digits(app) == "09:20")
            assert shows(app, "Meeting 12:20 of 60:00")
    finally:
        again.close()


async def test_keeping_it_paused_leaves_the_clock_for_f5(
    meeting_store, meeting_pm, fake_clock, db_path
):
    await _meeting_left_at_the_timeline(meeting_store, meeting_pm, fake_clock)
    again = Store(db_path, author="tester", clock=fake_clock)
    try:
        app = make_app(again, meeting_pm)
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: isinstance(app.screen, ResumePrompt))
            await pilot.press("escape")
            await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
            screen = app.screen
            assert screen.current == "timeline" and screen.meeting.phase is Phase.paused
            assert digits(app) == "09:30" and shows(app, "paused")
            await pilot.press("f5")
            fake_clock.advance(5)
            await wait_until(pilot, lambda: digits(app) == "09:25")
    finally:
        again.close()


async def test_a_post_mortem_without_a_meeting_opens_at_its_first_section(
    meeting_store, meeting_pm
):
    app = make_app(meeting_store, meeting_pm)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await pilot.pause(0.2)
        assert isinstance(app.screen, DebriefScreen) and app.screen.current == "impact"


async def test_a_killed_app_loses_at_most_a_few_seconds_of_the_clock(
    meeting_store, meeting_pm, fake_clock, monkeypatch
):
    import debrief.screens.meeting_controls as controls

    monkeypatch.setattr(controls, "SAVE_SECONDS", 0.2)
    app = make_app(meeting_store, meeting_pm)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("ctrl+n")
        fake_clock.advance(42)  # no move, no pause: only the running clock's saves keep it

        def saved() -> bool:
            [record] = meeting_store.meetings(meeting_pm)
            trigger = record.section("trigger")
            return record.current == "trigger" and trigger is not None and trigger.spent_s == 42

        await wait_until(pilot, saved)


async def test_a_meeting_seen_running_elsewhere_moments_ago_is_said_so(
    meeting_store, meeting_pm, fake_clock, db_path
):
    """Killed (no goodbye), or still running in another terminal: the prompt says which
    screen last ran it, and moving around here does not overwrite its record."""
    await _meeting_left_at_the_timeline(meeting_store, meeting_pm, fake_clock)
    [record] = meeting_store.meetings(meeting_pm)
    running = ClockState(record=record, phase=Phase.running, current="timeline", since=NOW)
    meeting_store.set_meeting_view(
        meeting_pm,
        Presence(section="timeline", timer=running, at=fake_clock.now, owner="x", presenting=True),
    )
    fake_clock.advance(20)
    app = make_app(meeting_store, meeting_pm)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ResumePrompt))
        await wait_until(pilot, lambda: shows(app, "Another screen showed it running 00:20 ago"))
        await pilot.press("escape", "ctrl+n", "ctrl+n")
        await pilot.pause()
    [after] = meeting_store.meetings(meeting_pm)
    assert after.current == "timeline" and after == record
