"""The meeting's practice records: the timeline's confirmation, the learning check, the soak.

Pure: no Textual, no SQL.
"""

from __future__ import annotations

from datetime import date, datetime

from debrief.record import Record, RecordError


class Confirmation(Record):
    """The room confirmed the timeline: who marked it, and when."""

    by: str
    at: datetime | None = None


class LearningCount(Record):
    """The show of hands at wrap-up."""

    learned: int
    """How many learned something that changes how they work."""
    would_return: int
    """How many would come to another debrief."""
    present: int
    """How many were in the room."""

    def _checks(self, strict: bool) -> None:
        for name in ("learned", "would_return", "present"):
            if getattr(self, name) < 0:
                raise RecordError((name,), "a count cannot be below 0")

    def problem(self) -> str:
        """Why the counts cannot be right ('' when they can)."""
        if self.present < 1:
            return "say how many were present"
        if self.learned > self.present or self.would_return > self.present:
            return "a count cannot be more than the people present"
        return ""


class LearningRow(Record):
    """One meeting's learning check, for counting over time."""

    postmortem_id: str
    at: datetime | None = None
    count: LearningCount


class Soak(Record):
    """A short follow-up after some soak time, to turn parked ideas into items."""

    postmortem_id: str
    title: str = ""
    due: date
    done: datetime | None = None
    parked: int = 0
    """How many ideas are still parked."""


class PracticeFacts(Record):
    """What the document says about the meeting's practice."""

    confirmation: Confirmation | None = None
    learning: LearningCount | None = None
    soak: Soak | None = None
