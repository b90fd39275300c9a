"""`debrief stats` counts the practice across incidents: themes once per post-mortem,
the learning checks over time (in --json and in the text), on both engines."""

from __future__ import annotations

import json


def _pm(cli, title: str) -> str:
    return cli("new", title, "--started", "2026-11-20T10:00:00Z").stdout.strip()


def test_themes_and_learning_checks_show_in_stats(cli):
    first, second = _pm(cli, "Checkout down"), _pm(cli, "Search slow")
    for pm_id in (first, second):
        assert cli("note", "add", pm_id, "theme", "Alert fatigue").exit_code == 0
    cli("note", "add", first, "theme", "alert   FATIGUE")  # the same theme, same incident
    cli("note", "add", second, "theme", "Ownership of the queue")
    learned = cli(
        "note", "learning", first, "--learned", "5", "--would-return", "6", "--present", "7"
    )
    assert learned.exit_code == 0, learned.stderr

    report = json.loads(cli("stats", "--json").stdout)
    practice = report["practice"]
    assert practice["themes"] == {"Alert fatigue": 2, "Ownership of the queue": 1}
    assert [(c["learned"], c["would_return"], c["present"]) for c in practice["learning"]] == [
        (5, 6, 7)
    ]
    text = cli("stats").stdout
    assert "Themes across incidents: Alert fatigue 2, Ownership of the queue 1" in text
    assert "Learning checks: 1 meeting, 5 of 7 present learned something" in text
