"""Sync when Jira fails: one sentence, exit 1, nothing changed here; and its request budget."""

from __future__ import annotations

import socket
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from debrief.models import ActionItem, ActionStatus
from debrief.store import Store
from debrief.store.followup import SyncWrite
from tests.fakes.fake_jira import FakeJira
from tests.followup.conftest import by_title


@pytest.fixture
def published(cli, store, add_pm, jira_env: FakeJira, workdir) -> str:  # type: ignore[no-untyped-def]
    pm_id = add_pm(
        "Checkout card payments failing",
        ("Alert on payment errors", "alice", date(2026, 12, 1)),
        ("Load-test the pool", "carol", date(2026, 12, 8)),
    )
    assert cli("publish", pm_id).exit_code == 0
    for item in store.actions(pm_id):
        jira_env.set_status(item.jira_key, "Done")
    jira_env.reset_counts()
    return pm_id


def snapshot(store: Store, pm_id: str) -> tuple[object, object, object]:
    return store.actions(pm_id), store.history(pm_id), store.jira_synced(pm_id)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_jira_unreachable(cli, store, published, monkeypatch):
    before = snapshot(store, published)
    monkeypatch.setenv("DEBRIEF_JIRA_URL", f"http://127.0.0.1:{closed_port()}")

    result = cli("sync")

    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "cannot reach Jira at http://127.0.0.1:" in result.stderr
    assert "nothing was changed here" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(store, published) == before


def test_jira_rejects_the_token(cli, store, published, jira_env, monkeypatch):
    before = snapshot(store, published)
    monkeypatch.setenv("DEBRIEF_JIRA_TOKEN", "expired-token-0d9f")

    result = cli("sync")

    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "rejected the credentials of bot@example.com" in result.stderr
    assert "expired-token-0d9f" not in result.stderr + result.stdout
    assert snapshot(store, published) == before


def test_jira_failing_on_a_later_page_changes_nothing(cli, store, add_pm, jira_env, workdir):
    jira_env.max_results = 1  # one ticket per page: the second page fails
    pm_id = add_pm("Paged", *[(f"Item {n}", "alice", date(2026, 12, n + 1)) for n in range(3)])
    assert cli("publish", pm_id).exit_code == 0
    for item in store.actions(pm_id):
        jira_env.set_status(item.jira_key, "Done")
    before = snapshot(store, pm_id)
    jira_env.add_fault("search", nth=2, status=503, times=0)

    result = cli("sync")

    assert result.exit_code == 1
    assert "could not read the tickets (HTTP 503)" in result.stderr
    assert snapshot(store, pm_id) == before


def test_a_busy_jira_is_retried(cli, store, published, jira_env):
    jira_env.add_fault("search", status=429, retry_after=1)

    result = cli("sync")

    assert result.exit_code == 0, result.stderr
    assert "trying to read the tickets again in 1 s" in result.stderr
    assert all(a.status is ActionStatus.done for a in store.actions(published))


def test_jira_not_configured(cli, published, monkeypatch):
    monkeypatch.delenv("DEBRIEF_JIRA_URL")

    result = cli("sync")

    assert result.exit_code == 1
    assert result.stderr.startswith("debrief: Jira is not configured: set DEBRIEF_JIRA_URL")


def test_an_item_edited_while_syncing_is_left_for_the_next_sync(store, published):
    item = by_title(store, published)["Alert on payment errors"]
    stale = SyncWrite(published, item.id, item.rev - 1, {"status": ActionStatus.done}, {})
    fresh = SyncWrite(published, item.id, item.rev, {"owner": "bob"}, {"key": item.jira_key})

    skipped = store.apply_sync([stale])
    assert skipped == [stale]
    assert store.get_action(published, item.id) == item

    assert store.apply_sync([fresh]) == []
    assert store.get_action(published, item.id).owner == "bob"


@pytest.fixture(params=["Server", "Cloud"])
def big_jira(request, monkeypatch) -> Iterator[FakeJira]:  # type: ignore[no-untyped-def]
    with FakeJira(deployment=request.param) as jira:
        for name, value in jira.env().items():
            monkeypatch.setenv(name, value)
        yield jira


def test_syncing_500_items_takes_at_most_15_requests(cli, store, add_pm, big_jira, workdir):
    start = date(2026, 12, 1)
    pm_ids = [
        add_pm(
            f"Incident {p}",
            *[
                ActionItem(title=f"Item {p}.{n}", owner="alice", due=start + timedelta(days=n))
                for n in range(100)
            ],
        )
        for p in range(5)
    ]
    for pm_id in pm_ids:
        assert cli("publish", pm_id).exit_code == 0
    items = [a for pm_id in pm_ids for a in store.actions(pm_id)]
    assert len(items) == 500 and all(a.jira_key for a in items)
    for item in items[::3]:
        big_jira.set_status(item.jira_key, "Done")
    big_jira.reset_counts()

    result = cli("sync")

    assert result.exit_code == 0, result.stderr
    requests = big_jira.count()
    assert big_jira.count("search") == 5  # 500 tickets, 100 a page
    kinds = Counter(r.endpoint for r in big_jira.requests)
    print(f"sync of 500 items ({big_jira.deployment}): {requests} requests {dict(kinds)}")
    assert requests <= 15
    assert big_jira.count("issue-get") == 0
    done = [a for pm_id in pm_ids for a in store.actions(pm_id) if a.status is ActionStatus.done]
    assert len(done) == len(items[::3])
    assert "Synced 500 of 500 tickets" in result.stdout
