"""A small, fixed history of incidents for the app's tests: a year of post-mortems with
milestones, action items and factors (the same every run)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from debrief.kinds import ActionStatus, FactorKind, Milestone
from debrief.models import ActionItem, Factor, TimelineEvent
from debrief.store import Store
from debrief.template import Template

KINDS = ("regression", "incident", "customer-reported", "near-miss")
CATEGORIES = ("deploy", "config change", "capacity", "dependency", "monitoring gap")


def seed_history(store: Store, template: Template, count: int = 14) -> list[str]:
    """`count` post-mortems from Dec 2025 to Nov 2026; returns their ids, oldest first."""
    ids = []
    for n in range(count):
        start = datetime(2025, 12, 3, 9, 0, tzinfo=UTC) + timedelta(days=25 * n + (n % 3) * 4)
        pm = store.create_postmortem(
            f"Checkout errors after release {n + 1}",
            template,
            started_at=start,
            severity=("SEV1", "SEV2", "SEV3")[n % 3],
            classification=KINDS[n % 4 if n % 5 else 0],
        )
        store.update_postmortem(pm.id, services=[("checkout", "payments", "search")[n % 3]])
        for minutes, milestone in ((4 + n, Milestone.detected), (30 + 3 * n, Milestone.mitigated)):
            store.add_event(
                pm.id,
                TimelineEvent(
                    at=start + timedelta(minutes=minutes), text=milestone.value, milestone=milestone
                ),
            )
        store.add_event(
            pm.id,
            TimelineEvent(
                at=start + timedelta(hours=2), text="clear", milestone=Milestone.resolved
            ),
        )
        for k in range(1 + n % 3):
            store.add_factor(
                pm.id, Factor(category=CATEGORIES[(n + k) % len(CATEGORIES)], text=f"factor {k}")
            )
        if n % 4 == 0:
            store.add_factor(
                pm.id, Factor(kind=FactorKind.went_right, category="process", text="paged fast")
            )
        item = store.add_action(
            pm.id,
            ActionItem(title=f"Guard release {n + 1}", owner="ana", due=date(2026, 6, 1)),
        )
        if n % 2:
            store.update_action(pm.id, item.id, {"status": ActionStatus.done})
        ids.append(pm.id)
    return ids
