"""The timeline as a table that draws only the rows on screen, so 100,000 events stay smooth.

Times are shown in the viewer's zone, named in the header; milestones are coloured;
stretches longer than the gap threshold where nothing was recorded get a row of
their own. Imported text is shown literally (`debrief.literal`). With `checkable`,
a first column ticks the events to keep (the import preview).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, timedelta, tzinfo

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from debrief.dates import local_zone
from debrief.literal import literal
from debrief.models import TimelineEvent
from debrief.timeline import GAP_THRESHOLD
from debrief.widgets.timeline_columns import Columns, columns_for, long_duration

MILESTONES = ("trigger", "started", "detected", "mitigated", "resolved")
"""Each has a component class, coloured from the theme: `timeline-table--detected`..."""


WRAP_LIMIT = 5_000
"""Up to this many rows an event's text wraps onto as many lines as it needs; a longer
timeline (a whole Slack export) keeps one line a row so it stays smooth."""

GAP = -1
"""A row that is a gap, not an event (its seconds are kept beside it)."""


class TimelineTable(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    TimelineTable {
        height: 1fr;
        overflow-x: hidden;
        background: $surface;
        & > .timeline-table--header { text-style: bold; background: $panel; }
        & > .timeline-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .timeline-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .timeline-table--gap { color: $text-warning; text-style: italic; }
        & > .timeline-table--marker { color: $text-muted; }
        & > .timeline-table--left-out { color: $text-disabled; text-style: strike; }
        & > .timeline-table--trigger { color: $text-secondary; text-style: bold; }
        & > .timeline-table--started { color: $text-error; text-style: bold; }
        & > .timeline-table--detected { color: $text-warning; text-style: bold; }
        & > .timeline-table--mitigated { color: $text-primary; text-style: bold; }
        & > .timeline-table--resolved { color: $text-success; text-style: bold; }
    }
    """
    COMPONENT_CLASSES = {
        f"timeline-table--{part}"
        for part in ("header", "cursor", "gap", "marker", "left-out", *MILESTONES)
    }
    BINDINGS = [
        Binding(key, action, description, show=False)
        for key, action, description in (
            ("up", "cursor(-1)", "Up"),
            ("down", "cursor(1)", "Down"),
            ("pageup", "page(-1)", "Page up"),
            ("pagedown", "page(1)", "Page down"),
            ("home", "edge(-1)", "First"),
            ("end", "edge(1)", "Last"),
            ("enter", "select", "Open"),
            ("space", "tick", "Tick"),
        )
    ]

    cursor = reactive(0, always_update=True)

    @dataclass
    class EditRequested(Message):
        """Enter on an event: open it for editing."""

        event_id: str

    @dataclass
    class Toggled(Message):
        """Space on an event of a checkable table: `index` into the events shown."""

        index: int

    def __init__(self, *, id: str | None = None, checkable: bool = False) -> None:
        super().__init__(id=id)
        self.checkable = checkable
        self.events: Sequence[TimelineEvent] = []
        self.left_out: set[int] = set()
        self.where: tzinfo = UTC  # the viewer's zone, given by show()
        self._rows: list[int] = []
        self._gap_seconds: dict[int, float] = {}
        self._with_date = False
        self._zone_name = ""
        self._cols: Columns | None = None
        self._laid_width = -1
        self._starts: list[int] = []
        """The first screen line of each row, and the total at the end; empty when every
        row is one line."""
        self._cache: LRUCache[tuple[int, int, int, bool], Strip] = LRUCache(512)

    # -- data ----------------------------------------------------------------

    def show(
        self,
        events: Sequence[TimelineEvent],
        where: tzinfo | None = None,
        gap_threshold: timedelta | None = GAP_THRESHOLD,
        left_out: set[int] | None = None,
    ) -> None:
        """Show `events` (sorted by time); gaps longer than `gap_threshold` get a row."""
        keep = self.current_event_id()
        self.events = events
        self.where = where or local_zone()
        self.left_out = left_out if left_out is not None else set()
        rows: list[int] = []
        self._gap_seconds = {}
        previous = None
        for index, event in enumerate(events):
            if previous is not None and gap_threshold is not None:
                seconds = (event.at - previous).total_seconds()
                if seconds > gap_threshold.total_seconds():
                    self._gap_seconds[len(rows)] = seconds
                    rows.append(GAP)
            rows.append(index)
            previous = event.at
        self._rows = rows
        self._describe_times()
        self._cols = None
        self._lay_out()
        self.cursor = self.row_of(keep) if keep else min(self.cursor, max(len(rows) - 1, 0))
        self.refresh()

    def on_resize(self) -> None:
        if self._laid_width != self._width():
            self._lay_out()
            self.watch_cursor(self.cursor, self.cursor)

    def _lay_out(self) -> None:
        """Work out how many lines each row takes at this width (rows fit the width: no
        sideways scroll)."""
        self._cache.clear()
        width = self._laid_width = self._width()
        self._starts = []
        if width > 0 and len(self._rows) <= WRAP_LIMIT:
            cols = self._columns(width)
            line = 0
            for index in self._rows:
                self._starts.append(line)
                line += 1 if index == GAP else len(self._what_lines(index, cols.what))
            self._starts.append(line)
        self.virtual_size = Size(0, self._line_count() + 1)

    def _line_count(self) -> int:
        return self._starts[-1] if self._starts else len(self._rows)

    def _first_line(self, row: int) -> int:
        if not self._starts:
            return row
        return self._starts[min(row, len(self._starts) - 1)]

    def _row_at(self, line: int) -> int:
        return bisect_right(self._starts, line) - 1 if self._starts else line

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def refresh_marks(self) -> None:
        """Redraw after `left_out` changed."""
        self._cache.clear()
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def event_at_row(self, row: int) -> int | None:
        """The index into `events` of a row, or None for a gap row."""
        if 0 <= row < len(self._rows) and self._rows[row] != GAP:
            return self._rows[row]
        return None

    def current_event_id(self) -> str:
        index = self.event_at_row(self.cursor)
        return self.events[index].id if index is not None else ""

    def row_of(self, event_id: str) -> int:
        for row, index in enumerate(self._rows):
            if index != GAP and self.events[index].id == event_id:
                return row
        return min(self.cursor, max(len(self._rows) - 1, 0))

    def _describe_times(self) -> None:
        if not self.events:
            self._with_date, self._zone_name = False, ""
            return
        first = self.events[0].at.astimezone(self.where)
        last = self.events[-1].at.astimezone(self.where)
        self._with_date = first.date() != last.date()
        # The zone's name changes only at DST transitions: one look per UTC day is enough.
        names = {first.tzname(), last.tzname()}
        looked = None
        for event in self.events:
            day = event.at.date()
            if day != looked:
                names.add(event.at.astimezone(self.where).tzname())
                looked = day
        self._zone_name = "/".join(sorted(n for n in names if n))

    # -- moving --------------------------------------------------------------

    def action_cursor(self, delta: int) -> None:
        self.cursor = max(0, min(self.cursor + delta, len(self._rows) - 1))

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(self.size.height - 2, 1))

    def action_edge(self, direction: int) -> None:
        self.cursor = 0 if direction < 0 else max(len(self._rows) - 1, 0)

    def jump_to_milestone(self, direction: int) -> bool:
        """Move to the next (1) or previous (-1) milestone; False when there is none."""
        row = self.cursor + direction
        while 0 <= row < len(self._rows):
            index = self._rows[row]
            if index != GAP and self.events[index].milestone is not None:
                self.cursor = row
                return True
            row += direction
        return False

    def watch_cursor(self, old: int, new: int) -> None:
        height = max(self.size.height - 1, 1)
        top = int(self.scroll_offset.y)
        first, last = self._first_line(new), self._first_line(new + 1) - 1
        if first < top:
            self.scroll_to(y=first, animate=False)
        elif last >= top + height:
            self.scroll_to(y=min(first, last - height + 1), animate=False)
        self.refresh()

    def action_select(self) -> None:
        event_id = self.current_event_id()
        if event_id:
            self.post_message(self.EditRequested(event_id))

    def action_tick(self) -> None:
        index = self.event_at_row(self.cursor)
        if self.checkable and index is not None:
            self.post_message(self.Toggled(index))

    def on_click(self, event: events.Click) -> None:
        line = int(self.scroll_offset.y) + event.y - 1
        row = self._row_at(line) if 0 <= line < self._line_count() else -1
        if 0 <= row < len(self._rows):
            if row == self.cursor and event.chain > 1:
                self.action_select()
            self.cursor = row

    # -- drawing -------------------------------------------------------------

    def _columns(self, width: int) -> Columns:
        if self._cols is None or self._cols.width != width:
            self._cols = columns_for(
                width, self.events, self.checkable, self._with_date, self._zone_name
            )
        return self._cols

    def _width(self) -> int:
        """The width rows are drawn in: inside the scrollbar, so no text hides under it."""
        return self.scrollable_content_region.width

    def render_line(self, y: int) -> Strip:
        width = self._width()
        if y == 0:
            return self._header(width)
        line = int(self.scroll_offset.y) + y - 1
        if line >= self._line_count():
            return Strip.blank(width, self.rich_style)
        row = self._row_at(line)
        part = line - self._first_line(row)
        is_cursor = row == self.cursor
        key = (row, part, width, is_cursor)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._render_row(row, part, width, is_cursor)
            self._cache[key] = cached
        return cached

    def _header(self, width: int) -> Strip:
        cols = self._columns(width)
        zone = f" ({self._zone_name})" if self._zone_name and "/" not in self._zone_name else ""
        parts = [("", cols.mark), (f"Time{zone}", cols.time)]
        if cols.milestone:
            parts.append(("Milestone", cols.milestone))
        parts += [("Source", cols.source), ("Who", cols.who), ("What", cols.what)]
        text = Text(no_wrap=True, overflow="crop")
        for label, size in parts:
            if size:
                cell = Text(label)
                cell.truncate(size, overflow="crop", pad=True)
                text.append_text(cell)
                text.append(" ")
        style = self.rich_style + self.get_component_rich_style("timeline-table--header")
        return self._strip(text, width, style)

    def _render_row(self, row: int, part: int, width: int, is_cursor: bool) -> Strip:
        style = self.rich_style
        if is_cursor:
            style = style + self.get_component_rich_style("timeline-table--cursor")
        index = self._rows[row]
        if index == GAP:
            gap = self.get_component_rich_style("timeline-table--gap")
            seconds = self._gap_seconds.get(row, 0.0)
            text = Text()
            text.append(f"  ⋯ nothing recorded for {long_duration(seconds)} ⋯", style=gap)
            return self._strip(text, width, style)
        text = self._event_text(index, part, self._columns(width), is_cursor)
        return self._strip(text, width, style)

    def _what(self, index: int) -> Text:
        event = self.events[index]
        marker = self.get_component_rich_style("timeline-table--marker")
        what = Text()
        if event.is_reply:
            what.append("↳ ", style=marker)
        what.append_text(literal(event.text, single_line=True))
        if event.edited:
            what.append(" (edited)", style=marker)
        if event.known_then:  # what the responder could see then, beside what we know now
            what.append(" · then: ", style=marker)
            what.append_text(literal(event.known_then, single_line=True))
        return what

    def _what_lines(self, index: int, width: int) -> list[Text]:
        """The event's text in lines of `width` cells: one when the table is too long to wrap."""
        what = self._what(index)
        if len(self._rows) > WRAP_LIMIT or what.cell_len <= width:
            return [what]
        return list(what.wrap(self.app.console, width, overflow="fold"))

    def _event_text(self, index: int, part: int, cols: Columns, is_cursor: bool) -> Text:
        event = self.events[index]
        marker = self.get_component_rich_style("timeline-table--marker")
        local = event.at.astimezone(self.where)
        stamp = local.strftime("%m-%d %H:%M" if self._with_date else "%H:%M:%S")
        if "/" in self._zone_name:
            stamp += f" {local.tzname()}"
        cells: list[tuple[Text, int]] = []
        if cols.mark:
            left_out = index in self.left_out
            cells.append((Text("·" if left_out else "✓", style=marker), cols.mark - 1))
        cells.append((Text(stamp), cols.time))
        if cols.milestone:
            name = event.milestone.value if event.milestone else ""
            look = "" if not name or is_cursor else f"timeline-table--{name}"
            style = self.get_component_rich_style(look) if look else Style(bold=bool(name))
            cells.append((Text(name, style=style), cols.milestone))
        cells.append((literal(event.source, single_line=True), cols.source))
        cells.append((literal(event.author, single_line=True), cols.who))
        lines = self._what_lines(index, cols.what)
        what = lines[part] if part < len(lines) else Text()
        if part:  # a continuation line: only the text, under its column
            cells = [(Text(), size) for _, size in cells]
        cells.append((what, cols.what))
        line = Text(no_wrap=True, overflow="crop")
        for cell, size in cells:
            cell.truncate(size, overflow="ellipsis", pad=True)
            line.append_text(cell)
            line.append(" ")
        if cols.mark and index in self.left_out:
            line.stylize(self.get_component_rich_style("timeline-table--left-out"))
        return line

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        """One line: the row's style under the text's own, cropped or padded to `width`."""
        text.stylize_before(style)  # a span: Text.render ignores a Text's own style
        text.no_wrap, text.overflow, text.end = True, "crop", ""
        return Strip(text.render(self.app.console)).crop_extend(0, width, style)
