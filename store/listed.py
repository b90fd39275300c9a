"""A post-mortem as the home screen's list draws it, read straight from its row."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from debrief.dates import read_stored, read_stored_day
from debrief.kinds import Status

SHOWN = ("id", "title", "status", "severity", "started_at", "debrief_due")
"""The columns the home screen's list draws."""


class Listed:
    """The six fields of a post-mortem that its row in the home screen's list shows.
    Making the whole record (nested participants, JSON columns, every date) costs
    about ten times as much, before the home screen's first frame."""

    __slots__ = SHOWN

    def __init__(self, row: tuple[Any, ...]) -> None:
        pm_id, title, status, severity, started_at, debrief_due = row
        self.id: str = pm_id
        self.title: str = title or ""
        try:
            self.status = Status(status)
        except ValueError:
            self.status = Status.draft  # a damaged value is listed, not a failure
        self.severity: str = severity or ""
        self.started_at: datetime | None = read_stored(started_at)
        self.debrief_due: date | None = read_stored_day(debrief_due)
