"""The fake Jira answers the real client as Jira does (so later features can trust it)."""

from __future__ import annotations

import pytest
from jira import JIRA
from jira.exceptions import JIRAError

from tests.fakes.fake_jira import FakeJira


def client(fake: FakeJira, token: str | None = None) -> JIRA:
    return JIRA(fake.url, basic_auth=(fake.user, token or fake.token), max_retries=0, logging=False)


def make_issues(jira: JIRA, count: int, label: str) -> list[str]:
    fields = [
        {
            "project": {"key": "OPS"},
            "issuetype": {"name": "Task"},
            "summary": f"n{n}",
            "labels": [label],
        }
        for n in range(count)
    ]
    keys = []
    for start in range(0, count, 50):
        keys += [
            r["issue"].key for r in jira.create_issues(fields[start : start + 50], prefetch=False)
        ]
    return keys


def test_search_pages_with_start_at_and_max_results(fake_jira: FakeJira):
    jira = client(fake_jira)
    keys = make_issues(jira, 120, "pm")
    make_issues(jira, 3, "other")

    page = jira.search_issues('labels = "pm"', startAt=100, maxResults=50, fields="summary")
    everything = jira.search_issues("labels in (pm, other) AND project = OPS", maxResults=False)

    assert page.total == 120 and [i.key for i in page] == keys[100:]
    assert len(everything) == 123
    assert fake_jira.count("search") == 1 + 2  # two pages of 100 for "everything"


def test_status_set_by_a_test_shows_in_search_and_get(fake_jira: FakeJira):
    jira = client(fake_jira)
    key = make_issues(jira, 2, "pm")[0]

    fake_jira.set_status(key, "Done")

    done = jira.search_issues("statusCategory = Done", fields="status")
    assert [i.key for i in done] == [key]
    assert jira.issue(key).fields.status.name == "Done"
    assert len(jira.search_issues('labels = pm AND status != "Done"')) == 1


def test_errors_have_jiras_shape(fake_jira: FakeJira):
    jira = client(fake_jira)
    with pytest.raises(JIRAError) as missing:
        jira.issue("OPS-99")
    assert missing.value.status_code == 404
    assert missing.value.text == "Issue does not exist or you do not have permission to see it."
    with pytest.raises(JIRAError) as bad_jql:
        jira.search_issues("summary ~ x")
    assert bad_jql.value.status_code == 400
    results = jira.create_issues(
        [{"project": {"key": "OPS"}, "issuetype": {"name": "Task"}, "summary": ""}], prefetch=False
    )
    assert results[0]["error"] == {"summary": "You must specify a summary of the issue."}
    with pytest.raises(JIRAError) as refused:
        client(fake_jira, token="nope").myself()
    assert refused.value.status_code == 401


def test_deleted_and_edited_issues(fake_jira: FakeJira):
    jira = client(fake_jira)
    first, second = make_issues(jira, 2, "pm")
    fake_jira.edit(first, duedate="2027-01-01", assignee="carol")
    fake_jira.delete_issue(second)

    issue = jira.issue(first)
    assert (issue.fields.duedate, issue.fields.assignee.name) == ("2027-01-01", "carol")
    assert [i.key for i in jira.search_issues("labels = pm")] == [first]
