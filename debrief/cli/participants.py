"""`debrief participant`: who takes part in a debrief, with their roles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from debrief.cli.context import ctx_of, fail, handled
from debrief.cli.output import console, say, say_json
from debrief.participants import ROLES

if TYPE_CHECKING:
    from debrief.models import Participant

participant_app = typer.Typer(
    help=(
        "Who takes part in a post-mortem's debrief, with their roles. They are who the "
        "participation round lists and whom an action item's owner completes from.\n\n"
        'Example: debrief participant add PM-1 "Søren Kierkegaard" --role note-taker'
    ),
    no_args_is_help=True,
)


def _person(p: Participant) -> str:
    from debrief.literal import clean

    name = clean(p.name, single_line=True)
    return f"{name} ({clean(p.role, single_line=True)})" if p.role else name


@participant_app.command("add")
@handled
def add(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="Any name, e.g. 'Søren Kierkegaard'.")
    ],
    role: Annotated[
        str, typer.Option("--role", "-r", help=f"{', '.join(ROLES)}, or any text (e.g. SRE).")
    ] = "",
) -> None:
    """Add someone to the debrief. NAME already there: --role changes their role.

    Example: debrief participant add PM-1 "Ana Souza" --role facilitator
    """
    from debrief.store.participants import AlreadyParticipant

    try:
        saved = ctx_of(ctx).store().add_participant(pm_id, name, role)
    except AlreadyParticipant as exc:
        fail(f"{exc}; --role ROLE changes the role")
    if saved.added:
        say(f"{pm_id}: added {_person(saved.participant)}")
    else:
        was = f" (was {saved.old_role})" if saved.old_role else ""
        say(f"{pm_id}: {saved.participant.name} is now {saved.participant.role}{was}")


@participant_app.command("remove")
@handled
def remove(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    name: Annotated[str, typer.Argument(metavar="NAME", help="As listed; case does not matter.")],
) -> None:
    """Take someone off the list; the history keeps that they were on it.

    Example: debrief participant remove PM-1 "Ana Souza"
    """
    gone = ctx_of(ctx).store().remove_participant(pm_id, name)
    say(f"{pm_id}: removed {_person(gone)}")


@participant_app.command("list")
@handled
def list_(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Everyone taking part, with their roles.

    Example: debrief participant list PM-1 --json
    """
    people = ctx_of(ctx).store().participants(pm_id)
    if as_json:
        say_json([p.model_dump(mode="json") for p in people])
        return
    if not people:
        say(f'No participants in {pm_id} yet: debrief participant add {pm_id} "NAME" --role ROLE')
        return
    from rich.table import Table

    from debrief.literal import literal

    table = Table(box=None, header_style="bold")
    table.add_column("Name")
    table.add_column("Role")
    for p in people:
        table.add_row(literal(p.name, single_line=True), literal(p.role, single_line=True))
    console().print(table)


@participant_app.command("invite")
@handled
def invite(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only say who would be added.")
    ] = False,
) -> None:
    """Add everyone the timeline names as an event author, in one step.

    Bots (deploy-bot, bot B0123) and authors seen only on log or graph events
    (grafana, loki) are left out; people already taking part are not added twice.

    Example: debrief participant invite PM-1 --dry-run
    """
    from debrief.words import plural

    store = ctx_of(ctx).store()
    if dry_run:
        names = store.named_in_timeline(pm_id)
    else:
        names = [p.name for p in store.invite_from_timeline(pm_id)]
    if not names:
        say(f"{pm_id}: no one else is named as an author in the timeline")
        return
    done = "would add" if dry_run else "added"
    say(f"{pm_id}: {done} {plural(len(names), 'participant')}: {', '.join(names)}")


def register(app: typer.Typer) -> None:
    app.add_typer(participant_app, name="participant")
