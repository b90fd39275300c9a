"""`debrief note`: surprises, themes, open questions and parked ideas of a post-mortem.

Also the learning check, the optional survey and its answers, and the soak follow-up.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from debrief.cli.context import ctx_of, fail, handled
from debrief.cli.output import say, say_json

if TYPE_CHECKING:
    from debrief.notes import Note

note_app = typer.Typer(
    help=(
        "What the room noticed besides the timeline: surprises, themes, open questions, "
        "and ideas parked during the story.\n\n"
        'Example: debrief note add PM-1 surprise "The failover took 9 minutes, not 1"'
    ),
    no_args_is_help=True,
)


class Kind(StrEnum):
    surprise = "surprise"
    theme = "theme"
    question = "question"
    idea = "idea"


class Outcome(StrEnum):
    parked = "parked"
    item = "item"
    if_time = "if-time"
    dropped = "dropped"


def _line(note: Note) -> str:
    outcome = note.outcome()
    return f"{note.id}  {note.kind.value:<8}  {note.text}" + (f"  [{outcome}]" if outcome else "")


@note_app.command("add")
@handled
def add(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    kind: Annotated[Kind, typer.Argument(metavar="(surprise|theme|question|idea)")],
    text: Annotated[str, typer.Argument(metavar="TEXT", help="One line.")],
) -> None:
    """Add a surprise, a theme, an open question or a parked idea.

    Example: debrief note add PM-1 idea "Alert on queue age, not depth"
    """
    note = ctx_of(ctx).store().add_note(pm_id, kind.value, text)
    say(f"{pm_id}: added {note.kind.value} {note.id}: {note.text}")


@note_app.command("list")
@handled
def list_(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Every note of a post-mortem, in the order taken (survey answers too).

    Example: debrief note list PM-1 --json
    """
    store = ctx_of(ctx).store()
    store.get_postmortem(pm_id)
    notes = store.notes(pm_id)
    if as_json:
        say_json([n.model_dump(mode="json") for n in notes])
        return
    if not notes:
        say(f'No notes in {pm_id} yet: debrief note add {pm_id} surprise "TEXT"')
        return
    for note in notes:
        say(_line(note))


@note_app.command("idea")
@handled
def idea(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    note_id: Annotated[str, typer.Argument(metavar="NOTE")],
    outcome: Annotated[Outcome, typer.Argument(metavar="(item|if-time|dropped|parked)")],
    item: Annotated[str, typer.Option("--item", help="The action item it became.")] = "",
    why: Annotated[str, typer.Option("--why", help="One word: why it is dropped.")] = "",
) -> None:
    """Handle a parked idea: an owned item, an "if we have time" item, or dropped.

    Example: debrief note idea PM-1 3f2a9c1d0b7e dropped --why duplicate
    """
    store = ctx_of(ctx).store()
    if outcome is Outcome.item and item:
        store.get_action(pm_id, item)
    note = store.handle_idea(pm_id, note_id, outcome.value, action_id=item, why=why)
    say(f"{pm_id}: idea {note.id} {note.outcome()}")


@note_app.command("learning")
@handled
def learning(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    learned: Annotated[int, typer.Option("--learned", help="Learned something.")],
    would_return: Annotated[int, typer.Option("--would-return", help="Would come again.")],
    present: Annotated[int, typer.Option("--present", help="How many were there.")],
) -> None:
    """Record the show of hands at the end of the debrief.

    Example: debrief note learning PM-1 --learned 5 --would-return 6 --present 7
    """
    from debrief.practice import LearningCount

    try:
        count = LearningCount(learned=learned, would_return=would_return, present=present)
    except ValueError:
        fail("the counts are whole numbers, 0 or more")
    ctx_of(ctx).store().record_learning(pm_id, count)
    say(
        f"{pm_id}: {count.learned} of {count.present} learned something, "
        f"{count.would_return} would come again"
    )


@note_app.command("survey")
@handled
def survey(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
) -> None:
    """Print the three-question survey to paste into Slack.

    Example: debrief note survey PM-1 | pbcopy
    """
    from debrief.notes import survey_text

    pm = ctx_of(ctx).store().get_postmortem(pm_id)
    say(survey_text(pm.title))


@note_app.command("answer")
@handled
def answer(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    text: Annotated[str, typer.Argument(metavar="TEXT", help="One person's answers.")],
) -> None:
    """Record one person's survey answers.

    Example: debrief note answer PM-1 "yes: read the queue graph first; yes; shorter"
    """
    note = ctx_of(ctx).store().add_note(pm_id, "survey", text, survey=True)
    say(f"{pm_id}: recorded answer {note.id}")


@note_app.command("soak")
@handled
def soak(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    due: Annotated[
        str, typer.Argument(metavar="[DATE]", help="YYYY-MM-DD (default: two working days on).")
    ] = "",
    done: Annotated[bool, typer.Option("--done", help="The follow-up was held.")] = False,
) -> None:
    """Plan the short follow-up that turns parked ideas into items (or mark it held).

    Example: debrief note soak PM-1 2026-12-02
    """
    from debrief.dates import parse_due
    from debrief.notes import working_days_after

    store = ctx_of(ctx).store()
    if done:
        store.finish_soak(pm_id)
        say(f"{pm_id}: soak follow-up held")
        return
    today = store.today()
    day: date = parse_due(due, today) if due else working_days_after(today)
    store.set_soak(pm_id, day)
    say(f"{pm_id}: soak follow-up on {day.isoformat()}")


def register(app: typer.Typer) -> None:
    app.add_typer(note_app, name="note")
