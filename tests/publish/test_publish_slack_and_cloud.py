"""The Slack announcement, and Jira Cloud / Data Center flavours of the same publish."""

from __future__ import annotations

import json

from debrief.publish.slack import announcement, escape
from tests.fakes.fake_jira import FakeJira
from tests.fakes.fake_slack import FakeSlack


def test_the_announcement_is_posted_with_title_impact_items_and_where(
    cli, store, pm_id, jira_env, fake_slack: FakeSlack, out_dir
):
    store.update_postmortem(pm_id, severity="SEV2")

    result = cli("publish", pm_id, "--slack-webhook", fake_slack.url)

    assert result.exit_code == 0, result.stderr
    (post,) = fake_slack.posts
    lines = post["text"].splitlines()
    assert lines[0] == "*Post-mortem published: Checkout card payments failing* (PM-1, SEV2)"
    assert lines[1] == "Impact: Card payments failed for 40 minutes; 212 customers."
    assert (
        lines[2] == "3 action items tracked in Jira (OPS-1, OPS-2, OPS-3), 1 more if we have time"
    )
    assert lines[3] == f"Document: {out_dir.resolve()}/PM-1-checkout-card-payments-failing.html"
    assert "Announced on Slack." in result.stdout
    assert fake_slack.url not in result.stdout + result.stderr


def test_dry_run_shows_the_exact_announcement_and_posts_nothing(
    cli, store, pm_id, jira_env, fake_slack: FakeSlack, out_dir, monkeypatch
):
    store.update_postmortem(pm_id, severity="SEV2", title="Checkout <!channel> down")
    monkeypatch.setenv("DEBRIEF_SLACK_WEBHOOK", fake_slack.url)
    document = f"Document: {out_dir.resolve()}/PM-1-checkout-channel-down.html"

    dry = cli("publish", pm_id, "--dry-run")

    assert dry.exit_code == 0, dry.stderr
    assert fake_slack.posts == [] and jira_env.count() == 0 and not out_dir.exists()
    assert fake_slack.url not in dry.stdout + dry.stderr
    shown = dry.stdout.split("  Slack announcement to ")[1].splitlines()
    assert shown[0] == f"{fake_slack.url.rsplit('/services/', 1)[0]}/services/***:"
    assert [line.removeprefix("    ") for line in shown[1:]] == [
        "*Post-mortem published: Checkout &lt;!channel&gt; down* (PM-1, SEV2)",
        "Impact: Card payments failed for 40 minutes; 212 customers.",
        "3 action items tracked in Jira ((new), (new), (new)), 1 more if we have time",
        document,
    ]

    as_json = cli("publish", pm_id, "--dry-run", "--no-jira", "--json")
    assert as_json.exit_code == 0, as_json.stderr
    summary = json.loads(as_json.stdout)
    assert summary["slack_webhook"].endswith("/services/***")
    assert fake_slack.url not in as_json.stdout + as_json.stderr
    assert fake_slack.posts == []

    published = cli("publish", pm_id, "--no-jira")
    assert published.exit_code == 0, published.stderr
    (post,) = fake_slack.posts
    assert post["text"] == summary["announcement"]
    assert post["text"].splitlines()[2:] == ["3 action items, 1 more if we have time", document]


def test_dry_run_without_a_webhook_says_nothing_is_announced(cli, pm_id, jira_env, out_dir):
    result = cli("publish", pm_id, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "  No Slack announcement (no webhook configured)." in result.stdout.splitlines()


def test_a_failed_announcement_is_a_warning_not_a_failed_publish(
    cli, store, pm_id, fake_slack: FakeSlack, out_dir, monkeypatch
):
    fake_slack.status = 404
    monkeypatch.setenv("DEBRIEF_SLACK_WEBHOOK", fake_slack.url)

    result = cli("publish", pm_id, "--no-jira", "--json")

    assert result.exit_code == 0
    assert result.stderr.endswith(
        "warning: Slack refused the announcement (HTTP 404: no_service); "
        "the publish itself succeeded\n"
    )
    assert json.loads(result.stdout)["slack"].startswith("failed: Slack refused")
    assert fake_slack.url not in result.stdout + result.stderr


def test_user_text_cannot_ping_the_channel(store, pm_id):
    store.update_postmortem(pm_id, title="<!channel> look & see")
    payload = announcement(store.document(pm_id), [], "x.html")
    assert payload["text"].startswith("*Post-mortem published: &lt;!channel&gt; look &amp; see*")
    assert escape("a\x1b[2Jb") == "a␛[2Jb"


def test_jira_cloud_assigns_by_account_id_and_pages_searches(
    cli, store, pm_id, out_dir, monkeypatch
):
    with FakeJira(deployment="Cloud", max_results=2) as cloud:
        for name, value in cloud.env().items():
            monkeypatch.setenv(name, value)

        first = cli("publish", pm_id)
        # Forget the keys here, as if every answer had been lost: all must be found again.
        with store.write():
            store.db.execute("UPDATE actions SET jira_key = '', jira_synced = NULL")
        again = cli("publish", pm_id)

    assert first.exit_code == 0, first.stderr
    assert again.exit_code == 0, again.stderr
    assignees = {(t["fields"]["assignee"] or {}).get("accountId") for t in cloud.tickets()}
    assert assignees == {None, "acc-bbrown", "acc-carol"}
    # Cloud has no user names: "alice" matches no display name or e-mail, so it says so.
    assert "no Jira user matches “alice”; not assigned" in first.stdout
    assert len(cloud.tickets()) == 3  # all three found again by label, over two pages
    assert "3 found" in again.stdout
    assert any(r.path.endswith("/search/jql") for r in cloud.requests)


def test_a_personal_access_token_is_sent_as_a_bearer_token(
    cli, store, pm_id, jira_env, out_dir, monkeypatch
):
    monkeypatch.setenv("DEBRIEF_JIRA_AUTH", "pat")
    monkeypatch.delenv("DEBRIEF_JIRA_USER")

    assert cli("publish", pm_id).exit_code == 0
    assert len(jira_env.tickets()) == 3

    monkeypatch.setenv("DEBRIEF_JIRA_TOKEN", "expired")
    store.update_action(pm_id, store.actions(pm_id)[0].id, {"priority": "low"})
    refused = cli("publish", pm_id)
    assert refused.exit_code == 1
    assert f"Jira at {jira_env.url} rejected the personal access token;" in refused.stderr
