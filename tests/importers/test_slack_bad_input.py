"""Bad Slack input: one clear message naming the file and line; the rest still imports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from debrief.importers import Format, ImportFailed, ImportOptions, ImportReport, read_events
from tests.importers import slack_export as fx


def read(path: Path) -> tuple[list[object], ImportReport]:
    report = ImportReport()
    return list(read_events(path, Format.slack, ImportOptions(), report)), report


def test_a_corrupt_zip_is_refused_in_one_sentence(tmp_path):
    broken = tmp_path / "export.zip"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(ImportFailed, match=r"export.zip is not a readable zip file"):
        read(broken)


def test_a_truncated_zip_member_is_skipped_and_the_rest_imports(tmp_path):
    path = fx.write_zip(tmp_path / "export.zip")
    data = bytearray(path.read_bytes())
    start = data.find(b"inc-42/2026-11-20.json") + len("inc-42/2026-11-20.json")
    data[start + 20 : start + 60] = b"\x00" * 40  # damage that member's compressed bytes
    path.write_bytes(bytes(data))
    events, report = read(path)
    assert len(events) == fx.EXPECTED_EVENTS - 2
    assert [p.where for p in report.problems] == ["inc-42/2026-11-20.json"]
    assert report.skipped["unreadable files"] == 1


def test_a_day_file_that_is_not_json_names_its_line(tmp_path):
    raw = '[\n    {"type": "message", "text": "ok", "ts": "1.0"},\n    {"type": oops}\n]'
    events, report = read(fx.write_folder(tmp_path, {"general/2026-11-20.json": raw}))
    (problem,) = report.problems
    assert str(problem).startswith("general/2026-11-20.json: line 3: not JSON")
    assert len(events) == fx.EXPECTED_EVENTS - 1  # the other files all imported
    assert report.skipped["unreadable files"] == 1


def test_a_message_without_ts_is_skipped_naming_file_and_line(tmp_path):
    day = [
        {"type": "message", "user": "U1", "text": "kept", "ts": fx.ts("2026-11-20T18:00:00")},
        {"type": "message", "user": "U1", "text": "no time"},
        {"type": "message", "user": "U1", "text": "bad time", "ts": "yesterday"},
    ]
    events, report = read(fx.write_folder(tmp_path, {"general/2026-11-20.json": day}))
    text = json.dumps(day, indent=4).splitlines()
    lines = [i + 1 for i, line in enumerate(text) if line == "    {"]
    assert [str(p) for p in report.problems] == [
        f"general/2026-11-20.json line {lines[1]}: a message without a ts; skipped",
        f"general/2026-11-20.json line {lines[2]}: its ts 'yesterday' is not a Slack timestamp; skipped",
    ]
    assert report.skipped["entries without a usable time"] == 2
    assert any(getattr(e, "text", "") == "kept" for e in events)


def test_a_malformed_message_is_skipped_and_its_neighbours_kept(tmp_path):
    day = [
        "not an object",
        {"type": "message", "user": ["U1"], "text": "odd user", "ts": fx.ts("2026-11-20T18:00:00")},
        {"type": "message", "user": "U1", "text": "fine", "ts": fx.ts("2026-11-20T18:01:00")},
    ]
    events, report = read(fx.write_folder(tmp_path, {"general/2026-11-20.json": day}))
    assert len(report.problems) == 2
    assert [
        getattr(e, "text", "") for e in events if getattr(e, "source", "") == "slack #general"
    ] == ["fine"]


def test_a_day_file_that_is_not_a_list_is_reported(tmp_path):
    _, report = read(fx.write_folder(tmp_path, {"general/2026-11-20.json": {"ts": "1"}}))
    assert str(report.problems[0]) == (
        "general/2026-11-20.json: line 1: expected a JSON list of messages"
    )


def test_a_broken_users_json_leaves_ids_and_imports_the_rest(tmp_path):
    events, report = read(fx.write_folder(tmp_path, {"users.json": "[{"}))
    assert str(report.problems[0]).startswith("users.json: line 1: not JSON")
    assert len(events) == fx.EXPECTED_EVENTS
    assert any(getattr(e, "author", "") == "U1" for e in events)


def test_a_folder_with_no_day_files_is_not_an_export(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ImportFailed, match="holds no Slack day files"):
        read(tmp_path / "empty")


def test_a_missing_path_is_named(tmp_path):
    with pytest.raises(ImportFailed, match="does not exist"):
        read(tmp_path / "nope.zip")


def test_nothing_usable_is_told_apart_from_noise_only(tmp_path):
    only_bad = {
        "inc-42/2026-11-19.json": "{",
        "inc-42/2026-11-20.json": "[",
        "general/2026-11-20.json": "x",
    }
    _, report = read(fx.write_folder(tmp_path, only_bad))
    assert not report.usable()
    noise = [{"type": "message", "subtype": "channel_join", "user": "U1", "ts": "1.0"}]
    _, report = read(fx.write_folder(tmp_path / "n", {k: noise for k in only_bad}))
    assert report.usable() and report.events == 0
