"""Configured URLs are shown with their secrets masked; a bad webhook is a warning."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pydantic import SecretStr

from debrief.app import DebriefApp
from debrief.config import Config, JiraConfig
from debrief.models import ActionItem
from debrief.screens.publish_screen import PublishScreen
from debrief.store import Store
from tests.fakes.fake_jira import FakeJira
from tests.fakes.fake_slack import FakeSlack
from tests.hostile.conftest import one_sentence
from tests.screens.helpers import screen_text

URL_TOKEN = "urltok-9c41e7"
"""A secret that sits in the configured Jira URL itself (user:token@host)."""
WEBHOOK_SECRET = "XyZsecretPath123"


@pytest.fixture
def jira_url_with_token(jira_env: FakeJira, tmp_path: Path, monkeypatch) -> str:  # type: ignore[no-untyped-def]
    """The fake Jira configured in the config file, credentials written into its URL."""
    url = jira_env.url.replace("http://", f"http://bot:{URL_TOKEN}@")
    config = tmp_path / "config.toml"
    config.write_text(f'[jira]\nurl = "{url}"\n', encoding="utf-8")
    monkeypatch.delenv("DEBRIEF_JIRA_URL")
    monkeypatch.setenv("DEBRIEF_CONFIG", str(config))
    return url


def assert_secret_free(*outputs: str) -> None:
    for text in outputs:
        assert URL_TOKEN not in text
        assert WEBHOOK_SECRET not in text
        assert "Traceback" not in text


def test_dry_run_and_json_never_show_credentials_in_the_jira_url(
    cli, pm_id, jira_url_with_token: str, jira_env: FakeJira, out_dir
):
    dry = cli("publish", pm_id, "--dry-run")
    dry_json = cli("publish", pm_id, "--dry-run", "--json")
    published = cli("publish", pm_id, "--json")
    again = cli("publish", pm_id)

    for result in (dry, dry_json, published, again):
        assert result.exit_code == 0, result.stderr
        assert_secret_free(result.stdout, result.stderr)
    host = jira_env.url.removeprefix("http://")
    assert f"OPS at http://***@{host}" in dry.stdout
    assert json.loads(dry_json.stdout)["jira"] == f"OPS at http://***@{host}"
    for document in out_dir.iterdir():
        text = document.read_text(encoding="utf-8")
        assert URL_TOKEN not in text and "bot:" not in text
        assert f"{jira_env.url}/browse/OPS-1" in text  # ticket links without credentials


def test_a_failing_jira_names_the_url_without_credentials(
    cli, pm_id, jira_url_with_token: str, jira_env: FakeJira, out_dir
):
    jira_env.add_fault("myself", status=401, times=0)
    result = cli("publish", pm_id)
    assert result.exit_code == 1 and one_sentence(result.stderr)
    assert_secret_free(result.stdout, result.stderr)
    assert "***@127.0.0.1" in result.stderr


@pytest.mark.parametrize(
    "webhook",
    [
        f"https://hooks.slack.com/services/T0/B0/{WEBHOOK_SECRET} trailing",
        f"http://127.0.0.1:1/services/T0/B0/{WEBHOOK_SECRET}",  # nothing listens there
        f"ftp://hooks.slack.com/services/T0/B0/{WEBHOOK_SECRET}",
        f"https://hooks.slack.com/services/T0/B0/{WEBHOOK_SECRET}\r\nX-Injected: 1",
        f"http://[::1/services/T0/B0/{WEBHOOK_SECRET}",
    ],
)
def test_a_bad_webhook_is_one_warning_and_the_publish_succeeds(
    cli, pm_id, out_dir, monkeypatch, webhook: str
):
    monkeypatch.setenv("DEBRIEF_SLACK_WEBHOOK", webhook)

    result = cli("publish", pm_id, "--no-jira")
    as_json = cli("publish", pm_id, "--no-jira", "--json")

    for run in (result, as_json):
        assert run.exit_code == 0, run.stderr
        assert_secret_free(run.stdout, run.stderr)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("warning: ")
    assert result.stderr.endswith("; the publish itself succeeded\n")
    summary = json.loads(as_json.stdout)
    assert summary["published"] and summary["slack"].startswith("failed: ")
    assert len(list(out_dir.iterdir())) == 2


def test_remind_with_a_bad_webhook_is_one_warning_and_exit_0(cli, store, template):
    pm = store.create_postmortem("Checkout", template)
    store.add_action(pm.id, ActionItem(title="Alert", owner="alice", due=date(2020, 1, 6)))
    webhook = f"https://hooks.slack.com/services/T0/B0/{WEBHOOK_SECRET} x"

    result = cli("remind", "--slack-webhook", webhook)

    assert result.exit_code == 0
    assert_secret_free(result.stdout, result.stderr)
    assert result.stderr.startswith("warning: the digest was not posted to Slack: ")
    assert result.stderr.count("\n") == 1


def test_a_good_webhook_still_posts(cli, pm_id, out_dir, fake_slack: FakeSlack):
    result = cli("publish", pm_id, "--no-jira", "--slack-webhook", fake_slack.url)
    assert result.exit_code == 0 and len(fake_slack.posts) == 1
    assert "warning" not in result.stderr


async def test_the_publish_preview_shows_the_jira_url_without_credentials(
    store: Store, pm_id: str, fake_jira: FakeJira
):
    url = fake_jira.url.replace("http://", f"http://bot:{URL_TOKEN}@")
    config = Config(
        jira=JiraConfig(url=url, user="bot", token=SecretStr("fake-jira-token"), project="OPS")
    )
    app = DebriefApp(store=store, config=config, pm_id=pm_id)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f9")
        assert isinstance(app.screen, PublishScreen)
        shown = screen_text(app)
        assert "OPS at http://***@127.0.0.1" in shown
        assert URL_TOKEN not in shown
        await pilot.press("d")
        assert URL_TOKEN not in app.screen.query_one("#document").source  # type: ignore[attr-defined]
