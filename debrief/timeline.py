"""What a timeline says: milestones, time to detect / mitigate / resolve, gaps; events as lines."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from debrief.literal import clean
from debrief.models import Milestone, TimelineEvent

GAP_THRESHOLD = timedelta(minutes=20)


@dataclass(frozen=True)
class Metrics:
    """Durations in seconds from the incident's start; None where a milestone is missing."""

    started: datetime | None
    time_to_detect: float | None
    time_to_mitigate: float | None
    time_to_resolve: float | None

    def rows(self) -> list[tuple[str, float | None]]:
        return [
            ("Time to detect", self.time_to_detect),
            ("Time to mitigate", self.time_to_mitigate),
            ("Time to resolve", self.time_to_resolve),
        ]


def first_milestone(events: Sequence[TimelineEvent], kind: Milestone) -> datetime | None:
    times = [e.at for e in events if e.milestone == kind]
    return min(times) if times else None


def metrics(events: Sequence[TimelineEvent], started: datetime | None = None) -> Metrics:
    """The incident's durations; the start is the `started` milestone, else `started`."""
    start = first_milestone(events, Milestone.started) or started

    def since(kind: Milestone) -> float | None:
        at = first_milestone(events, kind)
        if at is None or start is None:
            return None
        return (at - start).total_seconds()

    return Metrics(
        started=start,
        time_to_detect=since(Milestone.detected),
        time_to_mitigate=since(Milestone.mitigated),
        time_to_resolve=since(Milestone.resolved),
    )


@dataclass(frozen=True)
class Gap:
    after: TimelineEvent
    before: TimelineEvent

    @property
    def seconds(self) -> float:
        return (self.before.at - self.after.at).total_seconds()


def gaps(events: Sequence[TimelineEvent], threshold: timedelta = GAP_THRESHOLD) -> list[Gap]:
    """Stretches longer than `threshold` where nothing was recorded (events sorted by time)."""
    ordered = sorted(events, key=lambda e: e.at)
    return [Gap(a, b) for a, b in itertools.pairwise(ordered) if b.at - a.at > threshold]


def unsourced(events: Sequence[TimelineEvent]) -> int:
    """Entries with neither a link nor a source other than a manual note."""
    return sum(1 for e in events if not e.link and e.source in ("", "manual"))


def utc_iso(at: datetime) -> str:
    """`2026-11-20T14:12:00Z`: the instant in UTC, seconds kept, the zone named."""
    return at.astimezone(UTC).isoformat().replace("+00:00", "Z")


def event_line(event: TimelineEvent) -> str:
    """Time · [milestone] · author · (source) · text · link, user text on one line, cleaned."""
    parts = [utc_iso(event.at)]
    if event.milestone is not None:
        parts.append(f"[{event.milestone.value}]")
    parts.append(clean(event.author, single_line=True) or "—")
    parts.append(f"({clean(event.source, single_line=True)})")
    parts.append(clean(event.text, single_line=True))
    if event.link:
        parts.append(clean(event.link, single_line=True))
    return "  ".join(parts)
