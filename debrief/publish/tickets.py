"""One Jira ticket per owned action item: find, create in bulk, update what changed.

Idempotent and resumable. Before creating, tickets are looked up by each item's
unique label. Every create is recorded as sent (and committed) before it leaves,
and each key is saved the moment Jira names it; a create whose answer was lost
(5xx, a time-out, a killed process) is never sent again before its ticket has been
looked for, allowing for a slow Jira and its search index lag (see `unanswered`).
A field Jira refuses to set (assignee, priority, due date) is dropped with a note
rather than failing the item.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from debrief.publish import PublishError
from debrief.publish.jira_api import ATTEMPTS, JiraSession
from debrief.publish.jira_errors import FieldsRefused, MaybeStored, TicketGone, UnclearAnswer
from debrief.publish.plan import Change, PlannedTicket
from debrief.publish.unanswered import look_for, settle_after_sent, unknown_note
from debrief.store.publishing import TicketLink
from debrief.words import plural

if TYPE_CHECKING:
    from jira.resources import Issue

BULK_LIMIT = 50
"""Jira creates at most 50 issues per bulk request."""
OPTIONAL_FIELDS = frozenset({"assignee", "priority", "duedate"})
JIRA_NAMES = {"summary": "summary", "due": "duedate", "priority": "priority", "owner": "assignee"}

Progress = Callable[[str, int, int], None]
"""(what is happening, tickets done, tickets to do)."""
Save = Callable[[list[TicketLink]], None]


class Result(StrEnum):
    created = "created"
    found = "found"
    updated = "updated"
    unchanged = "unchanged"
    failed = "failed"
    gone = "gone"
    unknown = "unknown"
    """Created or not: Jira did not say, and its ticket cannot be found yet."""
    would_create = "would create"
    would_update = "would update"


@dataclass
class Outcome:
    planned: PlannedTicket
    result: Result
    key: str = ""
    assignee: str = ""
    notes: list[str] = field(default_factory=list)
    wait: float = 0.0
    """For an unknown outcome: seconds until a new publish can settle it."""


@dataclass
class CreateLedger:
    """Where creates are recorded as sent before they leave (the store, in a publish)."""

    sent: dict[str, datetime]
    """Action id → when an earlier run sent its create and heard nothing back."""
    now: Callable[[], datetime]
    record: Callable[[dict[str, str]], None]
    """Action id → label, committed before the create is sent."""
    forget: Callable[[list[str]], None]
    """Jira refused these creates: none of them is in flight any more."""


class TicketSync:
    def __init__(
        self,
        session: JiraSession,
        project: str,
        issue_type: str,
        save: Save,
        ledger: CreateLedger,
        progress: Progress | None = None,
    ) -> None:
        self.session = session
        self.project = project
        self.issue_type = issue_type
        self.save = save
        self.ledger = ledger
        self.progress = progress
        self.timeout = session.config.timeout
        self.search_lag = session.config.search_lag
        self.done = 0
        self.total = 0

    def run(self, planned: list[PlannedTicket]) -> list[Outcome]:
        outcomes = {p.item.id: Outcome(p, Result.unchanged, p.key) for p in planned}
        creates = [p for p in planned if p.change is Change.create]
        updates: list[tuple[PlannedTicket, Issue | None, tuple[str, ...]]] = [
            (p, None, p.changed) for p in planned if p.change is Change.update
        ]
        self.total = len(creates) + len(updates)
        missing: list[PlannedTicket] = []
        if creates:
            self._report("Looking for tickets from earlier publishes")
            now, sent = self.ledger.now(), self.ledger.sent
            settle = {
                p.label: settle_after_sent(sent[p.item.id], now, self.timeout, self.search_lag)
                if p.item.id in sent
                else 0.0
                for p in creates
            }
            if any(s > 0 for s in settle.values()):
                self._report("Looking for tickets whose create went unanswered")
            looked = look_for(self.session, settle, self.search_lag)
            for p in creates:
                outcome = outcomes[p.item.id]
                if p.label in looked.unknown:
                    self._unknown(outcome, looked.unknown[p.label])
                    continue
                issues = looked.found.get(p.label)
                if not issues:
                    missing.append(p)
                    continue
                outcome.result, outcome.key = Result.found, issues[0].key
                _duplicates(outcome, issues)
                differences = self._differences(p, issues[0])
                self._link(p, issues[0].key, outcome, agreed=not differences)
                if differences:
                    updates.append((p, issues[0], differences))
                else:
                    self._advance(1)
        for start in range(0, len(missing), BULK_LIMIT):
            batch = missing[start : start + BULK_LIMIT]
            self._report(f"Creating tickets {start + 1}–{start + len(batch)} of {len(missing)}")
            self._create(batch, outcomes)
        for p, issue, changed in updates:
            self._update(p, issue, changed, outcomes[p.item.id])
        return [outcomes[p.item.id] for p in planned]

    # -- creating ----------------------------------------------------------------

    def _create(self, batch: list[PlannedTicket], outcomes: dict[str, Outcome]) -> None:
        payloads = {p.item.id: self._payload(p, outcomes[p.item.id]) for p in batch}
        todo = list(batch)
        for attempt in range(1, ATTEMPTS + 1):
            self.ledger.record({p.item.id: p.label for p in todo})
            started = time.monotonic()
            try:
                results = self.session.create([payloads[p.item.id] for p in todo])
            except MaybeStored as exc:
                if attempt == ATTEMPTS:
                    raise PublishError(
                        "Jira kept failing while creating tickets; every ticket created so far "
                        "is recorded, publish again to create the rest (none is created twice)"
                    ) from None
                if not exc.stored:
                    self.ledger.forget([p.item.id for p in todo])
                    self.session.wait(exc.delay, "create tickets", exc.reason)
                    continue
                todo, spent = self._look_after(todo, exc, time.monotonic() - started, outcomes)
                if not todo:
                    return
                if exc.delay > spent:  # what Retry-After asked for is not over yet
                    self.session.wait(exc.delay - spent, "create tickets", exc.reason)
                continue
            except UnclearAnswer:
                raise
            except PublishError:
                self.ledger.forget([p.item.id for p in todo])  # Jira refused: none stored
                raise
            todo = self._created(todo, results, payloads, outcomes)
            if not todo:
                return

    def _look_after(
        self, todo: list[PlannedTicket], exc: MaybeStored, took: float, outcomes: dict[str, Outcome]
    ) -> tuple[list[PlannedTicket], float]:
        """After a create went unanswered: adopt what Jira stored; returns what to send
        again, and the seconds the looking took.

        An unanswered create may still be at work in Jira for as long as we would have
        waited for its answer; an answered one is over. Either way its ticket may take
        `search_lag` more to show in search.
        """
        settle = self.search_lag
        if not exc.answered:
            settle += max(0.0, self.timeout - took)
        self.session.tell(
            f"Jira {exc.reason} (creating {plural(len(todo), 'ticket')}); looking for them by "
            "their labels before sending anything again"
        )
        looked = look_for(self.session, {p.label: settle for p in todo}, self.search_lag)
        again = []
        for p in todo:
            outcome = outcomes[p.item.id]
            issues = looked.found.get(p.label)
            if issues:
                outcome.result = Result.created
                outcome.notes.append("Jira's answer was lost; found by its label")
                _duplicates(outcome, issues)
                self._link(p, issues[0].key, outcome)
                self._advance(1)
            elif p.label in looked.unknown:
                self._unknown(outcome, looked.unknown[p.label])
            else:
                again.append(p)
        return again, looked.spent

    def _created(
        self,
        todo: list[PlannedTicket],
        results: list[dict[str, Any]],
        payloads: dict[str, dict[str, Any]],
        outcomes: dict[str, Outcome],
    ) -> list[PlannedTicket]:
        """Record what Jira created; returns the items to send again without refused fields."""
        links, again, refused = [], [], []
        for p, answer in zip(todo, results, strict=True):
            outcome = outcomes[p.item.id]
            if answer["status"] == "Success":
                outcome.result, outcome.key = Result.created, answer["issue"].key
                links.append(self._synced(p, outcome))
                continue
            errors = {str(k): str(v) for k, v in (answer.get("error") or {}).items()}
            payload = payloads[p.item.id]
            if errors and set(errors) <= OPTIONAL_FIELDS and set(errors) & set(payload):
                for name in errors:
                    payload.pop(name, None)
                    outcome.notes.append(f"Jira refused the {name}: {errors[name]}")
                    if name == "assignee":
                        outcome.assignee = ""
                again.append(p)
                continue
            outcome.result = Result.failed
            outcome.notes.append("; ".join(errors.values()) or "Jira refused to create it")
            refused.append(p.item.id)
            self._advance(1)
        if refused:
            self.ledger.forget(refused)
        self.save(links)
        self._advance(len(links))
        return again

    def _payload(self, p: PlannedTicket, outcome: Outcome) -> dict[str, Any]:
        f = p.fields
        payload: dict[str, Any] = {
            "project": {"key": self.project},
            "issuetype": {"name": self.issue_type},
            "summary": f.summary,
            "description": f.description,
            "labels": list(f.labels),
            "priority": {"name": f.priority},
        }
        if f.due is not None:
            payload["duedate"] = f.due.isoformat()
        who = self.session.assignee(f.owner)
        if who.ref is not None:
            payload["assignee"] = who.ref
            outcome.assignee = who.id
        elif who.note:
            outcome.notes.append(who.note)
        return payload

    # -- updating ----------------------------------------------------------------

    def _differences(self, p: PlannedTicket, issue: Issue) -> tuple[str, ...]:
        """Compared fields where a found ticket differs from the item."""
        raw = issue.raw["fields"]
        f = p.fields
        current_assignee = raw.get("assignee") or {}
        assignee_id = current_assignee.get("accountId" if self.session.cloud else "name") or ""
        checks = {
            "summary": raw.get("summary") == f.summary,
            "due": raw.get("duedate") == (f.due.isoformat() if f.due else None),
            "priority": (raw.get("priority") or {}).get("name") == f.priority,
            "owner": assignee_id == self.session.assignee(f.owner).id,
        }
        return tuple(name for name, same in checks.items() if not same)

    def _update(
        self, p: PlannedTicket, issue: Issue | None, changed: tuple[str, ...], outcome: Outcome
    ) -> None:
        key = issue.key if issue is not None else p.key
        self._report(f"Updating {key}")
        f = p.fields
        values: dict[str, Any] = {
            "summary": f.summary,
            "duedate": f.due.isoformat() if f.due else None,
            "priority": {"name": f.priority},
        }
        if "owner" in changed:
            who = self.session.assignee(f.owner)
            values["assignee"] = who.ref
            outcome.assignee = who.id
            if who.note:
                outcome.notes.append(who.note)
        payload = {JIRA_NAMES[n]: values[JIRA_NAMES[n]] for n in changed}
        try:
            target = issue if issue is not None else self.session.issue(key)
            for _ in range(2):
                try:
                    self.session.update(target, payload)
                    break
                except FieldsRefused as exc:
                    refused = set(exc.errors) & OPTIONAL_FIELDS
                    if not refused or set(exc.errors) - OPTIONAL_FIELDS:
                        raise
                    for name in refused:
                        payload.pop(name, None)
                        outcome.notes.append(f"Jira refused the {name}: {exc.errors[name]}")
        except TicketGone:
            outcome.result = Result.gone
            outcome.notes.append(f"{key} no longer exists in Jira (or is hidden); not recreated")
        except FieldsRefused as exc:
            outcome.result = Result.failed
            outcome.notes.append(str(exc))
        else:
            if outcome.result is not Result.found:
                outcome.result = Result.updated
            outcome.notes.append(f"updated: {', '.join(changed)}")
            outcome.key = key
            if not outcome.assignee and "owner" not in changed:
                outcome.assignee = self.session.assignee(f.owner).id if f.owner else ""
            self.save([self._synced(p, outcome)])
        self._advance(1)

    # -- bookkeeping ---------------------------------------------------------------

    def _link(self, p: PlannedTicket, key: str, outcome: Outcome, agreed: bool = True) -> None:
        """Save a key at once; its fields count as agreed only when they match the item."""
        outcome.key = key
        if agreed:
            outcome.assignee = self.session.assignee(p.fields.owner).id
            self.save([self._synced(p, outcome)])
        else:
            self.save([TicketLink(p.item.id, key, {})])

    def _unknown(self, outcome: Outcome, seconds: float) -> None:
        outcome.result, outcome.wait = Result.unknown, seconds
        outcome.notes.append(unknown_note(seconds))
        self._advance(1)

    def _synced(self, p: PlannedTicket, outcome: Outcome) -> TicketLink:
        return TicketLink(p.item.id, outcome.key, p.fields.synced(outcome.assignee))

    def _report(self, message: str) -> None:
        if self.progress is not None:
            self.progress(message, self.done, self.total)

    def _advance(self, count: int) -> None:
        self.done += count
        if self.progress is not None and count:
            self.progress("", self.done, self.total)


def _duplicates(outcome: Outcome, issues: list[Issue]) -> None:
    """Several tickets carry the item's label: the oldest is its ticket; say so, delete none."""
    if len(issues) > 1:
        others = ", ".join(i.key for i in issues[1:])
        outcome.notes.append(
            f"{others} also {'carry' if len(issues) > 2 else 'carries'} its label "
            f"(duplicates; {issues[0].key}, the oldest, is kept and none is deleted)"
        )
