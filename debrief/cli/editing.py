"""Commands that change or show one part of a post-mortem: edit, section set, action add,
event add and list."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from debrief.cli.context import ctx_of, fail, handled, read_text_arg, warn
from debrief.cli.output import say, say_json
from debrief.models import ActionKind, Milestone, Priority

section_app = typer.Typer(help="Sections of a post-mortem.", no_args_is_help=True)
action_app = typer.Typer(help="Action items.", no_args_is_help=True)
event_app = typer.Typer(help="Timeline events.", no_args_is_help=True)


@section_app.command("set")
@handled
def section_set(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    key: Annotated[str, typer.Argument(metavar="KEY", help="Section key, e.g. trigger.")],
    text: Annotated[str, typer.Argument(metavar="TEXT", help="The new body, or - to read stdin.")],
) -> None:
    """Set a section's body (Markdown)."""
    body = read_text_arg(text)
    section = ctx_of(ctx).store().save_section(pm_id, key, body)
    say(f"{pm_id} {section.key}: revision {section.rev}")


@action_app.command("add")
@handled
def action_add(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    title: Annotated[str, typer.Argument(metavar="TITLE")],
    owner: Annotated[str, typer.Option("--owner", help="Who owns it.")] = "",
    due: Annotated[str, typer.Option("--due", help="2026-12-01, +3d, +1w or fri.")] = "",
    priority: Annotated[
        Priority, typer.Option(help="highest, high, medium or low.")
    ] = Priority.medium,
    kind: Annotated[
        ActionKind, typer.Option(help="prevent, detect, mitigate or process.")
    ] = ActionKind.prevent,
    aspirational: Annotated[
        bool,
        typer.Option("--aspirational", help="For the 'if we have time' list: no owner or date."),
    ] = False,
) -> None:
    """Add an action item; prints its id."""
    from debrief.dates import parse_due
    from debrief.models import ActionItem

    store = ctx_of(ctx).store()
    today = store.today()
    if not aspirational:
        missing = [
            name for name, value in (("--owner", owner), ("--due", due)) if not value.strip()
        ]
        if missing:
            fail(
                f"an action item needs {' and '.join(missing)} "
                "(or --aspirational for the 'if we have time' list)"
            )
    due_date = parse_due(due, today) if due.strip() else None
    if due_date and due_date < today:
        warn(f"the due date {due_date.isoformat()} is in the past")
    item = store.add_action(
        pm_id,
        ActionItem(
            title=title,
            owner=owner.strip(),
            due=due_date,
            priority=priority,
            kind=kind,
            aspirational=aspirational,
        ),
    )
    say(item.id)


@event_app.command("add")
@handled
def event_add(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    when: Annotated[str, typer.Argument(metavar="WHEN", help="ISO 8601; naive times are UTC.")],
    text: Annotated[str, typer.Argument(metavar="TEXT")],
    milestone: Annotated[
        Milestone | None, typer.Option(help="started, detected, mitigated, resolved or trigger.")
    ] = None,
    source: Annotated[
        str, typer.Option(help="slack, log, graph, screenshot, support, manual...")
    ] = "manual",
    link: Annotated[str, typer.Option(help="Evidence URL (http, https or mailto).")] = "",
    author: Annotated[str, typer.Option(help="Who said or did it (default: you).")] = "",
) -> None:
    """Add a timeline event; prints its id."""
    from debrief.dates import future_warning, parse_instant
    from debrief.links import check_link
    from debrief.models import TimelineEvent

    c = ctx_of(ctx)
    link = check_link(link)
    at = parse_instant(when)
    if at_warning := future_warning("the event time", at):
        warn(at_warning)
    body = read_text_arg(text)
    if not body.strip():
        fail("an event needs some text saying what happened")
    event = TimelineEvent(
        at=at,
        text=body,
        milestone=milestone,
        source=source,
        link=link,
        author=author or c.user,
    )
    say(c.store().add_event(pm_id, event).id)


def edit(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    title: Annotated[str | None, typer.Option(help="The new title.")] = None,
    severity: Annotated[str | None, typer.Option(help="e.g. SEV2; empty clears it.")] = None,
    classification: Annotated[
        str | None, typer.Option(help="One of the config's classifications; empty clears it.")
    ] = None,
    started: Annotated[
        str | None, typer.Option(help="Incident start (ISO 8601); empty clears it.")
    ] = None,
    ended: Annotated[
        str | None, typer.Option(help="Incident end (ISO 8601); empty clears it.")
    ] = None,
    service: Annotated[
        list[str] | None,
        typer.Option("--service", help="Affected service; repeat for several; replaces the list."),
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", help="Tag; repeat for several; replaces the list.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the post-mortem as JSON.")] = False,
) -> None:
    """Change a post-mortem's own fields; prints what changed."""
    from debrief.cli.output import say_json
    from debrief.dates import future_warning, parse_instant
    from debrief.details import check_changes, describe

    given = {
        "title": title,
        "severity": severity,
        "classification": classification,
        "started_at": started,
        "ended_at": ended,
        "services": service,
        "tags": tag,
    }
    changes: dict[str, object] = {k: v for k, v in given.items() if v is not None}
    if not changes:
        say(ctx.get_usage(), err=True)
        say(
            "debrief: say what to change: --title, --severity, --classification, --started, "
            "--ended, --service or --tag",
            err=True,
        )
        raise typer.Exit(2)
    for key in ("started_at", "ended_at"):
        text = changes.get(key)
        if isinstance(text, str):
            changes[key] = parse_instant(text) if text.strip() else None
    start = changes.get("started_at")
    if isinstance(start, datetime) and (
        start_warning := future_warning("the incident start", start)
    ):
        warn(start_warning)
    c = ctx_of(ctx)
    store = c.store()
    pm = store.get_postmortem(pm_id)
    changed = check_changes(pm, changes, c.config.classifications)
    if changed:
        pm = store.update_postmortem(pm_id, **changed)
    if as_json:
        say_json(pm.model_dump(mode="json"))
    elif changed:
        say(f"{pm_id}: {describe(changed)}")
    else:
        say(f"{pm_id}: nothing changed")


@event_app.command("list")
@handled
def event_list(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The timeline, oldest first, times in UTC: one event per line.

    Example: debrief event list PM-1 --json
    """
    from debrief.timeline import event_line, utc_iso

    store = ctx_of(ctx).store()
    store.get_postmortem(pm_id)  # an unknown id is one sentence, not an empty list
    events = store.events(pm_id)
    if as_json:
        say_json([{**e.model_dump(mode="json"), "at": utc_iso(e.at)} for e in events])
        return
    if not events:
        say(f"No timeline events in {pm_id} yet: debrief event add {pm_id} WHEN TEXT")
        return
    for event in events:
        say(event_line(event))


def register(app: typer.Typer) -> None:
    app.command("edit")(handled(edit))
    app.add_typer(section_app, name="section")
    app.add_typer(action_app, name="action")
    app.add_typer(event_app, name="event")
