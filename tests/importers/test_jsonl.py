"""JSON lines timelines: one object per line."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from debrief.importers import Format, ImportFailed, ImportOptions, ImportReport, read_events
from debrief.models import Milestone, TimelineEvent


def read(path: Path, **options: object) -> tuple[list[TimelineEvent], ImportReport]:
    report = ImportReport()
    events = list(read_events(path, Format.jsonl, ImportOptions(**options), report))  # type: ignore[arg-type]
    return events, report


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_each_line_is_an_event_with_loosely_named_keys(tmp_path):
    path = write(
        tmp_path,
        [
            json.dumps(
                {
                    "time": "2026-11-20T14:03:00Z",
                    "message": "Alert",
                    "who": "ana",
                    "milestone": "detected",
                    "url": "https://g.example",
                    "source": "pagerduty",
                }
            ),
            json.dumps({"ts": 1795183500, "text": "Paged bo", "reply": True, "edited": "yes"}),
        ],
    )
    (alert, paged), report = read(path)
    assert (alert.text, alert.author, alert.milestone, alert.link, alert.source) == (
        "Alert",
        "ana",
        Milestone.detected,
        "https://g.example",
        "pagerduty",
    )
    assert paged.at == datetime(2026, 11, 20, 14, 5, tzinfo=UTC)
    assert paged.source == "events.jsonl" and paged.is_reply and paged.edited
    assert report.problems == []


def test_bad_lines_name_their_line_and_the_rest_imports(tmp_path):
    path = write(
        tmp_path,
        [
            '{"at": "2026-11-20T14:03:00Z", "text": "ok"}',
            "{not json",
            "[1, 2]",
            "",
            '{"text": "no time"}',
            '{"at": "whenever", "text": "bad time"}',
        ],
    )
    events, report = read(path)
    assert [e.text for e in events] == ["ok"]
    assert [str(p) for p in report.problems] == [
        "events.jsonl line 2: not JSON (Expecting property name enclosed in double quotes); skipped",
        "events.jsonl line 3: not a JSON object; skipped",
        "events.jsonl line 5: no time; skipped",
        "events.jsonl line 6: 'whenever' is not a time; skipped",
    ]


def test_markup_in_text_is_kept_as_written(tmp_path):
    line = json.dumps({"at": "2026-11-20T14:03:00Z", "text": "[bold red]x[/bold red] \x1b[31m"})
    (event,), _ = read(write(tmp_path, [line]))
    assert event.text == "[bold red]x[/bold red] \x1b[31m"


def test_an_empty_file_is_refused(tmp_path):
    with pytest.raises(ImportFailed, match="is empty"):
        read(write(tmp_path, [""]))
