"""`debrief list`: every post-mortem, newest incident first, as a table or as JSON.

Without Typer, so the launcher (debrief/launch.py) can run the common
`debrief list --json` without the command-line layer.
"""

from __future__ import annotations

from debrief.cli.context import Context
from debrief.cli.output import console, echo, say


def postmortems_json_text(context: Context) -> str:
    """`debrief list --json`'s text, written from the stored rows (debrief/cli/list_json.py)
    through a connection that loads none of the store's entity modules."""
    from debrief.cli.list_json import postmortems_json
    from debrief.config import named_user
    from debrief.store.listing import PostmortemRows

    rows = PostmortemRows(context.database, author=named_user(context.config) or None)
    try:
        return postmortems_json(rows.postmortem_rows())
    finally:
        rows.close()


def print_list(context: Context, as_json: bool) -> None:
    if as_json:
        # Already as say_json would print it: ASCII, with DEL escaped (see list_json.py).
        echo(postmortems_json_text(context))
        return
    store = context.store()
    pms = store.list_postmortems()
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
