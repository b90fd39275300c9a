"""The timeline as a table: time in the viewer's zone, milestones marked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import DataTable

from debrief.dates import show_instant
from debrief.literal import literal
from debrief.models import TimelineEvent

MILESTONE_STYLE = {
    "trigger": "bold magenta",
    "started": "bold red",
    "detected": "bold yellow",
    "mitigated": "bold cyan",
    "resolved": "bold green",
}


class TimelineTable(DataTable[Text]):
    DEFAULT_CSS = """
    TimelineTable { height: 1fr; }
    """

    @dataclass
    class EditRequested(Message):
        event_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.add_column("Time", key="time")
        self.add_column("Milestone", key="milestone")
        self.add_column("Source", key="source")
        self.add_column("Who", key="who")
        self.add_column("What", key="what")

    def show(self, events: list[TimelineEvent], where: tzinfo | None = None) -> None:
        keep = self.cursor_row
        self.clear()
        for event in events:
            milestone = event.milestone.value if event.milestone else ""
            self.add_row(
                Text(show_instant(event.at, where)),
                Text(milestone, style=MILESTONE_STYLE.get(milestone, "")),
                literal(event.source, single_line=True),
                literal(event.author, single_line=True),
                literal(event.text, single_line=True),
                key=event.id,
            )
        if events:
            self.move_cursor(row=min(keep, len(events) - 1))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(self.EditRequested(event.row_key.value))
