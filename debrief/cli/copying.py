"""`debrief copy`: move a team's post-mortems between SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from debrief.cli.context import fail, handled


def register(app: typer.Typer) -> None:
    @app.command("copy")
    @handled
    def copy(
        source: Annotated[
            str,
            typer.Option(
                "--from",
                metavar="PATH_OR_URL",
                help="The database to copy from.",
                show_default=False,
            ),
        ],
        target: Annotated[
            str,
            typer.Option(
                "--to",
                metavar="PATH_OR_URL",
                help="The database to copy into (made when new).",
                show_default=False,
            ),
        ],
    ) -> None:
        """Copy every post-mortem with its history into another database (an SQLite file
        or a postgresql:// URL, either way). Post-mortems the target holds already are
        left as they are there, so running it again copies only what is new."""
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        from debrief.cli import output
        from debrief.cli.output import say
        from debrief.store import Store
        from debrief.store.copying import copy_postmortems
        from debrief.store.engine import is_url, shown
        from debrief.words import plural

        here = {
            name: value if is_url(value) else Path(value).expanduser()
            for name, value in (("from", source.strip()), ("to", target.strip()))
        }
        if not source.strip() or not target.strip():
            fail("copy needs a database file or a postgresql:// URL for both --from and --to")
        if here["from"] == here["to"]:
            fail("--from and --to name the same database; nothing to copy")
        origin = here["from"]
        if isinstance(origin, Path) and not origin.is_file():
            fail(f"there is no database file at {origin}")
        # The copy writes rows as they are: each revision keeps its own author.
        reading = Store(origin, author=None)
        try:
            writing = Store(here["to"], author=None)
        except BaseException:
            reading.close()
            raise
        err = output.console(stderr=True, soft_wrap=True)
        bar = Progress(
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            MofNCompleteColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        task = bar.add_task("Copying", total=None)

        def progress(done: int, total: int, pm_id: str) -> None:
            bar.update(task, completed=done, total=total, description=f"Copying {pm_id}")

        try:
            with bar:
                done = copy_postmortems(reading, writing, progress)
        finally:
            reading.close()
            writing.close()
        into = shown(here["to"])
        if not done.copied:
            held = len(done.present)
            say(
                f"Nothing new to copy: {into} already holds "
                f"{'the' if held == 1 else 'all'} {plural(held, 'post-mortem')} of {shown(origin)}."
                if held
                else f"Nothing to copy: {shown(origin)} holds no post-mortem."
            )
            return
        line = (
            f"Copied {plural(len(done.copied), 'post-mortem')} "
            f"({plural(done.revisions, 'revision')}) into {into}"
        )
        if done.present:
            line += f"; {len(done.present)} it held already were left as they are"
        say(line + ".")
