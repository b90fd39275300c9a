"""Meeting mode on the facilitator's screen, with a clock the test moves."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Digits

from debrief.meeting import Phase
from debrief.models import Status
from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.opening_screen import OpeningScreen
from debrief.screens.wrapup_screen import WrapupScreen
from debrief.template import load_template
from debrief.widgets.agenda import Agenda
from debrief.widgets.meeting_timer import MeetingTimer
from debrief.widgets.participants import Participants
from debrief.widgets.section_editor import SectionEditor
from tests.conftest import TODAY
from tests.screens.helpers import make_app, screen_text, wait_until

SIZE = (120, 36)


def digits(app) -> str:  # type: ignore[no-untyped-def]
    return app.screen.query_one("#timer-digits", Digits).value


def shows(app, *needles: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether the screen shows every needle (line wrapping and spacing aside)."""
    text = "".join(screen_text(app).translate({ord(c): None for c in "│▊▎"}).split())
    return all("".join(n.split()) in text for n in needles)


def timer(app) -> MeetingTimer:  # type: ignore[no-untyped-def]
    return app.screen.query_one(MeetingTimer)


async def start(pilot) -> None:  # type: ignore[no-untyped-def]
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, DebriefScreen))
    await pilot.press("f5")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, OpeningScreen))
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, DebriefScreen))


async def test_start_timer_shows_the_opening_then_counts(meeting_store, meeting_pm, fake_clock):
    app = make_app(meeting_store, meeting_pm)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        assert not timer(app).display  # nothing of the meeting shows before it starts
        assert not timer(app).children  # nor is it built: its parts come when it shows
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, OpeningScreen))
        assert shows(app, "not to find someone to blame", load_template().opening[:60])
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        assert isinstance(app.focused, SectionEditor)
        assert timer(app).display and digits(app) == "05:00"
        fake_clock.advance(61)
        await wait_until(pilot, lambda: digits(app) == "03:59")
        assert not timer(app).has_class("-amber", "-over", "-paused")
        assert shows(app, "Meeting 01:01 of 60:00")


async def test_timer_states_running_amber_over_paused(meeting_store, meeting_pm, fake_clock):
    app = make_app(meeting_store, meeting_pm)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        fake_clock.advance(250)
        await wait_until(pilot, lambda: digits(app) == "00:50")
        assert timer(app).has_class("-amber") and not timer(app).has_class("-over")
        fake_clock.advance(75)
        await wait_until(pilot, lambda: digits(app) == "+00:25")
        assert timer(app).has_class("-over") and not timer(app).has_class("-amber")
        assert shows(app, "over · Impact and scope")
        await pilot.press("f5")
        await wait_until(pilot, lambda: timer(app).has_class("-paused"))
        fake_clock.advance(600)
        await pilot.pause(0.3)
        assert digits(app) == "+00:25" and shows(app, "paused")
        await pilot.press("f5")
        fake_clock.advance(5)
        await wait_until(pilot, lambda: digits(app) == "+00:30")
        assert not timer(app).has_class("-paused")


async def test_next_section_moves_the_timer_and_the_overrun_is_recorded(
    meeting_store, meeting_pm, fake_clock
):
    app = make_app(meeting_store, meeting_pm)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        fake_clock.advance(390)
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: digits(app) == "05:00")
        assert "Trigger" in str(app.screen.query_one("#timer-label").render())
        fake_clock.advance(30)
        await wait_until(pilot, lambda: digits(app) == "04:30")
        [record] = meeting_store.meetings(meeting_pm)
        impact = record.section("impact")
        assert impact is not None and impact.spent_s == 390 and impact.over_s == 90
        view = meeting_store.meeting_view(meeting_pm)
        assert view is not None and view.section == "trigger" and view.presenting
        assert view.timer is not None and view.timer.phase is Phase.running


async def test_present_mode_hides_the_coach_and_hints_and_comes_back(meeting_store, meeting_pm):
    app = make_app(meeting_store, meeting_pm)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        screen = app.screen
        await pilot.press("f12")
        await pilot.pause()
        assert screen.has_class("-present")
        for hidden in ("#coach", "#guide", "#save-status"):
            assert not screen.query_one(hidden).display, hidden
        assert screen.query_one("#agenda").display and timer(app).display
        assert isinstance(app.focused, SectionEditor)
        await pilot.press("f12")
        await pilot.pause()
        assert screen.query_one("#coach").display and not timer(app).display


async def test_the_palette_names_the_meeting_commands(meeting_store, meeting_pm):
    app = make_app(meeting_store, meeting_pm)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        names = {c.title for c in app.get_system_commands(app.screen)}
        for name in ("Start timer", "Pause timer", "Present mode", "Wrap up", "Mark who spoke"):
            assert name in names
        assert "Who hasn't spoken?" in names
        await pilot.press("ctrl+p", *"Present mode")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen.has_class("-present"))


async def test_the_round_marks_who_spoke_and_highlights_the_rest(meeting_store, meeting_pm):
    app = make_app(meeting_store, meeting_pm)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("ctrl+s")
        people = app.screen.query_one(Participants)
        assert app.focused is people
        await pilot.press("3", "down", "enter")  # Ana Souza by number, Ben Okafor by Enter
        await pilot.press("escape")
        assert isinstance(app.focused, SectionEditor)
        await pilot.press("ctrl+f12")
        await pilot.pause()
        assert people.spoke == {"Ana Souza", "Ben Okafor"} and people.nudge
        assert people.border_subtitle == "4 not yet"
        [record] = meeting_store.meetings(meeting_pm)
        assert record.sections[0].spoke == ["Ana Souza", "Ben Okafor"]
        await pilot.press("escape", "ctrl+n")
        await pilot.pause()
        assert people.spoke == set() and not people.nudge  # a new section, a new round


async def test_redirects_and_questions_go_into_the_record(meeting_store, meeting_pm):
    app = make_app(meeting_store, meeting_pm)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("ctrl+g", "ctrl+g", "ctrl+r")
        await wait_until(pilot, lambda: not isinstance(app.screen, DebriefScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await pilot.press("ctrl+n")  # saves the record
        await pilot.pause()
        [record] = meeting_store.meetings(meeting_pm)
        impact = record.sections[0]
        assert impact.redirects == 1
        assert impact.questions == load_template().sections[0].questions[:2]


async def test_wrap_up_lists_every_action_with_its_owner_and_finishes(
    meeting_store, meeting_pm, fake_clock
):
    app = make_app(meeting_store, meeting_pm)
    async with app.run_test(size=(120, 50)) as pilot:
        await start(pilot)
        fake_clock.advance(100)
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapupScreen))
        for item in meeting_store.actions(meeting_pm):
            assert shows(app, item.title)
            if not item.aspirational:
                assert shows(app, f"{item.title} — {item.owner}, due {item.due.isoformat()}")
        assert shows(app, "Key findings", "If we have time (1)")
        view = meeting_store.meeting_view(meeting_pm)
        assert view is not None and view.section == "@wrap-up"
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        pm = meeting_store.get_postmortem(meeting_pm)
        assert pm.status is Status.debriefed
        assert pm.follow_up == TODAY + timedelta(weeks=2)
        [record] = meeting_store.meetings(meeting_pm)
        assert record.ended_at == fake_clock.now and record.spent_s == 100


async def test_a_bad_follow_up_date_is_marked_and_nothing_finishes(meeting_store, meeting_pm):
    app = make_app(meeting_store, meeting_pm)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapupScreen))
        app.screen.query_one("#follow-up").value = "someday"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WrapupScreen)
        assert shows(app, "is not a date")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        assert meeting_store.get_postmortem(meeting_pm).status is Status.draft


async def test_the_round_answers_keys_pressed_as_the_screen_opens(meeting_store, meeting_pm):
    """Keys pressed as the screen opens reach the round, and the left column holds the
    agenda, the (hidden) timer and the round, in that order."""
    app = make_app(meeting_store, meeting_pm)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, DebriefScreen))
        await pilot.press("ctrl+s", "3", "escape")
        await pilot.pause()
        assert isinstance(app.focused, SectionEditor)
        [record] = meeting_store.meetings(meeting_pm)
        assert record.sections[0].spoke == ["Ana Souza"]
        side = app.screen.query_one("#side")
        assert [type(w) for w in side.children] == [Agenda, MeetingTimer, Participants]
        assert not timer(app).display  # hidden until the clock starts
        await start(pilot)
        assert timer(app).display and digits(app) == "05:00"
