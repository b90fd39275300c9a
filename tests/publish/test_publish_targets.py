"""--dry-run plans every target and changes nothing anywhere; the app previews and publishes
to the Confluence and git targets of the config."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from pydantic import SecretStr
from textual.widgets import Static

from debrief.app import DebriefApp
from debrief.config import Config, ConfluenceConfig, GitConfig
from debrief.models import Status
from debrief.screens.publish_screen import PublishScreen
from tests.fakes.fake_confluence import FakeConfluence
from tests.fakes.fake_jira import FakeJira
from tests.fakes.fake_slack import FakeSlack
from tests.publish.test_publish_git import log
from tests.publish.test_publish_screen import wait_until_published
from tests.screens.helpers import screen_text


def _bare(tmp_path: Path) -> Path:
    bare = tmp_path / "docs.git"
    subprocess.run(["git", "init", "--quiet", "--bare", "-b", "main", str(bare)], check=True)
    return bare


def _refs(repo: Path) -> str:
    return subprocess.run(
        ["git", "for-each-ref"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout


def test_dry_run_shows_every_target_and_changes_nothing_anywhere(
    cli,
    store,
    pm_id,
    jira_env: FakeJira,
    confluence_env: FakeConfluence,
    fake_slack: FakeSlack,
    out_dir,
    tmp_path,
    monkeypatch,
):
    monkeypatch.setenv("DEBRIEF_SLACK_WEBHOOK", fake_slack.url)
    bare = _bare(tmp_path)
    assert cli("publish", pm_id, "--git", str(bare)).exit_code == 0  # published once before
    store.save_section(pm_id, "impact", "Card payments failed for 42 minutes.")
    jira_env.reset_counts()
    before = (store.history(pm_id), store.publishes(pm_id), _refs(bare), len(fake_slack.posts))
    files = {p: p.read_bytes() for p in out_dir.iterdir()}
    args = ("publish", pm_id, "--dry-run", "--confluence", "--git", str(bare), "--path", "pm")

    result = cli(*args)
    as_json = cli(*args, "--json")

    assert result.exit_code == 0 and as_json.exit_code == 0, result.stderr
    assert jira_env.count() == 0 and confluence_env.count() == 0
    assert confluence_env.pages() == []
    after = (store.history(pm_id), store.publishes(pm_id), _refs(bare), len(fake_slack.posts))
    assert after == before
    assert {p: p.read_bytes() for p in out_dir.iterdir()} == files
    assert store.get_postmortem(pm_id).status is Status.published
    out = result.stdout
    assert f"  Tickets in Jira OPS at {jira_env.url}:" in out
    assert f"  Confluence {confluence_env.url}:" in out
    assert (
        "    page “PM-1: Checkout card payments failing” in space OPS: created on the first "
        "publish, updated after (found again by its label debrief-pm-1)"
    ) in out
    assert f"  Git repository {bare}:" in out
    assert "    pm/PM-1-checkout-card-payments-failing.md on its current or default branch" in out
    assert "    Document: (the Confluence page)" in out  # where the announcement will point
    summary = json.loads(as_json.stdout)
    assert [(t["target"], t["result"]) for t in summary["targets"]] == [
        ("confluence", "would publish"),
        ("git", "would commit"),
    ]
    assert summary["announcement"].endswith("Document: (the Confluence page)")


async def test_the_app_previews_and_publishes_to_the_configured_targets(
    store, pm_id, fake_confluence: FakeConfluence, fake_slack: FakeSlack, out_dir, tmp_path
):
    from debrief.config import SlackConfig

    bare = _bare(tmp_path)
    config = Config(
        confluence=ConfluenceConfig(
            url=fake_confluence.url,
            user=fake_confluence.user,
            token=SecretStr(fake_confluence.token),
            space="OPS",
        ),
        git=GitConfig(repo=str(bare)),
        slack=SlackConfig(webhook=SecretStr(fake_slack.url)),
    )
    app = DebriefApp(store=store, config=config, pm_id=pm_id)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f9")
        screen = app.screen
        assert isinstance(screen, PublishScreen)
        shown = str(screen.query_one("#targets", Static).render())
        assert f"Confluence {fake_confluence.url}" in shown
        assert f"Git repository {bare}" in shown
        assert fake_confluence.count() == 0

        await pilot.press("n")
        await wait_until_published(pilot, screen)

        (page,) = fake_confluence.pages()
        assert log(bare) == ["Post-mortem PM-1: Checkout card payments failing|tester"]
        url = f"{fake_confluence.url}/spaces/OPS/pages/{page.id}"
        assert f"Confluence: created {url}" in screen_text(app)
        assert fake_slack.posts[0]["text"].endswith(f"Document: {url}")
        assert fake_confluence.token not in screen_text(app)


async def test_without_targets_configured_the_preview_shows_none(store, pm_id, out_dir):
    app = DebriefApp(store=store, config=Config(), pm_id=pm_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f9")
        assert not app.screen.query_one("#targets", Static).display


def test_a_dry_run_shows_a_target_that_cannot_work_and_refuses_a_path_outside(
    cli, pm_id, tmp_path, out_dir
):
    unconfigured = cli("publish", pm_id, "--no-jira", "--dry-run", "--confluence")
    outside = cli("publish", pm_id, "--dry-run", "--git", str(tmp_path), "--path", "/etc")

    assert unconfigured.exit_code == 0, unconfigured.stderr
    assert (
        "  Confluence (no URL):\n    Confluence is not configured: set DEBRIEF_CONFLUENCE_URL"
    ) in unconfigured.stdout
    assert outside.exit_code == 1
    assert outside.stderr == (
        "debrief: the folder '/etc' (--path, [git] path) must be inside the repository "
        "(relative, without ..)\n"
    )


async def test_the_preview_says_why_a_configured_target_cannot_work(store, pm_id, tmp_path):
    config = Config(
        confluence=ConfluenceConfig(url="https://wiki.example.com", space="OPS"),
        git=GitConfig(repo=str(tmp_path), path="../outside"),
    )
    app = DebriefApp(store=store, config=config, pm_id=pm_id)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f9")
        shown = str(app.screen.query_one("#targets", Static).render())
        assert "Confluence is not configured: set DEBRIEF_CONFLUENCE_TOKEN" in shown
        assert "the folder '../outside' (--path, [git] path) must be inside" in shown
