"""`debrief import FILE.md | FOLDER | -`: the Markdown half of the import command, and
its report: per file, which heading went to which section, and what it gave."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from debrief.importers.markdown_report import FileReport

if TYPE_CHECKING:
    from rich.table import Table

    from debrief.cli.context import Context


def import_markdown_command(
    c: Context, target: Path, as_json: bool, tz: str | None, template: str
) -> None:
    """Import, then print the report (a table per file, or JSON); exit 1 when any
    file could not be imported."""
    from debrief.cli.context import fail
    from debrief.cli.output import say_json
    from debrief.dates import zone
    from debrief.importers.markdown import Setting
    from debrief.importers.markdown_store import import_markdown
    from debrief.template import load_template

    store = c.store()
    setting = Setting(load_template(template, c.templates), store.today(), zone(tz), tz or "")
    reports = import_markdown(store, target, setting)
    if as_json:
        say_json([r.model_dump(mode="json") for r in reports])
    elif len(reports) == 1 and reports[0].status == "failed":
        fail(reports[0].error)
    else:
        show(reports)
    if any(r.status == "failed" for r in reports):
        raise typer.Exit(1)


def show(reports: list[FileReport]) -> None:
    from debrief.cli.output import console, say

    out = console()
    for report in reports:
        if report.status == "failed":
            say(f"debrief: {report.error}", err=True)
            continue
        if report.status == "already":
            say(f"{report.file}: already imported as {report.id} ({report.title})")
            continue
        say(f"{report.file} → {report.id} {report.title}")
        out.print(placement_table(report))
        say("  " + report.summary("\n  "))
        if report.items_incomplete:
            say(f"  `debrief check {report.id}` lists the items to give an owner and a due date")
        for note in report.notes:
            say(f"  note: {note}")
        if len(reports) > 1:
            say()
    if len(reports) > 1:
        from debrief.words import plural

        counts = [
            plural(sum(r.status == "imported" for r in reports), "file") + " imported",
            f"{sum(r.status == 'already' for r in reports):,} already there",
            f"{sum(r.status == 'failed' for r in reports):,} failed",
        ]
        say(" · ".join(counts))


def placement_table(report: FileReport) -> Table:
    from rich.table import Table

    from debrief.literal import literal

    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=True)
    table.add_column("Heading", ratio=3)
    table.add_column("Went to", ratio=2)
    table.add_column("Events", justify="right", no_wrap=True)
    table.add_column("Items", justify="right", no_wrap=True)
    for place in report.placed:
        table.add_row(
            literal(place.heading, single_line=True),
            literal(place.section if place.text else f"{place.section} (heading only)"),
            str(place.events or ""),
            str(place.items or ""),
        )
    return table
