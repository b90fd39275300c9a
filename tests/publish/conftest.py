"""Publishing tests: a fake Jira and Slack over HTTP, a post-mortem with items, no real sleeping."""

from __future__ import annotations

from datetime import date

import pytest

from debrief.models import ActionItem, Priority
from tests.conftest import NOW
from tests.fakes.fake_confluence import confluence_env, fake_confluence
from tests.fakes.fake_jira import fake_jira, jira_env
from tests.fakes.fake_slack import fake_slack

__all__ = ["confluence_env", "fake_confluence", "fake_jira", "fake_slack", "jira_env"]

OWNED = [
    (
        "Alert on payment error rate above 2% for 5 minutes",
        "alice",
        date(2026, 12, 1),
        Priority.high,
    ),
    (
        "Load-test the connection pool at peak traffic",
        "Bob Brown",
        date(2026, 12, 8),
        Priority.medium,
    ),
    (
        "Keep the last five images in every registry",
        "carol@example.com",
        date(2026, 12, 15),
        Priority.low,
    ),
]


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Backoff and Retry-After waits are recorded instead of slept."""
    waited: list[float] = []
    monkeypatch.setattr("debrief.publish.jira_api.sleep", waited.append)
    monkeypatch.setattr("debrief.publish.confluence_api.sleep", waited.append)
    monkeypatch.setattr("debrief.publish.slack.sleep", waited.append)
    return waited


@pytest.fixture(autouse=True)
def no_confluence_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Confluence settings of the machine running the tests never leak in."""
    import os

    for name in list(os.environ):
        if name.startswith("DEBRIEF_CONFLUENCE_"):
            monkeypatch.delenv(name)


@pytest.fixture
def pm_id(store, template) -> str:  # type: ignore[no-untyped-def]
    """A post-mortem with three owned action items and one aspirational one."""
    pm = store.create_postmortem("Checkout card payments failing", template, started_at=NOW)
    store.save_section(pm.id, "impact", "Card payments failed for 40 minutes; 212 customers.")
    for title, owner, due, priority in OWNED:
        store.add_action(pm.id, ActionItem(title=title, owner=owner, due=due, priority=priority))
    store.add_action(pm.id, ActionItem(title="Rewrite the gateway client", aspirational=True))
    return pm.id


@pytest.fixture
def out_dir(tmp_path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Work in a scratch directory, so ./postmortems lands there."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work / "postmortems"
