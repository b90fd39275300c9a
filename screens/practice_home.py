"""What the home screen says about soak follow-ups due: the short meeting, a couple of
working days after a debrief, that turns its parked ideas into items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from debrief.literal import clean
from debrief.words import plural

if TYPE_CHECKING:
    from debrief.screens.home import HomeScreen

SHOWN = 3


def show_soaks(home: HomeScreen) -> None:
    due = home.store.soaks_due(home.today())
    note = home.query_one("#soaks", Static)
    note.display = bool(due)
    note.styles.padding = (0, 1)
    text = Text("Soak follow-up due: ", style="bold $text-warning")
    for i, soak in enumerate(due[:SHOWN]):
        text.append(" · " if i else "")
        text.append(f"{clean(soak.postmortem_id)} ", style="bold")
        text.append(clean(soak.title, single_line=True))
        text.append(f" ({plural(soak.parked, 'parked idea')}, {soak.due.isoformat()})")
    if len(due) > SHOWN:
        text.append(f" and {len(due) - SHOWN} more")
    note.update(text)
