"""The rows of the Action items table: cells, and column widths that fit the screen.

Titles are cut with an ellipsis rather than wrapped; on a narrow screen the
post-mortem column shows ids alone and an overdue date is marked by colour only.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from debrief.followup.listing import ActionRow
from debrief.literal import literal
from debrief.models import ActionStatus

COLUMNS = ("Due", "Owner", "Action", "Post-mortem", "Status", "Ticket")
OWNER_WIDTH = 14
WIDE = 100
"""From this screen width, "overdue" is written beside the date."""
NARROW = 48
"""With less room than this for the titles, the post-mortem column shows ids alone."""
CHROME = 6 * 2 + 4
"""Cell padding of the six columns, the table's margins and its scrollbar."""


@dataclass(frozen=True)
class Layout:
    widths: dict[str, int]
    late_word: bool
    pm_titles: bool


def status_text(row: ActionRow) -> str:
    return "aspirational" if row.aspirational else row.status.value


def layout(rows: list[ActionRow], screen_width: int) -> Layout:
    """Column widths for these rows on a screen this wide."""
    late_word = screen_width >= WIDE and any(r.overdue for r in rows)
    widths = {
        "Due": 18 if late_word else 10,
        "Owner": min(OWNER_WIDTH, max([5, *(len(r.owner) for r in rows)])),
        "Status": max([6, *(len(status_text(r)) for r in rows)]),
        "Ticket": max([6, *(len(r.jira_key) for r in rows)]),
    }
    room = max(24, screen_width - sum(widths.values()) - CHROME)
    titles = max([0, *(len(r.postmortem_id) + len(r.postmortem_title) + 1 for r in rows)])
    pm_titles = room >= NARROW
    if pm_titles:
        widths["Post-mortem"] = max(len("Post-mortem"), min(room * 2 // 5, titles))
    else:
        widths["Post-mortem"] = max([2, *(len(r.postmortem_id) for r in rows)])
    widths["Action"] = room - widths["Post-mortem"]
    return Layout(widths, late_word, pm_titles)


@dataclass(frozen=True)
class RowColours:
    """Rich styles for late and done rows, from the app's theme (`$text-error`,
    `$text-success`); without a theme, bold marks lateness and nothing marks done."""

    late: str = "bold"
    done: str = ""


def cells(row: ActionRow, lay: Layout, colours: RowColours = RowColours()) -> list[Text]:
    due = Text(row.due.isoformat() if row.due else "—")
    if row.overdue:
        due = Text(f"{due.plain} overdue" if lay.late_word else due.plain, style=colours.late)
    action = literal(row.title, single_line=True)
    if row.status is ActionStatus.not_doing and row.status_reason:
        action.append(" — ")
        action.append_text(literal(row.status_reason, style="italic", single_line=True))
    pm = literal(row.postmortem_id)
    if lay.pm_titles:
        pm.append(" ")
        pm.append_text(literal(row.postmortem_title, single_line=True))
    done = row.status is ActionStatus.done
    texts = {
        "Due": due,
        "Owner": literal(row.owner or "—", single_line=True),
        "Action": action,
        "Post-mortem": pm,
        "Status": Text(status_text(row), style=colours.done if done else ""),
        "Ticket": literal(row.jira_key or "—"),
    }
    for name, text in texts.items():
        text.truncate(lay.widths[name], overflow="ellipsis")
    return [texts[name] for name in COLUMNS]
