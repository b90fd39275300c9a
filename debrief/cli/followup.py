"""Follow-through commands: actions, action set-status, sync, remind."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from debrief.cli.context import ctx_of, fail, handled, warn
from debrief.cli.editing import action_app
from debrief.cli.output import console, say, say_json
from debrief.models import ActionStatus
from debrief.words import plural

if TYPE_CHECKING:
    from rich.console import Console

    from debrief.followup.listing import ActionRow
    from debrief.followup.sync_plan import SyncReport


@action_app.command("set-status")
@handled
def action_set_status(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    item_id: Annotated[str, typer.Argument(metavar="ITEM_ID", help="The item's id or Jira key.")],
    status: Annotated[
        ActionStatus,
        typer.Argument(
            metavar="STATUS", help="open, in-progress, done or not-doing.", case_sensitive=False
        ),
    ],
    reason: Annotated[
        str, typer.Option("--reason", help="Why the team decided not to do it (not-doing).")
    ] = "",
) -> None:
    """Change an action item's status (not-doing needs --reason); recorded as a revision."""
    if status is ActionStatus.not_doing and not reason.strip():
        fail('not-doing needs a reason: add --reason "why the team decided against it"')
    if status is not ActionStatus.not_doing and reason.strip():
        fail(f"--reason goes with not-doing only, not with {status.value}")
    store = ctx_of(ctx).store()
    store.get_postmortem(pm_id)
    items = store.actions(pm_id)
    item = next((a for a in items if a.id == item_id), None) or next(
        (a for a in items if a.jira_key and a.jira_key.lower() == item_id.strip().lower()), None
    )
    if item is None:
        item = store.get_action(pm_id, item_id)  # says which id was not found
    if item.status is status and item.status_reason == " ".join(reason.split()):
        say(f"{pm_id} {item.id}: already {status.value}")
        return
    updated = store.set_action_status(pm_id, item.id, status, reason, base=item)
    say(f"{pm_id} {item.id}: {item.status.value} → {updated.status.value}")


def register(app: typer.Typer) -> None:
    @app.command("actions")
    @handled
    def actions(
        ctx: typer.Context,
        include_all: Annotated[
            bool, typer.Option("--all", help="Also done, not-doing and aspirational items.")
        ] = False,
        overdue: Annotated[bool, typer.Option("--overdue", help="Only overdue items.")] = False,
        owner: Annotated[str, typer.Option("--owner", help="Only this owner's items.")] = "",
        pm_id: Annotated[
            str, typer.Option("--post-mortem", metavar="ID", help="Only this post-mortem's.")
        ] = "",
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Action items across every post-mortem, by due date: outstanding ones by default."""
        from debrief.followup.listing import ActionFilter, counts, select

        store = ctx_of(ctx).store()
        if pm_id:
            store.get_postmortem(pm_id)
        where = ActionFilter(
            include_all=include_all, overdue=overdue, owner=owner, postmortem_id=pm_id
        )
        rows = select(store.action_rows(pm_id or None), where, store.today())
        if as_json:
            say_json([r.model_dump(mode="json") for r in rows])
            return
        _table(console(), rows, counts(rows), include_all)

    @app.command("sync")
    @handled
    def sync(
        ctx: typer.Context,
        pm_id: Annotated[
            str | None, typer.Argument(metavar="[ID]", help="Only this post-mortem (default: all).")
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print a JSON report.")] = False,
    ) -> None:
        """Pull status, assignee and due date of published action items from Jira."""
        from debrief.followup.sync import JIRA_AUTHOR
        from debrief.followup.sync import sync as run_sync
        from debrief.publish import PublishError
        from debrief.store import Store

        c = ctx_of(ctx)
        store = Store(c.database, author=JIRA_AUTHOR)
        try:
            report = run_sync(store, c.config.jira, pm_id, on_wait=warn)
        except PublishError as exc:
            fail(f"{exc}; nothing was changed here")
        finally:
            store.close()
        if as_json:
            say_json(report.model_dump_json(indent=2))
            return
        _sync_report(console(soft_wrap=True), report)

    @app.command("remind")
    @handled
    def remind(
        ctx: typer.Context,
        slack_webhook: Annotated[
            str,
            typer.Option(
                "--slack-webhook",
                help="Post the digest here (default: [slack] webhook or DEBRIEF_SLACK_WEBHOOK).",
                show_default=False,
            ),
        ] = "",
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help="Print the digest; post nothing.")
        ] = False,
        as_json: Annotated[
            bool, typer.Option("--json", help="Print the digest as JSON (messages go to stderr).")
        ] = False,
    ) -> None:
        """Overdue and due-this-week action items by owner, printed and posted (for cron)."""
        from debrief.followup.remind import as_json as digest_json
        from debrief.followup.remind import digest, slack_payload, text_lines

        c = ctx_of(ctx)
        store = c.store()
        found = digest(store.action_rows(), store.today())
        from debrief.cli.practice import soak_lines, soaks_json

        if as_json:
            say_json({**digest_json(found), "soak_follow_ups": soaks_json(store)})
        else:
            for line in text_lines(found):
                say(line)
            for line in soak_lines(store):
                say(line)
        webhook = slack_webhook.strip() or c.config.slack.webhook.get_secret_value().strip()
        if not webhook or not found.count:
            return
        if dry_run:
            say("Dry run: not posted to Slack.", err=as_json)
            return
        from debrief.publish.slack import SlackError, post

        try:
            post(webhook, slack_payload(found))
        except SlackError as exc:
            warn(f"the digest was not posted to Slack: {exc}")
            return
        say("Posted to Slack.", err=as_json)


def _table(console: Console, rows: list[ActionRow], summary: str, include_all: bool) -> None:
    from rich.table import Table
    from rich.text import Text

    from debrief.literal import literal

    if not rows:
        console.print(Text("No action items." if include_all else "No outstanding action items."))
        return
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("Due", no_wrap=True)
    table.add_column("Owner", overflow="fold")
    table.add_column("Action", overflow="fold", ratio=3)
    table.add_column("Post-mortem", overflow="fold", ratio=2)
    table.add_column("Status", no_wrap=True)
    table.add_column("Ticket", no_wrap=True)
    for r in rows:
        due = Text(r.due.isoformat() if r.due else "—")
        if r.overdue:
            due = Text(f"{due.plain} overdue", style="bold red")
        action = literal(r.title, single_line=True)
        if r.status is ActionStatus.not_doing and r.status_reason:
            action.append_text(literal(f"\nwhy not: {r.status_reason}", style="dim"))
        pm = literal(r.postmortem_id, style="dim")
        pm.append(" ")
        pm.append_text(literal(r.postmortem_title, single_line=True))
        status = "aspirational" if r.aspirational else r.status.value
        table.add_row(
            due,
            literal(r.owner or "—", single_line=True),
            action,
            pm,
            Text(status, style="green" if r.status is ActionStatus.done else ""),
            literal(r.jira_key or "—"),
        )
    console.print(table)
    console.print(Text(summary, style="dim"))


def _sync_report(console: Console, report: SyncReport) -> None:
    from rich.text import Text

    from debrief.literal import clean

    if not report.items:
        console.print(Text("No published action items to sync (publish a post-mortem first)."))
        return
    console.print(
        Text(
            f"Synced {report.found} of {report.items} tickets from Jira ({clean(report.jira)}): "
            f"{plural(len(report.changes), 'change')}, {plural(len(report.conflicts), 'conflict')}, "
            f"{len(report.missing)} missing."
        )
    )

    def about(pm: str, key: str, title: str) -> str:
        return f"  {clean(pm)} {clean(key)} “{clean(title, single_line=True)}”"

    for ch in report.changes:
        line = f"{about(ch.postmortem_id, ch.key, ch.title)}: {ch.field} {ch.old} → {ch.new}"
        console.print(Text(clean(line)))
    if report.conflicts:
        console.print(Text("Changed both here and in Jira since the last sync:", style="bold"))
    for cf in report.conflicts:
        kept = (
            "Jira's kept"
            if cf.kept == "jira"
            else "this one kept (publish again to send it to Jira)"
        )
        line = (
            f"{about(cf.postmortem_id, cf.key, cf.title)}: {cf.field} here {cf.here}, "
            f"in Jira {cf.jira}; {kept}"
        )
        console.print(Text(clean(line), style="yellow"))
    if report.missing:
        console.print(
            Text("Not found in Jira (deleted, hidden, or its labels removed):", style="bold")
        )
    for m in report.missing:
        console.print(Text(f"{about(m.postmortem_id, m.key, m.title)}: left as it is"))
    for note in report.notes:
        console.print(Text(f"  note: {clean(note, single_line=True)}", style="dim"))
