"""`debrief remind`: outstanding items that are overdue or due within a week, by owner.

Meant for cron: the digest is printed and, with a Slack webhook, posted. It reads
the database only; run `debrief sync` first to bring in what changed in Jira.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from debrief.followup.listing import ActionRow, is_outstanding, sort_key
from debrief.literal import clean
from debrief.words import plural

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Digest:
    today: date
    owners: list[tuple[str, list[ActionRow]]]
    """(owner, their items by due date), owners in alphabetical order."""

    @property
    def count(self) -> int:
        return sum(len(items) for _, items in self.owners)

    @property
    def overdue(self) -> int:
        return sum(1 for _, items in self.owners for r in items if r.overdue)


def digest(rows: Iterable[ActionRow], today: date) -> Digest:
    """Outstanding items due before a week from today (overdue ones included), by owner."""
    groups: dict[str, tuple[str, list[ActionRow]]] = {}
    for row in rows:
        if not is_outstanding(row) or row.due is None or row.due >= today + WEEK:
            continue
        owner = " ".join(row.owner.split()) or "no owner"
        marked = row.model_copy(update={"overdue": row.is_overdue(today)})
        groups.setdefault(owner.casefold(), (owner, []))[1].append(marked)
    owners = [
        (name, sorted(items, key=sort_key))
        for _, (name, items) in sorted(groups.items(), key=lambda kv: kv[0])
    ]
    return Digest(today, owners)


def when(row: ActionRow, today: date) -> str:
    """ "3 days overdue", "due today", "due tomorrow", "due in 4 days"."""
    assert row.due is not None
    days = (row.due - today).days
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    if days == 0:
        return "due today"
    return "due tomorrow" if days == 1 else f"due in {days} days"


def headline(d: Digest) -> str:
    if not d.count:
        return f"No action items are overdue or due this week ({d.today.isoformat()})."
    items = plural(d.count, "action item")
    owners = plural(len(d.owners), "owner")
    overdue = f", {d.overdue} overdue" if d.overdue else ""
    return f"{items} overdue or due this week for {owners}{overdue} ({d.today.isoformat()})."


def text_lines(d: Digest) -> list[str]:
    """The digest as plain lines (user text cleaned of control characters)."""
    lines = [headline(d)]
    for owner, items in d.owners:
        lines += ["", clean(owner, single_line=True)]
        for r in items:
            assert r.due is not None
            ticket = f" · {clean(r.jira_key)}" if r.jira_key else ""
            lines.append(
                f"  {when(r, d.today)} ({r.due.isoformat()}) · "
                f"{clean(r.title, single_line=True)} · "
                f"{clean(r.postmortem_id)} {clean(r.postmortem_title, single_line=True)}{ticket}"
            )
    return lines


def as_json(d: Digest) -> dict[str, Any]:
    """The digest as `remind --json` prints it: the same owners and items as `text_lines`."""
    return {
        "today": d.today.isoformat(),
        "count": d.count,
        "overdue": d.overdue,
        "owners": [
            {
                "owner": owner,
                "items": [
                    {
                        "id": r.id,
                        "title": r.title,
                        "due": r.due.isoformat() if r.due else None,
                        "status": r.status.value,
                        "jira_key": r.jira_key or None,
                        "overdue": r.overdue,
                        "postmortem_id": r.postmortem_id,
                        "postmortem_title": r.postmortem_title,
                    }
                    for r in items
                ],
            }
            for owner, items in d.owners
        ],
    }


def slack_payload(d: Digest) -> dict[str, Any]:
    """The digest for a Slack incoming webhook: user text escaped, nobody @-mentioned."""
    from debrief.publish.slack import escape

    lines = [f"*{escape(headline(d))}*"]
    for owner, items in d.owners:
        lines.append(f"*{escape(owner)}*")
        for r in items:
            assert r.due is not None
            ticket = f" · {escape(r.jira_key)}" if r.jira_key else ""
            mark = ":red_circle: " if r.overdue else ""
            lines.append(
                f"• {mark}{when(r, d.today)} ({r.due.isoformat()}) · {escape(r.title)} · "
                f"{escape(r.postmortem_id)} {escape(r.postmortem_title)}{ticket}"
            )
    return {"text": "\n".join(lines)}
