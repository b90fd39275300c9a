"""`debrief remind`: overdue and due-this-week items by owner, printed and posted; cron-safe."""

from __future__ import annotations

from datetime import date

import pytest

from debrief.models import ActionItem, ActionStatus
from tests.fakes.fake_slack import FakeSlack
from tests.followup.conftest import FAR_AWAY, LAST_MONTH

DIGEST = [
    "3 action items overdue or due this week for 2 owners, 1 overdue (2026-11-22).",
    "",
    "alice",
    "  33 days overdue (2026-10-20) · Alert on pool wait · PM-1 Checkout",
    "  due tomorrow (2026-11-23) · Add a <!channel> runbook · PM-2 Search",
    "",
    "Bob Brown",
    "  due in 6 days (2026-11-28) · Load-test the pool · PM-1 Checkout · OPS-9",
]


@pytest.fixture
def items(store, add_pm) -> None:  # type: ignore[no-untyped-def]
    first = add_pm(
        "Checkout",
        ("Alert on pool wait", "alice", LAST_MONTH),
        ActionItem(
            title="Load-test the pool", owner="Bob Brown", due=date(2026, 11, 28), jira_key="OPS-9"
        ),
        ("Next week, not this one", "bob", date(2026, 11, 29)),
        ("Far away", "carol", FAR_AWAY),
        ("Already done", "carol", LAST_MONTH),
        ActionItem(title="Some day", aspirational=True),
    )
    done = next(a for a in store.actions(first) if a.title == "Already done")
    store.set_action_status(first, done.id, ActionStatus.done)
    add_pm("Search", ("Add a <!channel> runbook", "Alice", date(2026, 11, 23)))


def test_the_digest_groups_by_owner(cli, items):
    result = cli("remind")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == DIGEST
    assert result.stderr == ""


def test_nothing_due_still_exits_0(cli):
    result = cli("remind")
    assert result.exit_code == 0
    assert result.stdout == "No action items are overdue or due this week (2026-11-22).\n"


def test_posted_to_slack_from_the_option(cli, items, fake_slack: FakeSlack):
    result = cli("remind", "--slack-webhook", fake_slack.url)

    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [*DIGEST, "Posted to Slack."]
    assert fake_slack.url not in result.stdout + result.stderr
    (post,) = fake_slack.posts
    text = post["text"]
    assert text.startswith("*3 action items overdue or due this week")
    assert "*Bob Brown*" in text
    assert "• :red_circle: 33 days overdue (2026-10-20) · Alert on pool wait" in text
    assert "&lt;!channel&gt;" in text and "<!channel>" not in text


def test_the_webhook_from_the_environment_and_dry_run(cli, items, fake_slack, monkeypatch):
    monkeypatch.setenv("DEBRIEF_SLACK_WEBHOOK", fake_slack.url)

    dry = cli("remind", "--dry-run")
    assert dry.exit_code == 0
    assert dry.stdout.splitlines()[-1] == "Dry run: not posted to Slack."
    assert fake_slack.posts == []

    assert cli("remind").exit_code == 0
    assert len(fake_slack.posts) == 1


def test_a_failed_post_is_a_warning_and_still_exit_0(cli, items, fake_slack, monkeypatch):
    fake_slack.status = 404
    monkeypatch.setenv("DEBRIEF_SLACK_WEBHOOK", fake_slack.url)

    result = cli("remind")

    assert result.exit_code == 0
    assert result.stdout.splitlines() == DIGEST
    assert result.stderr.startswith("warning: the digest was not posted to Slack: ")
    assert result.stderr.count("\n") == 1
    assert fake_slack.url not in result.stderr and "secret" not in result.stderr


def test_json_has_the_same_owners_and_items_as_the_listing(cli, items, fake_slack, monkeypatch):
    import json

    monkeypatch.setenv("DEBRIEF_SLACK_WEBHOOK", fake_slack.url)
    result = cli("remind", "--json", "--dry-run")

    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert result.stderr.strip() == "Dry run: not posted to Slack."
    assert fake_slack.posts == []
    assert (data["today"], data["count"], data["overdue"]) == ("2026-11-22", 3, 1)
    owners = [o["owner"] for o in data["owners"]]
    assert owners == [line for line in DIGEST[1:] if line and not line.startswith(" ")]
    listed = [
        (o["owner"], i["title"], i["due"], i["postmortem_id"], i["jira_key"], i["overdue"])
        for o in data["owners"]
        for i in o["items"]
    ]
    assert listed == [
        ("alice", "Alert on pool wait", "2026-10-20", "PM-1", None, True),
        ("alice", "Add a <!channel> runbook", "2026-11-23", "PM-2", None, False),
        ("Bob Brown", "Load-test the pool", "2026-11-28", "PM-1", "OPS-9", False),
    ]
    for item in (i for o in data["owners"] for i in o["items"]):
        assert item["status"] == "open" and item["id"]
        human = next(line for line in DIGEST if item["title"] in line)
        assert f"({item['due']})" in human
