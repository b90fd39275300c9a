"""The issue's "done means", end to end: real CLI, real SQLite file, real jira client, fake Jira."""

from __future__ import annotations

import json
from datetime import date

from tests.fakes.fake_jira import FakeJira
from tests.followup.conftest import FAR_AWAY, LAST_MONTH, by_title


def rows(cli, *args: str) -> list[dict]:  # type: ignore[no-untyped-def]
    result = cli("actions", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_publish_two_then_done_in_jira_then_sync_then_list(
    cli, store, add_pm, jira_env: FakeJira, workdir
):
    first = add_pm(
        "Checkout card payments failing",
        ("Alert on payment error rate", "alice", LAST_MONTH),
        ("Load-test the connection pool", "bob", FAR_AWAY),
    )
    second = add_pm(
        "Search latency regression", ("Cap the query fan-out", "carol", date(2026, 12, 1))
    )
    for pm_id in (first, second):
        published = cli("publish", pm_id)
        assert published.exit_code == 0, published.stderr
    fan_out = by_title(store, second)["Cap the query fan-out"]
    jira_env.set_status(fan_out.jira_key, "Done")

    synced = cli("sync")
    assert synced.exit_code == 0, synced.stderr
    assert f"{fan_out.jira_key} “Cap the query fan-out”: status open → done" in synced.stdout

    outstanding = rows(cli)
    assert [r["title"] for r in outstanding] == [
        "Alert on payment error rate",
        "Load-test the connection pool",
    ]
    assert {r["postmortem_id"] for r in outstanding} == {first}
    assert outstanding[0]["postmortem_title"] == "Checkout card payments failing"
    assert outstanding[0]["jira_key"] and outstanding[0]["owner"] == "alice"
    assert outstanding[0]["due"] == "2026-10-20" and outstanding[0]["overdue"] is True

    everything = {r["title"]: r for r in rows(cli, "--all")}
    assert len(everything) == 3
    assert everything["Cap the query fan-out"]["status"] == "done"
    assert everything["Cap the query fan-out"]["postmortem_id"] == second

    overdue = rows(cli, "--overdue")
    assert [r["title"] for r in overdue] == ["Alert on payment error rate"]

    bobs = rows(cli, "--owner", "bob")
    assert [(r["title"], r["owner"]) for r in bobs] == [("Load-test the connection pool", "bob")]

    (change,) = [r for r in store.history(second, "action") if r.field == "status"]
    assert (change.author, change.old, change.new) == ("jira", "open", "done")
