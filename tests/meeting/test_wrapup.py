"""The wrap-up: the meeting's time as the export tells it (the running section included),
and key findings the facilitator chooses, never a sentence the coach flags."""

from __future__ import annotations

from debrief.meeting import AgendaClock, ClockState, Phase, new_record
from debrief.meeting_summary import meeting_appendix, meeting_time, sentences, wrap_up
from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.wrapup_screen import FindingEditor, FindingRow, WrapupScreen, meeting_line
from debrief.template import load_template
from tests.conftest import TODAY
from tests.meeting.test_facilitator import digits, shows, start
from tests.screens.helpers import make_app, wait_until

BLAMING = "Dave should have checked the config."
AGENDA = [("impact", "Impact", 5), ("trigger", "Trigger", 5), ("actions", "Action items", 10)]


def test_the_wrap_up_counts_the_section_running_now_as_the_export_does(fake_clock):
    clock = AgendaClock(ClockState(record=new_record("PM-1", AGENDA)), fake_clock)
    clock.start("impact")
    fake_clock.advance(390)  # 90 s over
    clock.enter("trigger")
    fake_clock.advance(320)  # running, 20 s over, not yet closed
    now = meeting_time(clock.snapshot().record)
    assert now.spent_s == clock.total() == 710
    assert now.overruns == [("Impact", 90), ("Trigger", 20)]
    line = meeting_line(clock.snapshot().record)
    assert line is not None
    assert line.plain == "Meeting  11:50 of 20:00 planned · Impact +01:30 · Trigger +00:20"
    clock.finish()  # finishing at the same instant: the appendix says the same
    appendix = meeting_appendix(clock.record)
    assert meeting_time(clock.record) == now
    assert (
        "- **Time:** 11:50 of 20:00 planned; over time in 2 sections: "
        "Impact +01:30, Trigger +00:20" in appendix
    )


def test_no_meeting_time_before_the_meeting_and_nothing_raises_on_an_empty_agenda(fake_clock):
    clock = AgendaClock(ClockState(record=new_record("PM-1", [])), fake_clock)
    assert meeting_line(clock.snapshot().record) is None
    clock.start()
    fake_clock.advance(10)
    clock.finish()
    assert meeting_time(clock.record).spent_s == 0 and clock.phase is Phase.finished
    zero = AgendaClock(ClockState(record=new_record("PM-1", [("a", "A", 0)])), fake_clock)
    zero.start()
    fake_clock.advance(5)
    assert meeting_time(zero.snapshot().record).overruns == [("A", 5)]


def test_sentences_are_the_candidates_a_finding_is_chosen_from():
    body = f"{BLAMING} The pool was lowered to 10.\n\nContributing factors:\n\n- v4.18. Also X."
    assert sentences(body) == [
        BLAMING,
        "The pool was lowered to 10.",
        "Contributing factors: v4.18.",
        "Also X.",
    ]
    assert sentences("") == []


def test_a_sentence_the_coach_flags_is_never_the_default_finding(meeting_store, meeting_pm):
    doc = meeting_store.document(meeting_pm)
    trigger = next(s for s in doc.sections if s.key == "trigger")
    trigger.body = f"{BLAMING} The pool was lowered to 10 in v4.18.0."
    impact = next(s for s in doc.sections if s.key == "impact")
    impact.body = "Ana Souza should have known. Obviously the on-call engineer was careless."
    summary = wrap_up(doc, load_template(), TODAY)
    found = {f.key: f for f in summary.findings}
    assert found["trigger"].text == "The pool was lowered to 10 in v4.18.0."
    assert found["trigger"].flagged == [BLAMING]
    assert found["trigger"].candidates[0] == BLAMING
    assert found["impact"].text == ""  # every sentence flagged: none is read out by default
    chosen = wrap_up(doc, load_template(), TODAY, chosen={"trigger": "Mine.", "impact": ""})
    found = {f.key: f for f in chosen.findings}
    assert found["trigger"].text == "Mine." and found["impact"].text == ""


def test_the_findings_read_out_are_in_the_appendix(fake_clock):
    record = new_record("PM-1", AGENDA)
    clock = AgendaClock(ClockState(record=record), fake_clock)
    clock.start()
    fake_clock.advance(60)
    clock.finish()
    record.findings = {"trigger": "The pool | was lowered.", "impact": ""}
    text = meeting_appendix(record)
    assert "- **Key findings read out:**\n  - **Trigger:** The pool \\| was lowered." in text
    assert "**Impact:**" not in text


async def test_the_wrap_up_shows_the_clocks_time_and_the_running_overrun(
    meeting_store, meeting_pm, fake_clock
):
    app = make_app(meeting_store, meeting_pm)
    async with app.run_test(size=(120, 36)) as pilot:
        await start(pilot)
        fake_clock.advance(50)
        await wait_until(pilot, lambda: digits(app) == "04:10")
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapupScreen))
        await wait_until(pilot, lambda: shows(app, "Meeting 00:50 of 60:00 planned"))
        fake_clock.advance(300)  # the read-out runs over the first section's five minutes
        await wait_until(pilot, lambda: shows(app, "Meeting 05:50 of 60:00 planned"))
        assert shows(app, "Impact and scope +00:50")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await pilot.press("ctrl+f")  # wrap up again, after it finished: nothing moves
        await wait_until(pilot, lambda: isinstance(app.screen, WrapupScreen))
        fake_clock.advance(60)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
    [record] = meeting_store.meetings(meeting_pm)
    assert record.spent_s == 350 and record.ended_at is not None
    appendix = meeting_appendix(record)
    assert "05:50 of 60:00 planned; over time in 1 section: Impact and scope +00:50" in appendix


async def test_the_facilitator_picks_and_edits_findings_and_the_export_has_them(
    meeting_store, meeting_pm, fake_clock, cli
):
    section = next(s for s in meeting_store.sections(meeting_pm) if s.key == "trigger")
    meeting_store.save_section(
        meeting_pm, "trigger", f"{BLAMING} The pool was lowered to 10.", base_rev=section.rev
    )
    app = make_app(meeting_store, meeting_pm)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        fake_clock.advance(30)
        await pilot.press("ctrl+f")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapupScreen))
        rows = {r.finding.key: r for r in app.screen.query(FindingRow)}
        row = rows["trigger"]
        assert row.text == "The pool was lowered to 10."
        row.focus()
        await pilot.press("n")  # the next candidate wraps round to the flagged one
        await pilot.pause()
        assert row.text == BLAMING and shows(app, "the coach flags this sentence")
        await pilot.press("n", "e")
        await wait_until(pilot, lambda: bool(app.screen.query(FindingEditor)))
        await pilot.press("end", *" Nobody knew it mattered.", "enter")
        await wait_until(pilot, lambda: not app.screen.query(FindingEditor))
        assert row.text == "The pool was lowered to 10. Nobody knew it mattered."
        [saved] = meeting_store.meetings(meeting_pm)  # kept at once, for the presenter too
        assert saved.findings["trigger"] == row.text
        rows["impact"].focus()
        await pilot.press("x", "e")
        await pilot.press("escape")  # drops the edit, not the wrap-up
        await pilot.pause()
        assert isinstance(app.screen, WrapupScreen) and rows["impact"].text == ""
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
    exported = cli("export", meeting_pm, "--format", "md").stdout
    read_out = exported.split("Key findings read out", 1)[1]
    assert "**Trigger:** The pool was lowered to 10. Nobody knew it mattered." in read_out
    assert BLAMING not in read_out and "**Impact and scope:**" not in read_out


async def test_odd_states_never_raise(meeting_store, cli, fake_clock):
    """Nothing written, no participants, no meeting; wrap-up twice; started then wrapped."""
    pm_id = cli("new", "Quiet incident").stdout.strip()
    app = make_app(meeting_store, pm_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await pilot.press("ctrl+f")  # no meeting started, nothing written
        await wait_until(pilot, lambda: isinstance(app.screen, WrapupScreen))
        assert shows(app, "Nothing written yet") and not shows(app, "Meeting 00:00")
        await pilot.press("ctrl+f", "ctrl+s")  # twice, then finish
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await pilot.press("ctrl+s", "escape", "ctrl+f12", "escape")  # the round, nobody in it
        await pilot.press("f5", "ctrl+f", "enter")  # the opening card holds ctrl+f
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await pilot.press("ctrl+f")  # at once: no time spent
        await wait_until(pilot, lambda: isinstance(app.screen, WrapupScreen))
        await wait_until(pilot, lambda: shows(app, "Meeting 00:00 of 60:00 planned"))
        await pilot.press("escape", "ctrl+f")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapupScreen))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await pilot.press("f5", "ctrl+f", "escape")  # finished: F5 only tells so
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
    [*_, record] = meeting_store.meetings(pm_id)
    assert record.started_at is not None and record.ended_at is not None
