"""`debrief publish --confluence` against the fake Confluence over HTTP: one page per post-mortem."""

from __future__ import annotations

import base64
import json
import xml.etree.ElementTree as ET

from debrief.models import TimelineEvent
from debrief.publish.confluence_page import storage
from tests.conftest import NOW
from tests.fakes.fake_confluence import FakeConfluence
from tests.fakes.fake_jira import FakeJira

TITLE = "PM-1: Checkout card payments failing"


def _well_formed(body: str) -> ET.Element:
    """The page body parses as XML (storage format), with Confluence's namespaces declared."""
    return ET.fromstring(
        '<root xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource">'
        f"{body}</root>"
    )


def test_first_publish_creates_one_page_with_timeline_items_and_labels(
    cli, store, pm_id, jira_env: FakeJira, confluence_env: FakeConfluence, out_dir
):
    store.update_postmortem(pm_id, classification="customer-reported")
    store.add_event(pm_id, TimelineEvent(at=NOW, text="Card declines & 5xx <spike> on the gateway"))

    result = cli("publish", pm_id, "--confluence")

    assert result.exit_code == 0, result.stderr
    (page,) = confluence_env.pages()
    assert page.title == TITLE and page.space == "OPS" and page.version == 1
    assert page.labels == ["post-mortem", "customer-reported", "debrief-pm-1"]
    root = _well_formed(page.body)
    cells = ["".join(td.itertext()) for td in root.iter("td")]
    assert "Card declines & 5xx <spike> on the gateway" in cells  # the timeline table, literal
    for ticket in jira_env.tickets():
        key = ticket["key"]
        assert f'<a href="{jira_env.url}/browse/{key}">{key}</a>' in page.body
    assert "<thead>" not in page.body
    url = f"{confluence_env.url}/spaces/OPS/pages/{page.id}"
    assert f"Confluence: created {url} (version 1)" in result.stdout
    (record,) = store.publishes(pm_id)
    assert url in record.documents


def test_republishing_updates_the_page_and_unchanged_content_is_left_alone(
    cli, store, pm_id, confluence_env: FakeConfluence, out_dir
):
    assert cli("publish", pm_id, "--no-jira", "--confluence").exit_code == 0

    same = cli("publish", pm_id, "--no-jira", "--confluence")
    store.save_section(pm_id, "impact", "Card payments failed for 42 minutes; 230 customers.")
    changed = cli("publish", pm_id, "--no-jira", "--confluence")

    assert same.exit_code == 0 and changed.exit_code == 0, changed.stderr
    assert "Confluence: unchanged" in same.stdout
    assert "Confluence: updated" in changed.stdout and "(version 2)" in changed.stdout
    (page,) = confluence_env.pages()
    assert page.version == 2 and "42 minutes" in page.body
    assert confluence_env.count("create") == 1 and confluence_env.count("update") == 1


def test_a_page_confluence_rewrote_is_left_alone_when_the_content_is_the_same(
    cli, store, pm_id, confluence_env: FakeConfluence, out_dir
):
    confluence_env.rewrites = True  # the body read back never equals the one sent

    results = [cli("publish", pm_id, "--no-jira", "--confluence") for _ in range(3)]
    store.save_section(pm_id, "impact", "Card payments failed for 42 minutes.")
    results.append(cli("publish", pm_id, "--no-jira", "--confluence"))

    assert [r.exit_code for r in results] == [0, 0, 0, 0]
    said = [r.stdout.split("Confluence: ")[1].split()[0] for r in results]
    # The first update names the digest of what it sent; the same content then finds it.
    assert said == ["created", "updated", "unchanged", "updated"]
    (page,) = confluence_env.pages()
    assert page.version == 3 and page.message.startswith("Published by debrief (debrief:")


def test_a_lost_answer_after_create_never_makes_a_second_page(
    cli, store, pm_id, confluence_env: FakeConfluence, out_dir
):
    confluence_env.index_lag = True  # the new page is not in search yet: found by its title
    confluence_env.add_fault("create", after_store=True, disconnect=True)

    first = cli("publish", pm_id, "--no-jira", "--confluence")
    again = cli("publish", pm_id, "--no-jira", "--confluence")

    assert first.exit_code == 0, first.stderr
    assert "Confluence's answer was lost; found by its title" in first.stdout
    assert again.exit_code == 0, again.stderr
    assert len(confluence_env.pages()) == 1
    assert confluence_env.count("create") == 1
    assert confluence_env.pages()[0].labels == ["post-mortem", "debrief-pm-1"]


def test_a_create_answered_500_is_looked_for_before_being_sent_again(
    cli, pm_id, confluence_env: FakeConfluence, out_dir
):
    confluence_env.add_fault("create", status=500)  # refused before storing

    result = cli("publish", pm_id, "--no-jira", "--confluence")

    assert result.exit_code == 0, result.stderr
    assert len(confluence_env.pages()) == 1
    assert confluence_env.count("create") == 2 and confluence_env.count("by-title") >= 2


def test_429_is_retried_after_the_wait_confluence_asks_for(
    cli, pm_id, confluence_env: FakeConfluence, out_dir, no_waiting
):
    confluence_env.add_fault("search", status=429, retry_after=7)
    confluence_env.add_fault("create", status=429, retry_after=3)

    result = cli("publish", pm_id, "--no-jira", "--confluence")

    assert result.exit_code == 0, result.stderr
    assert no_waiting == [7.0, 3.0]
    assert len(confluence_env.pages()) == 1


def test_a_retry_after_beyond_the_cap_stops_with_one_sentence(
    cli, pm_id, confluence_env: FakeConfluence, out_dir, no_waiting
):
    confluence_env.add_fault("space", status=429, retry_after=3600)

    result = cli("publish", pm_id, "--no-jira", "--confluence")

    assert result.exit_code == 1 and no_waiting == []
    assert result.stderr.startswith(
        f"debrief: Confluence at {confluence_env.url} asks to wait 3600 seconds before the "
        "next request (rate limit); publish again later, nothing is duplicated"
    )
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_title_clash_with_a_page_debrief_did_not_write_is_one_sentence(
    cli, pm_id, confluence_env: FakeConfluence, out_dir
):
    theirs = confluence_env.add_page(TITLE)

    result = cli("publish", pm_id, "--no-jira", "--confluence")

    assert result.exit_code == 1
    assert result.stderr == (
        f"debrief: Confluence space OPS already has a page titled “{TITLE}” that debrief did "
        "not publish; rename or move that page, then publish again (everything before it is "
        "done)\n"
    )
    assert confluence_env.pages() == [theirs]
    assert theirs.body == "<p>Written by hand.</p>" and theirs.version == 1


def test_a_clash_found_only_by_the_create_is_one_sentence_too(
    cli, pm_id, confluence_env: FakeConfluence, out_dir
):
    theirs = confluence_env.add_page(TITLE)
    confluence_env.add_fault("by-title", nth=1)  # the title lookup fails once, with 500 …

    result = cli("publish", pm_id, "--no-jira", "--confluence")

    # … is retried, sees the page, and publish refuses to take it over.
    assert result.exit_code == 1
    assert "already has a page titled" in result.stderr
    assert confluence_env.pages() == [theirs]


def test_rejected_credentials_and_the_token_appear_nowhere(
    cli, store, pm_id, confluence_env: FakeConfluence, out_dir, tmp_path, monkeypatch, db_path
):
    token = confluence_env.token
    basic = base64.b64encode(f"{confluence_env.user}:{token}".encode()).decode()
    outputs = [
        cli("publish", pm_id, "--no-jira", "--confluence", "--dry-run", "--json"),
        cli("publish", pm_id, "--no-jira", "--confluence", "--json"),
    ]
    store.save_section(pm_id, "impact", "Changed.")
    outputs.append(cli("publish", pm_id, "--no-jira", "--confluence"))
    monkeypatch.setenv("DEBRIEF_CONFLUENCE_AUTH", "pat")
    outputs.append(cli("publish", pm_id, "--no-jira", "--confluence"))  # a bearer token: 200
    monkeypatch.setenv("DEBRIEF_CONFLUENCE_TOKEN", "expired")
    refused = cli("publish", pm_id, "--no-jira", "--confluence")

    assert [r.exit_code for r in outputs] == [0, 0, 0, 0]
    assert f"Bearer {token}" in confluence_env.authorizations
    assert refused.exit_code == 1
    assert refused.stderr.startswith(
        f"debrief: Confluence at {confluence_env.url} rejected the personal access token;"
    )
    summary = json.loads(outputs[1].stdout)
    assert summary["targets"][0]["target"] == "confluence"
    store.close()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name.startswith("debrief.db") for p in files)
    for secret in (token, basic):
        for result in [*outputs, refused]:
            assert secret not in result.stdout + result.stderr
        for path in files:
            assert secret.encode() not in path.read_bytes(), path
        for page in confluence_env.pages():
            assert secret not in page.body


def test_unconfigured_confluence_is_one_sentence_before_anything_happens(cli, pm_id, out_dir):
    result = cli("publish", pm_id, "--no-jira", "--confluence")

    assert result.exit_code == 1
    assert result.stderr == (
        "debrief: Confluence is not configured: set DEBRIEF_CONFLUENCE_URL, "
        "DEBRIEF_CONFLUENCE_SPACE, DEBRIEF_CONFLUENCE_TOKEN, DEBRIEF_CONFLUENCE_USER "
        "(or the [confluence] table of the config file)\n"
    )
    assert not out_dir.exists()


def test_storage_format_keeps_user_text_literal_and_drops_unsafe_links():
    body = storage(
        "# Title\n\nA <b>bold</b> claim & [a link](javascript:alert(1)) and "
        "[ok](https://example.com/x?a=1&b=2)\n\n| a | b |\n|---|---|\n| 1 | \x1b[2J |\n\n"
        '![p99 "latency"](https://grafana.example.com/p.png?a=1&b=2 "t")\n'
    )
    root = _well_formed(body)
    assert "<h1>" not in body and "<b>" not in body
    assert "&lt;b&gt;bold&lt;/b&gt; claim &amp;" in body
    assert [a.get("href") for a in root.iter("a")] == ["https://example.com/x?a=1&b=2"]
    assert "␛[2J" in body and "\x1b" not in body
    image = next(root.iter("{http://atlassian.com/content}image"))
    assert image.get("{http://atlassian.com/content}alt") == 'p99 "latency"'
    url = image.find("{http://atlassian.com/resource}url")
    assert url is not None
    assert (
        url.get("{http://atlassian.com/resource}value")
        == "https://grafana.example.com/p.png?a=1&b=2"
    )


def test_a_netrc_entry_never_replaces_the_token(
    cli, pm_id, confluence_env: FakeConfluence, out_dir, isolated_env, monkeypatch
):
    (isolated_env / ".netrc").write_text("machine 127.0.0.1 login someone password other\n")
    monkeypatch.setenv("DEBRIEF_CONFLUENCE_AUTH", "pat")

    result = cli("publish", pm_id, "--no-jira", "--confluence")

    assert result.exit_code == 0, result.stderr
    assert set(confluence_env.authorizations) == {f"Bearer {confluence_env.token}"}
