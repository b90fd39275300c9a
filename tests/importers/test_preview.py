"""The preview's choices, and the options people type."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from debrief.dates import DateError
from debrief.importers import (
    Format,
    ImportFailed,
    ImportOptions,
    source_format,
    typed_options,
    window_edge,
)
from debrief.importers.preview import ImportRequest, read_preview
from tests.importers import slack_export as fx


@pytest.fixture
def preview(tmp_path):  # type: ignore[no-untyped-def]
    request = ImportRequest(fx.write_folder(tmp_path), Format.slack)
    known = {f"slack:C2:{fx.ts('2026-11-20T18:00:00')}"}
    return read_preview(request, known)


def test_known_events_are_counted_not_shown_and_the_rest_sorted(preview):
    assert preview.already == 1 and len(preview.events) == fx.EXPECTED_EVENTS - 1
    assert [e.at for e in preview.events] == sorted(e.at for e in preview.events)
    assert preview.summary() == [
        "10 of 10 events ticked",
        "1 already in the timeline",
        "skipped: 2 channel joins and leaves, 2 topic, purpose and name changes, "
        "1 integration added or removed",
    ]


def test_unticking_one_an_author_and_everything(preview):
    preview.toggle(0)
    assert len(preview.chosen()) == 9 and preview.events[0] not in preview.chosen()
    ana = sum(1 for e in preview.events if e.author == "ana")
    preview.toggle_author(1)  # Bo Chen: all of Bo's go
    bo = sum(1 for e in preview.events if e.author == "Bo Chen")
    assert len(preview.chosen()) == 10 - bo - 1
    preview.toggle_author(1)  # and come back
    assert len(preview.chosen()) == 9
    preview.toggle_all()
    assert preview.chosen() == preview.events
    preview.toggle_all()
    assert preview.chosen() == []
    assert ana > 0


def test_problems_are_listed_with_file_and_line(tmp_path):
    bad = {f"general/2026-11-2{i}.json": "[\n{" for i in range(5)}
    request = ImportRequest(fx.write_folder(tmp_path, bad), Format.slack)
    lines = read_preview(request, set()).problems()
    assert lines[0].startswith("general/2026-11-20.json: line 2: not JSON")
    assert lines[3] == "… and 2 more problems"


def test_typed_options_and_window_edges():
    options = typed_options(["#inc-42, general"], "2026-11-20 09:00", "2026-11-20", "Europe/Paris")
    assert options.channels == ("#inc-42", "general")
    assert options.since == datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    assert options.until == datetime(2026, 11, 20, 22, 59, 59, 999999, tzinfo=UTC)
    assert typed_options([], "", None, "") == ImportOptions()
    assert window_edge("2026-11-20T10:00:00Z", None, end=True) == datetime(
        2026, 11, 20, 10, tzinfo=UTC
    )
    with pytest.raises(DateError, match="since is after until"):
        typed_options([], "2026-11-21", "2026-11-20", None)
    with pytest.raises(DateError, match="not a time zone"):
        typed_options([], None, None, "Nowhere/Land")


def test_source_format_guesses_or_says_what_is_missing(tmp_path):
    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    (tmp_path / "b.ndjson").write_text("x", encoding="utf-8")
    (tmp_path / "c.txt").write_text("x", encoding="utf-8")
    assert source_format(tmp_path / "a.csv", None) is Format.csv
    assert source_format(tmp_path / "b.ndjson", None) is Format.jsonl
    assert source_format(tmp_path, None) is Format.slack
    assert source_format(tmp_path / "c.txt", Format.csv) is Format.csv
    with pytest.raises(ImportFailed, match=r"cannot tell the format of c\.txt"):
        source_format(tmp_path / "c.txt", None)
    with pytest.raises(ImportFailed, match="does not exist"):
        source_format(tmp_path / "d.zip", None)
