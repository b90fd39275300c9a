"""The whole timeline: metrics, milestones, gaps; add, edit and delete events."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Footer, Static

from debrief.dates import show_duration
from debrief.models import TimelineEvent
from debrief.screens.base import BaseScreen, Command, bindings
from debrief.screens.event_form import EventForm
from debrief.store import StoreError
from debrief.timeline import gaps, metrics, unsourced
from debrief.widgets.metrics_bar import MetricsBar
from debrief.widgets.timeline_table import TimelineTable

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
    ),
]


class TimelineScreen(BaseScreen):
    CSS_PATH = "timeline_screen.tcss"
    COMMAND_LIST = COMMANDS
    BINDINGS = bindings(COMMANDS)
    AUTO_FOCUS = "TimelineTable"

    def __init__(self, pm_id: str) -> None:
        super().__init__()
        self.pm_id = pm_id

    def compose(self) -> ComposeResult:
        yield Static(id="timeline-title")
        yield MetricsBar()
        yield TimelineTable()
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_events()

    def refresh_events(self) -> None:
        pm = self.store.get_postmortem(self.pm_id)
        events = self.store.events(self.pm_id)
        found = gaps(events)
        extra = [f"{len(events)} events"]
        if found:
            longest = max(found, key=lambda g: g.seconds)
            extra.append(
                f"{len(found)} gaps (longest: nothing recorded for {show_duration(longest.seconds)})"
            )
        missing = unsourced(events)
        if missing:
            extra.append(f"{missing} unsourced")
        self.query_one("#timeline-title", Static).update(f"Timeline — {len(events)} events")
        self.query_one(MetricsBar).show(metrics(events, pm.started_at), " · ".join(extra[1:]))
        self.query_one(TimelineTable).show(events)

    def action_add_event(self) -> None:
        self.app.push_screen(EventForm(self.store.now()), self._saved)

    @on(TimelineTable.EditRequested)
    def _edit(self, message: TimelineTable.EditRequested) -> None:
        event = self.store.get_event(self.pm_id, message.event_id)
        self.app.push_screen(EventForm(self.store.now(), event), lambda e: self._saved(e, event))

    def _saved(self, event: TimelineEvent | None, base: TimelineEvent | None = None) -> None:
        if event is None:
            return
        try:
            if base is None:
                self.store.add_event(
                    self.pm_id, event.model_copy(update={"author": self.store.author})
                )
            else:
                changes = {
                    k: getattr(event, k) for k in ("at", "text", "source", "link", "milestone")
                }
                self.store.update_event(self.pm_id, base.id, changes, base=base)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
        self.refresh_events()

    def action_delete_event(self) -> None:
        table = self.query_one(TimelineTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key:
            self.store.delete_event(self.pm_id, key)
            self.notify("Event deleted (it stays in the history).")
            self.refresh_events()

    def action_back(self) -> None:
        self.dismiss()
