"""The facilitator/editor screen: agenda, guidance, the section editor, items and timeline."""

from __future__ import annotations

from time import monotonic

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static, TextArea

from debrief.dates import show_instant
from debrief.literal import clean
from debrief.meeting import Phase
from debrief.models import Postmortem, Section
from debrief.screens.base import Command, bindings
from debrief.screens.capture_controls import CaptureControls
from debrief.screens.coach_controls import COACH_COMMANDS, CoachControls
from debrief.screens.collab_controls import COLLAB_COMMANDS, CollabControls
from debrief.screens.details_controls import DETAILS_COMMANDS, DetailsControls
from debrief.screens.factor_controls import FACTOR_COMMANDS, ROOT_CAUSE, FactorControls
from debrief.screens.first_frame import read_css_now, width_class_now
from debrief.screens.meeting_controls import MEETING_COMMANDS, MeetingControls
from debrief.screens.participant_controls import PARTICIPANT_COMMANDS, ParticipantControls
from debrief.screens.practice_controls import PRACTICE_COMMANDS, PracticeControls
from debrief.screens.saving import BUSY, SAVED
from debrief.screens.section_keys import section_keys
from debrief.screens.section_tables import SectionTables
from debrief.store import Conflict, DatabaseLocked, StoreError
from debrief.template import SectionKind, Template, TemplateError, load_template
from debrief.widgets.agenda import Agenda, AgendaItem
from debrief.widgets.coach_panel import CoachPanel, rules_beside
from debrief.widgets.guide import SectionGuide
from debrief.widgets.key_bar import KeyBar
from debrief.widgets.section_editor import SectionEditor
from debrief.widgets.similar_panel import SimilarPanel

AUTOSAVE_DELAY = 0.4
MAX_UNSAVED = 1.0
"""Typing without a pause is saved at least this often, so a killed app loses at most this."""
RETRY_DELAY = 1.0

COMMANDS = [
    Command(
        "Next section",
        "ctrl+n",
        "next_section",
        "Next",
        "Go to the next section of the agenda.",
        "next-section",
    ),
    Command(
        "Previous section",
        "ctrl+b",
        "previous_section",
        "Prev",
        "Go back one section.",
        "previous-section",
    ),
    Command(
        "Add action item",
        "ctrl+o",
        "add_action",
        "Action",
        "Capture an owned action item (title, owner, due).",
        "add-action-item",
    ),
    Command(
        "Show timeline",
        "ctrl+t",
        "show_timeline",
        "Timeline",
        "The whole timeline, with milestones and metrics.",
        "show-timeline",
    ),
    Command(
        "Add timeline event",
        "ctrl+l",
        "add_event",
        "Event",
        "Add an event to the timeline.",
        "add-timeline-event",
    ),
    Command(
        "Import timeline",
        "f6",
        "import_timeline",
        "Import",
        "Import a Slack export, CSV or JSON lines into the timeline, with a preview.",
        "import-timeline",
    ),
    *COACH_COMMANDS,
    Command(
        "Publish preview",
        "f9",
        "publish_preview",
        "Publish",
        "The rendered document and the Jira ticket plan; publish from there.",
        "publish-preview",
    ),
    Command(
        "Home",
        "escape",
        "home",
        "Home",
        "Back to the list of post-mortems.",
        "home",
        priority=False,
    ),
]


class DebriefScreen(
    MeetingControls,
    CoachControls,
    CollabControls,
    ParticipantControls,
    DetailsControls,
    CaptureControls,
    FactorControls,
    PracticeControls,
    SectionTables,
):
    """Walks the template section by section; everything typed is saved as it is typed."""

    CSS_PATH = ["debrief_screen.tcss", "meeting_controls.tcss", "factor_controls.tcss"]
    COMMAND_LIST = [
        *COMMANDS,
        *COLLAB_COMMANDS,
        *MEETING_COMMANDS,
        *PARTICIPANT_COMMANDS,
        *DETAILS_COMMANDS,
        *FACTOR_COMMANDS,
        *PRACTICE_COMMANDS,
    ]
    BINDINGS = bindings(COMMAND_LIST)
    AUTO_FOCUS = "#editor"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    def __init__(self, pm_id: str) -> None:
        super().__init__()
        read_css_now(self)
        self.pm_id = pm_id
        self.pm: Postmortem
        self.template: Template
        self.sections: dict[str, Section] = {}
        self.order: list[str] = []
        self.current = ""
        self.question_index: dict[str, int] = {}
        self.conflicts: dict[str, Section] = {}
        self._save_timer: Timer | None = None
        self._unsaved_since: float | None = None
        """When the first keystroke not yet saved was typed (monotonic seconds)."""
        self.unsaved = False
        """The editor holds text a locked database has not taken yet (it is retried)."""
        self._tables_mounted = False
        self._resumed = False

    # -- layout ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        width_class_now(self, self.HORIZONTAL_BREAKPOINTS)
        yield Static(id="pm-header")
        with Horizontal(id="body"):
            yield self.meeting_side(Agenda(id="agenda"))
            with Vertical(id="main"):
                yield Static(id="section-title")
                yield SectionGuide(id="guide")
                yield SectionEditor(id="editor")
                yield Static(id="save-status")
                yield SimilarPanel(id="similar")
            yield CoachPanel(rules_dir=rules_beside(self.debrief.templates_dir), id="coach")
        # The whole width, so titles and events read in full. Its tables are mounted when
        # a section first needs them, or just after the first frame (`_mount_tables`).
        yield Vertical(id="table-area")
        yield KeyBar(id="keys")

    @on(events.ScreenResume)
    def _first_resume(self, event: events.ScreenResume) -> None:
        """Shown the first time: its widgets took their styles as they were mounted, so
        Textual's restyling of the whole screen (before the first frame) is skipped."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_mount(self) -> None:
        self.pm = self.store.get_postmortem(self.pm_id)
        try:
            self.template = load_template(self.pm.template, self.debrief.templates_dir)
        except TemplateError:
            self.template = load_template("default")
        self.sections = {s.key: s for s in self.store.sections(self.pm_id)}
        self.order = list(self.sections)
        self._show_header()
        self.go_to(self.opening_section())
        self.start_live_refresh()
        self.call_after_refresh(self._tables_after_first_frame)

    # -- navigation ------------------------------------------------------------

    def go_to(self, key: str) -> None:
        """Show section `key` and put the cursor in its editor."""
        self.flush()
        left, self.current = self.current, key
        section = self.sections[key]
        editor = self.query_one(SectionEditor)
        editor.load(key, section.body)
        self.query_one("#section-title", Static).update(
            Content.styled(clean(section.title, single_line=True), "bold")
        )
        self._show_guide()
        self._show_kind()  # and the agenda and keys for it
        self._show_status()
        self._coach_section()
        self.meeting_section_changed()
        editor.focus()
        self.practice_section_changed(left, key)

    def _step(self, delta: int) -> None:
        index = self.order.index(self.current) + delta
        if 0 <= index < len(self.order):
            self.go_to(self.order[index])
        else:
            self.notify("That was the last section." if delta > 0 else "This is the first section.")

    def action_next_section(self) -> None:
        self._step(1)

    def action_previous_section(self) -> None:
        self._step(-1)

    def action_home(self) -> None:
        self.flush()
        self.debrief.go_home()

    @on(Agenda.SectionChosen)
    def _agenda_chosen(self, event: Agenda.SectionChosen) -> None:
        if event.key != self.current:
            self.go_to(event.key)
        else:
            self.query_one(SectionEditor).focus()

    # -- autosave --------------------------------------------------------------

    @on(TextArea.Changed, "#editor")
    def _typed(self, event: TextArea.Changed) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        now = monotonic()
        if self._unsaved_since is None:
            self._unsaved_since = now
        # A pause in typing saves; typing without a pause still saves every MAX_UNSAVED.
        wait = min(AUTOSAVE_DELAY, self._unsaved_since + MAX_UNSAVED - now)
        self._save_timer = self.set_timer(max(wait, 0.01), self.flush)  # a timer needs time

    def flush(self) -> None:
        """Save the editor's text now if it differs from what is stored."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        self._unsaved_since = None
        was_waiting, self.unsaved = self.unsaved, False
        editors = self.query(SectionEditor)
        if not editors:
            return
        editor = editors.first()
        key = editor.section_key
        if not key or key in self.conflicts:
            return
        section = self.sections[key]
        text = editor.text_to_save
        if text == section.body:
            return
        try:
            saved = self.store.save_section(self.pm_id, key, text, base_rev=section.rev)
        except Conflict as conflict:
            self.on_save_conflict(key, text, conflict.current)
            return
        except DatabaseLocked:
            self.unsaved = True
            if not was_waiting:
                self.notify(BUSY, severity="warning", timeout=8)
            self._save_timer = self.set_timer(RETRY_DELAY, self.flush)
            return
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        if was_waiting:
            self.notify(SAVED, timeout=4)
        was_empty = section.is_empty
        self.sections[key] = saved
        if was_empty != saved.is_empty:
            self._show_agenda()
        if key == self.current:
            self._show_status()

    def on_screen_suspend(self) -> None:
        self.flush()

    def action_show_timeline(self) -> None:
        from debrief.screens.timeline_screen import TimelineScreen

        self.flush()
        self.app.push_screen(TimelineScreen(self.pm_id), lambda _: self._show_kind())

    def action_import_timeline(self) -> None:
        from debrief.screens.import_screen import open_import

        self.flush()
        open_import(self, self.pm_id, lambda _: self._show_kind())

    def action_publish_preview(self) -> None:
        from debrief.screens.publish_screen import PublishScreen

        def back(_: object) -> None:
            self.pm = self.store.get_postmortem(self.pm_id)  # published changes the status
            self._show_header()
            self._show_kind()

        self.flush()
        self.app.push_screen(PublishScreen(self.pm_id), back)

    # -- drawing ---------------------------------------------------------------

    def _participants(self) -> list[str]:
        return [p.name for p in self.pm.participants]

    def _show_header(self) -> None:
        pm = self.pm
        parts: list[tuple[str, str] | str] = [(clean(pm.title, single_line=True), "bold")]
        parts.append((f"  {clean(pm.id)}", "$text-muted"))
        if pm.severity:
            parts.append((f"  {clean(pm.severity, single_line=True)}", "bold $text-error"))
        parts.append((f"  {pm.status.value}", "italic"))
        self.query_one("#pm-header", Static).update(Content.assemble(*parts))

    def _show_agenda(self) -> None:
        items = []
        for key in self.order:
            spec = self.template.section(key)
            items.append(
                AgendaItem(
                    key,
                    self.sections[key].title,
                    not self.sections[key].is_empty or self._has_content(key),
                    spec.timebox if spec else 0,
                )
            )
        agenda = self.query_one(Agenda)
        agenda.show(items, self.current)
        agenda.call_after_refresh(agenda.scroll_to_highlight)

    def _has_content(self, key: str) -> bool:
        spec = self.template.section(key)
        if spec is None:
            return False
        if spec.kind is SectionKind.timeline:
            return self.store.event_count(self.pm_id) > 0
        if spec.kind in (SectionKind.actions, SectionKind.aspirational):
            wanted = spec.kind is SectionKind.aspirational
            return any(a.aspirational == wanted for a in self.store.actions(self.pm_id))
        return False

    def _show_guide(self) -> None:
        spec = self.template.section(self.current)
        questions = self._questions()
        index = self.question_index.get(self.current, 0)
        question = questions[index] if questions else ""
        position = f"({index + 1}/{len(questions)})" if len(questions) > 1 else ""
        # Beside a table only the question is shown: the table needs the room.
        guidance = spec.guidance if spec and spec.kind is SectionKind.text else ""
        self.query_one(SectionGuide).show(guidance, question, position)

    def _show_meeting(self) -> None:
        super()._show_meeting()
        self._show_keys()

    def _show_keys(self) -> None:
        spec = self.template.section(self.current)
        timer = {Phase.running: "Pause", Phase.paused: "Resume"}.get(self.meeting.phase, "Timer")
        keys = section_keys(
            spec.kind if spec else SectionKind.text, self.has_class("-present"), timer
        )
        if self.current == ROOT_CAUSE and not self.has_class("-present"):
            keys.insert(2, ("add_factor", None))
        self.query_one(KeyBar).show(keys)

    def _show_status(self) -> None:
        section = self.sections[self.current]
        if self.current in self.conflicts:
            text = Content.styled(
                "Conflict: someone else saved this section; your text is not saved yet (f10).",
                "bold $text-warning",
            )
        elif not section.is_empty:
            said = "Saved"
            if section.updated_by:
                said += f" · last changed by {clean(section.updated_by, single_line=True)}"
            if section.updated_at:
                said += f", {show_instant(section.updated_at)}"
            text = Content(said)
        else:
            text = Content("Not written yet")
        self.query_one("#save-status", Static).update(text)
