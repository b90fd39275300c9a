"""The whole timeline: metrics, milestones, gaps, filters; add, edit, import and delete events."""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from debrief.dates import local_zone, show_duration, show_instant
from debrief.literal import clean
from debrief.models import TimelineEvent
from debrief.screens.base import BaseScreen, Command, bindings
from debrief.screens.event_form import EventForm
from debrief.timeline import GAP_THRESHOLD, gaps, metrics, unsourced
from debrief.widgets.key_bar import KeyBar
from debrief.widgets.metrics_bar import MetricsBar
from debrief.widgets.safe_text import SafeInput
from debrief.widgets.timeline_table import TimelineTable, long_duration
from debrief.words import plural

GAP_CHOICES = [timedelta(minutes=m) for m in (5, 10, 20, 30, 60)]

COMMANDS = [
    Command(
        "Add timeline event",
        "ctrl+l",
        "add_event",
        "Add",
        "Add an event to the timeline.",
        "add-timeline-event",
    ),
    Command(
        "Import timeline",
        "f6",
        "import_timeline",
        "Import",
        "Import a Slack export, CSV or JSON lines, with a preview.",
        "import-timeline",
    ),
    Command(
        "Filter timeline",
        "slash",
        "filter",
        "Filter",
        "Show only events whose source or author matches.",
        "filter-timeline",
        priority=False,
    ),
    Command(
        "Next milestone",
        "right_square_bracket",
        "milestone(1)",
        "Next ms",
        "Jump to the next milestone.",
        "next-milestone",
        priority=False,
    ),
    Command(
        "Previous milestone",
        "left_square_bracket",
        "milestone(-1)",
        "Prev ms",
        "Jump to the previous milestone.",
        "previous-milestone",
        priority=False,
    ),
    Command(
        "Gap threshold",
        "g",
        "gap_threshold",
        "Gaps",
        "Change how long a silence must be to be marked as a gap.",
        "gap-threshold",
        priority=False,
    ),
    Command(
        "Delete timeline event",
        "delete",
        "delete_event",
        "Delete",
        "Delete the highlighted event (kept in the history).",
        "delete-timeline-event",
        priority=False,
    ),
    Command(
        "Back to the debrief",
        "escape",
        "back",
        "Back",
        "Return to the section you were in.",
        "back",
        priority=False,
    ),
]


def matches(event: TimelineEvent, words: list[str]) -> bool:
    """Every word is in the source or the author (`source:x` and `author:x` narrow it)."""
    source, author = event.source.lower(), event.author.lower()
    for word in words:
        field, _, value = word.partition(":")
        if value and field in ("source", "src"):
            found = value in source
        elif value and field in ("author", "who"):
            found = value in author
        else:
            found = word in source or word in author
        if not found:
            return False
    return True


class TimelineScreen(BaseScreen):
    CSS_PATH = "timeline_screen.tcss"
    COMMAND_LIST = COMMANDS
    BINDINGS = bindings(COMMANDS)
    AUTO_FOCUS = "TimelineTable"

    def __init__(self, pm_id: str) -> None:
        super().__init__()
        self.pm_id = pm_id
        self.events: list[TimelineEvent] = []
        self.gap_threshold = GAP_THRESHOLD
        self.where = local_zone()

    def compose(self) -> ComposeResult:
        yield Static(id="timeline-title")
        yield MetricsBar()
        with Horizontal(id="filter-bar"):
            yield Label("Filter")
            yield SafeInput(
                compact=True, id="filter", placeholder="source or author (/), e.g. slack ana"
            )
            yield Static(id="shown")
        yield TimelineTable()
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_events()

    def refresh_events(self) -> None:
        """Reload from the store and redraw everything."""
        pm = self.store.get_postmortem(self.pm_id)
        self.events = self.store.events(self.pm_id)
        title = Text(f"Timeline — {clean(pm.title, single_line=True)}", style="bold")
        if self.events:
            first, last = self.events[0].at, self.events[-1].at
            same_day = first.astimezone(self.where).date() == last.astimezone(self.where).date()
            start = show_instant(first, self.where)
            end = show_instant(last, self.where, with_date=not same_day)
            if same_day:
                start = start.rsplit(" ", 1)[0]  # the zone is named once, at the end
            title.append(f"  {start} → {end}", style="not bold")
        self.query_one("#timeline-title", Static).update(title)
        self._show_metrics(pm.started_at)
        self._show_rows()

    def _show_metrics(self, started: datetime | None) -> None:
        found = gaps(self.events, self.gap_threshold)
        extra = [plural(len(self.events), "event")]
        warnings = []
        if found:
            longest = max(found, key=lambda g: g.seconds)
            warnings.append(
                f"{len(found)} gap{'s' if len(found) > 1 else ''} over "
                f"{show_duration(self.gap_threshold.total_seconds())} "
                f"(longest {long_duration(longest.seconds)})"
            )
        missing = unsourced(self.events)
        if missing:
            warnings.append(f"{missing} unsourced")
        self.query_one(MetricsBar).show(metrics(self.events, started), " · ".join(extra), warnings)

    def _show_rows(self) -> None:
        words = self.query_one("#filter", Input).value.lower().split()
        shown = [e for e in self.events if matches(e, words)] if words else self.events
        table = self.query_one(TimelineTable)
        table.show(shown, self.where, None if words else self.gap_threshold)
        count = f"{len(shown):,} of {len(self.events):,}" if words else ""
        self.query_one("#shown", Static).update(count)

    @on(Input.Changed, "#filter")
    def _filtered(self) -> None:
        self._show_rows()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one(TimelineTable).focus()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_milestone(self, direction: int) -> None:
        table = self.query_one(TimelineTable)
        if not table.jump_to_milestone(direction):
            self.notify("No more milestones that way.", timeout=2)
        table.focus()

    def action_gap_threshold(self) -> None:
        index = GAP_CHOICES.index(self.gap_threshold) if self.gap_threshold in GAP_CHOICES else 1
        self.gap_threshold = GAP_CHOICES[(index + 1) % len(GAP_CHOICES)]
        self.notify(f"Gaps: silences over {show_duration(self.gap_threshold.total_seconds())}.")
        self.refresh_events()

    def action_add_event(self) -> None:
        self.app.push_screen(EventForm(self.store.now(), pm_id=self.pm_id), self._saved)

    def action_import_timeline(self) -> None:
        from debrief.screens.import_screen import open_import

        open_import(self, self.pm_id, lambda _: self.refresh_events())

    @on(TimelineTable.EditRequested)
    def _edit(self, message: TimelineTable.EditRequested) -> None:
        event = self.store.get_event(self.pm_id, message.event_id)
        self.app.push_screen(EventForm(self.store.now(), event), lambda e: self._saved(e, event))

    def _saved(self, event: TimelineEvent | None, base: TimelineEvent | None = None) -> None:
        if event is None:
            return
        pm_id, store = self.pm_id, self.store
        if base is None:
            mine = event.model_copy(update={"author": store.author})
            self.save_change(lambda: store.add_event(pm_id, mine), self._changed, self._not_saved)
        else:
            changes = {
                k: getattr(event, k)
                for k in ("at", "text", "source", "link", "milestone", "known_then")
            }
            self.save_change(
                lambda: store.update_event(pm_id, base.id, changes, base=base),
                self._changed,
                self._not_saved,
            )

    def action_delete_event(self) -> None:
        event_id = self.query_one(TimelineTable).current_event_id()
        if event_id:
            pm_id, store = self.pm_id, self.store

            def deleted(_: object) -> None:
                self.notify("Event deleted (it stays in the history).")
                self.refresh_events()

            self.save_change(lambda: store.delete_event(pm_id, event_id), deleted)

    def _changed(self, _: object = None) -> None:
        self.refresh_events()

    def _not_saved(self, exc: Exception) -> None:
        self.notify(str(exc), severity="error", markup=False)
        self.refresh_events()

    def action_back(self) -> None:
        if self.query_one("#filter", Input).has_focus:
            self.query_one(TimelineTable).focus()
            return
        self.dismiss()
