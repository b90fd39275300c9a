"""A table of action items; posts which one the user wants to edit.

Titles wrap in a column that takes whatever width the others leave, so every title is
read in full on the shared screen; where the table is narrow, priority, status and
ticket share one column.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import events, on
from textual.message import Message
from textual.widgets import DataTable

from debrief.literal import literal
from debrief.models import ActionItem

WIDE = 100
"""From this width on, priority, status and ticket get a column each."""


class ActionTable(DataTable[Text]):
    DEFAULT_CSS = """
    ActionTable {
        height: 1fr;
        min-height: 4;
        & > .action-table--overdue { color: $text-error; text-style: bold; }
        & > .action-table--missing { color: $text-warning; }
    }
    """
    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | {
        "action-table--overdue",
        "action-table--missing",
    }

    @dataclass
    class EditRequested(Message):
        """Enter on a row: edit this item."""

        action_id: str

    def __init__(self, *, id: str | None = None, aspirational: bool = False) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.aspirational = aspirational
        self._items: list[ActionItem] = []
        self._today = date.today()
        self._laid_for = -1

    def show(self, items: list[ActionItem], today: date) -> None:
        self._items, self._today = list(items), today
        self._fill(force=True)

    def on_resize(self, event: events.Resize) -> None:
        self._fill()

    def _fill(self, force: bool = False) -> None:
        width = self.scrollable_content_region.width or self.size.width
        if not force and width == self._laid_for:
            return
        keep = self.cursor_row
        self.clear(columns=True)
        self._laid_for = width
        if self.aspirational:
            self.add_column("If we have time", width=max(width - 4, 10))
            for item in self._items:
                self.add_row(literal(item.title), key=item.id, height=None)
        else:
            self._fill_actions(width)
        if self._items:
            self.move_cursor(row=min(max(keep, 0), len(self._items) - 1))

    def _fill_actions(self, width: int) -> None:
        owners = [len(item.owner or "no owner") for item in self._items]
        owner = min(max([5, *owners]), 18)
        wide = width >= WIDE
        fixed = [owner, 10, 8, 11, 10] if wide else [owner, 10, 11]
        padding = 2 * self.cell_padding * (len(fixed) + 1)
        title = max(width - sum(fixed) - padding - 1, 12)
        self.add_column("Action", width=title)
        self.add_column("Owner", width=owner)
        self.add_column("Due", width=10)
        if wide:
            self.add_column("Priority", width=8)
            self.add_column("Status", width=11)
            self.add_column("Ticket", width=10)
        else:
            self.add_column("Status", width=11)
        for item in self._items:
            ticket = literal(item.jira_key or ("—" if wide else ""), single_line=True)
            priority, status = Text(item.priority.value), Text(item.status.value)
            cells = [literal(item.title), self._owner(item), self._due(item)]
            if wide:
                cells += [priority, status, ticket]
            else:
                cells.append(Text("\n").join(p for p in (status, priority, ticket) if p))
            self.add_row(*cells, key=item.id, height=None)

    def _due(self, item: ActionItem) -> Text:
        if item.due is None:
            return Text("no date", self.get_component_rich_style("action-table--missing"))
        due = Text(item.due.isoformat())
        if item.is_overdue(self._today):
            due.append("\noverdue")
            due.stylize(self.get_component_rich_style("action-table--overdue"))
        return due

    def _owner(self, item: ActionItem) -> Text:
        if item.owner:
            return literal(item.owner)
        return Text("no owner", self.get_component_rich_style("action-table--missing"))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(self.EditRequested(event.row_key.value))
