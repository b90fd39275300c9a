"""The "Publish preview" screen in the real app: plan, document, and a publish with progress."""

from __future__ import annotations

import pytest
from pydantic import SecretStr
from textual.message import Message
from textual.widgets import DataTable, Markdown, TabbedContent

from debrief.app import DebriefApp
from debrief.config import Config, JiraConfig, SlackConfig
from debrief.models import Status
from debrief.screens.debrief_screen import DebriefScreen
from debrief.screens.publish_screen import PublishScreen
from tests.fakes.fake_jira import FakeJira
from tests.fakes.fake_slack import FakeSlack
from tests.screens.helpers import screen_text

SIZE = (100, 32)
SIZES = [(80, 24), (120, 36)]


def jira_config(url: str, token: str = "fake-jira-token-5f1c2e") -> Config:
    return Config(
        jira=JiraConfig(url=url, user="bot@example.com", token=SecretStr(token), project="OPS")
    )


async def wait_until_published(pilot, screen: PublishScreen) -> None:  # type: ignore[no-untyped-def]
    for _ in range(100):
        await pilot.pause(0.05)
        if not screen.running:
            await pilot.pause()
            return
    raise AssertionError("the publish did not finish")


async def test_publish_preview_shows_the_plan_and_the_document_then_publishes(
    store, pm_id, fake_jira: FakeJira, out_dir
):
    seen: list[Message] = []
    app = DebriefApp(store=store, config=jira_config(fake_jira.url), pm_id=pm_id)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await pilot.press("f9")
        screen = app.screen
        assert isinstance(screen, PublishScreen)
        assert screen.query_one("#ticket-plan", DataTable).row_count == 3
        shown = screen_text(app)
        assert f"Tickets in Jira OPS at {fake_jira.url}" in shown
        assert "Load-test the connection pool" in shown
        assert fake_jira.count() == 0  # the preview never calls Jira

        await pilot.press("d")
        assert screen.query_one(TabbedContent).active == "document-pane"
        markdown = screen.query_one("#document", Markdown).source
        assert markdown.startswith("# Checkout card payments failing")
        assert "Rewrite the gateway client" in markdown
        status = store.get_postmortem(pm_id).status.value
        assert status != "published"
        assert f"| **Status** | {status} |" in markdown  # as it is now, not as it will be
        assert "| **Status** | published |" not in markdown
        await pilot.press("d")

        await pilot.press("p")
        await wait_until_published(pilot, screen)

        assert len(fake_jira.tickets(label="post-mortem")) == 3
        assert all(a.jira_key for a in store.actions(pm_id) if not a.aspirational)
        assert store.get_postmortem(pm_id).status is Status.published
        assert (out_dir / "PM-1-checkout-card-payments-failing.md").is_file()
        progress = [m for m in seen if isinstance(m, PublishScreen.Progress)]
        assert progress and progress[-1].done == progress[-1].total == 3
        assert any(m.text.startswith("Creating tickets 1–3 of 3") for m in progress)
        assert "Published PM-1: 3 created; documents written." in screen_text(app)
        assert "keep" in screen_text(app)  # the plan now has nothing left to do

        await pilot.press("escape")
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.pm.status is Status.published


async def test_publish_preview_is_in_the_palette(store, pm_id):
    app = DebriefApp(store=store, pm_id=pm_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"Publish preview")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PublishScreen)
        assert "Jira is not configured" in screen_text(app)


async def test_a_refused_publish_shows_the_sentence_and_records_nothing(
    store, pm_id, fake_jira: FakeJira, out_dir
):
    app = DebriefApp(store=store, config=jira_config(fake_jira.url, token="wrong"), pm_id=pm_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        screen = app.screen
        assert isinstance(screen, PublishScreen)
        await pilot.press("p")
        await wait_until_published(pilot, screen)

        assert "rejected the credentials of bot@example.com" in screen_text(app)
        assert "wrong" not in screen_text(app)
        assert store.get_postmortem(pm_id).status is Status.draft
        assert not out_dir.exists()


async def test_publishing_without_jira_from_the_preview(store, pm_id, out_dir):
    app = DebriefApp(store=store, pm_id=pm_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f9")
        screen = app.screen
        assert isinstance(screen, PublishScreen)
        await pilot.press("n")
        await wait_until_published(pilot, screen)
        assert store.get_postmortem(pm_id).status is Status.published
        assert (out_dir / "PM-1-checkout-card-payments-failing.html").is_file()


async def test_the_preview_shows_the_slack_text_and_the_meeting_appendix(
    store, pm_id, fake_slack: FakeSlack, out_dir
):
    from textual.widgets import Static

    from debrief.meeting import new_record, toggle_speaker

    store.update_postmortem(pm_id, severity="SEV2")
    record = new_record(pm_id, [("impact", "Impact and scope", 5)])
    toggle_speaker(record, "impact", "alice")
    store.save_meeting(record)
    config = Config(slack=SlackConfig(webhook=SecretStr(fake_slack.url)))
    app = DebriefApp(store=store, config=config, pm_id=pm_id)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f9")
        screen = app.screen
        assert isinstance(screen, PublishScreen)
        shown = str(screen.query_one("#announcement", Static).render())
        assert fake_slack.url not in shown and fake_slack.url not in screen_text(app)
        assert shown.splitlines() == [
            f"Slack announcement to {fake_slack.url.rsplit('/services/', 1)[0]}/services/***",
            "  *Post-mortem published: Checkout card payments failing* (PM-1, SEV2)",
            "  Impact: Card payments failed for 40 minutes; 212 customers.",
            "  3 action items tracked in Jira ((new), (new), (new)), 1 more if we have time",
            f"  Document: {out_dir.resolve()}/PM-1-checkout-card-payments-failing.html",
        ]
        assert fake_slack.posts == []
        document = screen.query_one("#document", Markdown).source
        assert "## Appendix: the debrief meeting" in document  # as publish will write it


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_publish_preview_snapshot(snap_compare, store, demo_id, size):
    app = DebriefApp(store=store, config=jira_config("https://jira.example.com"), pm_id=demo_id)
    assert snap_compare(app, terminal_size=size, press=["f9"])
