"""The `debrief` command: the contract scripts rely on (see the README)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from debrief.cli.context import Context, handled

app = typer.Typer(
    name="debrief",
    help="Run blameless incident post-mortem debriefs from the terminal.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database file, or a postgresql:// URL (default: DEBRIEF_DB, the config's "
            "`db`, or the user data dir).",
        ),
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="Config file (default: the user config dir).")
    ] = None,
    version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False,
) -> None:
    """With no command, opens the home screen: list, search, new."""
    ctx.obj = Context(db_path=db, config_path=config)
    if version:
        from debrief import __version__

        typer.echo(f"debrief {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        _home(ctx.obj)


@handled
def _home(context: Context) -> None:
    from debrief.cli.run_app import run_app

    run_app(context, None)


from debrief.cli import (  # noqa: E402  (commands register on import)
    collab,
    documents,
    editing,
    followup,
    insights,
    lint,
    notes,
    participants,
    present,
    publish,
    timeline,
)

documents.register(app)
editing.register(app)
publish.register(app)
lint.register(app)
collab.register(app)
timeline.register(app)
followup.register(app)
participants.register(app)
notes.register(app)
present.register(app)
insights.register(app)


def main() -> None:
    app()
