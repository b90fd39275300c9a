"""The debrief screen's meeting mode: agenda timer, opening, present mode, round, wrap-up.

A mixin, so the debrief screen stays one readable file. It keeps the meeting's clock and
record, saves the record as it goes, and publishes the current section and timer for the
presenter view (`debrief present ID`) in another terminal.
"""

from __future__ import annotations

import time
from datetime import date
from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.widget import Widget

from debrief.meeting import AgendaClock, MeetingRecord, Phase, not_spoken, toggle_speaker
from debrief.screens.base import BaseScreen, Command
from debrief.screens.meeting_sync import WRAP_UP_VIEW, MeetingSync
from debrief.store import StoreError
from debrief.widgets.meeting_timer import MeetingSide, MeetingTimer
from debrief.widgets.participants import Participants
from debrief.widgets.section_editor import SectionEditor
from debrief.words import plural

if TYPE_CHECKING:
    from debrief.coach import Coach
    from debrief.models import Postmortem
    from debrief.screens.debrief_screen import DebriefScreen

TICK_SECONDS = 0.25
"""How often the running clock is redrawn (it only changes once a second)."""
HEARTBEAT_SECONDS = 30.0
"""While presenting, the view is republished this often."""
SAVE_SECONDS = 10.0
"""While the clock runs, the record (its time so far) is saved this often: a killed app
loses at most this much of the meeting's time."""

MEETING_COMMANDS = [
    Command(
        "Start timer",
        "f5",
        "start_timer",
        "Timer",
        "Start the meeting clock and show the blameless opening; F5 again pauses and resumes.",
        "start-timer",
    ),
    Command(
        "Pause timer",
        "f5",
        "pause_timer",
        "Pause",
        "Pause or resume the meeting clock.",
        "pause-timer",
        show=False,
    ),
    Command(
        "Present mode",
        "f12",
        "present_mode",
        "Present",
        "The section large and uncluttered for screen-sharing: coach, hints and notes hidden.",
        "present-mode",
    ),
    Command(
        "Mark who spoke",
        "ctrl+s",
        "mark_spoken",
        "Spoke",
        "Go to the participants: Enter, Space or 1–9 marks who spoke in this section; Esc returns.",
        "mark-spoken",
        show=False,
    ),
    Command(
        "Who hasn't spoken?",
        "ctrl+f12",
        "not_spoken",
        "Round",
        "Highlight who has not spoken yet in this section.",
        "who-has-not-spoken",
        show=False,
    ),
    Command(
        "Wrap up",
        "ctrl+f",
        "wrap_up",
        "Wrap up",
        "The summary to read out: findings, owned actions, follow-up date; finishes the debrief.",
        "wrap-up",
    ),
]


class MeetingControls(BaseScreen):
    """The meeting clock, present mode, the participation round and the wrap-up."""

    _meeting: AgendaClock | None = None
    _sync: MeetingSync
    _nudge = False
    _round_shown = False
    _offer_resume = False
    _published = False
    """The presenter view has been told of a section (the first is told after the frame)."""
    _owned = False
    """True once this screen started, paused or resumed the clock: only then do its moves
    save the record (a reopened, still paused meeting may be running on another screen)."""

    @property
    def _me(self) -> DebriefScreen:
        return cast("DebriefScreen", self)

    def meeting_side(self, agenda: Widget) -> Widget:
        """The left column: the agenda, the timer under it, then the participation round."""
        timer = MeetingTimer(id="meeting-timer")
        people = Participants(id="participants")
        timer.display = people.display = False
        return MeetingSide(agenda, timer, people, id="side")

    @property
    def meeting(self) -> AgendaClock:
        """The meeting's clock and record (made, or resumed, at the first section shown)."""
        if self._meeting is None:
            me = self._me
            self._sync = MeetingSync(self.store, me.pm_id)
            agenda = []
            for key in me.order:
                spec = me.template.section(key)
                agenda.append((key, me.sections[key].title, spec.timebox if spec else 0))
            self._meeting, self._offer_resume = self._sync.open_clock(agenda, me.current)
            self.set_interval(TICK_SECONDS, self._meeting_tick)
        return self._meeting

    # -- hooks from the debrief screen ----------------------------------------------

    def opening_section(self) -> str:
        """The section to open at: where an unfinished meeting left off, else the first.

        Reopening during a meeting also offers to resume its clock where it stopped.
        """
        order = self._me.order
        current = self.meeting.current
        if self._offer_resume:
            self._offer_resume = False
            self.call_after_refresh(self._ask_resume)
        return current if current in order else order[0]

    def _ask_resume(self) -> None:
        from debrief.screens.resume_prompt import ResumePrompt

        if self.meeting.phase is Phase.paused and self.app.screen is self:
            elsewhere = self._sync.live_elsewhere()
            self.app.push_screen(ResumePrompt(self.meeting, elsewhere), self._resume_answered)

    def _resume_answered(self, resume: bool | None) -> None:
        meeting = self.meeting
        if resume and meeting.phase is Phase.paused:
            meeting.resume()
            self._after_timer_change()
        else:
            self._show_meeting()

    def meeting_section_changed(self) -> None:
        """The facilitator moved to another section: the timer and the view follow, and a
        meeting under way saves where it is (a reopened screen comes back there)."""
        meeting = self.meeting
        meeting.enter(self._me.current)
        self._nudge = False
        self._show_meeting()
        if self._published:
            self._publish_view()
        else:  # the first section: written to the database once it is on the screen
            self._published = True
            self.call_after_refresh(self._publish_view)
        if self._runs_here():
            self._save_record()

    @on(events.Unmount)
    def _save_on_close(self) -> None:
        """Leaving the screen (home, quit): keep the clock's time up to this instant."""
        if self._meeting is not None and self._runs_here():
            self._save_record()
            self._sync.publish_closed(self._me.current, self._meeting)

    # -- timer -----------------------------------------------------------------------

    def action_start_timer(self) -> None:
        meeting = self.meeting
        if meeting.phase is Phase.finished:
            self.notify("This meeting is finished; its record is in the exported document.")
            return
        if meeting.phase is not Phase.idle:
            self.action_pause_timer()
            return
        self._sync.note_questions_asked()
        meeting.start(self._me.current)
        self._after_timer_change()
        from debrief.screens.opening_screen import OpeningScreen

        minutes = meeting.record.planned_s // 60
        sections = plural(len(meeting.record.sections), "section")
        agenda = f"{sections}, {plural(minutes, 'minute')} planned."
        self.app.push_screen(OpeningScreen(self._me.template.opening, agenda))

    def action_pause_timer(self) -> None:
        meeting = self.meeting
        if meeting.phase is Phase.idle:
            self.notify("The timer has not started: F5 starts it.")
            return
        self._sync.note_questions_asked()
        meeting.toggle()
        self._after_timer_change()

    def _after_timer_change(self) -> None:
        self._owned = True
        self._show_meeting()
        self._save_record()
        self._publish_view()

    def _meeting_tick(self) -> None:
        meeting = self.meeting
        if meeting.phase is Phase.running:
            self.query_one(MeetingTimer).show(meeting.view())
        if meeting.phase is Phase.running and time.monotonic() - self._sync.saved_at > SAVE_SECONDS:
            self._save_record()
        if self._presenting() and time.monotonic() - self._sync.published_at > HEARTBEAT_SECONDS:
            self._publish_view()

    # -- present mode ---------------------------------------------------------------

    def action_present_mode(self) -> None:
        presenting = not self.has_class("-present")
        self.set_class(presenting, "-present")
        self._show_meeting()
        self._publish_view()
        for panel in self.query("#coach"):  # redo (or clear) the coach's marks in the editor
            lint = getattr(panel, "lint_now", None)
            if lint is not None:
                self.call_after_refresh(lint)

    def _runs_here(self) -> bool:
        """Whether this screen runs the meeting (started, paused or resumed it here)."""
        return self._owned and self.meeting.phase in (Phase.running, Phase.paused)

    def _presenting(self) -> bool:
        return self._runs_here() or self.has_class("-present")

    # -- participation round ---------------------------------------------------------------

    def action_mark_spoken(self) -> None:
        self._round_shown = True
        self._show_meeting()
        self.query_one(Participants).focus()

    def action_not_spoken(self) -> None:
        self._round_shown = True
        self._nudge = True
        self._show_meeting()
        if not self._people():
            self.notify("No participants yet: Participants (f7) adds them.")
        elif not not_spoken(self.meeting.record, self._me.current, self._people()):
            self.notify("Everyone has spoken in this section.")
        self.query_one(Participants).focus()

    @on(Participants.Toggled)
    def _spoke(self, event: Participants.Toggled) -> None:
        toggle_speaker(self.meeting.record, self._me.current, event.name)
        self._show_meeting()
        self._save_record()

    @on(Participants.Done)
    def _round_done(self) -> None:
        self.query_one(SectionEditor).focus()

    def _people(self) -> list[str]:
        pm = self._me.pm
        names = [p.name for p in pm.participants]
        extra = [n for n in (pm.facilitator, pm.lead_investigator) if n and n not in names]
        return names + extra

    # -- wrap up ----------------------------------------------------------------------

    def action_wrap_up(self) -> None:
        from debrief.screens.wrapup_screen import WrapupScreen

        if isinstance(self.app.screen, WrapupScreen):
            return  # pressed twice: it is showing already
        me = self._me
        me.flush()
        meeting = self.meeting
        try:
            doc = self.store.document(me.pm_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        from debrief.meeting_summary import wrap_up

        summary = wrap_up(doc, me.template, self.today(), meeting.record.findings, self._coach())
        self._publish_view(WRAP_UP_VIEW)
        self.app.push_screen(
            WrapupScreen(
                me.pm.title,
                summary,
                self._record_now,
                self.today(),
                self._findings_chosen,
                pm_id=me.pm_id,
            ),
            self._wrapped,
        )

    def _record_now(self) -> MeetingRecord | None:
        """The meeting record with the running section's time up to this instant."""
        meeting = self.meeting
        return meeting.snapshot().record if meeting.phase is not Phase.idle else None

    def _coach(self) -> Coach | None:
        """The coach panel's rules (the user's, if any), so the wrap-up flags what it flags."""
        from debrief.widgets.coach_panel import CoachPanel

        panels = self.query(CoachPanel)
        return panels.first().coach if panels else None

    def _findings_chosen(self, findings: dict[str, str]) -> None:
        """The facilitator picked or edited findings to read out: kept with the record."""
        self.meeting.record.findings.update(findings)
        self._save_record()
        self._publish_view(WRAP_UP_VIEW)

    def _wrapped(self, follow_up: date | None) -> None:
        me = self._me
        if follow_up is None:
            self._publish_view()
            return
        meeting = self.meeting
        if meeting.phase is not Phase.finished:  # wrapped up twice: the meeting ended once
            meeting.finish()
        self._save_record()
        store, pm_id = self.store, me.pm_id

        def finished(pm: Postmortem) -> None:
            me.pm = pm
            me._show_header()
            self._show_meeting()
            self._publish_view(WRAP_UP_VIEW)
            self.notify(
                f"Debriefed. Follow-up review on {follow_up.isoformat()}; the meeting record "
                "is in the exported document.",
                markup=False,
            )

        self.save_change(lambda: store.finish_debrief(pm_id, follow_up), finished)

    # -- redirects shown ---------------------------------------------------------------------

    @on(events.ScreenSuspend)
    def _count_redirect(self) -> None:
        meeting = self._meeting
        if meeting is None or not self._runs_here():
            return
        if type(self.app.screen).__name__ == "RedirectScreen":
            section = meeting.record.section(self._me.current)
            if section is not None:
                section.redirects += 1
                self._save_record()

    # -- drawing, saving and publishing ------------------------------------------------------

    def _show_meeting(self) -> None:
        meeting = self.meeting
        started = meeting.phase is not Phase.idle
        timer = self.query_one(MeetingTimer)
        timer.display = started or self.has_class("-present")
        timer.show(meeting.view())
        people = self.query_one(Participants)
        people.display = started or self._round_shown
        section = meeting.record.section(self._me.current)
        people.show(self._people(), section.spoke if section else [], self._nudge)

    def _save_record(self) -> None:
        sync, clock = self._sync, self.meeting

        def not_saved(exc: Exception) -> None:
            self.notify(
                f"The meeting record was not saved: {exc}", severity="warning", markup=False
            )

        self.save_change(lambda: sync.save(clock), failed=not_saved, key=f"meeting {sync.token}")

    def _publish_view(self, section: str | None = None) -> None:
        self._sync.publish(section or self._me.current, self.meeting, self._presenting())
