"""The wrap-up summary, the meeting record in the store, and its appendix in the export."""

from __future__ import annotations

from datetime import date, timedelta

from debrief.meeting import AgendaClock, ClockState, Phase, Presence, new_record, toggle_speaker
from debrief.meeting_summary import key_finding, meeting_appendix, wrap_up
from debrief.models import ActionItem, Status
from debrief.template import load_template
from tests.conftest import TODAY


def test_a_key_finding_is_the_first_sentence_or_the_first_point_after_a_colon():
    assert (
        key_finding("For 60 minutes it failed. Then more.\n\nOther") == "For 60 minutes it failed."
    )
    assert key_finding("Contributing factors:\n\n- v4.18.0 lowered the pool. Also X.") == (
        "Contributing factors: v4.18.0 lowered the pool."
    )
    assert key_finding("# Heading only") == "Heading only"
    assert key_finding("  \n ") == ""
    assert key_finding("x" * 500).endswith("…")


def test_the_wrap_up_has_every_action_with_its_owner_and_flags_the_missing(
    meeting_store, meeting_pm
):
    doc = meeting_store.document(meeting_pm)
    doc.actions.append(ActionItem(title="Decide who owns the runbook"))  # e.g. imported
    summary = wrap_up(doc, load_template(), TODAY)
    assert [a.title for a in summary.actions] == [a.title for a in doc.owned_actions]
    assert len(summary.actions) == 6 and all(a.title for a in summary.actions)
    assert [a.title for a in summary.unowned] == ["Decide who owns the runbook"]
    assert [a.title for a in summary.aspirational] == [a.title for a in doc.aspirational_actions]
    assert summary.follow_up == TODAY + timedelta(weeks=2)
    titles = [f.title for f in summary.findings]
    assert titles[:3] == ["Impact and scope", "Resolution", "Timeline"]
    assert "Action items" not in titles
    assert summary.findings[0].text.startswith("For 60 minutes")


def test_meeting_records_are_saved_updated_and_listed(meeting_store, meeting_pm, fake_clock):
    clock = AgendaClock(
        ClockState(record=new_record(meeting_pm, [("impact", "Impact", 5)])), fake_clock
    )
    clock.start("impact")
    first = meeting_store.save_meeting(clock.record)
    assert first.id is not None
    assert meeting_store.unfinished_meeting(meeting_pm) == first
    fake_clock.advance(400)
    clock.finish()
    toggle_speaker(clock.record, "impact", "Ana Souza")
    clock.record.id = first.id
    meeting_store.save_meeting(clock.record)
    [saved] = meeting_store.meetings(meeting_pm)
    assert saved.id == first.id and saved.ended_at == fake_clock.now
    assert saved.sections[0].spent_s == 400 and saved.sections[0].spoke == ["Ana Souza"]
    assert meeting_store.unfinished_meeting(meeting_pm) is None


def test_finishing_the_debrief_sets_status_and_follow_up_but_never_unpublishes(
    meeting_store, meeting_pm
):
    pm = meeting_store.finish_debrief(meeting_pm, date(2026, 12, 6))
    assert (pm.status, pm.follow_up) == (Status.debriefed, date(2026, 12, 6))
    meeting_store.set_status(meeting_pm, Status.published)
    pm = meeting_store.finish_debrief(meeting_pm, date(2026, 12, 20))
    assert (pm.status, pm.follow_up) == (Status.published, date(2026, 12, 20))


def test_the_view_goes_through_the_store_to_another_connection(meeting_store, meeting_pm, db_path):
    from debrief.store import Store

    other = Store(db_path, author="presenter")
    try:
        assert other.meeting_view(meeting_pm) is None
        seen = other.data_version()
        meeting_store.set_meeting_view(meeting_pm, Presence(section="trigger", owner="a"))
        assert other.data_version() != seen
        view = other.meeting_view(meeting_pm)
        assert view is not None and view.section == "trigger" and view.timer is None
        assert meeting_store.asked_questions(meeting_pm, "trigger") == []  # coach keys untouched
    finally:
        other.close()


def test_the_appendix_tells_time_overruns_speakers_and_questions(fake_clock):
    record = new_record(
        "PM-1", [("impact", "Impact | scope", 5), ("trigger", "Trigger", 5), ("x", "Unused", 3)]
    )
    clock = AgendaClock(ClockState(record=record), fake_clock)
    clock.start("impact")
    fake_clock.advance(390)
    clock.enter("trigger")
    fake_clock.advance(120)
    clock.finish()
    toggle_speaker(record, "impact", "Ana")
    toggle_speaker(record, "trigger", "Ana")
    toggle_speaker(record, "trigger", "Ben")
    record.sections[0].questions.append("Who noticed first?")
    record.sections[0].redirects = 2
    text = meeting_appendix(record, people=["Ana", "Ben", "Dev"])
    assert text.startswith("## Appendix: the debrief meeting")
    assert "- **Held:** 2026-11-22 09:30 UTC – 09:38 UTC" in text
    assert "- **Time:** 08:30 of 13:00 planned; over time in 1 section" in text
    assert "**Redirects shown:** 2 · **Questions asked:** 1" in text
    assert "Ana (2), Ben (1)" in text and "- **Not heard from:** Dev" in text
    assert "| Impact \\| scope | 05:00 | 06:30 | **+01:30** | 1 | Ana |" in text
    assert "Unused" not in text
    assert clock.phase is Phase.finished


def test_the_markdown_export_ends_with_the_meeting_record(
    cli, meeting_store, meeting_pm, fake_clock
):
    record = new_record(meeting_pm, [("impact", "Impact and scope", 5)])
    clock = AgendaClock(ClockState(record=record), fake_clock)
    clock.start("impact")
    fake_clock.advance(200)
    toggle_speaker(record, "impact", "Chloe Martin")
    clock.finish()
    meeting_store.save_meeting(record)
    result = cli("export", meeting_pm, "--format", "md")
    assert result.exit_code == 0
    appendix = result.stdout.split("## Appendix: the debrief meeting", 1)[1]
    assert "| Impact and scope | 05:00 | 03:20 | — | 0 | Chloe Martin |" in appendix
    assert "Not heard from:** Priya Raman, Marcus Lee, Ana Souza, Ben Okafor, Dev Patel" in appendix
    html = cli("export", meeting_pm, "--format", "html").stdout
    assert "Appendix: the debrief meeting" in html


def test_a_post_mortem_never_debriefed_has_no_appendix(cli, meeting_store, meeting_pm):
    assert "Appendix: the debrief meeting" not in cli("export", meeting_pm).stdout


def test_present_with_an_unknown_id_is_one_sentence_and_exit_1(cli):
    result = cli("present", "PM-404")
    assert result.exit_code == 1
    assert result.stderr.startswith("debrief: there is no post-mortem with id 'PM-404'")
    assert "Traceback" not in result.stderr
