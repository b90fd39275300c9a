"""Counts in words: never "1 post-mortems", "1 entries" or "item(s)"."""

from __future__ import annotations

import pytest

from debrief.words import plural


@pytest.mark.parametrize(
    ("n", "word", "words", "said"),
    [
        (1, "post-mortem", None, "1 post-mortem"),
        (2, "post-mortem", None, "2 post-mortems"),
        (0, "post-mortem", None, "0 post-mortems"),
        (1, "entry", None, "1 entry"),
        (3, "entry", None, "3 entries"),
        (2, "day", None, "2 days"),
        (2, "fix", None, "2 fixes"),
        (2, "match", None, "2 matches"),
        (1, "“if we have time” item", None, "1 “if we have time” item"),
        (2, "“if we have time” item", None, "2 “if we have time” items"),
        (1, "person", "people", "1 person"),
        (5, "person", "people", "5 people"),
        (2, "entry without text", "entries without text", "2 entries without text"),
        (12345, "event", None, "12,345 events"),
    ],
)
def test_plural(n, word, words, said):
    assert plural(n, word, words) == said


def test_one_skipped_entry_is_said_in_the_singular():
    from debrief.importers.report import BAD_ITEM, DELETED, JOINS, ImportReport

    report = ImportReport()
    report.skip(BAD_ITEM)
    report.skip(DELETED)
    report.skip(DELETED)
    report.skip(JOINS)
    assert sorted(report.skipped_lines()) == [
        "1 channel join or leave",
        "1 unreadable entry",
        "2 deleted messages",
    ]


def test_home_readiness_and_publish_say_one_thing_in_the_singular(cli):
    pm_id = cli("new", "Checkout down").stdout.strip()
    cli("event", "add", pm_id, "2026-11-20T10:00:00Z", "Alert", "--source", "")
    cli("action", "add", pm_id, "Someday", "--aspirational")
    check = cli("check", pm_id)
    assert "1 entry without a source or link" in check.stdout
    plan = cli("publish", pm_id, "--dry-run", "--no-jira")
    assert "1 “if we have time” item:" in plan.stdout and "item(s)" not in plan.stdout
