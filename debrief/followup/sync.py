"""`debrief sync`: pull the status, assignee and due date of published items from Jira.

Everything is read first (the items here, then every ticket, in a few paged
searches by the post-mortems' labels, never one request per item) and only
then written, in one transaction. So a Jira that cannot be reached, or that
rejects the token, leaves the database exactly as it was. The store given must
be opened with the author "jira": each change is a revision by Jira.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from debrief.config import JiraConfig
from debrief.followup.sync_plan import SyncReport, plan_sync
from debrief.followup.tickets import FIELDS, Ticket, ticket
from debrief.publish.jira_errors import check_config
from debrief.publish.plan import pm_label
from debrief.redact import redact_url
from debrief.words import plural

if TYPE_CHECKING:
    from debrief.store import Store

JIRA_AUTHOR = "jira"
"""The author of every change a sync makes."""


def sync(
    store: Store,
    jira: JiraConfig,
    pm_id: str | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> SyncReport:
    """Sync every published item (or those of `pm_id`); PublishError if Jira fails."""
    if pm_id:
        store.get_postmortem(pm_id)
    published = store.published_items(pm_id)
    if not published:
        return SyncReport()
    labels = sorted({pm_label(p.postmortem_id) for p in published})
    tickets = fetch(jira, labels, on_wait)
    writes, report = plan_sync(published, tickets, jira.users)
    report.jira = f"{jira.project} at {redact_url(jira.url.rstrip('/'))}"
    skipped = {w.action_id for w in store.apply_sync(writes)}
    if skipped:
        report.changes = [c for c in report.changes if c.action_id not in skipped]
        one = len(skipped) == 1
        report.notes.append(
            f"{plural(len(skipped), 'item')} changed here while syncing and "
            f"{'was left as it is' if one else 'were left as they are'}; "
            f"sync again to bring {'it' if one else 'them'} up to date"
        )
    return report


def fetch(
    jira: JiraConfig, labels: list[str], on_wait: Callable[[str], None] | None = None
) -> list[Ticket]:
    """Every ticket carrying one of these labels: one paged search per 200 labels."""
    from debrief.publish.jira_api import LABELS_PER_SEARCH, JiraSession

    check_config(jira, alone="then sync again")
    session = JiraSession(jira, on_wait=on_wait)
    session.connect()
    client = session.client
    assert client is not None
    found: dict[str, Ticket] = {}
    for start in range(0, len(labels), LABELS_PER_SEARCH):
        chunk = labels[start : start + LABELS_PER_SEARCH]
        jql = f"labels in ({', '.join(_quoted(x) for x in chunk)}) ORDER BY key ASC"
        issues = session.call(
            "read the tickets",
            lambda jql=jql: client.search_issues(  # type: ignore[misc]
                jql, maxResults=False, fields=FIELDS, use_post=True
            ),
        )
        for issue in issues:
            found[issue.key] = ticket(issue.key, issue.raw.get("fields") or {}, session.cloud)
    return list(found.values())


def _quoted(label: str) -> str:
    return '"' + label.replace("\\", "\\\\").replace('"', '\\"') + '"'
