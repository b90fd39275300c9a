"""The action-item quality check: actionable, specific, bounded."""

from __future__ import annotations

import pytest

from debrief.coach import coach_for
from debrief.coach.actions import check_action


@pytest.mark.parametrize(
    "title",
    [
        "Load-test connection pool settings at production traffic before rollout",
        "Route 10% of traffic to canaries for at least 10 minutes",
        "Alert on connection-pool wait queue above 100 for 2 minutes",
        "Add a confirmation prompt to the restore script",
        "Send goodwill credit to the 212 affected customers",
    ],
)
def test_good_items_get_no_hints(title: str) -> None:
    assert check_action(title, coach_for()) == []


@pytest.mark.parametrize(
    ("title", "quality"),
    [
        ("Better monitoring", "actionable"),
        ("Monitoring improvements for the gateway", "actionable"),
        ("Fix it", "specific"),
        ("Investigate options for improving rollover process", "bounded"),
        ("Improve alerting around boskos status", "bounded"),
        ("Make sure engineers are careful with DNS", "bounded"),
        ("Remind Lee that he should have paused the rollout", "specific"),
    ],
)
def test_weak_items_get_a_hint(title: str, quality: str) -> None:
    hints = check_action(title, coach_for())
    assert quality in {h.quality for h in hints}
    assert all(h.message for h in hints)


def test_empty_title_is_left_to_the_form() -> None:
    assert check_action("   ") == []
