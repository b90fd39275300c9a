"""`debrief publish` end to end: the real CLI, a real SQLite file, the real jira client over HTTP."""

from __future__ import annotations

import json
from datetime import date

from debrief.models import Status
from tests.fakes.fake_jira import FakeJira

CREATES = ("create", "bulk-create")


def test_three_owned_items_become_three_tickets_and_the_aspirational_one_none(
    cli, store, pm_id, jira_env: FakeJira, out_dir
):
    result = cli("publish", pm_id)

    assert result.exit_code == 0, result.stderr
    tickets = jira_env.tickets(label="post-mortem")
    assert len(tickets) == 3
    assert len(jira_env.tickets()) == 3
    by_summary = {t["fields"]["summary"]: t["fields"] for t in tickets}
    pay = by_summary["Alert on payment error rate above 2% for 5 minutes"]
    assert pay["duedate"] == "2026-12-01"
    assert pay["assignee"]["name"] == "alice"
    assert pay["priority"]["name"] == "High"
    pool = by_summary["Load-test the connection pool at peak traffic"]
    assert pool["duedate"] == "2026-12-08"
    assert pool["assignee"]["name"] == "bbrown"  # found by display name "Bob Brown"
    images = by_summary["Keep the last five images in every registry"]
    assert images["assignee"]["name"] == "carol"  # found by e-mail
    assert "Rewrite the gateway client" not in by_summary
    for fields in by_summary.values():
        assert {"post-mortem", "debrief-pm-1"} <= set(fields["labels"])
        assert any(label.startswith("debrief-item-") for label in fields["labels"])
        assert "Checkout card payments failing" in fields["description"]

    keys = sorted(t["key"] for t in tickets)
    stored = {a.title: a.jira_key for a in store.actions(pm_id)}
    assert sorted(k for k in stored.values() if k) == keys
    assert stored["Rewrite the gateway client"] == ""
    markdown = (out_dir / "PM-1-checkout-card-payments-failing.md").read_text()
    html = (out_dir / "PM-1-checkout-card-payments-failing.html").read_text()
    for key in keys:
        assert f"[{key}]({jira_env.url}/browse/{key})" in markdown
        assert key in html
        assert key in result.stdout
    assert "Rewrite the gateway client" in markdown
    assert html.startswith("<!doctype html>")

    assert store.get_postmortem(pm_id).status is Status.published
    (record,) = store.publishes(pm_id)
    assert record.author == "tester"
    assert sorted(record.tickets.values()) == keys
    assert record.documents == [
        "postmortems/PM-1-checkout-card-payments-failing.md",
        "postmortems/PM-1-checkout-card-payments-failing.html",
    ]


def test_dry_run_prints_the_plan_and_changes_nothing(cli, store, pm_id, jira_env, out_dir):
    before = store.history(pm_id)

    result = cli("publish", pm_id, "--dry-run")

    assert result.exit_code == 0, result.stderr
    assert jira_env.count() == 0
    assert not out_dir.exists()
    assert store.history(pm_id) == before
    assert store.get_postmortem(pm_id).status is Status.draft
    assert store.publishes(pm_id) == []
    out = result.stdout
    assert out.count("create ") == 3
    assert (
        "“Load-test the connection pool at peak traffic” · owner Bob Brown · due 2026-12-08" in out
    )
    assert "postmortems/PM-1-checkout-card-payments-failing.md" in out
    assert "1 “if we have time” item: listed, not ticketed." in out


def test_publishing_again_creates_nothing_new_and_makes_no_requests(
    cli, store, pm_id, jira_env, out_dir
):
    assert cli("publish", pm_id).exit_code == 0
    jira_env.reset_counts()

    again = cli("publish", pm_id)

    assert again.exit_code == 0, again.stderr
    assert len(jira_env.tickets()) == 3
    assert jira_env.count() == 0  # nothing changed locally: Jira is not even contacted
    assert "3 unchanged" in again.stdout
    assert len(store.publishes(pm_id)) == 2


def test_edits_after_publishing_update_the_ticket(cli, store, pm_id, jira_env, out_dir):
    assert cli("publish", pm_id).exit_code == 0
    item = next(a for a in store.actions(pm_id) if a.owner == "alice")
    store.update_action(
        pm_id, item.id, {"title": "Alert on payment errors above 1%", "due": date(2026, 12, 3)}
    )
    other = next(a for a in store.actions(pm_id) if a.owner == "Bob Brown")
    store.update_action(pm_id, other.id, {"owner": "carol"})

    dry = cli("publish", pm_id, "--dry-run")
    assert f"update {item.jira_key}" in dry.stdout
    assert "changed: summary, due" in dry.stdout
    result = cli("publish", pm_id)

    assert result.exit_code == 0, result.stderr
    assert len(jira_env.tickets()) == 3
    assert jira_env.count(*CREATES) == 1
    fields = jira_env.get(item.jira_key)["fields"]  # type: ignore[index]
    assert fields["summary"] == "Alert on payment errors above 1%"
    assert fields["duedate"] == "2026-12-03"
    assert fields["assignee"]["name"] == "alice"
    assert jira_env.get(other.jira_key)["fields"]["assignee"]["name"] == "carol"  # type: ignore[index]
    assert "2 updated" in result.stdout
    jira_env.reset_counts()
    assert cli("publish", pm_id).exit_code == 0
    assert jira_env.count() == 0


def test_an_edit_in_jira_is_kept_when_the_item_did_not_change(cli, store, pm_id, jira_env, out_dir):
    assert cli("publish", pm_id).exit_code == 0
    item = next(a for a in store.actions(pm_id) if a.owner == "alice")
    jira_env.edit(item.jira_key, duedate="2027-01-31")
    store.update_action(pm_id, item.id, {"title": "Alert on payment errors above 1%"})

    assert cli("publish", pm_id).exit_code == 0

    fields = jira_env.get(item.jira_key)["fields"]  # type: ignore[index]
    assert fields["summary"] == "Alert on payment errors above 1%"
    assert fields["duedate"] == "2027-01-31"


def test_no_jira_publishes_the_document_only(cli, store, pm_id, jira_env, out_dir):
    result = cli("publish", pm_id, "--no-jira", "--out", "elsewhere")

    assert result.exit_code == 0, result.stderr
    assert jira_env.count() == 0
    assert sorted(p.name for p in (out_dir.parent / "elsewhere").iterdir()) == [
        "PM-1-checkout-card-payments-failing.html",
        "PM-1-checkout-card-payments-failing.md",
    ]
    assert store.get_postmortem(pm_id).status is Status.published


def test_without_jira_settings_the_publish_says_how_to_configure_it(cli, pm_id, out_dir):
    result = cli("publish", pm_id)

    assert result.exit_code == 1
    assert result.stderr.startswith("debrief: Jira is not configured: set DEBRIEF_JIRA_URL")
    assert "--no-jira" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out_dir.exists()


def test_publish_dir_comes_from_the_config_file(cli, tmp_path, pm_id, jira_env, out_dir):
    config = tmp_path / "config.toml"
    target = tmp_path / "shared" / "pms"
    config.write_text(f'publish_dir = "{target}"\n')

    result = cli("--config", str(config), "publish", pm_id)

    assert result.exit_code == 0, result.stderr
    assert (target / "PM-1-checkout-card-payments-failing.md").is_file()
    assert not out_dir.exists()


def test_json_prints_the_summary(cli, pm_id, jira_env, out_dir):
    result = cli("publish", pm_id, "--json")

    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["published"] is True
    assert summary["postmortem_id"] == pm_id
    assert [t["result"] for t in summary["tickets"]] == ["created"] * 3
    assert [t["assignee"] for t in summary["tickets"]] == ["alice", "bbrown", "carol"]
    assert summary["aspirational"] == 1
    assert summary["slack"] == "not configured"
    assert "Checklist" in result.stderr


def test_strict_turns_warnings_into_a_refusal(cli, store, pm_id, jira_env, out_dir):
    result = cli("publish", pm_id, "--strict")

    assert result.exit_code == 1
    assert "sections are empty" in result.stdout
    assert result.stderr.strip().endswith("(--strict treats warnings as blocking)")
    assert jira_env.count() == 0
    assert store.get_postmortem(pm_id).status is Status.draft


def test_an_owner_jira_does_not_know_gets_an_unassigned_ticket_and_a_note(
    cli, store, pm_id, jira_env, out_dir
):
    item = store.actions(pm_id)[0]
    store.update_action(pm_id, item.id, {"owner": "Zed Unknown"})

    result = cli("publish", pm_id)

    assert result.exit_code == 0, result.stderr
    assert jira_env.get(store.get_action(pm_id, item.id).jira_key)["fields"]["assignee"] is None  # type: ignore[index]
    assert "no Jira user matches “Zed Unknown”; not assigned" in result.stdout


def test_owner_mapping_in_the_config_wins_over_the_search(
    cli, tmp_path, store, pm_id, jira_env, out_dir
):
    config = tmp_path / "config.toml"
    config.write_text('[jira.users]\n"Bob Brown" = "carol"\n')

    result = cli("--config", str(config), "publish", pm_id)

    assert result.exit_code == 0, result.stderr
    bob = next(a for a in store.actions(pm_id) if a.owner == "Bob Brown")
    assert jira_env.get(bob.jira_key)["fields"]["assignee"]["name"] == "carol"  # type: ignore[index]
    assert jira_env.count("user-search") == 2  # alice and carol@example.com only


def test_unknown_post_mortem_is_one_sentence(cli, jira_env):
    result = cli("publish", "PM-404")
    assert result.exit_code == 1
    assert (
        result.stderr == "debrief: there is no post-mortem with id 'PM-404' (see `debrief list`)\n"
    )


def test_the_published_documents_carry_the_meeting_record_as_export_does(
    cli, store, pm_id, out_dir
):
    from debrief.meeting import new_record, toggle_speaker

    record = new_record(pm_id, [("impact", "Impact and scope", 5)])
    toggle_speaker(record, "impact", "alice")
    store.save_meeting(record)
    exported = cli("export", pm_id, "--format", "md").stdout

    result = cli("publish", pm_id, "--no-jira")

    assert result.exit_code == 0, result.stderr
    markdown = (out_dir / "PM-1-checkout-card-payments-failing.md").read_text()
    appendix = markdown.split("## Appendix: the debrief meeting", 1)[1]
    assert "- **Who spoke** (sections): alice (1)" in appendix
    assert "| Impact and scope | 05:00 | 00:00 | — | 0 | alice |" in appendix
    assert markdown == exported.replace("| **Status** | draft |", "| **Status** | published |")
    html = (out_dir / "PM-1-checkout-card-payments-failing.html").read_text()
    assert "Appendix: the debrief meeting" in html and "alice (1)" in html
