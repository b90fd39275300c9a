"""What the meeting keeps in the store: its record, and the view the presenter follows.

Plain Python (no widgets): the debrief screen's meeting controls own one `MeetingSync`.
"""

from __future__ import annotations

import time
import uuid
from datetime import timedelta

from debrief.meeting import (
    AgendaClock,
    ClockState,
    MeetingRecord,
    Phase,
    Presence,
    new_record,
    resumed,
)
from debrief.store import Store, StoreError

STALE_AFTER = timedelta(minutes=2)
"""Another screen's view older than this (no heartbeat) no longer counts as presenting."""
RESUME_WITHIN = timedelta(hours=4)
"""An unfinished meeting started this recently is resumed rather than started anew."""
WRAP_UP_VIEW = "@wrap-up"
"""The section name under which the presenter view shows the wrap-up."""


class MeetingSync:
    """Saves one screen's meeting record and publishes what that screen shows."""

    def __init__(self, store: Store, pm_id: str) -> None:
        self.store = store
        self.pm_id = pm_id
        self.token = uuid.uuid4().hex[:12]
        self.asked_before: dict[str, list[str]] | None = None
        self.published_at = 0.0
        """When the view was last published (monotonic seconds)."""
        self.saved_at = 0.0
        """When the record was last saved (monotonic seconds)."""

    def open_clock(
        self, agenda: list[tuple[str, str, int]], current: str
    ) -> tuple[AgendaClock, bool]:
        """A clock for this agenda; True when it resumes a recent unfinished meeting, paused
        at its saved times and at the section the facilitator was on."""
        try:
            previous = self.store.unfinished_meeting(self.pm_id)
        except StoreError:
            previous = None
        now = self.store.now()
        if (
            previous is not None
            and previous.started_at is not None
            and now - previous.started_at < RESUME_WITHIN
            and [s.key for s in previous.sections] == [k for k, _, _ in agenda]
        ):
            if previous.section(previous.current) is None:  # saved before sections were kept
                previous.current = self._shown_section() or current
            return resumed(previous, self.store.now), True
        state = ClockState(record=new_record(self.pm_id, agenda), current=current)
        return AgendaClock(state, self.store.now), False

    def publish_closed(self, section: str, clock: AgendaClock) -> None:
        """This screen closes: the view shows its clock stopped, so no one waits on it."""
        timer = clock.snapshot()
        if timer.phase is Phase.running:
            timer.phase, timer.since = Phase.paused, None
        view = Presence(
            section=section, timer=timer, at=self.store.now(), owner=self.token, presenting=False
        )
        try:
            self.store.set_meeting_view(self.pm_id, view)
        except StoreError:
            return

    def live_elsewhere(self) -> float | None:
        """Seconds since another screen last published this meeting as running, if recently
        (it may still run there, or have been closed without wrapping up)."""
        try:
            other = self.store.meeting_view(self.pm_id)
        except StoreError:
            return None
        if other is None or other.owner == self.token or not other.presenting or other.at is None:
            return None
        if other.timer is None or other.timer.phase is not Phase.running:
            return None
        age = (self.store.now() - other.at).total_seconds()
        return age if age < STALE_AFTER.total_seconds() else None

    def _shown_section(self) -> str:
        """The section the facilitator's screen last published, if any."""
        try:
            view = self.store.meeting_view(self.pm_id)
        except StoreError:
            return ""
        return view.section if view is not None else ""

    def note_questions_asked(self) -> None:
        """From now on, questions the coach marks asked go into the record."""
        if self.asked_before is None:
            self.asked_before = self.store.asked_by_section(self.pm_id)

    def save(self, clock: AgendaClock) -> None:
        """Save the record as of now (once there is something to keep): the running
        section's time and the current section with it. A StoreError is raised."""
        record = clock.record
        if record.started_at is None and not record.speakers() and not record.findings:
            return
        self.saved_at = time.monotonic()  # a locked moment is tried again, not at every tick
        self._take_questions(record)
        now = clock.snapshot().record
        record.id = self.store.save_meeting(now).id

    def _take_questions(self, record: MeetingRecord) -> None:
        if self.asked_before is None:
            return
        asked = self.store.asked_by_section(self.pm_id)
        for section in record.sections:
            before = self.asked_before.get(section.key, [])
            for question in asked.get(section.key, []):
                if question not in before and question not in section.questions:
                    section.questions.append(question)

    def publish(self, section: str, clock: AgendaClock, presenting: bool) -> None:
        """Tell the presenter view what this screen shows, unless another screen presents."""
        now = self.store.now()
        try:
            if not presenting:
                other = self.store.meeting_view(self.pm_id)
                if (
                    other is not None
                    and other.owner != self.token
                    and other.presenting
                    and other.at is not None
                    and now - other.at < STALE_AFTER
                ):
                    return
            view = Presence(
                section=section,
                timer=clock.snapshot() if clock.phase is not Phase.idle else None,
                at=now,
                owner=self.token,
                presenting=presenting,
            )
            self.store.set_meeting_view(self.pm_id, view)
        except StoreError:
            return  # the view is best effort: the next change or heartbeat publishes again
        self.published_at = time.monotonic()
