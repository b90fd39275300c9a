"""Status changes: open, in progress, done, not doing (with a reason), each a revision."""

from __future__ import annotations

from datetime import date

import pytest

from debrief.models import ActionItem, ActionStatus
from debrief.store import Conflict
from tests.followup.conftest import by_title

TRANSITIONS = [(old, new) for old in ActionStatus for new in ActionStatus if old is not new]


@pytest.fixture
def pm_id(add_pm) -> str:  # type: ignore[no-untyped-def]
    return add_pm("Checkout", ("Alert on pool wait", "alice", date(2026, 12, 1)))


def reason_args(status: ActionStatus) -> list[str]:
    return (
        ["--reason", "superseded by the gateway rewrite"]
        if status is ActionStatus.not_doing
        else []
    )


@pytest.mark.parametrize(("old", "new"), TRANSITIONS, ids=[f"{o}->{n}" for o, n in TRANSITIONS])
def test_every_transition_is_allowed_and_recorded(cli, store, pm_id, old, new):
    item = by_title(store, pm_id)["Alert on pool wait"]
    if old is not ActionStatus.open:
        assert (
            cli("action", "set-status", pm_id, item.id, old.value, *reason_args(old)).exit_code == 0
        )
    before = len(store.history(pm_id, "action", item.id))

    result = cli("action", "set-status", pm_id, item.id, new.value, *reason_args(new))

    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{pm_id} {item.id}: {old.value} → {new.value}\n"
    now = store.get_action(pm_id, item.id)
    assert now.status is new
    expected_reason = "superseded by the gateway rewrite" if new is ActionStatus.not_doing else ""
    assert now.status_reason == expected_reason
    revisions = store.history(pm_id, "action", item.id)[before:]
    assert {r.field for r in revisions} >= {"status"}
    status_rev = next(r for r in revisions if r.field == "status")
    assert (status_rev.author, status_rev.old, status_rev.new) == ("tester", old.value, new.value)


def test_not_doing_needs_a_reason(cli, store, pm_id):
    item = by_title(store, pm_id)["Alert on pool wait"]

    result = cli("action", "set-status", pm_id, item.id, "not-doing")

    assert result.exit_code == 1
    assert result.stderr == (
        'debrief: not-doing needs a reason: add --reason "why the team decided against it"\n'
    )
    assert store.get_action(pm_id, item.id) == item
    with pytest.raises(ValueError, match="needs a reason"):
        store.set_action_status(pm_id, item.id, ActionStatus.not_doing, "   ")


def test_a_reason_goes_with_not_doing_only(cli, store, pm_id):
    item = by_title(store, pm_id)["Alert on pool wait"]
    result = cli("action", "set-status", pm_id, item.id, "done", "--reason", "because")
    assert result.exit_code == 1
    assert "--reason goes with not-doing only" in result.stderr


def test_the_jira_key_names_the_item_too(cli, store, pm_id):
    item = by_title(store, pm_id)["Alert on pool wait"]
    store.update_action(pm_id, item.id, {"jira_key": "OPS-7"})
    assert cli("action", "set-status", pm_id, "ops-7", "in-progress").exit_code == 0
    assert store.get_action(pm_id, item.id).status is ActionStatus.in_progress


def test_the_same_status_again_changes_nothing(cli, store, pm_id):
    item = by_title(store, pm_id)["Alert on pool wait"]
    result = cli("action", "set-status", pm_id, item.id, "open")
    assert result.exit_code == 0
    assert result.stdout == f"{pm_id} {item.id}: already open\n"
    assert len(store.history(pm_id, "action", item.id)) == 1


def test_bad_input(cli, store, pm_id):
    item = by_title(store, pm_id)["Alert on pool wait"]
    unknown = cli("action", "set-status", pm_id, "nope", "done")
    assert unknown.exit_code == 1
    assert "has no action item with id 'nope'" in unknown.stderr
    assert cli("action", "set-status", pm_id, item.id, "finished").exit_code == 2
    missing_pm = cli("action", "set-status", "PM-404", item.id, "done")
    assert missing_pm.exit_code == 1
    assert "there is no post-mortem with id 'PM-404'" in missing_pm.stderr


def test_a_stale_status_change_is_a_conflict(store, pm_id):
    item = by_title(store, pm_id)["Alert on pool wait"]
    store.set_action_status(pm_id, item.id, ActionStatus.done)
    with pytest.raises(Conflict):
        store.set_action_status(pm_id, item.id, ActionStatus.in_progress, base=item)


def test_aspirational_items_can_be_closed_too(store, add_pm):
    pm_id = add_pm("Dreams", ActionItem(title="Rewrite the gateway", aspirational=True))
    (item,) = store.actions(pm_id)
    closed = store.set_action_status(pm_id, item.id, "not-doing", "out of scope this year")
    assert (closed.status, closed.status_reason) == (
        ActionStatus.not_doing,
        "out of scope this year",
    )
