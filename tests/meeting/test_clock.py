"""The agenda clock: time per section against the timeboxes, with a clock the test moves."""

from __future__ import annotations

import pytest

from debrief.meeting import (
    AgendaClock,
    ClockState,
    Phase,
    Tone,
    clock_text,
    new_record,
    not_spoken,
    toggle_speaker,
    tone,
)
from tests.meeting.conftest import FakeClock

AGENDA = [("impact", "Impact", 5), ("trigger", "Trigger", 5), ("actions", "Action items", 10)]


@pytest.fixture
def meeting(fake_clock: FakeClock) -> AgendaClock:
    return AgendaClock(ClockState(record=new_record("PM-1", AGENDA)), fake_clock)


def test_before_the_start_nothing_counts(meeting, fake_clock):
    fake_clock.advance(600)
    view = meeting.view()
    assert (view.phase, view.remaining_s, view.total_s) == (Phase.idle, 300, 0)
    assert view.total_planned_s == 20 * 60
    assert meeting.record.started_at is None


def test_running_counts_down_calm_then_amber_then_over(meeting, fake_clock):
    meeting.start("impact")
    assert meeting.record.started_at == fake_clock.now
    fake_clock.advance(120)
    view = meeting.view()
    assert (view.phase, view.remaining_s, view.tone) == (Phase.running, 180, Tone.calm)
    fake_clock.advance(121)  # 59 s left of 5 min: amber from one minute (20 %) left
    assert meeting.view().tone is Tone.amber
    fake_clock.advance(65)
    view = meeting.view()
    assert view.tone is Tone.over and view.remaining_s == -6
    assert clock_text(view.remaining_s) == "+00:06"


def test_pausing_stops_the_clock_and_resuming_goes_on(meeting, fake_clock):
    meeting.start("impact")
    fake_clock.advance(100)
    assert meeting.toggle() is Phase.paused
    fake_clock.advance(1000)
    assert meeting.spent() == 100 and meeting.total() == 100
    assert meeting.toggle() is Phase.running
    fake_clock.advance(20)
    assert meeting.spent() == 120


def test_moving_on_moves_the_timer_and_records_overruns(meeting, fake_clock):
    meeting.start("impact")
    fake_clock.advance(330)
    meeting.enter("trigger")
    fake_clock.advance(60)
    assert meeting.view().key == "trigger" and meeting.view().remaining_s == 240
    meeting.enter("impact")  # back to a section: its time adds up
    fake_clock.advance(30)
    meeting.finish()
    impact = meeting.record.section("impact")
    assert impact is not None and impact.spent_s == 360 and impact.over_s == 60
    assert [s.key for s in meeting.record.overruns] == ["impact"]
    assert meeting.record.ended_at == fake_clock.now
    assert meeting.phase is Phase.finished
    fake_clock.advance(100)
    assert meeting.total() == 420


def test_moving_while_paused_counts_nothing(meeting, fake_clock):
    meeting.start("impact")
    meeting.pause()
    meeting.enter("trigger")
    fake_clock.advance(50)
    meeting.resume()
    fake_clock.advance(10)
    assert meeting.spent("trigger") == 10 and meeting.spent("impact") == 0


def test_a_snapshot_carries_the_time_so_far_to_another_clock(meeting, fake_clock):
    meeting.start("trigger")
    fake_clock.advance(90)
    copy = AgendaClock(
        ClockState.model_validate_json(meeting.snapshot().model_dump_json()), fake_clock
    )
    fake_clock.advance(10)
    assert copy.spent() == meeting.spent() == 100
    assert copy.view() == meeting.view()


def test_readings_never_drift_however_often_they_are_taken(meeting, fake_clock):
    meeting.start("actions")
    for _ in range(2400):
        fake_clock.advance(0.25)
        meeting.view()
    assert meeting.spent() == 600 and meeting.view().remaining_s == 0


@pytest.mark.parametrize(
    ("remaining", "planned", "expected"),
    [
        (61, 300, Tone.calm),
        (60, 300, Tone.amber),
        (31, 120, Tone.calm),
        (30, 120, Tone.amber),
        (0, 60, Tone.amber),
        (-1, 60, Tone.over),
    ],
)
def test_amber_near_the_end(remaining, planned, expected):
    assert tone(remaining, planned) is expected


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (300, "05:00"),
        (299.4, "04:59"),
        (0.2, "00:00"),
        (-0.2, "+00:01"),
        (-65, "+01:05"),
        (3600, "60:00"),
        (6123, "1:42:03"),
    ],
)
def test_clock_text(seconds, text):
    assert clock_text(seconds) == text


def test_the_participation_round(meeting):
    people = ["Ana", "Ben", "Chloe"]
    assert toggle_speaker(meeting.record, "impact", "Ben") is True
    assert not_spoken(meeting.record, "impact", people) == ["Ana", "Chloe"]
    assert not_spoken(meeting.record, "trigger", people) == people
    assert toggle_speaker(meeting.record, "impact", "Ben") is False
    assert not_spoken(meeting.record, "impact", people) == people
    toggle_speaker(meeting.record, "impact", "Ana")
    toggle_speaker(meeting.record, "trigger", "Ana")
    assert meeting.record.speakers() == {"Ana": 2}
