"""section set, action add, event add, with every bad input the contract names."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

import pytest


@pytest.fixture
def pm_id(cli) -> str:
    return cli("new", "Login outage", "--started", "2026-11-20T10:00:00Z").stdout.strip()


def doc(cli, pm_id):
    return json.loads(cli("export", pm_id, "--format", "json").stdout)


def test_section_set_from_argument_and_stdin(cli, pm_id):
    assert cli("section", "set", pm_id, "trigger", "A config push").exit_code == 0
    assert cli("section", "set", pm_id, "impact", "-", input="From stdin\n").exit_code == 0
    bodies = {s["key"]: s["body"] for s in doc(cli, pm_id)["sections"]}
    assert bodies["trigger"] == "A config push" and bodies["impact"] == "From stdin\n"


def test_section_set_records_the_author_from_the_environment(cli, pm_id):
    cli("section", "set", pm_id, "trigger", "x", env={"DEBRIEF_USER": "ana"})
    trigger = next(s for s in doc(cli, pm_id)["sections"] if s["key"] == "trigger")
    assert trigger["updated_by"] == "ana"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["section", "set", "PM-9", "trigger", "x"], "no post-mortem with id 'PM-9'"),
        (["section", "set", "{pm}", "nope", "x"], "has no section 'nope'"),
        (["action", "add", "{pm}", "Alert"], "needs --owner and --due"),
        (["action", "add", "{pm}", "Alert", "--owner", "bob"], "needs --due"),
        (
            ["action", "add", "{pm}", "Alert", "--owner", "bob", "--due", "someday"],
            "'someday' is not a date",
        ),
        (["event", "add", "{pm}", "not-a-time", "x"], "'not-a-time' is not a time"),
        (["event", "add", "PM-9", "2026-11-20T10:00:00Z", "x"], "no post-mortem with id 'PM-9'"),
    ],
)
def test_bad_input_is_one_sentence_and_exit_1(cli, pm_id, args, message):
    result = cli(*[a.replace("{pm}", pm_id) for a in args])
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_usage_errors_exit_2(cli, pm_id):
    assert cli("action", "add", pm_id, "x", "--priority", "urgent-ish").exit_code == 2
    assert cli("section", "set", pm_id).exit_code == 2


def test_action_add_with_relative_due_and_aspirational(cli, pm_id):
    item_id = cli(
        "action",
        "add",
        pm_id,
        "Add alert",
        "--owner",
        "bob",
        "--due",
        "+1w",
        "--priority",
        "high",
        "--kind",
        "detect",
    ).stdout.strip()
    cli("action", "add", pm_id, "Rewrite in Rust", "--aspirational")
    items = doc(cli, pm_id)["actions"]
    assert items[0]["id"] == item_id
    assert items[0]["due"] == (date.today() + timedelta(weeks=1)).isoformat()
    assert (items[0]["priority"], items[0]["kind"]) == ("high", "detect")
    assert items[1]["aspirational"] is True and items[1]["owner"] == ""


def test_a_past_due_date_is_accepted_with_a_warning(cli, pm_id):
    result = cli("action", "add", pm_id, "Backfill", "--owner", "bob", "--due", "2020-01-01")
    assert result.exit_code == 0 and "in the past" in result.stderr


def test_event_add_with_milestone_source_and_link(cli, pm_id):
    cli(
        "event",
        "add",
        pm_id,
        "2026-11-20T10:05:00Z",
        "Alert fired",
        "--milestone",
        "detected",
        "--source",
        "log",
        "--link",
        "https://x.example/1",
    )
    event = doc(cli, pm_id)["events"][0]
    assert (event["milestone"], event["source"], event["link"]) == (
        "detected",
        "log",
        "https://x.example/1",
    )
    assert event["at"] == "2026-11-20T10:05:00Z"
    md = cli("export", pm_id).stdout
    assert "**Time to detect:** 5m" in md


def test_a_locked_database_is_one_sentence_and_keeps_what_was_saved(
    cli, pm_id, db_path, monkeypatch
):
    monkeypatch.setattr("debrief.store.base.BUSY_TIMEOUT_S", 0.2)
    cli("section", "set", pm_id, "impact", "kept")
    blocker = sqlite3.connect(db_path)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        result = cli("section", "set", pm_id, "impact", "new")
    finally:
        blocker.rollback()
        blocker.close()
    assert result.exit_code == 1 and "locked" in result.stderr and "Traceback" not in result.stderr
    impact = next(s for s in doc(cli, pm_id)["sections"] if s["key"] == "impact")
    assert impact["body"] == "kept"


def test_an_unwritable_database_location_is_one_sentence(cli, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = cli("--db", str(blocker / "sub" / "x.db"), "list")
    assert result.exit_code == 1 and "cannot" in result.stderr


def test_a_newer_schema_is_refused(cli, db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 42")
    conn.close()
    result = cli("list")
    assert result.exit_code == 1 and "newer debrief" in result.stderr


def test_not_a_database_is_one_sentence(cli, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"hello, this is not sqlite" * 100)
    result = cli("--db", str(junk), "list")
    assert result.exit_code == 1 and "not a debrief database" in result.stderr
