"""A post-mortem whose timeline has every milestone, a 25-minute gap and imported Slack text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from debrief.importers import EventRecord
from debrief.models import Milestone, TimelineEvent

START = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)


def timeline_pm(store, template, extra: int = 0) -> str:  # type: ignore[no-untyped-def]
    """Create it in `store`; `extra` adds that many plain events after the incident."""
    pm = store.create_postmortem("Checkout card payments failing", template, started_at=START)

    def at(minutes: float) -> datetime:
        return START + timedelta(minutes=minutes)

    manual = [
        TimelineEvent(at=at(0), text="Deploy 1234 rolls out", milestone=Milestone.trigger, source="deploy", author="ci"),
        TimelineEvent(at=at(2), text="Card errors start", milestone=Milestone.started, source="graph", link="https://grafana.example.com/d/1"),
        TimelineEvent(at=at(9), text="Alert: checkout error rate > 5%", milestone=Milestone.detected, source="pagerduty", author="pagerduty"),
        TimelineEvent(at=at(40), text="Rolled back deploy 1234", milestone=Milestone.mitigated, source="manual", author="ana"),
        TimelineEvent(at=at(52), text="Error rate normal for 10 minutes", milestone=Milestone.resolved, source="manual", author="ana"),
    ]  # fmt: skip
    for event in manual:
        store.add_event(pm.id, event)
    slack = [
        EventRecord(at(10), "Looking at @Bo Chen's dashboard", "slack #inc-42", "ana", "https://grafana.example.com/d/1", "slack:C1:1"),
        EventRecord(at(11), "literal [bold red]x[/bold red] from a paste", "slack #inc-42", "bo", "", "slack:C1:2"),
        EventRecord(at(12), "Is it the deploy?", "slack #inc-42", "cy", "", "slack:C1:3", is_reply=True),
        EventRecord(at(13), "Pool size went from 50 to 5 (final wording)", "slack #inc-42", "bo", "", "slack:C1:4", edited=True),
        # nothing for 25 minutes: a gap
        EventRecord(at(38), "Starting the rollback", "slack #inc-42", "ana", "", "slack:C1:5"),
    ]  # fmt: skip
    more = [
        EventRecord(at(60 + i), f"Follow-up note {i}", "slack #inc-42", "dee", "", f"slack:C1:x{i}")
        for i in range(extra)
    ]
    store.import_events(pm.id, slack + more)
    return pm.id
