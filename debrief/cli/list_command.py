"""`debrief list`: every post-mortem, newest incident first, as a table or as JSON.

Without Typer, so the launcher (debrief/launch.py) can run the common
`debrief list --json` without the command-line layer.
"""

from __future__ import annotations

from debrief.cli.context import Context
from debrief.cli.output import console, say, say_json


def print_list(context: Context, as_json: bool) -> None:
    store = context.store()
    pms = store.list_postmortems()
    if as_json:
        say_json([p.model_dump(mode="json") for p in pms])
        return
    from rich.table import Table

    from debrief.literal import literal

    today = store.today()
    table = Table(box=None, header_style="bold")
    for name in ("Id", "Title", "Status", "Severity", "Incident", "Debrief due"):
        table.add_column(name)
    for p in pms:
        due = p.debrief_due.isoformat() if p.debrief_due else ""
        overdue = p.debrief_due and p.debrief_due < today and p.status.value in ("draft", "ready")
        table.add_row(
            literal(p.id),
            literal(p.title, single_line=True),
            p.status.value,
            literal(p.severity),
            p.started_at.date().isoformat() if p.started_at else "",
            literal(due + (" overdue" if overdue else ""), style="red" if overdue else ""),
        )
    if not pms:
        say("No post-mortems yet: `debrief new TITLE` or `debrief demo`.")
        return
    console().print(table)
