"""One ticket per item across slow creates, time-outs, search index lag and re-runs.

These run against the fake Jira with real waiting (short settings in the config
file), because what matters is time: Jira storing a create after the client gave
up, and its search finding a new ticket only later.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from debrief.models import Status
from debrief.publish.plan import item_label
from debrief.store import Store
from tests.fakes.fake_jira import FakeJira


@pytest.fixture
def real_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Waits really wait: the fake Jira's delays are real time."""
    monkeypatch.setattr("debrief.publish.jira_api.sleep", time.sleep)


def config(tmp_path: Path, timeout: float, search_lag: float) -> str:
    path = tmp_path / "config.toml"
    path.write_text(f"[jira]\ntimeout = {timeout}\nsearch_lag = {search_lag}\n")
    return str(path)


def time_passes(db_path: Path, pm_id: str, seconds: float) -> None:
    """As if the creates still in flight had been sent `seconds` earlier."""
    earlier = Store(db_path, "clock", clock=lambda: datetime.now(UTC) - timedelta(seconds=seconds))
    earlier.record_creates_sent(pm_id, {a: item_label(a) for a in earlier.creates_sent(pm_id)})
    earlier.close()


def tickets_per_item(store: Store, pm_id: str, jira: FakeJira) -> list[int]:
    """How many tickets carry each owned item's label; checks the recorded keys too."""
    counts = []
    for item in store.actions(pm_id):
        if item.aspirational:
            continue
        found = jira.tickets(label=item_label(item.id))
        counts.append(len(found))
        if len(found) == 1:
            assert item.jira_key == found[0]["key"]
    return counts


def test_a_create_slower_than_the_timeout_is_found_not_sent_again(
    cli, store, pm_id, jira_env, out_dir, tmp_path, real_waiting
):
    # Jira stores the tickets 2.5 s after the request; the client gives up after 1 s.
    jira_env.create_delay = 2.5
    cfg = config(tmp_path, timeout=1, search_lag=3)

    first = cli("--config", cfg, "publish", pm_id)
    jira_env.create_delay = 0.0
    again = cli("--config", cfg, "publish", pm_id)

    assert first.exit_code == 0, first.stderr
    assert again.exit_code == 0, again.stderr
    assert tickets_per_item(store, pm_id, jira_env) == [1, 1, 1]
    assert len(jira_env.tickets()) == 3
    assert jira_env.count("bulk-create") == 1
    assert "Jira did not answer in time (creating 3 tickets); looking for them" in first.stderr
    assert "Jira's answer was lost; found by its label" in first.stdout


def test_a_lost_answer_with_search_lagging_is_found_not_sent_again(
    cli, store, pm_id, jira_env, out_dir, tmp_path, real_waiting
):
    # Jira stores the tickets but the answer is lost, and for 1.5 s its search
    # does not show them: one look right away finds nothing.
    jira_env.add_fault("create", status=500, after_store=True)
    jira_env.search_lag = 1.5
    cfg = config(tmp_path, timeout=5, search_lag=4)

    first = cli("--config", cfg, "publish", pm_id)
    again = cli("--config", cfg, "publish", pm_id)

    assert first.exit_code == 0, first.stderr
    assert again.exit_code == 0, again.stderr
    assert tickets_per_item(store, pm_id, jira_env) == [1, 1, 1]
    assert len(jira_env.tickets()) == 3
    assert jira_env.count("bulk-create") == 1
    assert store.get_postmortem(pm_id).status is Status.published


def test_a_create_sent_by_a_run_that_died_is_unknown_until_settled_then_created_once(
    cli, db_path, pm_id, jira_env, out_dir, tmp_path, real_waiting
):
    # A run recorded its create and died before Jira got it: nothing carries the labels.
    killed = Store(db_path, "killed run")
    killed.record_creates_sent(
        pm_id, {a.id: item_label(a.id) for a in killed.actions(pm_id) if a.owner}
    )
    killed.close()
    cfg = config(tmp_path, timeout=30, search_lag=0.4)

    early = cli("--config", cfg, "publish", pm_id)

    assert early.exit_code == 1
    assert jira_env.tickets() == [] and jira_env.count("bulk-create") == 0
    assert early.stdout.count("unknown") == 3
    assert "Jira did not confirm its create and no ticket carries its label yet" in early.stdout
    assert early.stderr.startswith("debrief: Jira has not confirmed 3 of 3 tickets")
    assert re.search(
        r"publish again in \d+ s to look for them again, nothing is created twice", early.stderr
    )

    time_passes(db_path, pm_id, 31)  # timeout + search lag: it can no longer appear
    late = cli("--config", cfg, "publish", pm_id)

    assert late.exit_code == 0, late.stderr
    store = Store(db_path, "x")
    assert tickets_per_item(store, pm_id, jira_env) == [1, 1, 1]
    assert store.creates_sent(pm_id) == {}
    store.close()


def test_a_create_recorded_long_ago_is_looked_for_once_then_created(
    cli, store, pm_id, jira_env, out_dir, no_waiting
):
    # The frozen clock records it days before the run: long settled.
    ids = {a.id: item_label(a.id) for a in store.actions(pm_id) if a.owner}
    store.record_creates_sent(pm_id, ids)

    result = cli("publish", pm_id)

    assert result.exit_code == 0, result.stderr
    assert no_waiting == []
    assert jira_env.count("search") == 1
    assert tickets_per_item(store, pm_id, jira_env) == [1, 1, 1]


def test_duplicates_from_earlier_publishes_adopt_the_oldest_and_create_none(
    cli, store, pm_id, jira_env, out_dir
):
    jira_env.projects.append({"id": "10001", "key": "ABC", "name": "ABC project"})
    first, second, third = [a for a in store.actions(pm_id) if a.owner]

    def ticket(project: str, item_id: str, created: str) -> str:
        issue = jira_env.create(
            {
                "project": {"key": project},
                "summary": "copy",
                "labels": ["post-mortem", item_label(item_id)],
            }
        )
        jira_env.edit(issue["key"], created=created)
        return str(issue["key"])

    # The first item: two in one project. The second: the older one sorts last by key.
    ops1 = ticket("OPS", first.id, "2026-11-20T10:00:00.000+0000")
    ops2 = ticket("OPS", first.id, "2026-11-20T10:00:05.000+0000")
    ops3 = ticket("OPS", second.id, "2026-11-20T09:00:00.000+0100")
    abc1 = ticket("ABC", second.id, "2026-11-20T09:30:00.000+0000")

    result = cli("publish", pm_id)

    assert result.exit_code == 0, result.stderr
    keys = {a.id: a.jira_key for a in store.actions(pm_id)}
    assert keys[first.id] == ops1
    assert keys[second.id] == ops3  # 08:00 UTC, before ABC-1
    lines = [line for line in result.stdout.splitlines() if "also carries its label" in line]
    assert len(lines) == 2
    assert f"{ops2} also carries its label (duplicates; {ops1}, the oldest, is kept" in lines[0]
    assert f"{abc1} also carries its label (duplicates; {ops3}, the oldest, is kept" in lines[1]
    assert jira_env.count("bulk-create") == 1  # the third item only
    assert len(jira_env.tickets(label=item_label(third.id))) == 1
    assert len(jira_env.tickets()) == 5  # none deleted


def test_a_dropped_connection_leaves_the_items_unknown_then_a_later_run_creates_them_once(
    cli, db_path, store, pm_id, jira_env, out_dir, tmp_path, real_waiting
):
    # No answer at all: Jira may still be at work, for as long as the time-out.
    jira_env.add_fault("create", disconnect=True)
    cfg = config(tmp_path, timeout=30, search_lag=0.2)

    dropped = cli("--config", cfg, "publish", pm_id)

    assert dropped.exit_code == 1
    assert "Jira did not answer (creating 3 tickets); looking for them" in dropped.stderr
    assert dropped.stdout.count("Jira did not confirm its create") == 3
    assert "debrief: Jira has not confirmed 3 of 3 tickets" in dropped.stderr
    assert jira_env.count("bulk-create") == 1 and jira_env.tickets() == []
    assert store.get_postmortem(pm_id).status is Status.draft

    time_passes(db_path, pm_id, 31)  # timeout + search lag since it was sent
    later = cli("--config", cfg, "publish", pm_id)

    assert later.exit_code == 0, later.stderr
    assert tickets_per_item(store, pm_id, jira_env) == [1, 1, 1]
    assert store.creates_sent(pm_id) == {}


def test_looking_searches_again_only_for_what_may_still_appear(fake_jira, real_waiting):
    from debrief.config import JiraConfig
    from debrief.publish.jira_api import JiraSession
    from debrief.publish.unanswered import look_for

    session = JiraSession(
        JiraConfig(url=fake_jira.url, user=fake_jira.user, token=fake_jira.token, project="OPS")
    )
    session.connect()
    fake_jira.search_lag = 0.3
    fake_jira.create({"project": {"key": "OPS"}, "summary": "late", "labels": ["late"]})
    fake_jira.reset_counts()

    looked = look_for(session, {"late": 5.0, "never": 0.0, "pending": 5.0}, budget=1.0)

    assert [i.key for i in looked.found["late"]] == ["OPS-1"]
    assert looked.settled == ["never"]
    assert list(looked.unknown) == ["pending"] and 3.9 < looked.unknown["pending"] < 4.1
    assert 1.0 <= looked.spent < 1.2
    # At 0 s all three; at 0.5 s "late" (found) and "pending"; at 1 s "pending" alone.
    searched = [r.jql for r in fake_jira.requests if r.endpoint == "search"]
    assert searched == [
        'labels in ("late", "never", "pending") ORDER BY key ASC',
        'labels in ("late", "pending") ORDER BY key ASC',
        'labels in ("pending") ORDER BY key ASC',
    ]
