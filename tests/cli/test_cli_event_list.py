"""debrief event list: the timeline from the command line, one event per line or as JSON."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def pm_id(cli) -> str:
    pm = cli("new", "Checkout down", "--started", "2026-11-20T10:00:00Z").stdout.strip()
    added = cli(
        "event", "add", pm, "2026-11-20T16:12:00+02:00", "Alert fired",
        "--milestone", "detected", "--source", "log", "--author", "alice",
        "--link", "https://grafana.example.com/d/1",
    )  # fmt: skip
    assert added.exit_code == 0, added.stderr
    hostile = "Rolled back\x1b[2J\x1b]0;pwned\x07 by \u202eevil\nsecond line"
    added = cli("event", "add", pm, "2026-11-20T14:30:00Z", hostile, "--author", "bo\x1b[31mb")
    assert added.exit_code == 0, added.stderr
    return pm


def test_human_listing_one_line_per_event_in_utc(cli, pm_id):
    result = cli("event", "list", pm_id)

    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "2026-11-20T14:12:00Z  [detected]  alice  (log)  Alert fired  "
        "https://grafana.example.com/d/1"
    )
    assert lines[1] == (
        "2026-11-20T14:30:00Z  bo␛[31mb  (manual)  "
        "Rolled back␛[2J␛]0;pwned␇ by ⟨U+202E⟩evil second line"
    )
    assert len(lines) == 2
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout


def test_json_is_the_events_with_utc_times(cli, pm_id):
    result = cli("event", "list", pm_id, "--json")

    assert result.exit_code == 0, result.stderr
    assert "\u202e" not in result.stdout and "\x1b" not in result.stdout
    events = json.loads(result.stdout)
    assert [(e["at"], e["milestone"], e["author"], e["source"], e["link"]) for e in events] == [
        ("2026-11-20T14:12:00Z", "detected", "alice", "log", "https://grafana.example.com/d/1"),
        ("2026-11-20T14:30:00Z", None, "bo\x1b[31mb", "manual", ""),
    ]
    assert events[1]["text"] == "Rolled back\x1b[2J\x1b]0;pwned\x07 by \u202eevil\nsecond line"
    assert all(e["id"] for e in events)


def test_an_empty_timeline_and_an_unknown_id(cli):
    pm = cli("new", "Quiet").stdout.strip()
    empty = cli("event", "list", pm, "--json")
    assert empty.exit_code == 0 and json.loads(empty.stdout) == []
    assert cli("event", "list", pm).stdout.startswith(f"No timeline events in {pm} yet")

    unknown = cli("event", "list", "PM-404")
    assert unknown.exit_code == 1
    assert unknown.stdout == ""
    assert len(unknown.stderr.strip().splitlines()) == 1 and "PM-404" in unknown.stderr
