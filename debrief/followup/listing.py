"""Action items across every post-mortem: the row `debrief actions --json` prints, and its filters.

Outstanding work is an owned item that is open or in progress. Aspirational
items (the "if we have time" list) are never outstanding: only `--all` shows
them, with done and not-doing items.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from debrief.models import ActionItem, ActionStatus
from debrief.words import plural

OUTSTANDING = frozenset({ActionStatus.open, ActionStatus.in_progress})


class ActionRow(ActionItem):
    """An action item with the post-mortem it belongs to; `overdue` as of the listing's day."""

    postmortem_id: str
    postmortem_title: str
    overdue: bool = False


def is_outstanding(item: ActionItem) -> bool:
    """Owned work that is still to do (open or in progress)."""
    return not item.aspirational and item.status in OUTSTANDING


def owner_matches(owner: str, name: str) -> bool:
    """`name` is the owner, a word of the owner's name, or an e-mail's user part (any case).

    So `bob` finds "bob", "Bob Brown" and "bob@example.com", but not "Bobby".
    """
    wanted = " ".join(name.casefold().split())
    if not wanted:
        return True
    have = " ".join(owner.casefold().split())
    if not have:
        return False
    return wanted == have or wanted in have.split() or wanted == have.split("@")[0]


@dataclass(frozen=True)
class ActionFilter:
    """What to list: outstanding items by default."""

    include_all: bool = False
    """Also done, not-doing and aspirational items."""
    overdue: bool = False
    """Only outstanding items past their due date."""
    owner: str = ""
    postmortem_id: str = ""
    status: ActionStatus | None = None
    """Only this status (the app's status filter)."""

    def keeps(self, row: ActionRow, today: date) -> bool:
        if self.postmortem_id and row.postmortem_id != self.postmortem_id:
            return False
        if self.owner and not owner_matches(row.owner, self.owner):
            return False
        if self.overdue and not row.is_overdue(today):
            return False
        if self.status is not None and row.status is not self.status:
            return False
        return self.include_all or self.status is not None or is_outstanding(row)


def sort_key(row: ActionRow) -> tuple[bool, date, str, int]:
    """By due date (undated last), then post-mortem and the item's place in it."""
    return (row.due is None, row.due or date.max, row.postmortem_id, row.position)


def select(rows: Iterable[ActionRow], where: ActionFilter, today: date) -> list[ActionRow]:
    """The rows the filter keeps, sorted by due date, each marked overdue or not."""
    kept = [
        row.model_copy(update={"overdue": row.is_overdue(today)})
        for row in rows
        if where.keeps(row, today)
    ]
    return sorted(kept, key=sort_key)


def counts(rows: Iterable[ActionRow]) -> str:
    """A one-line summary: "5 action items, 2 overdue"."""
    listed = list(rows)
    overdue = sum(1 for r in listed if r.overdue)
    return plural(len(listed), "action item") + (f", {overdue} overdue" if overdue else "")
