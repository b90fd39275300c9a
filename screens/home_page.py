"""The home list's columns, and its first page as one block of text for the first frame.

Styling and drawing a DataTable (and the search field's Input) is most of what the home
screen costs before anything shows: every cell is laid out and rendered on its own. The
first frame therefore shows the same header and rows as one Text in a Static, coloured
like the table (header, zebra stripes, the highlighted first row), and the real table
and search field take its place just after (`HomeScreen._make_real`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.color import Color, ColorParseError

if TYPE_CHECKING:
    from rich.console import Console
    from textual.app import App

CELL_PADDING = 1
"""The DataTable's: one space each side of every cell."""

FIXED_WIDTHS = {"id": 8, "status": 9, "sev": 5, "incident": 10}
DUE_WIDE, DUE_NARROW = 18, 11
"""The due column fits "2026-11-15 overdue" on one line, or wraps "overdue" under the date."""
TITLE_ROOM = 40
"""Below this the incident date makes way for the title (the due date follows from it)."""
MIN_TITLE, MAX_TITLE = 16, 72
HEADERS = {
    "id": "Id",
    "title": "Title",
    "status": "Status",
    "sev": "Sev",
    "incident": "Incident",
    "due": "Debrief due",
}


def column_widths(width: int) -> dict[str, int]:
    """Column widths for the list on a screen `width` cells wide: the title takes what
    is left.

    Every column has one cell of padding each side; the list's margin takes two cells
    and its vertical scrollbar two more.
    """
    room = width - 4

    def title_room(widths: dict[str, int]) -> int:
        return room - sum(widths.values()) - 2 * (len(widths) + 1)

    widths = {**FIXED_WIDTHS, "due": DUE_WIDE}
    if title_room(widths) < TITLE_ROOM:
        widths["due"] = DUE_NARROW
    if title_room(widths) < TITLE_ROOM:
        del widths["incident"]
    title = min(MAX_TITLE, max(MIN_TITLE, title_room(widths)))
    order = ["id", "title", "status", "sev", "incident", "due"]
    return {
        key: title if key == "title" else widths[key]
        for key in order
        if key in widths or key == "title"
    }


class PageLook:
    """The table's colours in the app's theme, as Rich styles (the DataTable's own CSS:
    header on $panel, every other row on a shade of $surface, the cursor row)."""

    def __init__(self, app: App[object]) -> None:
        variables = app.theme_variables

        def colour(name: str) -> Color | None:
            try:
                return Color.parse(variables[name])
            except (KeyError, ColorParseError):
                return None

        def style(fg: Color | None = None, bg: Color | None = None, bold: bool = False) -> Style:
            return Style(
                color=fg.rich_color if fg is not None else None,
                bgcolor=bg.rich_color if bg is not None else None,
                bold=bold or None,
            )

        surface, foreground = colour("surface"), colour("foreground")
        self.header = style(foreground, colour("panel"), bold=True)
        shade = colour("surface-darken-1" if app.current_theme.dark else "surface-lighten-1")
        stripe = None
        if surface is not None and shade is not None:
            stripe = surface.blend(shade, 0.4 if app.current_theme.dark else 0.5)
        self.stripe = style(bg=stripe)
        ground = colour("block-cursor-background")
        words = variables.get("block-cursor-foreground", "").split()
        ink = colour("block-cursor-foreground")
        if ground is not None and words[:1] == ["auto"]:  # "auto 87%": legible on the ground
            alpha = float(words[1].rstrip("%")) / 100 if len(words) > 1 else 1.0
            ink = ground + ground.get_contrast_text(alpha)
        self.cursor = style(
            ink, ground, bold="bold" in variables.get("block-cursor-text-style", "")
        )


def _cell_lines(cell: Text, width: int, wraps: bool, console: Console) -> list[Text]:
    if wraps:
        lines = list(cell.wrap(console, width))
    else:
        line = cell.copy()
        line.truncate(width, overflow="crop")
        lines = [line]
    return lines or [Text()]


def _line(cells: Sequence[Text], widths: Sequence[int], style: Style) -> Text:
    line = Text(style=style, end="")
    pad = " " * CELL_PADDING
    for cell, width in zip(cells, widths, strict=True):
        cell = cell.copy()
        cell.truncate(width, overflow="crop", pad=True)
        line.append(pad)
        line.append_text(cell)
        line.append(pad)
    return line


def page_text(
    headers: Mapping[str, str],
    rows: Sequence[tuple[Mapping[str, Text], bool]],
    widths: Mapping[str, int],
    height: int,
    look: PageLook,
    console: Console,
) -> Text:
    """The header and as many rows as fit in `height` lines, as the table draws them.

    `rows`: each row's cells by column key, and whether it wraps (taller than one line).
    """
    keys = list(widths)
    sizes = [widths[key] for key in keys]
    lines = [_line([Text(headers[key]) for key in keys], sizes, look.header)]
    for index, (cells, wraps) in enumerate(rows):
        if len(lines) >= height:
            break
        parts = [_cell_lines(cells[key], widths[key], wraps, console) for key in keys]
        style = look.stripe if index % 2 == 0 else Style()  # the table's even rows
        for n in range(max(len(p) for p in parts)):
            line = _line([p[n] if n < len(p) else Text() for p in parts], sizes, style)
            if index == 0:  # the highlighted row: its colours win over the cells'
                line.stylize(Style(color=look.cursor.color, bgcolor=look.cursor.bgcolor))
                line.stylize(Style(bold=look.cursor.bold))
            lines.append(line)
    return Text("\n").join(lines[:height])
