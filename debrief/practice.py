"""The meeting's practice records: the timeline's confirmation, the learning check, the soak.

Pure: no Textual, no SQL.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field


class Confirmation(BaseModel):
    """The room confirmed the timeline: who marked it, and when."""

    by: str
    at: datetime | None = None


class LearningCount(BaseModel):
    """The show of hands at wrap-up."""

    learned: int = Field(ge=0)
    """How many learned something that changes how they work."""
    would_return: int = Field(ge=0)
    """How many would come to another debrief."""
    present: int = Field(ge=0)
    """How many were in the room."""

    def problem(self) -> str:
        """Why the counts cannot be right ('' when they can)."""
        if self.present < 1:
            return "say how many were present"
        if self.learned > self.present or self.would_return > self.present:
            return "a count cannot be more than the people present"
        return ""


class LearningRow(BaseModel):
    """One meeting's learning check, for counting over time."""

    postmortem_id: str
    at: datetime | None = None
    count: LearningCount


class Soak(BaseModel):
    """A short follow-up after some soak time, to turn parked ideas into items."""

    postmortem_id: str
    title: str = ""
    due: date
    done: datetime | None = None
    parked: int = 0
    """How many ideas are still parked."""


class PracticeFacts(BaseModel):
    """What the document says about the meeting's practice."""

    confirmation: Confirmation | None = None
    learning: LearningCount | None = None
    soak: Soak | None = None
