"""The Root cause section's table: contributing factors, what went right and where we
got lucky, one row each; Enter on a row asks to edit it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.message import Message
from textual.widgets import DataTable

from debrief.kinds import FactorKind
from debrief.literal import literal
from debrief.models import Factor

KIND_SHORT = {
    FactorKind.factor: "factor",
    FactorKind.went_right: "went right",
    FactorKind.lucky: "lucky",
}


class FactorTable(DataTable[Text]):
    DEFAULT_CSS = """
    FactorTable {
        height: 1fr;
        min-height: 4;
    }
    """

    @dataclass
    class EditRequested(Message):
        """Enter on a row: edit this factor."""

        factor_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._factors: list[Factor] = []
        self._laid_for = -1

    def show(self, factors: list[Factor]) -> None:
        self._factors = list(factors)
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
        kind, category, links = 10, 14, 6
        padding = 2 * self.cell_padding * 4
        text = max(width - kind - category - links - padding - 1, 12)
        self.add_column("Kind", width=kind)
        self.add_column("Category", width=category)
        self.add_column("Contributing factor", width=text)
        self.add_column("Events", width=links)
        if not self._factors:
            self.add_row(
                Text(""), Text(""), Text("None yet: alt+c adds one."), Text(""), key="", height=1
            )
            return
        for f in self._factors:
            self.add_row(
                Text(KIND_SHORT[f.kind]),
                literal(f.category),
                literal(f.text),
                Text(str(len(f.events)) if f.events else ""),
                key=f.id,
                height=None,
            )
        self.move_cursor(row=min(max(keep, 0), len(self._factors) - 1))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(self.EditRequested(event.row_key.value))
