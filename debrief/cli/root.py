"""The `debrief` command's root: the contract scripts rely on (see the README)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from debrief.cli.context import Context, handled
from debrief.cli.examples import EXAMPLES
from debrief.cli.lazy import LazyGroup, lazy
from debrief.cli.shaping import examples_text

# Every command, in the order `debrief --help` lists them: its name → the module(s) in
# debrief/cli/ whose `register(app)` adds it, and its one-line help. Adding a command is
# one line here: the module is imported only when that command runs (or shows its own
# help), so keep heavy imports inside the command's function. A test checks each line
# against the command it names.
LazyGroup.table = {
    "new": lazy("documents", summary="Create a post-mortem and print its id."),
    "list": lazy("documents", summary="List every post-mortem, newest incident first."),
    "open": lazy("documents", summary="Open the facilitator/editor screen at the first section."),
    "demo": lazy("documents", summary="Load the bundled sample incident (once) and open it."),
    "export": lazy("documents", summary="Render a post-mortem as Markdown, HTML or JSON."),
    "import": lazy(
        "documents", summary="Import a JSON export or Markdown post-mortems (a file or folder)."
    ),
    "edit": lazy("editing", summary="Change a post-mortem's own fields; prints what changed."),
    "publish": lazy("publish", summary="Publish: documents, one Jira ticket per action item."),
    "lint": lazy("lint", summary="Find blaming, counterfactual and hindsight wording."),
    "history": lazy("collab", summary="Every revision of a post-mortem: who, when, what."),
    "check": lazy("collab", summary="Can the document stand on its own?"),
    "ask": lazy("collab", summary="Ask someone to contribute to a section."),
    "asked": lazy("collab", summary="What each person is asked to contribute."),
    "serve": lazy("collab", summary="The same app in a browser (textual-serve)."),
    "import-timeline": lazy("timeline", summary="Import timeline events."),
    "actions": lazy("followup", summary="Action items across every post-mortem, by due date."),
    "sync": lazy("followup", summary="Pull the Jira status of published action items."),
    "remind": lazy("followup", summary="Overdue and due-this-week action items by owner."),
    "present": lazy("present", summary="Read-only view that follows the facilitator live."),
    "section": lazy("editing", summary="Sections of a post-mortem."),
    "action": lazy("editing", "followup", summary="Action items."),
    "event": lazy("editing", summary="Timeline events."),
    "participant": lazy("participants", summary="Who takes part in a post-mortem's debrief."),
    "factor": lazy(
        "insights", summary="Contributing factors, what went right, where we got lucky."
    ),
    "stats": lazy("insights", summary="Across post-mortems: counts, times, items, factors."),
    "note": lazy("notes", summary="Surprises, themes, open questions and parked ideas."),
    "copy": lazy(
        "copying", summary="Copy every post-mortem between databases (SQLite, PostgreSQL)."
    ),
}

app = typer.Typer(
    name="debrief",
    help="Run blameless incident post-mortem debriefs from the terminal.",
    cls=LazyGroup,
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=examples_text(EXAMPLES[()]),
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


def main() -> None:
    app(prog_name="debrief")
