"""An imported event before it becomes a model: a plain tuple, cheap to make by the 100,000."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from debrief.kinds import Milestone

if TYPE_CHECKING:
    from debrief.models import TimelineEvent


class EventRecord(NamedTuple):
    """The fields of a `TimelineEvent`, already checked by the importer that made it.

    `at` is an aware UTC instant. The store's bulk path takes records as they are;
    `to_event()` validates one into the model (for previews and tests).
    """

    at: datetime
    text: str
    source: str
    author: str
    link: str
    source_id: str
    milestone: Milestone | None = None
    is_reply: bool = False
    edited: bool = False
    stamp: str = ""
    """`at` in the stored text form, when the importer had it cheaper than formatting."""

    def to_event(self) -> TimelineEvent:
        from debrief.models import TimelineEvent

        return TimelineEvent(
            at=self.at,
            text=self.text,
            source=self.source,
            author=self.author,
            link=self.link,
            source_id=self.source_id,
            milestone=self.milestone,
            is_reply=self.is_reply,
            edited=self.edited,
        )
