"""Instants outside 1970-9998 are refused; stored ones are zero-padded; reads never fail."""

from __future__ import annotations

import json
import sqlite3
import time

import pytest

from tests.hostile.conftest import count, integrity_ok, one_sentence

OUTSIDE = [
    "0206-11-20T10:00:00Z",
    "0999-01-01",
    "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:00:00-05:00",
    "9999-12-31",
    "1969-12-31T23:59:59Z",
    "-1",
    "5",
]


@pytest.mark.parametrize("when", OUTSIDE)
def test_new_refuses_an_instant_outside_the_window(cli, db_path, when):
    result = cli("new", "X", "--started", when)
    assert result.exit_code == 1 and one_sentence(result.stderr)
    assert "1970" in result.stderr or "not a time" in result.stderr
    assert cli("list").exit_code == 0
    assert count(db_path, "postmortems") == 0


@pytest.mark.parametrize("when", OUTSIDE)
def test_event_add_refuses_an_instant_outside_the_window(cli, db_path, pm, when):
    result = cli("event", "add", pm, "--", when, "something happened")
    assert result.exit_code == 1 and one_sentence(result.stderr)
    assert count(db_path, "events") == 0
    for args in (("export", pm, "-f", "json"), ("export", pm), ("check", pm)):
        assert "Traceback" not in cli(*args).stderr


def test_event_add_refuses_empty_text(cli, db_path, pm):
    for text in ("", "   "):
        result = cli("event", "add", pm, "2026-11-20T14:05:00Z", text)
        assert result.exit_code == 1 and "text" in result.stderr
    assert count(db_path, "events") == 0


@pytest.mark.parametrize("when", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00"])
def test_since_and_until_outside_the_window_are_one_sentence(cli, pm, tmp_path, when):
    source = tmp_path / "t.csv"
    source.write_text("time,text\n2026-11-20T14:05:00Z,deploy\n")
    for option in ("--since", "--until"):
        result = cli("import-timeline", pm, str(source), option, when)
        assert result.exit_code == 1 and one_sentence(result.stderr)


def test_reads_never_fail_on_a_stored_value(cli, db_path, pm):
    assert cli("event", "add", pm, "2026-11-20T14:05:00Z", "deploy").exit_code == 0
    conn = sqlite3.connect(db_path)
    conn.execute(
        "UPDATE postmortems SET started_at = '206-11-20T10:00:00.000000Z', created_at = 'x', "
        "debrief_due = '206-11-27'"
    )
    conn.execute("UPDATE events SET at = '999-01-01T00:00:00.000000Z'")
    conn.execute("UPDATE sections SET updated_at = '9999-12-31T23:59:59.000000Z'")
    conn.commit()
    conn.close()
    for args in (
        ("list",),
        ("list", "--json"),
        ("export", pm, "-f", "json"),
        ("export", pm, "-f", "md"),
        ("export", pm, "-f", "html"),
        ("check", pm),
        ("history", pm),
    ):
        result = cli(*args)
        assert result.exit_code in (0, 1), args
        assert "Traceback" not in result.stderr, args
    events = json.loads(cli("export", pm, "-f", "json").stdout)["events"]
    assert "unreadable time" in events[0]["text"]
    assert json.loads(cli("list", "--json").stdout)[0]["started_at"] is None
    assert integrity_ok(db_path)


def test_an_export_in_another_zone_does_not_overflow(cli, pm, monkeypatch):
    assert cli("event", "add", pm, "9998-12-31T23:00:00Z", "late").exit_code == 0
    assert cli("event", "add", pm, "1970-01-01T00:00:00Z", "early").exit_code == 0
    for zone in ("America/Los_Angeles", "Pacific/Kiritimati"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        for fmt in ("md", "html", "json"):
            result = cli("export", pm, "-f", fmt)
            assert result.exit_code == 0 and "Traceback" not in result.stderr
