"""CSV timelines: header detection, dialects, zones, and bad rows."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from debrief.dates import zone
from debrief.importers import Format, ImportFailed, ImportOptions, ImportReport, read_events
from debrief.models import Milestone, TimelineEvent


def read(path: Path, **options: object) -> tuple[list[TimelineEvent], ImportReport]:
    report = ImportReport()
    events = list(read_events(path, Format.csv, ImportOptions(**options), report))  # type: ignore[arg-type]
    return events, report


def write(tmp_path: Path, text: str, name: str = "timeline.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_header_names_the_columns_in_any_order(tmp_path):
    path = write(
        tmp_path,
        "Who,When,What,Milestone,URL,Source\n"
        "ana,2026-11-20T14:03:00Z,Alert fired,detected,https://g.example/1,pagerduty\n"
        'bo,2026-11-20T14:10:00Z,"Rolled back, finally",mitigated,,\n',
    )
    events, report = read(path)
    assert [(e.author, e.text, e.milestone, e.source, e.link) for e in events] == [
        ("ana", "Alert fired", Milestone.detected, "pagerduty", "https://g.example/1"),
        ("bo", "Rolled back, finally", Milestone.mitigated, "timeline.csv", ""),
    ]
    assert events[0].at == datetime(2026, 11, 20, 14, 3, tzinfo=UTC)
    assert report.problems == []


def test_without_a_header_columns_are_time_text_source_author(tmp_path):
    path = write(tmp_path, "2026-11-20 14:03;Alert fired;log;ana\n2026-11-20 14:05;Paged;;\n")
    events, _ = read(path)
    assert [(e.text, e.source, e.author) for e in events] == [
        ("Alert fired", "log", "ana"),
        ("Paged", "timeline.csv", ""),
    ]


def test_naive_times_are_read_in_the_zone_given(tmp_path):
    path = write(tmp_path, "time,text\n2026-11-20 09:03,Alert fired\n2026-11-20T09:04:00+00:00,x\n")
    events, _ = read(path, zone=zone("America/New_York"))
    assert events[0].at == datetime(2026, 11, 20, 14, 3, tzinfo=UTC)
    assert events[1].at == datetime(2026, 11, 20, 9, 4, tzinfo=UTC)  # an offset wins


def test_epoch_seconds_are_understood(tmp_path):
    events, _ = read(write(tmp_path, "timestamp,message\n1795183380,Alert fired\n"))
    assert events[0].at == datetime(2026, 11, 20, 14, 3, tzinfo=UTC)


def test_an_unparseable_time_names_the_file_and_line_and_the_rest_imports(tmp_path):
    path = write(
        tmp_path,
        'time,text\n2026-11-20T14:03:00Z,ok\nsoon-ish,bad\n\n2026-11-20T14:09:00Z,"two\nlines"\n2026-11-20T14:10:00Z,\n',
    )
    events, report = read(path)
    assert [e.text for e in events] == ["ok", "two\nlines"]
    assert [str(p) for p in report.problems] == [
        "timeline.csv line 3: 'soon-ish' is not a time; skipped",
        "timeline.csv line 7: no text; skipped",
    ]
    assert report.skipped == {"entries without a usable time": 1, "entries without text": 1}


def test_an_unknown_milestone_is_reported_and_the_event_kept(tmp_path):
    events, report = read(write(tmp_path, "time,text,milestone\n2026-11-20T14:03:00Z,x,fixed\n"))
    assert events[0].milestone is None
    assert "milestone 'fixed' is not one of" in str(report.problems[0])
    assert report.skipped_total == 0


def test_a_header_without_time_or_text_is_refused(tmp_path):
    with pytest.raises(ImportFailed, match="line 1: the header needs a time column"):
        read(write(tmp_path, "author,source\nana,log\n"))


def test_an_empty_file_and_a_non_utf8_file_are_refused(tmp_path):
    with pytest.raises(ImportFailed, match="is empty"):
        read(write(tmp_path, ""))
    latin = tmp_path / "latin.csv"
    latin.write_bytes("time,text\n2026-11-20,caf\xe9\n".encode("latin-1"))
    with pytest.raises(ImportFailed, match="is not UTF-8 text"):
        read(latin)


def test_the_window_applies(tmp_path):
    path = write(tmp_path, "time,text\n2026-11-20T14:03:00Z,a\n2026-11-21T14:03:00Z,b\n")
    events, report = read(path, until=datetime(2026, 11, 21, tzinfo=UTC))
    assert [e.text for e in events] == ["a"] and report.skipped["outside the time window"] == 1


def test_source_ids_are_stable_and_repeated_rows_stay_distinct(tmp_path):
    text = "time,text\n2026-11-20T14:03:00Z,same\n2026-11-20T14:03:00Z,same\n"
    first, _ = read(write(tmp_path, text))
    again, _ = read(write(tmp_path, text, "renamed.csv"))
    assert [e.source_id for e in first] == [e.source_id for e in again]
    assert len({e.source_id for e in first}) == 2


def test_an_id_column_is_the_source_id(tmp_path):
    events, _ = read(write(tmp_path, "id,time,text\nev-1,2026-11-20T14:03:00Z,x\n"))
    assert events[0].source_id == "csv:ev-1"
