"""How wide each column of the timeline table is, and how long silences are written.

Pure functions of the events and the width, so the table only draws.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from debrief.dates import show_duration
from debrief.models import TimelineEvent


def long_duration(seconds: float) -> str:
    """`show_duration`, with days for the long silences between incidents: `3d 4h`."""
    if seconds < 2 * 86400:
        return show_duration(seconds)
    days, rest = divmod(round(seconds), 86400)
    return f"{days:,}d {rest // 3600}h"


@dataclass(frozen=True)
class Columns:
    width: int
    mark: int
    time: int
    milestone: int
    source: int
    who: int
    what: int


def columns_for(
    width: int,
    events: Sequence[TimelineEvent],
    checkable: bool,
    with_date: bool,
    zone_name: str,
) -> Columns:
    """Columns for `width` cells: the text column takes what the others leave."""
    mark = 2 if checkable else 0
    time = 14 if with_date else 8
    if "/" in zone_name:
        time += 6
    else:
        time = max(time, len(zone_name) + 7)  # room for "Time (UTC)"
    sample = events[:2000]
    milestone = 9 if any(e.milestone for e in events) else 0
    source = min(max((len(e.source) for e in sample), default=6), 16, max(width // 6, 6))
    who = min(max((len(e.author) for e in sample), default=3), 16, max(width // 6, 3))
    source, who = max(source, 6), max(who, 3)
    used = mark + time + (milestone + 1 if milestone else 0) + source + who + 3
    return Columns(width, mark, time, milestone, source, who, max(width - used, 8))
