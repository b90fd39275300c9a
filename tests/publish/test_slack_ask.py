"""`debrief ask` posts the ask on Slack (fake Slack over HTTP) and keeps the request whatever happens."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fakes.fake_slack import FakeSlack


@pytest.fixture
def slack_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_slack: FakeSlack) -> Path:
    """A config file mapping Chloe to her Slack user id, the bot API at the fake."""
    path = tmp_path / "config.toml"
    path.write_text(
        f'[slack]\napi_url = "{fake_slack.api_url}"\nchannel = "C0INCIDENTS"\n'
        '[slack.users]\n"Chloe Martin" = "U0CHLOE"\n'
    )
    monkeypatch.setenv("DEBRIEF_CONFIG", str(path))
    return path


def test_the_ask_mentions_the_person_with_guidance_and_how_to_contribute(
    cli, store, template, pm_id, fake_slack: FakeSlack, slack_config, monkeypatch
):
    monkeypatch.setenv("DEBRIEF_SLACK_WEBHOOK", fake_slack.url)

    result = cli("ask", pm_id, "impact", "chloe martin", "--note", "Chats & <refunds>")

    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "asked chloe martin for impact of PM-1",
        "posted the ask on Slack on the webhook's channel",
    ]
    (post,) = fake_slack.posts
    lines = post["text"].splitlines()
    assert lines[0] == (
        "<@U0CHLOE>, tester asks you to contribute to *Impact and scope* of the post-mortem "
        "PM-1: Checkout card payments failing"
    )
    assert lines[1] == "What would help: Chats &amp; &lt;refunds&gt;"
    guidance = " ".join(template.section("impact").guidance.split())
    assert lines[2].startswith("Guidance: " + guidance[:40])
    assert lines[3].startswith("How to contribute: `debrief section set PM-1 impact -`")
    assert [r.person for r in store.requests(pm_id)] == ["chloe martin"]
    assert fake_slack.url not in result.stdout + result.stderr


def test_with_a_bot_token_the_ask_goes_to_the_person_directly_or_to_the_channel(
    cli, pm_id, fake_slack: FakeSlack, slack_config, monkeypatch
):
    monkeypatch.setenv("DEBRIEF_SLACK_BOT_TOKEN", fake_slack.bot_token)

    direct = cli("ask", pm_id, "impact", "Chloe Martin")
    channel = cli("ask", pm_id, "resolution", "Ben <!here>")

    assert direct.exit_code == 0 and channel.exit_code == 0, channel.stderr
    assert "posted the ask on Slack to U0CHLOE directly" in direct.stdout
    assert "posted the ask on Slack in C0INCIDENTS" in channel.stdout
    assert [p["channel"] for p in fake_slack.posts] == ["U0CHLOE", "C0INCIDENTS"]
    assert fake_slack.posts[1]["text"].startswith("Ben &lt;!here&gt;, tester asks you")
    for result in (direct, channel):
        assert fake_slack.bot_token not in result.stdout + result.stderr


def test_429_is_retried_after_the_wait_slack_asks_for(
    cli, pm_id, fake_slack: FakeSlack, slack_config, monkeypatch, no_waiting
):
    monkeypatch.setenv("DEBRIEF_SLACK_WEBHOOK", fake_slack.url)
    fake_slack.rate_limited, fake_slack.retry_after = 2, 5

    result = cli("ask", pm_id, "impact", "Chloe Martin")

    assert result.exit_code == 0, result.stderr
    assert no_waiting == [5.0, 5.0]
    assert len(fake_slack.posts) == 1 and fake_slack.refused == 2


def test_failures_are_one_sentence_and_the_request_is_kept(
    cli, store, pm_id, fake_slack: FakeSlack, slack_config, monkeypatch, no_waiting
):
    monkeypatch.setenv("DEBRIEF_SLACK_WEBHOOK", fake_slack.url)
    fake_slack.rate_limited, fake_slack.retry_after = 1, 3600
    too_long = cli("ask", pm_id, "impact", "Chloe Martin")
    monkeypatch.setenv("DEBRIEF_SLACK_BOT_TOKEN", "xoxb-revoked")
    refused = cli("ask", pm_id, "resolution", "Chloe Martin")

    assert too_long.exit_code == 0 and refused.exit_code == 0
    assert no_waiting == []  # an hour is past the cap: not waited for
    assert too_long.stderr == (
        "warning: Slack asks to wait 3600 seconds before the ask can be posted (rate limit); "
        "the request is recorded\n"
    )
    assert (
        refused.stderr == "warning: Slack refused the ask (invalid_auth); the request is recorded\n"
    )
    assert fake_slack.posts == []
    assert sorted(r.key for r in store.requests(pm_id)) == ["impact", "resolution"]


def test_without_slack_settings_the_ask_is_only_recorded(cli, pm_id, fake_slack: FakeSlack):
    result = cli("ask", pm_id, "impact", "Chloe Martin")

    assert result.exit_code == 0
    assert result.stdout == "asked Chloe Martin for impact of PM-1\n"
    assert fake_slack.posts == []


def test_the_publish_announcement_honours_retry_after_too(
    cli, pm_id, fake_slack: FakeSlack, monkeypatch, out_dir, no_waiting
):
    monkeypatch.setenv("DEBRIEF_SLACK_WEBHOOK", fake_slack.url)
    fake_slack.rate_limited, fake_slack.retry_after = 1, 2

    result = cli("publish", pm_id, "--no-jira")

    assert result.exit_code == 0, result.stderr
    assert no_waiting == [2.0] and len(fake_slack.posts) == 1
    assert "Announced on Slack." in result.stdout
