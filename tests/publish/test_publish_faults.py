"""Jira misbehaving: retries, lost answers, refusals — never a duplicate, never a traceback."""

from __future__ import annotations

import socket
from datetime import date

from debrief.models import ActionItem, Status
from tests.fakes.fake_jira import FakeJira


def one_ticket_per_item(store, pm_id: str, jira: FakeJira) -> None:  # type: ignore[no-untyped-def]
    owned = [a for a in store.actions(pm_id) if not a.aspirational]
    for item in owned:
        found = jira.tickets(label=f"debrief-item-{item.id}")
        assert len(found) == 1, item.title
        assert item.jira_key == found[0]["key"]
    assert len(jira.tickets()) == len(owned)


def test_a_500_before_storing_is_retried_once_its_tickets_cannot_appear(
    cli, store, pm_id, jira_env, out_dir, no_waiting
):
    # A 500 before storing looks just like one after: the tickets are looked for,
    # as long as Jira's search may lag (10 s by default), before the create is sent again.
    jira_env.add_fault("create", nth=1, status=500)

    result = cli("publish", pm_id)

    assert result.exit_code == 0, result.stderr
    one_ticket_per_item(store, pm_id, jira_env)
    assert jira_env.count("bulk-create") == 2
    assert 9.5 <= sum(no_waiting) <= 10.0
    assert no_waiting[:4] == [0.5, 1.0, 2.0, 4.0]
    assert "Jira answered HTTP 500 (creating 3 tickets); looking for them" in result.stderr


def test_a_500_after_storing_is_found_by_label_not_created_twice(
    cli, store, pm_id, jira_env, out_dir
):
    jira_env.add_fault("create", nth=1, status=500, after_store=True)

    result = cli("publish", pm_id)

    assert result.exit_code == 0, result.stderr
    one_ticket_per_item(store, pm_id, jira_env)
    assert jira_env.count("bulk-create") == 1
    assert "Jira's answer was lost; found by its label" in result.stdout
    assert store.get_postmortem(pm_id).status is Status.published


def test_after_a_lost_answer_and_a_failed_run_a_rerun_leaves_one_ticket_per_item(
    cli, store, pm_id, jira_env, out_dir
):
    # Every create is stored but its answer lost, and the searches fail too:
    # like a process killed right after Jira committed.
    jira_env.add_fault("create", status=500, after_store=True, times=0)
    jira_env.add_fault("search", nth=2, status=503, times=0)

    failed = cli("publish", pm_id)

    assert failed.exit_code == 1
    assert "Traceback" not in failed.stderr
    assert (
        failed.stderr.splitlines()[0]
        == "Jira answered HTTP 500 (creating 3 tickets); looking for them by their labels "
        "before sending anything again"
    )
    assert failed.stderr.splitlines()[-1].startswith("debrief: Jira at ")
    assert len(jira_env.tickets()) == 3  # Jira has them ...
    assert all(not a.jira_key for a in store.actions(pm_id))  # ... this side never heard back
    assert store.get_postmortem(pm_id).status is Status.draft

    jira_env.clear_faults()
    rerun = cli("publish", pm_id)

    assert rerun.exit_code == 0, rerun.stderr
    one_ticket_per_item(store, pm_id, jira_env)
    assert "3 found" in rerun.stdout


def test_429_waits_as_long_as_retry_after_says(cli, store, pm_id, jira_env, out_dir, no_waiting):
    jira_env.add_fault("search", status=429, retry_after=7)
    jira_env.add_fault("create", status=429, retry_after=3)

    result = cli("publish", pm_id)

    assert result.exit_code == 0, result.stderr
    assert no_waiting == [7.0, 3.0]
    one_ticket_per_item(store, pm_id, jira_env)
    assert (
        "Jira is limiting the request rate (HTTP 429); trying to look for existing tickets "
        "again in 7 s"
    ) in result.stderr


def test_a_503_with_retry_after_on_a_create_looks_first_then_waits_out_the_rest(
    cli, store, pm_id, jira_env, out_dir, no_waiting
):
    jira_env.add_fault("create", status=503, retry_after=25)

    result = cli("publish", pm_id)

    assert result.exit_code == 0, result.stderr
    one_ticket_per_item(store, pm_id, jira_env)
    assert jira_env.count("bulk-create") == 2
    assert 24.5 <= sum(no_waiting) <= 25.0  # 10 s of looking, then the rest of the 25
    assert "Jira answered HTTP 503; trying to create tickets again in 15 s" in result.stderr


def test_a_retry_after_far_in_the_future_is_a_clear_refusal(cli, pm_id, jira_env, out_dir):
    jira_env.add_fault("search", status=429, retry_after=3600)

    result = cli("publish", pm_id)

    assert result.exit_code == 1
    assert "asks to wait 3600 seconds before the next request (rate limit)" in result.stderr


def test_rejected_credentials_are_one_sentence(cli, store, pm_id, jira_env, out_dir, monkeypatch):
    monkeypatch.setenv("DEBRIEF_JIRA_TOKEN", "not-the-token")

    result = cli("publish", pm_id)

    assert result.exit_code == 1
    assert result.stderr == (
        f"debrief: Jira at {jira_env.url} rejected the credentials of bot@example.com; check "
        "DEBRIEF_JIRA_USER and DEBRIEF_JIRA_TOKEN (or [jira] auth = pat for a personal access "
        "token)\n"
    )
    assert jira_env.tickets() == []
    assert store.get_postmortem(pm_id).status is Status.draft
    assert not out_dir.exists()


def test_a_401_in_the_middle_stops_with_what_was_created_recorded(
    cli, store, pm_id, jira_env, out_dir
):
    for n in range(57):
        store.add_action(
            pm_id,
            ActionItem(title=f"Fix thing {n} properly", owner="alice", due=date(2026, 12, 20)),
        )
    jira_env.add_fault("create", nth=2, status=401)

    result = cli("publish", pm_id)

    assert result.exit_code == 1
    assert "rejected the credentials" in result.stderr
    assert "(50 new tickets are recorded; publish again to finish)" in result.stderr
    keyed = [a for a in store.actions(pm_id) if a.jira_key]
    assert len(keyed) == 50 == len(jira_env.tickets())

    jira_env.clear_faults()
    assert cli("publish", pm_id).exit_code == 0
    one_ticket_per_item(store, pm_id, jira_env)


def test_unknown_project_is_one_sentence(cli, pm_id, jira_env, out_dir, monkeypatch):
    monkeypatch.setenv("DEBRIEF_JIRA_PROJECT", "NOPE")

    result = cli("publish", pm_id)

    assert result.exit_code == 1
    assert result.stderr == (
        f"debrief: Jira at {jira_env.url} has no project 'NOPE' (or bot@example.com cannot see "
        "it); check DEBRIEF_JIRA_PROJECT or [jira] project\n"
    )


def test_unreachable_server_is_one_sentence_and_quick(cli, store, pm_id, out_dir, monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("DEBRIEF_JIRA_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("DEBRIEF_JIRA_USER", "bot@example.com")
    monkeypatch.setenv("DEBRIEF_JIRA_TOKEN", "whatever")
    monkeypatch.setenv("DEBRIEF_JIRA_PROJECT", "OPS")

    result = cli("publish", pm_id)

    assert result.exit_code == 1
    assert result.stderr == (
        f"debrief: cannot reach Jira at http://127.0.0.1:{port}: the connection was refused\n"
    )
    assert store.get_postmortem(pm_id).status is Status.draft


def test_a_server_that_keeps_failing_gives_up_with_one_sentence(
    cli, store, pm_id, jira_env, out_dir, no_waiting
):
    jira_env.add_fault("search", status=502, times=0)

    result = cli("publish", pm_id)

    assert result.exit_code == 1
    last = result.stderr.splitlines()[-1]
    assert last.startswith(f"debrief: Jira at {jira_env.url} could not look for existing tickets")
    assert "(HTTP 502)" in result.stderr
    assert len(no_waiting) == 4
    assert no_waiting == sorted(no_waiting)  # backing off


def test_a_field_jira_refuses_is_dropped_with_a_note(
    cli, tmp_path, store, pm_id, jira_env, out_dir
):
    config = tmp_path / "config.toml"
    config.write_text('[jira.priorities]\nhigh = "Urgent"\n')

    result = cli("--config", str(config), "publish", pm_id)

    assert result.exit_code == 0, result.stderr
    assert "Jira refused the priority: The priority selected is invalid." in result.stdout
    one_ticket_per_item(store, pm_id, jira_env)


def test_items_jira_refuses_fail_the_publish_with_one_sentence(
    cli, tmp_path, store, pm_id, jira_env, out_dir
):
    config = tmp_path / "config.toml"
    config.write_text('[jira]\nissue_type = "Epic"\n')

    result = cli("--config", str(config), "publish", pm_id)

    assert result.exit_code == 1
    assert result.stderr.startswith("debrief: 3 of 3 tickets could not be created or updated")
    assert "The issue type selected is invalid." in result.stderr
    assert "failed" in result.stdout
    assert jira_env.tickets() == []
    assert store.get_postmortem(pm_id).status is Status.draft
    assert not out_dir.exists()
    assert store.creates_sent(pm_id) == {}  # Jira answered: nothing is left in flight

    fixed = cli("publish", pm_id)

    assert fixed.exit_code == 0, fixed.stderr
    one_ticket_per_item(store, pm_id, jira_env)


def test_a_create_refused_outright_leaves_nothing_in_flight(cli, store, pm_id, jira_env, out_dir):
    jira_env.add_fault("create", status=403)

    refused = cli("publish", pm_id)
    again = cli("publish", pm_id)

    assert refused.exit_code == 1
    assert "refused to create tickets" in refused.stderr
    assert again.exit_code == 0, again.stderr
    one_ticket_per_item(store, pm_id, jira_env)


def test_a_ticket_deleted_in_jira_is_reported_not_recreated(cli, store, pm_id, jira_env, out_dir):
    assert cli("publish", pm_id).exit_code == 0
    item = store.actions(pm_id)[0]
    jira_env.delete_issue(item.jira_key)
    store.update_action(pm_id, item.id, {"title": "Alert on payment errors above 1%"})

    result = cli("publish", pm_id)

    assert result.exit_code == 0, result.stderr
    assert (
        f"{item.jira_key} no longer exists in Jira (or is hidden); not recreated" in result.stdout
    )
    assert len(jira_env.tickets()) == 2
