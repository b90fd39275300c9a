"""The figures of `debrief stats` and the Insights screen, as one JSON-ready dict.

`stats_report` assembles it; each part is one function of the rows, so a new figure
is one more key there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from debrief.dates import read_stored

if TYPE_CHECKING:
    from debrief.store import Store
    from debrief.store.stats import StatsRows

PHASES = ("detect", "mitigate", "resolve")
_MILESTONE = {"detect": "detected", "mitigate": "mitigated", "resolve": "resolved"}
NONE = "(none)"
"""The group of post-mortems without a value for the grouping."""


def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (0–100) of `values`, interpolated between the nearest ranks."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _instant(value: Any) -> datetime | None:
    return read_stored(value) if value else None


def durations(rows: StatsRows, pm_ids: Iterable[str]) -> dict[str, list[float]]:
    """Seconds from each incident's start (its `started` milestone, else its start time)
    to its first detected, mitigated and resolved milestone (resolved: else its end time)."""
    times = {p["id"]: (p["started_at"], p["ended_at"]) for p in rows.postmortems}
    found: dict[str, list[float]] = {phase: [] for phase in PHASES}
    for pm_id in pm_ids:
        marks = rows.milestones.get(pm_id, {})
        started, ended = times.get(pm_id, (None, None))
        start = _instant(marks.get("started") or started)
        if start is None:
            continue
        for phase in PHASES:
            at = _instant(marks.get(_MILESTONE[phase]) or (ended if phase == "resolve" else None))
            if at is not None and at >= start:
                found[phase].append((at - start).total_seconds())
    return found


def times(rows: StatsRows, pm_ids: Iterable[str]) -> dict[str, Any]:
    return {
        phase: {
            "count": len(values),
            "median_seconds": _round(percentile(values, 50)),
            "p90_seconds": _round(percentile(values, 90)),
        }
        for phase, values in durations(rows, pm_ids).items()
    }


def _round(value: float | None, digits: int = 0) -> float | None:
    return None if value is None else round(value, digits)


def actions(rows: StatsRows, pm_ids: set[str], today: date) -> dict[str, Any]:
    """Owned action items done, open (open or in progress), overdue (open past due) and
    not doing, and the median days from an item's creation to its being done."""
    counts: Counter[str] = Counter()
    days: list[float] = []
    for a in rows.actions:
        if a["postmortem_id"] not in pm_ids or a["aspirational"]:
            continue
        status = a["status"] or "open"
        if status == "done":
            counts["done"] += 1
            created = _instant(a["created_at"])
            done = _instant(rows.done_at.get(a["id"]) or a["updated_at"])
            if created and done and done >= created:
                days.append((done - created).total_seconds() / 86400)
        elif status in ("open", "in-progress"):
            counts["open"] += 1
            if a["due"] and a["due"] < today.isoformat():
                counts["overdue"] += 1
        else:
            counts["not_doing"] += 1
    return {
        "total": sum(counts[k] for k in ("done", "open", "not_doing")),
        "done": counts["done"],
        "open": counts["open"],
        "overdue": counts["overdue"],
        "not_doing": counts["not_doing"],
        "median_days_to_done": _round(percentile(days, 50), 1),
    }


def factors(rows: StatsRows, pm_ids: set[str]) -> dict[str, Any]:
    """Contributing factors by category (most first), and what went right and luck."""
    by_category: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for f in rows.factors:
        if f["postmortem_id"] not in pm_ids:
            continue
        kinds[f["kind"] or "factor"] += 1
        if (f["kind"] or "factor") == "factor":
            by_category[f["category"] or "other"] += 1
    return {
        "total": kinds["factor"],
        "by_category": dict(sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0]))),
        "went_right": kinds["went-right"],
        "lucky": kinds["lucky"],
    }


def _month(pm: dict[str, Any]) -> list[str]:
    at = pm["at"] or ""
    return [at[:7]] if len(at) >= 7 else [NONE]


def group_keys(rows: StatsRows, by: str) -> Callable[[dict[str, Any]], list[str]]:
    """For a grouping, the function giving a post-mortem's groups (several for services
    and categories: a post-mortem counts in each)."""
    if by == "month":
        return _month
    if by in ("classification", "severity"):
        return lambda pm: [pm[by] or NONE]
    if by == "service":
        return lambda pm: list(dict.fromkeys(pm["services"])) or [NONE]
    if by == "category":
        cats: dict[str, list[str]] = {}
        for f in rows.factors:
            if (f["kind"] or "factor") == "factor":
                found = cats.setdefault(f["postmortem_id"], [])
                if f["category"] not in found:
                    found.append(f["category"] or "other")
        return lambda pm: cats.get(pm["id"]) or [NONE]
    raise ValueError(f"cannot group by {by!r}")


def counts(rows: StatsRows, by: str) -> dict[str, int]:
    """How many post-mortems in each group (months in order, others most first)."""
    keys = group_keys(rows, by)
    found: Counter[str] = Counter(k for pm in rows.postmortems for k in keys(pm))
    if by == "month":
        return dict(sorted(found.items()))
    return dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))


def summary(rows: StatsRows, pm_ids: set[str], today: date) -> dict[str, Any]:
    """The figures over one set of post-mortems."""
    return {
        "postmortems": len(pm_ids),
        "times": times(rows, pm_ids),
        "actions": actions(rows, pm_ids, today),
        "factors": factors(rows, pm_ids),
    }


def groups(rows: StatsRows, by: str, today: date) -> list[dict[str, Any]]:
    keys = group_keys(rows, by)
    members: dict[str, set[str]] = {}
    for pm in rows.postmortems:
        for key in keys(pm):
            members.setdefault(key, set()).add(pm["id"])
    order = list(counts(rows, by))
    return [{"key": key, **summary(rows, members[key], today)} for key in order]


def stats_report(
    store: Store, since: str | None = None, until: str | None = None, by: str | None = None
) -> dict[str, Any]:
    """Everything `debrief stats --json` prints, for incidents started in [since, until)."""
    from debrief.practice_stats import practice_stats
    from debrief.store.stats import stats_rows

    rows = stats_rows(store, since, until)
    today = store.today()
    everything = {pm["id"] for pm in rows.postmortems}
    report: dict[str, Any] = {
        "since": since,
        "until": until,
        **summary(rows, everything, today),
        "by_month": counts(rows, "month"),
        "by_classification": counts(rows, "classification"),
        "by_severity": counts(rows, "severity"),
        "practice": practice_stats(store),
    }
    if by is not None:
        report["by"] = by
        report["groups"] = groups(rows, by, today)
    return report
