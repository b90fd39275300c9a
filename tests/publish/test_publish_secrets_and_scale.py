"""The token stays secret; 200 items cost a handful of requests."""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

from debrief.models import ActionItem
from tests.fakes.fake_jira import FakeJira


def test_the_token_appears_nowhere(
    cli, store, pm_id, jira_env: FakeJira, out_dir, tmp_path, monkeypatch, db_path
):  # db_path: the SQLite file is searched for the token too
    token = jira_env.token
    basic = base64.b64encode(f"{jira_env.user}:{token}".encode()).decode()
    outputs = []
    jira_env.add_fault("create", status=500, after_store=True)
    outputs.append(cli("publish", pm_id, "--dry-run", "--json"))
    outputs.append(cli("publish", pm_id, "--json"))
    item = store.actions(pm_id)[0]
    store.update_action(pm_id, item.id, {"title": "Alert on payment errors above 1%"})
    outputs.append(cli("publish", pm_id))
    jira_env.add_fault("search", status=500, times=0)
    store.add_action(
        pm_id, ActionItem(title="Page the on-call on 5xx", owner="alice", due=date(2026, 12, 9))
    )
    outputs.append(cli("publish", pm_id))  # fails after retries
    monkeypatch.setenv("DEBRIEF_JIRA_AUTH", "pat")
    outputs.append(cli("publish", pm_id))  # the token sent as a bearer token this time
    assert [r.exit_code for r in outputs] == [0, 0, 0, 1, 1]

    store.close()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    db_files = [p for p in files if p.name.startswith("debrief.db")]
    documents = list(out_dir.iterdir())
    assert db_files and len(documents) == 2
    for secret in (token, basic):
        for result in outputs:
            assert secret not in result.stdout
            assert secret not in result.stderr
        for path in files:
            data = path.read_bytes()
            assert secret.encode() not in data, path


def test_publishing_200_items_takes_at_most_10_create_and_search_requests(
    cli, store, template, jira_env: FakeJira, out_dir
):
    pm = store.create_postmortem("Everything broke at once", template)
    owners = ["alice", "Bob Brown", "carol", "carol@example.com"]
    for n in range(200):
        item = ActionItem(
            title=f"Fix failure mode number {n} for good",
            owner=owners[n % len(owners)],
            due=date(2026, 12, 1 + n % 28),
        )
        store.add_action(pm.id, item)

    result = cli("publish", pm.id)

    assert result.exit_code == 0, result.stderr
    assert len(jira_env.tickets()) == 200
    creates = jira_env.count("create", "bulk-create")
    searches = jira_env.count("search", "user-search")
    print(f"200 items: {creates} creates, {searches} searches, {jira_env.count()} requests")
    assert creates == 4  # 50 per bulk request
    assert creates + searches <= 10, (creates, searches)
    assert jira_env.count() <= 14  # plus serverInfo, myself, project, the field list
    stored = [a.jira_key for a in store.actions(pm.id)]
    assert len(set(stored)) == 200 and all(stored)
    markdown = next(Path(out_dir).glob("*.md")).read_text()
    assert all(key in markdown for key in stored)

    jira_env.reset_counts()
    assert cli("publish", pm.id).exit_code == 0
    assert jira_env.count() == 0
