"""The Slack importer keeps what people saw in Slack, each message at its true instant."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from debrief.importers import Format, ImportFailed, ImportOptions, ImportReport, read_events
from debrief.models import TimelineEvent
from tests.importers import slack_export as fx


def read(path: Path, **options: object) -> tuple[list[TimelineEvent], ImportReport]:
    report = ImportReport()
    events = list(read_events(path, Format.slack, ImportOptions(**options), report))  # type: ignore[arg-type]
    return events, report


def by_text(events: list[TimelineEvent], start: str) -> TimelineEvent:
    return next(e for e in events if e.text.startswith(start))


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return fx.write_folder(tmp_path)


def test_every_message_but_noise_is_imported_and_noise_is_counted(export):
    events, report = read(export)
    assert len(events) == fx.EXPECTED_EVENTS == report.events
    assert dict(report.skipped) == fx.EXPECTED_SKIPS
    assert report.problems == []
    assert report.channels == ["#general", "#inc-42"]


def test_the_instant_comes_from_ts_not_from_the_day_files_name(export):
    events, _ = read(export)
    first = by_text(events, "Checkout errors")
    # In inc-42/2026-11-19.json (a Pacific date), at 02:30 UTC on the 20th; the
    # fraction of ts (a sequence number) is kept as microseconds, so order is kept.
    assert first.at == datetime(2026, 11, 20, 2, 30, 0, 1, tzinfo=UTC)
    assert first.source_id == f"slack:C1:{fx.ts('2026-11-20T02:30:00')}"


def test_sub_second_order_of_ts_is_kept(tmp_path):
    day = [
        {"type": "message", "user": "U1", "text": "b", "ts": "1763606400.000002"},
        {"type": "message", "user": "U1", "text": "a", "ts": "1763606400.000001"},
    ]
    events, _ = read(fx.write_folder(tmp_path, {"inc-42/2026-11-19.json": day}))
    a, b = by_text(events, "a"), by_text(events, "b")
    assert a.at.microsecond == 1 and b.at.microsecond == 2


def test_mentions_channels_broadcasts_and_escapes(export):
    events, _ = read(export)
    event = by_text(events, "Checkout errors")
    assert event.text == "Checkout errors > 5% & rising, @Bo Chen @here see #general and #general"
    assert event.author == "ana"  # the display name, as Slack shows it


def test_a_links_label_is_shown_and_its_url_kept_as_the_link(export):
    events, _ = read(export)
    event = by_text(events, "Graph")
    assert event.link == "https://grafana.example.com/d/1?a=1&b=2"
    assert event.text == "Graph: error rate and runbook (https://ops.example.com/runbook)"


def test_thread_replies_are_events_of_their_own_marked_as_replies(export):
    events, _ = read(export)
    root, reply = by_text(events, "Rolling back"), by_text(events, "Rollback done")
    assert not root.is_reply and reply.is_reply
    assert reply.author == "Bo Chen"  # no display name: the real name


def test_an_edited_message_keeps_its_final_text_and_is_marked(export):
    events, _ = read(export)
    edited = by_text(events, "Error rate back")
    assert edited.edited and edited.text == "Error rate back to normal (final wording)"
    assert not by_text(events, "Rolling back").edited


def test_bots_keep_their_names_and_empty_text_comes_from_attachments(export):
    events, _ = read(export)
    resolved = by_text(events, "Incident resolved")
    assert resolved.author == "pagerduty"  # learned from the bot_add message
    assert resolved.text == "Incident resolved\n#42 checkout errors"
    assert resolved.link == "https://acme.pagerduty.com/incidents/P1"
    assert by_text(events, "deploy 1235").author == "Deploy Bot"  # a bot user in users.json
    fallback = by_text(events, "Alert OK")
    assert fallback.author == "grafana"


def test_files_become_evidence_links(export):
    events, _ = read(export)
    shot = by_text(events, "the screenshot")
    assert shot.link == "https://x.slack.com/files/U1/F1/error_rate.png"


def test_markup_and_escape_sequences_are_kept_as_text(export):
    events, _ = read(export)
    event = by_text(events, "literal")
    assert event.text == "literal [bold red]x[/bold red] and \x1b[31mred\x1b[0m"


def test_unknown_users_fall_back_to_the_messages_profile(export):
    events, _ = read(export)
    assert by_text(events, "someone not").author == "Cy Guest"
    assert by_text(events, "someone not").source == "slack #general"


def test_only_messages_inside_the_window_are_imported(export):
    since = datetime(2026, 11, 20, 2, 40, tzinfo=UTC)
    until = datetime(2026, 11, 20, 3, 5, 1, tzinfo=UTC)
    events, report = read(export, since=since, until=until)
    assert [e.text.split()[0] for e in sorted(events, key=lambda e: e.at)] == [
        "Rolling",
        "Rollback",
        "Error",
        "Incident",
    ]
    assert report.skipped["outside the time window"] == fx.EXPECTED_EVENTS - 4


def test_a_window_far_from_a_day_file_skips_reading_it(export):
    since = datetime(2026, 11, 25, tzinfo=UTC)
    events, report = read(export, since=since)
    assert events == [] and report.read == 0
    assert any("outside the window" in note for note in report.notes)


def test_channels_are_chosen_by_name_with_or_without_hash_or_by_id(export):
    for asked in ("general", "#general", "C2"):
        events, report = read(export, channels=(asked,))
        assert [e.source for e in events] == ["slack #general"]
        assert report.channels == ["#general"]


def test_an_unknown_channel_is_refused_naming_the_ones_there(export):
    with pytest.raises(ImportFailed, match=r"no channel 'nope'; it has #general, #inc-42"):
        read(export, channels=("nope",))


def test_a_zip_reads_like_the_folder_even_inside_a_top_folder(tmp_path, export):
    folder_events, _ = read(export)
    for prefix in ("", "acme Slack export Nov 20 2026/"):
        zipped = fx.write_zip(tmp_path / f"export{len(prefix)}.zip", prefix=prefix)
        zip_events, report = read(zipped)
        assert zip_events == folder_events and report.problems == []


def test_a_channel_folder_missing_from_channels_json_still_imports(tmp_path):
    day = [{"type": "message", "user": "U1", "text": "hello", "ts": fx.ts("2026-11-20T10:00:00")}]
    events, report = read(fx.write_folder(tmp_path, {"war-room/2026-11-20.json": day}))
    assert by_text(events, "hello").source == "slack #war-room"
    assert any("war-room" in note for note in report.notes)
