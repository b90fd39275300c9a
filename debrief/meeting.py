"""The debrief meeting: the agenda timer, the participation round and the meeting record.

Pure: no Textual, no SQLite. Time comes from an injectable clock, so tests control it.
The timer never counts ticks: every reading is a difference between two instants of
the clock, so it does not drift however often (or rarely) the screen redraws.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from enum import StrEnum
from typing import NamedTuple

from debrief.record import Record

Clock = Callable[[], datetime]

AMBER_SHARE = 0.2
"""A section turns amber when this share of its timebox is left..."""
AMBER_AT_LEAST = 30
"""...or this many seconds, whichever is more."""


def utc_now() -> datetime:
    return datetime.now(UTC)


class Phase(StrEnum):
    idle = "idle"
    running = "running"
    paused = "paused"
    finished = "finished"


class Tone(StrEnum):
    """How the current section's clock should look."""

    calm = "calm"
    amber = "amber"
    over = "over"


class SectionRecord(Record):
    """One agenda item: its timebox, the time spent on it, and what happened in it."""

    key: str
    title: str
    planned_s: int
    spent_s: float = 0.0
    spoke: list[str] = dataclasses.field(default_factory=list)
    questions: list[str] = dataclasses.field(default_factory=list)
    redirects: int = 0

    @property
    def over_s(self) -> float:
        return max(0.0, self.spent_s - self.planned_s)


class MeetingRecord(Record):
    """What the meeting did: saved as it goes, and appended to the exported document."""

    id: int | None = None
    postmortem_id: str = ""
    started_at: datetime | None = None
    ended_at: datetime | None = None
    sections: list[SectionRecord] = dataclasses.field(default_factory=list)
    current: str = ""
    """The facilitator's section when the record was saved: a reopened meeting resumes there."""
    findings: dict[str, str] = dataclasses.field(default_factory=dict)
    """The key finding read out per section key, as the facilitator chose or edited it
    ("" leaves a section out)."""

    def section(self, key: str) -> SectionRecord | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def planned_s(self) -> int:
        return sum(s.planned_s for s in self.sections)

    @property
    def spent_s(self) -> float:
        return sum(s.spent_s for s in self.sections)

    @property
    def redirects(self) -> int:
        return sum(s.redirects for s in self.sections)

    @property
    def overruns(self) -> list[SectionRecord]:
        return [s for s in self.sections if s.over_s >= 1]

    def speakers(self) -> dict[str, int]:
        """Who spoke, with the number of sections they spoke in, in first-spoken order."""
        counts: dict[str, int] = {}
        for section in self.sections:
            for name in section.spoke:
                counts[name] = counts.get(name, 0) + 1
        return counts


def new_record(pm_id: str, agenda: Iterable[tuple[str, str, int]]) -> MeetingRecord:
    """A record for an agenda of (key, title, timebox in minutes)."""
    return MeetingRecord(
        postmortem_id=pm_id,
        sections=[SectionRecord(key=k, title=t, planned_s=m * 60) for k, t, m in agenda],
    )


class ClockState(Record):
    """The timer as one value: saved for the presenter view, which runs its own copy."""

    record: MeetingRecord
    phase: Phase = Phase.idle
    current: str = ""
    since: datetime | None = None
    """When the running stretch of the current section began (None unless running)."""


class TimerView(NamedTuple):
    """What a timer display shows at one instant."""

    phase: Phase
    key: str
    title: str
    remaining_s: float
    planned_s: int
    tone: Tone
    total_s: float
    total_planned_s: int


class AgendaClock:
    """The meeting clock: per-section time against the template's timeboxes."""

    def __init__(self, state: ClockState, clock: Clock | None = None) -> None:
        self.state = state
        self.clock = clock or utc_now
        if not state.current and state.record.sections:
            state.current = state.record.sections[0].key

    @property
    def record(self) -> MeetingRecord:
        return self.state.record

    @property
    def phase(self) -> Phase:
        return self.state.phase

    @property
    def current(self) -> str:
        return self.state.current

    # -- changes -----------------------------------------------------------------

    def start(self, key: str | None = None) -> None:
        """Start the meeting (at `key`, else the current section); resumes if paused."""
        if key is not None:
            self.enter(key)
        if self.phase is Phase.idle:
            self.record.started_at = self.clock()
        if self.phase in (Phase.idle, Phase.paused):
            self.state.phase = Phase.running
            self.state.since = self.clock()

    def pause(self) -> None:
        if self.phase is Phase.running:
            self._close_stretch()
            self.state.phase = Phase.paused

    def resume(self) -> None:
        if self.phase is Phase.paused:
            self.start()

    def toggle(self) -> Phase:
        """Start, pause or resume, as a stopwatch's one button; returns the new phase."""
        if self.phase is Phase.running:
            self.pause()
        elif self.phase is not Phase.finished:
            self.start()
        return self.phase

    def enter(self, key: str) -> None:
        """Move to section `key`: time from now on counts there."""
        if key == self.current or self.record.section(key) is None:
            return
        running = self.phase is Phase.running
        if running:
            self._close_stretch()
        self.state.current = key
        if running:
            self.state.since = self.clock()

    def finish(self) -> None:
        if self.phase is Phase.running:
            self._close_stretch()
        if self.phase is not Phase.idle:
            self.state.phase = Phase.finished
            self.record.ended_at = self.clock()

    def _close_stretch(self) -> None:
        section = self.record.section(self.current)
        if section is not None and self.state.since is not None:
            section.spent_s += max(0.0, (self.clock() - self.state.since).total_seconds())
        self.state.since = None

    # -- readings ----------------------------------------------------------------

    def spent(self, key: str | None = None) -> float:
        """Seconds spent on a section (the current one by default), including now."""
        key = key or self.current
        section = self.record.section(key)
        if section is None:
            return 0.0
        live = 0.0
        if self.phase is Phase.running and key == self.current and self.state.since is not None:
            live = max(0.0, (self.clock() - self.state.since).total_seconds())
        return section.spent_s + live

    def total(self) -> float:
        """Meeting time so far, pauses excluded."""
        return sum(self.spent(s.key) for s in self.record.sections)

    def view(self) -> TimerView:
        section = self.record.section(self.current)
        planned = section.planned_s if section else 0
        remaining = planned - self.spent()
        return TimerView(
            phase=self.phase,
            key=self.current,
            title=section.title if section else "",
            remaining_s=remaining,
            planned_s=planned,
            tone=tone(remaining, planned),
            total_s=self.total(),
            total_planned_s=self.record.planned_s,
        )

    def snapshot(self) -> ClockState:
        """A copy of the state with the spent times brought up to now."""
        copy = self.state.model_copy(deep=True)
        copy.record.current = copy.current
        if copy.phase is Phase.running:
            section = copy.record.section(copy.current)
            if section is not None:
                section.spent_s = self.spent()
            copy.since = self.clock()
        return copy


def resumed(record: MeetingRecord, clock: Clock | None = None) -> AgendaClock:
    """A clock for an interrupted meeting: paused at its saved times, at its saved section."""
    state = ClockState(record=record, phase=Phase.paused, current=record.current)
    if record.section(record.current) is None:
        state.current = ""
    return AgendaClock(state, clock)


def tone(remaining_s: float, planned_s: int) -> Tone:
    if remaining_s < 0:
        return Tone.over
    if remaining_s <= max(AMBER_AT_LEAST, planned_s * AMBER_SHARE):
        return Tone.amber
    return Tone.calm


def clock_text(seconds: float) -> str:
    """`04:59` left, `+01:05` over, `75:00`, `1:42:03` from 100 minutes: whole seconds."""
    whole = int(seconds) if seconds >= 0 else -int(-seconds + 0.999999)
    sign = "+" if whole < 0 else ""
    minutes, secs = divmod(abs(whole), 60)
    if minutes < 100:
        return f"{sign}{minutes:02d}:{secs:02d}"
    hours, minutes = divmod(minutes, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}"


class Presence(Record):
    """What the facilitator's screen is showing, for the presenter view to follow."""

    section: str
    timer: ClockState | None = None
    at: datetime | None = None
    owner: str = ""
    """Which facilitator screen published it (a token per screen)."""
    presenting: bool = False
    """True while a meeting runs there or present mode is on: other screens then keep quiet."""


def toggle_speaker(record: MeetingRecord, key: str, name: str) -> bool:
    """Mark (or unmark) `name` as having spoken in section `key`; True when now marked."""
    section = record.section(key)
    if section is None:
        return False
    if name in section.spoke:
        section.spoke.remove(name)
        return False
    section.spoke.append(name)
    return True


def not_spoken(record: MeetingRecord, key: str, people: Iterable[str]) -> list[str]:
    """The people who have not spoken yet in section `key`, in the given order."""
    section = record.section(key)
    spoke = set(section.spoke) if section else set()
    return [p for p in people if p not in spoke]
