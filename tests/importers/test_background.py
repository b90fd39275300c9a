"""Large imports read in child processes: the same events, report and errors as reading here."""

from __future__ import annotations

import os
import signal
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from debrief.event_rows import stamp
from debrief.importers import (
    Format,
    ImportFailed,
    ImportOptions,
    ImportReport,
    background,
    import_file,
)
from debrief.importers.slack_message import _stamp, instant
from debrief.store import DatabaseLocked, Store
from tests.importers import slack_export as fx


@pytest.fixture
def in_children(monkeypatch):
    """Every input counts as large: reading goes to child processes."""
    monkeypatch.setattr(background, "PARALLEL_FROM_BYTES", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


def _imported(store, pm_id):
    return sorted(
        (e.at, e.text, e.source, e.author, e.link, e.source_id, e.is_reply, e.edited)
        for e in store.events(pm_id)
    )


def _children_of_this_process() -> list[int]:
    me = str(os.getpid())
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[1] == me and fields[0] != "Z":
                found.append(int(entry))
    return found


def test_children_import_what_this_process_would(store, template, tmp_path, monkeypatch):
    export = fx.write_folder(tmp_path)
    here = store.create_postmortem("Read here", template)
    there = store.create_postmortem("Read by children", template)
    report_here, report_there = ImportReport(), ImportReport()
    counts_here = import_file(store, here.id, export, Format.slack, ImportOptions(), report_here)
    monkeypatch.setattr(background, "PARALLEL_FROM_BYTES", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    seen: list[tuple[int, int]] = []
    counts_there = import_file(
        store,
        there.id,
        export,
        Format.slack,
        ImportOptions(),
        report_there,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert counts_there.added == counts_here.added == fx.EXPECTED_EVENTS
    assert _imported(store, there.id) == _imported(store, here.id)
    assert report_there.skipped == report_here.skipped
    assert (report_there.read, report_there.events) == (report_here.read, report_here.events)
    assert report_there.channels == report_here.channels
    assert seen and seen[-1][0] == seen[-1][1] > 0  # the bar ends full


def test_a_bot_named_in_one_share_is_named_in_the_other(store, template, tmp_path, in_children):
    """Day files alternate between the two readers, oldest first: the bot_add naming
    B1 is in the first, this message of B1 in the fourth (the second reader's)."""
    later = {
        "type": "message",
        "subtype": "bot_message",
        "bot_id": "B1",
        "text": "Incident reopened",
        "ts": fx.ts("2026-11-22T09:00:00"),
    }
    export = fx.write_folder(tmp_path, {"ops/2026-11-22.json": [later]})
    pm = store.create_postmortem("Checkout outage", template)
    import_file(store, pm.id, export, Format.slack, ImportOptions(), ImportReport())
    (reopened,) = [e for e in store.events(pm.id) if e.text == "Incident reopened"]
    assert reopened.author == "pagerduty"


def test_a_bot_named_after_its_first_message_is_named_on_it_too(store, template, tmp_path):
    early = {
        "type": "message",
        "subtype": "bot_message",
        "bot_id": "B9",
        "text": "Deploy 88 started",
        "ts": fx.ts("2026-11-20T01:00:00"),
    }
    named = {
        "type": "message",
        "subtype": "bot_add",
        "user": "U1",
        "bot_id": "B9",
        "text": "added an integration to this channel: <https://x.slack.com/services/B9|shipit>",
        "ts": fx.ts("2026-11-20T01:30:00"),
    }
    export = fx.write_folder(tmp_path, {"ops/2026-11-19.json": [early, named]})
    pm = store.create_postmortem("Checkout outage", template)
    import_file(store, pm.id, export, Format.slack, ImportOptions(), ImportReport())
    (deploy,) = [e for e in store.events(pm.id) if e.text == "Deploy 88 started"]
    assert deploy.author == "shipit"


def test_nothing_readable_fails_in_one_sentence_and_stores_nothing(
    store, template, tmp_path, in_children
):
    pm = store.create_postmortem("Checkout outage", template)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.json").write_text("[]")
    with pytest.raises(ImportFailed, match="holds no Slack day files"):
        import_file(store, pm.id, tmp_path / "notes", Format.slack, ImportOptions(), ImportReport())
    assert store.event_count(pm.id) == 0
    assert _children_of_this_process() == []


def test_bad_day_files_are_reported_by_name_and_line(store, template, tmp_path, in_children):
    export = fx.write_folder(tmp_path, {"inc-42/2026-11-21.json": '[\n  {"ts": "1"},\n  oops\n]'})
    pm = store.create_postmortem("Checkout outage", template)
    report = ImportReport()
    counts = import_file(store, pm.id, export, Format.slack, ImportOptions(), report)
    assert counts.added == fx.EXPECTED_EVENTS
    assert [str(p) for p in report.problems] == [
        "inc-42/2026-11-21.json: line 3: not JSON (Expecting value)"
    ]


def test_a_locked_database_stops_the_readers_and_keeps_what_was_there(
    store, template, tmp_path, in_children
):
    export = fx.write_folder(tmp_path)
    pm = store.create_postmortem("Checkout outage", template)
    other = Store(store.location, author="ben", busy_timeout=0.1)
    try:
        with other.write():  # holds the write lock until the block ends
            locked = Store(store.location, author="ana", busy_timeout=0.1)
            with pytest.raises(DatabaseLocked):
                import_file(locked, pm.id, export, Format.slack, ImportOptions(), ImportReport())
            locked.close()
    finally:
        other.close()
    assert store.event_count(pm.id) == 0
    assert _children_of_this_process() == []


def test_a_reader_killed_midway_fails_the_import_and_stores_nothing(
    store, template, tmp_path, in_children, monkeypatch
):
    export = fx.write_folder(tmp_path)
    pm = store.create_postmortem("Checkout outage", template)
    started = background._Reader.start

    def start_then_die(reader, request):
        started(reader, request)
        if reader.index == 1:
            os.kill(reader.child.pid, signal.SIGKILL)

    monkeypatch.setattr(background._Reader, "start", start_then_die)
    with pytest.raises(ImportFailed, match="stopped unexpectedly; nothing was stored"):
        import_file(store, pm.id, export, Format.slack, ImportOptions(), ImportReport())
    assert store.event_count(pm.id) == 0


@given(st.integers(0, 4_102_444_800), st.integers(0, 999_999))
def test_the_stored_time_of_a_slack_ts_is_exact(seconds, micros):
    ts = f"{seconds}.{micros:06d}"
    assert _stamp(ts) == stamp(instant(ts))


def test_unusual_ts_values_are_formatted_from_the_instant():
    for ts in ("12.5", "1e9", " 1459154014.000018", "+459154014.000018"):
        assert _stamp(ts) == ""
    assert stamp(instant("1459154014.000018")) == "2016-03-28T08:33:34.000018Z"
    assert instant(1459154014.5) == datetime(2016, 3, 28, 8, 33, 34, 500000, tzinfo=UTC)
