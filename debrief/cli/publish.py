"""`debrief publish ID`: checklist, tickets, documents, announcement."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from debrief.cli import output
from debrief.cli.context import ctx_of, fail, handled, warn
from debrief.cli.output import say_json
from debrief.literal import clean
from debrief.words import plural

if TYPE_CHECKING:
    from rich.console import Console

    from debrief.config import Config
    from debrief.publish.git_repo import GitTarget
    from debrief.publish.runner import Prepared, PublishSummary
    from debrief.store import Store


def register(app: typer.Typer) -> None:
    @app.command()
    @handled
    def publish(
        ctx: typer.Context,
        pm_id: Annotated[str, typer.Argument(metavar="ID")],
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help="Print the plan; change nothing anywhere.")
        ] = False,
        no_jira: Annotated[
            bool, typer.Option("--no-jira", help="Publish the document only, no tickets.")
        ] = False,
        out: Annotated[
            Path | None,
            typer.Option("--out", help="Directory for the documents (default: publish_dir)."),
        ] = None,
        strict: Annotated[
            bool, typer.Option("--strict", help="Treat checklist warnings as blocking.")
        ] = False,
        as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
        slack_webhook: Annotated[
            str,
            typer.Option(
                "--slack-webhook",
                help="Announce on this Slack webhook (default: [slack] webhook).",
                show_default=False,
            ),
        ] = "",
        confluence: Annotated[
            bool,
            typer.Option(
                "--confluence", help="Create or update its Confluence page ([confluence])."
            ),
        ] = False,
        git: Annotated[
            str,
            typer.Option(
                "--git",
                metavar="PATH_OR_REMOTE",
                help="Commit the Markdown to this docs repository (and push).",
                show_default=False,
            ),
        ] = "",
        branch: Annotated[
            str,
            typer.Option(
                help="Branch for --git (default: [git] branch, else the current one).",
                show_default=False,
            ),
        ] = "",
        path: Annotated[
            str,
            typer.Option(
                "--path",
                metavar="DIR",
                help="Folder for --git (default: [git] path, postmortems).",
                show_default=False,
            ),
        ] = "",
    ) -> None:
        """Publish: documents, one Jira ticket per action item, an announcement. Safe to re-run."""

        from debrief.publish.runner import PublishOptions, prepare

        c = ctx_of(ctx)
        if (branch or path) and not git:
            raise typer.BadParameter("--branch and --path go with --git", param_hint="--git")
        store = c.store()
        options = PublishOptions(
            out=out,
            dry_run=dry_run,
            jira=not no_jira,
            strict=strict,
            slack_webhook=slack_webhook,
            confluence=confluence,
            git=_git_target(c.config, git, branch, path) if git else None,
        )
        if options.git is not None:
            from debrief.publish import PublishError
            from debrief.publish.git_repo import folder

            try:
                folder(options.git)
            except PublishError as exc:
                fail(str(exc))
        prepared = prepare(store, pm_id, c.config, options)
        console = output.console(stderr=as_json, soft_wrap=True)
        _checklist(console, prepared)
        if not prepared.preflight.ready:
            if as_json:
                say_json(prepared.summary().model_dump_json(indent=2))
            fail(f"{pm_id} is {prepared.preflight.reason()}")
        if dry_run:
            _plan(console, prepared)
            if as_json:
                say_json(prepared.summary().model_dump_json(indent=2))
            return
        summary = _run(store, prepared, as_json)
        _report(console, summary)
        if summary.slack.startswith("failed"):
            warn(f"{summary.slack.removeprefix('failed: ')}; the publish itself succeeded")
        if as_json:
            say_json(summary.model_dump_json(indent=2))


def _git_target(config: Config, location: str, branch: str, path: str) -> GitTarget:
    from debrief.publish.git_repo import GitTarget

    return GitTarget(
        location=location.strip(),
        branch=(branch or config.git.branch).strip(),
        path=path or config.git.path,
    )


def _run(store: Store, prepared: Prepared, as_json: bool) -> PublishSummary:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from debrief.publish import PublishError
    from debrief.publish.jira_errors import check_config
    from debrief.publish.runner import run

    try:
        if prepared.needs_jira:
            check_config(prepared.config.jira)
        if prepared.options.confluence:
            from debrief.publish import confluence_api

            confluence_api.check_config(prepared.config.confluence)
    except PublishError as exc:
        fail(str(exc))
    err = output.console(stderr=True, soft_wrap=True)
    bar = Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=not (prepared.needs_jira and err.is_terminal),
    )
    task = bar.add_task("Tickets", total=None)

    def progress(message: str, done: int, total: int) -> None:
        update: dict[str, object] = {"completed": done, "total": total or None}
        if message:
            update["description"] = clean(message, single_line=True)
        bar.update(task, **update)  # type: ignore[arg-type]

    def waiting(message: str) -> None:
        bar.console.print(clean(message), markup=False, highlight=False)

    before = {p.item.id for p in prepared.planned if p.key}
    try:
        with bar:
            return run(store, prepared, progress=progress, on_wait=waiting)
    except PublishError as exc:
        if exc.summary is not None:
            console = output.console(stderr=as_json, soft_wrap=True)
            _tickets(console, exc.summary)
            _targets(console, exc.summary)
            if as_json:
                say_json(exc.summary.model_dump_json(indent=2))
        fail(f"{exc}{_recorded(store, prepared, before)}")


def _recorded(store: Store, prepared: Prepared, before: set[str]) -> str:
    """How many new tickets the database recorded before the failure (when any)."""
    pm_id = prepared.doc.postmortem.id
    now = {a.id for a in store.actions(pm_id) if a.jira_key and not a.aspirational}
    new = len(now - before)
    if not new:
        return ""
    return f" ({new} new ticket{'s are' if new != 1 else ' is'} recorded; publish again to finish)"


def _checklist(console: Console, prepared: Prepared) -> None:
    from rich.text import Text

    styles = {"ok": "green", "warning": "yellow", "blocking": "bold red"}
    console.print(Text("Checklist", style="bold"))
    for finding in prepared.preflight.findings:
        console.print(Text(f"  {clean(finding.line)}", style=styles[finding.level.value]))


def _plan(console: Console, prepared: Prepared) -> None:
    from rich.text import Text

    from debrief.redact import redact_url

    console.print(Text("Plan (dry run: nothing is changed)", style="bold"))
    jira = prepared.config.jira
    if prepared.options.jira:
        where = f"{jira.project or '(no project)'} at {redact_url(jira.url) or '(no URL)'}"
        console.print(Text(f"  Tickets in Jira {clean(where, single_line=True)}:"))
        if not prepared.planned:
            console.print(Text("    none: there are no owned action items"))
        for p in prepared.planned:
            f = p.fields
            what = {"create": "create", "update": f"update {p.key}", "keep": f"keep   {p.key}"}
            line = (
                f"“{f.summary}” · owner {f.owner} · "
                f"due {f.due.isoformat() if f.due else '—'} · {f.priority} · "
                f"labels {', '.join(f.labels)}"
            )
            if p.changed:
                line += f" · changed: {', '.join(p.changed)}"
            console.print(Text(f"    {what[p.change.value]:<14} {clean(line, single_line=True)}"))
    else:
        console.print(Text("  No Jira tickets (--no-jira)."))
    aspirational = len(prepared.doc.aspirational_actions)
    if aspirational:
        console.print(
            Text(f"  {plural(aspirational, '“if we have time” item')}: listed, not ticketed.")
        )
    console.print(Text("  Documents:"))
    for path in prepared.paths:
        console.print(Text(f"    {clean(str(path))}"))
    for target in prepared.target_plans():
        name = {"confluence": "Confluence", "git": "Git repository"}[target.target]
        console.print(Text(f"  {name} {clean(target.where, single_line=True)}:"))
        for note in target.notes:
            console.print(Text(f"    {clean(note, single_line=True)}"))
    webhook = prepared.webhook
    if not webhook:
        console.print(Text("  No Slack announcement (no webhook configured)."))
        return
    console.print(Text(f"  Slack announcement to {redact_url(webhook)}:"))
    for line in prepared.announcement().splitlines():
        console.print(Text(f"    {clean(line)}"))


def _tickets(console: Console, summary: PublishSummary) -> None:
    from rich.text import Text

    if not summary.tickets:
        return
    console.print(Text(f"Tickets in Jira {clean(summary.jira)}" if summary.jira else "Tickets"))
    for t in summary.tickets:
        line = t.title
        if t.assignee:
            line += f" → {t.assignee}"
        for note in t.notes:
            line += f" ({note})"
        style = {"failed": "red", "gone": "red", "unknown": "yellow"}.get(t.result, "")
        head = f"  {clean(t.key) or '—':<10} {t.result:<12} "
        console.print(Text(head + clean(line, single_line=True), style=style))


def _targets(console: Console, summary: PublishSummary) -> None:
    from rich.text import Text

    from debrief.publish.targets import line

    for target in summary.targets:
        console.print(Text(line(target)))


def _report(console: Console, summary: PublishSummary) -> None:
    from collections import Counter

    from rich.text import Text

    _tickets(console, summary)
    for path in summary.documents:
        console.print(Text(f"Wrote {clean(str(path))}"))
    _targets(console, summary)
    counts = Counter(t.result for t in summary.tickets)
    parts = [f"{counts[r]} {r}" for r in ("created", "found", "updated", "unchanged") if counts[r]]
    tickets = ", ".join(parts) if parts else "no tickets"
    extra = (
        f"; {summary.aspirational} “if we have time” not ticketed" if summary.aspirational else ""
    )
    console.print(Text(f"Published {summary.postmortem_id}: {tickets}{extra}.", style="bold"))
    if summary.slack == "posted":
        console.print(Text("Announced on Slack."))
