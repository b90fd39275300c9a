"""Follow-through tests: a frozen today for the CLI too, the fake Jira and Slack, published items."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from debrief.models import ActionItem
from debrief.store import Store
from tests.conftest import NOW
from tests.fakes.fake_jira import FakeJira, fake_jira, jira_env
from tests.fakes.fake_slack import fake_slack

__all__ = ["fake_jira", "fake_slack", "jira_env"]

LAST_MONTH = date(2026, 10, 20)
FAR_AWAY = date(2030, 1, 15)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Store (the CLI's too) lives on 2026-11-22, 09:30 UTC; Jira's retries do not sleep."""
    monkeypatch.setattr("debrief.store.base.utc_now", lambda: NOW)
    monkeypatch.setattr("debrief.publish.jira_api.sleep", lambda seconds: None)


@pytest.fixture
def workdir(tmp_path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A scratch directory, so published documents land there."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


@pytest.fixture
def add_pm(store: Store, template) -> Callable[..., str]:  # type: ignore[no-untyped-def]
    """A post-mortem with these items: (title, owner, due) or an ActionItem; returns its id."""

    def make(title: str, *items: tuple[str, str, date] | ActionItem) -> str:
        pm = store.create_postmortem(title, template, started_at=NOW)
        for spec in items:
            item = (
                spec
                if isinstance(spec, ActionItem)
                else ActionItem(title=spec[0], owner=spec[1], due=spec[2])
            )
            store.add_action(pm.id, item)
        return pm.id

    return make


def by_title(store: Store, pm_id: str) -> dict[str, ActionItem]:
    return {a.title: a for a in store.actions(pm_id)}


def ticket_of(jira: FakeJira, item: ActionItem) -> dict[str, Any]:
    return jira.issues[item.jira_key]
