"""`debrief import-timeline`: a Slack export, CSV or JSON lines into a post-mortem's timeline."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from debrief.cli.context import ctx_of, fail, handled, warn
from debrief.cli.output import say
from debrief.importers.day_order import DateOrder
from debrief.importers.options import Format
from debrief.literal import clean
from debrief.words import plural

if TYPE_CHECKING:
    from debrief.importers import ImportReport

PROBLEMS_SHOWN = 10
PROGRESS_FROM_BYTES = 4 * 1024 * 1024


class Bar:
    """Reading, then storing, on one transient progress bar."""

    def __init__(self, progress: Any, name: str) -> None:
        self.progress = progress
        self.task = progress.add_task(clean(f"reading {name}", single_line=True), total=None)
        self.name = name

    def reading(self, done: int, total: int) -> None:
        self.progress.update(self.task, completed=done, total=total)

    def storing(self, done: int, total: int) -> None:
        description = f"storing {plural(total, 'event')}"
        self.progress.update(self.task, completed=done, total=total, description=description)


@contextmanager
def progress_bar(path: Path) -> Iterator[Bar | None]:
    """A progress bar on stderr for large inputs read from a terminal; None otherwise."""
    from debrief.importers.background import input_size

    if not sys.stderr.isatty() or input_size(path) < PROGRESS_FROM_BYTES:
        yield None
        return
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    from debrief.cli.output import console

    columns = (TextColumn("{task.description}", markup=False), BarColumn(), TaskProgressColumn())
    with Progress(*columns, console=console(stderr=True), transient=True) as progress:
        yield Bar(progress, path.name)


def register(app: typer.Typer) -> None:
    @app.command("import-timeline")
    @handled
    def import_timeline(
        ctx: typer.Context,
        pm_id: Annotated[str, typer.Argument(metavar="ID")],
        path: Annotated[Path, typer.Argument(metavar="PATH", help="A file, or an export folder.")],
        fmt: Annotated[
            Format | None,
            typer.Option("--format", "-f", help="slack, csv or jsonl (default: from the name)."),
        ] = None,
        channel: Annotated[
            list[str] | None,
            typer.Option("--channel", "-c", help="A Slack channel (name or id); repeatable."),
        ] = None,
        since: Annotated[
            str | None, typer.Option(help="Only events at or after this time (ISO 8601).")
        ] = None,
        until: Annotated[
            str | None,
            typer.Option(help="Only events at or before this time; a date means its end."),
        ] = None,
        tz: Annotated[
            str | None,
            typer.Option("--tz", help="Zone of times without an offset, e.g. Europe/Paris."),
        ] = None,
        date_order: Annotated[
            DateOrder | None,
            typer.Option(
                "--date-order",
                help="How a CSV file's dates like 03/04/2026 read: dmy or mdy "
                "(default: from the file's other dates).",
            ),
        ] = None,
    ) -> None:
        """Import timeline events; importing the same source again adds nothing."""
        from debrief.importers import ImportReport, import_file, source_format, typed_options

        options = typed_options(channel or (), since, until, tz, date_order=date_order)
        fmt = source_format(path, fmt)
        store = ctx_of(ctx).store()
        store.get_postmortem(pm_id)
        report = ImportReport()
        with progress_bar(path) as bar:
            reading, storing = (bar.reading, bar.storing) if bar else (None, None)
            counts = import_file(store, pm_id, path, fmt, options, report, reading, storing)
        for note in report.notes:
            warn(note)
        for problem in report.problems[:PROBLEMS_SHOWN]:
            warn(str(problem))
        if len(report.problems) > PROBLEMS_SHOWN:
            more = plural(len(report.problems) - PROBLEMS_SHOWN, "more problem")
            warn(f"... and {more} like these")
        if not report.usable():
            first = f": {report.problems[0]}" if report.problems else ""
            fail(f"nothing could be imported from {path.name}{first}")
        say(summary(path.name, pm_id, counts.added, counts.already, report))


def summary(name: str, pm_id: str, added: int, already: int, report: ImportReport) -> str:
    """`147 added to INC-1 from export.zip (#a, #b) · 0 already there`, then what was skipped."""
    channels = f" ({', '.join(report.channels)})" if report.channels else ""
    lines = [f"{added:,} added to {pm_id} from {name}{channels} · {already:,} already there"]
    skipped = report.skipped_total
    if skipped:
        lines.append(f"{skipped:,} skipped: " + ", ".join(report.skipped_lines()))
    else:
        lines.append("nothing skipped")
    return "\n".join(lines)
