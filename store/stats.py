"""What `debrief stats` reads, in four queries over the whole store (either engine):
the post-mortems in a window, their first milestones, their action items and factors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from debrief.store.base import from_json

if TYPE_CHECKING:
    from debrief.store import Store

_WHEN = "coalesce(p.started_at, p.created_at)"


@dataclass
class StatsRows:
    """Plain rows, keyed by post-mortem id; times as the store writes them (UTC text)."""

    postmortems: list[dict[str, Any]] = field(default_factory=list)
    milestones: dict[str, dict[str, str]] = field(default_factory=dict)
    """Post-mortem id → milestone → its first instant."""
    actions: list[dict[str, Any]] = field(default_factory=list)
    done_at: dict[str, str] = field(default_factory=dict)
    """Action id → when its status first became done (from the history)."""
    factors: list[dict[str, Any]] = field(default_factory=list)


def _window(since: str | None, until: str | None) -> tuple[str, list[str]]:
    clauses, params = [], []
    if since:
        clauses.append(f"{_WHEN} >= ?")
        params.append(since)
    if until:
        clauses.append(f"{_WHEN} < ?")
        params.append(until)
    return (" AND ".join(clauses) or "1 = 1"), params


def stats_rows(store: Store, since: str | None = None, until: str | None = None) -> StatsRows:
    """Everything the figures need for incidents started in [since, until)."""
    where, params = _window(since, until)
    found = StatsRows()
    db = store.db
    with store.reading():
        for row in db.query(
            "SELECT p.id, p.title, p.status, p.severity, p.classification, p.services, "
            f"p.started_at, p.ended_at, p.created_at, {_WHEN} AS at "
            f"FROM postmortems p WHERE {where}",
            params,
        ):
            row["services"] = from_json(row["services"]) or []
            found.postmortems.append(row)
        joined = f"JOIN postmortems p ON p.id = x.postmortem_id WHERE {where}"
        for pm_id, milestone, at in db.execute(
            "SELECT x.postmortem_id, x.milestone, min(x.at) FROM events x "
            f"{joined} AND x.milestone IN ('started', 'detected', 'mitigated', 'resolved') "
            "GROUP BY x.postmortem_id, x.milestone",
            params,
        ).fetchall():
            found.milestones.setdefault(pm_id, {})[milestone] = at
        found.actions = db.query(
            "SELECT x.id, x.postmortem_id, x.status, x.due, x.aspirational, x.created_at, "
            f"x.updated_at FROM actions x {joined}",
            params,
        )
        done_ids = {a["id"] for a in found.actions if a["status"] == "done"}
        if done_ids:
            for action_id, at in db.execute(
                "SELECT entity_id, min(at) FROM revisions "
                "WHERE entity = 'action' AND field = 'status' AND new = ? GROUP BY entity_id",
                ['"done"'],
            ).fetchall():
                if action_id in done_ids:
                    found.done_at[action_id] = at
        found.factors = db.query(
            f"SELECT x.postmortem_id, x.kind, x.category FROM factors x {joined}", params
        )
    return found
