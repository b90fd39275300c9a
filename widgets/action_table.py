"""A table of action items; posts which one the user wants to edit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import DataTable

from debrief.literal import literal
from debrief.models import ActionItem


class ActionTable(DataTable[Text]):
    DEFAULT_CSS = """
    ActionTable { height: 1fr; min-height: 4; }
    """

    @dataclass
    class EditRequested(Message):
        """Enter on a row: edit this item."""

        action_id: str

    def __init__(self, *, id: str | None = None, aspirational: bool = False) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.aspirational = aspirational

    def on_mount(self) -> None:
        if self.aspirational:
            self.add_columns("If we have time")
        else:
            self.add_columns("Due", "Owner", "Action", "Priority", "Status", "Ticket")

    def show(self, items: list[ActionItem], today: date) -> None:
        keep = self.cursor_row
        self.clear()
        for item in items:
            if self.aspirational:
                self.add_row(literal(item.title, single_line=True), key=item.id)
                continue
            overdue = item.is_overdue(today)
            due = Text(item.due.isoformat() if item.due else "no date")
            if overdue:
                due.stylize("bold red")
            elif item.due is None:
                due.stylize("yellow")
            owner = (
                literal(item.owner, single_line=True) if item.owner else Text("no owner", "yellow")
            )
            self.add_row(
                due,
                owner,
                literal(item.title, single_line=True),
                Text(item.priority.value),
                Text(item.status.value),
                literal(item.jira_key or "—"),
                key=item.id,
            )
        if items:
            self.move_cursor(row=min(keep, len(items) - 1))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(self.EditRequested(event.row_key.value))
