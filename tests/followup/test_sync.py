"""`debrief sync`: Jira's status, assignee and due date come home; conflicts are reported."""

from __future__ import annotations

import json
from datetime import date

import pytest

from debrief.models import ActionStatus
from tests.fakes.fake_jira import FakeJira
from tests.followup.conftest import by_title

PAY, POOL, IMAGES = "Alert on payment errors", "Load-test the pool", "Keep five images"


@pytest.fixture
def published(cli, store, add_pm, jira_env: FakeJira, workdir) -> str:  # type: ignore[no-untyped-def]
    pm_id = add_pm(
        "Checkout card payments failing",
        (PAY, "alice", date(2026, 12, 1)),
        (POOL, "Bob Brown", date(2026, 12, 8)),
        (IMAGES, "carol", date(2026, 12, 15)),
    )
    result = cli("publish", pm_id)
    assert result.exit_code == 0, result.stderr
    jira_env.reset_counts()
    return pm_id


def key(store, pm_id: str, title: str) -> str:  # type: ignore[no-untyped-def]
    return by_title(store, pm_id)[title].jira_key


def test_jira_changes_come_home_as_revisions_by_jira(cli, store, published, jira_env):
    jira_env.set_status(key(store, published, PAY), "In Progress")
    jira_env.edit(key(store, published, POOL), duedate="2026-12-20", assignee="carol")

    result = cli("sync")

    assert result.exit_code == 0, result.stderr
    items = by_title(store, published)
    assert items[PAY].status is ActionStatus.in_progress
    assert items[POOL].due == date(2026, 12, 20)
    assert items[POOL].owner == "Carol Chen"  # Jira's display name for the new assignee
    assert items[IMAGES] == by_title(store, published)[IMAGES]
    changes = {
        (r.entity_id, r.field): r for r in store.history(published, "action") if r.author == "jira"
    }
    assert set(changes) == {
        (items[PAY].id, "status"),
        (items[POOL].id, "due"),
        (items[POOL].id, "owner"),
    }
    assert changes[(items[POOL].id, "due")].old == "2026-12-08"
    assert "Synced 3 of 3 tickets" in result.stdout
    assert "3 changes, 0 conflicts, 0 missing" in result.stdout


def test_a_second_sync_with_nothing_new_changes_nothing(cli, store, published, jira_env):
    jira_env.set_status(key(store, published, PAY), "Done")
    assert cli("sync").exit_code == 0
    before = store.history(published)

    again = cli("sync")

    assert again.exit_code == 0
    assert store.history(published) == before
    assert "0 changes" in again.stdout


def test_status_changed_here_and_in_jira_is_a_conflict_jira_wins(cli, store, published, jira_env):
    item = by_title(store, published)[PAY]
    assert cli("action", "set-status", published, item.id, "in-progress").exit_code == 0
    jira_env.set_status(item.jira_key, "Done")

    result = cli("sync")

    assert result.exit_code == 0, result.stderr
    assert store.get_action(published, item.id).status is ActionStatus.done
    assert "Changed both here and in Jira since the last sync" in result.stdout
    assert "status here in-progress, in Jira done; Jira's kept" in result.stdout


def test_due_changed_here_and_in_jira_is_a_conflict_local_wins(cli, store, published, jira_env):
    item = by_title(store, published)[POOL]
    store.update_action(published, item.id, {"due": date(2026, 12, 10)})
    jira_env.edit(item.jira_key, duedate="2026-12-31")

    result = json.loads(cli("sync", "--json").stdout)

    assert store.get_action(published, item.id).due == date(2026, 12, 10)
    (conflict,) = result["conflicts"]
    assert conflict | {"title": POOL, "field": "due"} == conflict
    assert (conflict["here"], conflict["jira"], conflict["kept"]) == (
        "2026-12-10",
        "2026-12-31",
        "here",
    )
    # The next publish sends the local date to Jira.
    assert cli("publish", published).exit_code == 0
    assert jira_env.issues[item.jira_key]["fields"]["duedate"] == "2026-12-10"


def test_owner_changed_here_and_reassigned_in_jira_keeps_ours(cli, store, published, jira_env):
    item = by_title(store, published)[PAY]
    store.update_action(published, item.id, {"owner": "Bob Brown"})
    jira_env.edit(item.jira_key, assignee="carol")

    report = json.loads(cli("sync", "--json").stdout)

    assert store.get_action(published, item.id).owner == "Bob Brown"
    assert [(c["field"], c["here"], c["jira"]) for c in report["conflicts"]] == [
        ("owner", "Bob Brown", "Carol Chen")
    ]


def test_a_change_made_only_here_is_kept(cli, store, published, jira_env):
    item = by_title(store, published)[IMAGES]
    assert cli("action", "set-status", published, item.id, "done").exit_code == 0

    report = json.loads(cli("sync", "--json").stdout)

    assert store.get_action(published, item.id).status is ActionStatus.done
    assert report["conflicts"] == [] and report["changes"] == []


def test_wont_do_in_jira_becomes_not_doing_with_the_reason(cli, store, published, jira_env):
    item = by_title(store, published)[IMAGES]
    jira_env.set_status(item.jira_key, "Done")
    jira_env.edit(item.jira_key, resolution={"name": "Won't Do"})

    assert cli("sync").exit_code == 0

    synced = store.get_action(published, item.id)
    assert synced.status is ActionStatus.not_doing
    assert synced.status_reason == "resolved in Jira as “Won't Do”"


def test_a_deleted_ticket_is_reported_and_the_rest_still_sync(cli, store, published, jira_env):
    gone = by_title(store, published)[POOL]
    jira_env.delete_issue(gone.jira_key)
    jira_env.set_status(key(store, published, PAY), "Done")

    result = cli("sync")

    assert result.exit_code == 0, result.stderr
    assert "Not found in Jira (deleted, hidden, or its labels removed):" in result.stdout
    assert f"{gone.jira_key} “{POOL}”: left as it is" in result.stdout
    assert store.get_action(published, gone.id) == gone
    assert by_title(store, published)[PAY].status is ActionStatus.done


def test_sync_of_one_post_mortem_leaves_the_others(cli, store, add_pm, published, jira_env):
    other = add_pm("Search latency", ("Cap the fan-out", "alice", date(2026, 12, 2)))
    assert cli("publish", other).exit_code == 0
    jira_env.set_status(key(store, other, "Cap the fan-out"), "Done")
    jira_env.set_status(key(store, published, PAY), "Done")

    assert cli("sync", published).exit_code == 0

    assert by_title(store, published)[PAY].status is ActionStatus.done
    assert by_title(store, other)["Cap the fan-out"].status is ActionStatus.open


def test_nothing_published_means_nothing_to_ask_jira(cli, add_pm, jira_env):
    add_pm("Not yet published", ("Do a thing", "alice", date(2026, 12, 2)))

    result = cli("sync")

    assert result.exit_code == 0
    assert "No published action items to sync" in result.stdout
    assert jira_env.count() == 0


def test_an_unknown_post_mortem_is_one_sentence(cli, jira_env):
    result = cli("sync", "PM-404")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "debrief: there is no post-mortem with id 'PM-404' (see `debrief list`)"
    )


def test_a_ticket_moved_to_another_key_is_followed_by_its_label(cli, store, published, jira_env):
    item = by_title(store, published)[PAY]
    moved = jira_env.issues.pop(item.jira_key)
    moved["key"] = "PAY-41"
    jira_env.issues["PAY-41"] = moved

    report = json.loads(cli("sync", "--json").stdout)

    assert store.get_action(published, item.id).jira_key == "PAY-41"
    assert report["missing"] == []
    assert [(c["field"], c["old"], c["new"]) for c in report["changes"]] == [
        ("jira_key", item.jira_key, "PAY-41")
    ]
