"""The command line refuses guessed dates in one sentence and warns about a future incident."""

from __future__ import annotations

import json


def test_a_weekday_start_is_refused_with_exit_1(cli):
    result = cli("new", "Checkout down", "--started", "Friday 3pm")
    assert result.exit_code == 1
    assert "'Friday 3pm' is not a time: use ISO 8601" in result.stderr
    assert "Traceback" not in result.stderr
    assert json.loads(cli("list", "--json").stdout) == []


def test_a_start_in_the_future_is_created_with_a_warning(cli):
    result = cli("new", "Checkout down", "--started", "2099-01-02T03:04:00Z")
    assert result.exit_code == 0
    assert result.stdout.strip().startswith("PM-")
    assert (
        "warning: the incident start 2099-01-02 03:04 UTC is in the future: "
        "check the date and the time zone"
    ) in result.stderr


def test_a_past_start_says_nothing_more(cli):
    result = cli("new", "Checkout down", "--started", "2026-01-13T10:00:00Z")
    assert result.exit_code == 0 and result.stderr == ""


def test_editing_the_start_into_the_future_and_a_future_event_warn(cli):
    pm_id = cli("new", "Checkout down").stdout.strip()
    edited = cli("edit", pm_id, "--started", "2099-05-01T10:00:00Z")
    assert edited.exit_code == 0
    assert "the incident start 2099-05-01 10:00 UTC is in the future" in edited.stderr
    added = cli("event", "add", pm_id, "2099-05-01T10:05:00Z", "Alert fired")
    assert added.exit_code == 0
    assert "the event time 2099-05-01 10:05 UTC is in the future" in added.stderr
    refused = cli("event", "add", pm_id, "03/04/2026 14:00", "Alert fired")
    assert refused.exit_code == 1
    assert "is not a time: use ISO 8601" in refused.stderr
