"""Commands about whole post-mortems: new, list, open, demo, export, import."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from debrief.store import Store

from debrief.cli.context import ctx_of, handled, warn
from debrief.cli.output import say, say_json, to_stdout


class ExportFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command()
    @handled
    def new(
        ctx: typer.Context,
        title: Annotated[str, typer.Argument(help="What happened, in a few words.")],
        template: Annotated[
            str, typer.Option("--template", "-t", help="Template name.")
        ] = "default",
        started: Annotated[str | None, typer.Option(help="Incident start (ISO 8601).")] = None,
        severity: Annotated[str, typer.Option(help="Severity, e.g. SEV2.")] = "",
    ) -> None:
        """Create a post-mortem and print its id."""
        from debrief.dates import future_warning, parse_instant
        from debrief.template import load_template

        c = ctx_of(ctx)
        tpl = load_template(template, c.templates)
        start = parse_instant(started) if started else None
        if start_warning := future_warning("the incident start", start):
            warn(start_warning)
        pm = c.store().create_postmortem(title, tpl, started_at=start, severity=severity)
        say(pm.id)

    @app.command("list")
    @handled
    def list_(
        ctx: typer.Context,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """List every post-mortem, newest incident first."""
        from debrief.cli.list_command import print_list

        print_list(ctx_of(ctx), as_json)

    @app.command("open")
    @handled
    def open_(ctx: typer.Context, pm_id: Annotated[str, typer.Argument(metavar="ID")]) -> None:
        """Open the facilitator/editor screen at the first section."""
        from debrief.cli.run_app import run_app

        run_app(ctx_of(ctx), pm_id)

    @app.command()
    @handled
    def demo(ctx: typer.Context) -> None:
        """Load the bundled sample incident (once) and open it."""
        from debrief.cli.run_app import run_app

        c = ctx_of(ctx)
        pm_id = load_demo(c.store())
        run_app(c, pm_id)

    @app.command()
    @handled
    def export(
        ctx: typer.Context,
        pm_id: Annotated[str, typer.Argument(metavar="ID")],
        fmt: Annotated[
            ExportFormat, typer.Option("--format", "-f", help="md, html or json.")
        ] = ExportFormat.md,
        output: Annotated[
            Path | None, typer.Option("-o", "--output", help="Write to FILE instead of stdout.")
        ] = None,
    ) -> None:
        """Render a post-mortem as Markdown, HTML or JSON."""
        c = ctx_of(ctx)
        text = render(c.store(), pm_id, fmt, jira_url=c.config.jira.url)
        if output is None:
            to_stdout(text)
        else:
            output.write_text(text, encoding="utf-8")
            say(f"wrote {output}", err=True)

    @app.command("import")
    @handled
    def import_(
        ctx: typer.Context,
        file: Annotated[Path, typer.Argument(metavar="FILE")],
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
        tz: Annotated[
            str | None, typer.Option("--tz", help="Markdown: zone of times written without one.")
        ] = None,
        template: Annotated[
            str, typer.Option("--template", "-t", help="Markdown: the template to fill.")
        ] = "default",
    ) -> None:
        """Import a JSON export (one post-mortem or a list), or Markdown post-mortems
        (a .md file, a folder of them, or - for standard input); prints what went where."""
        from debrief.importers.markdown import is_markdown_target

        if is_markdown_target(file):
            from debrief.importers.markdown_cli import import_markdown_command

            import_markdown_command(ctx_of(ctx), file, as_json, tz, template)
            return
        from debrief.exchange import load_documents

        docs = load_documents(file)
        store = ctx_of(ctx).store()
        stored = store.import_documents(docs)
        if as_json:
            say_json([pm.model_dump(mode="json") for pm in stored])
            return
        for doc, pm in zip(docs, stored, strict=True):
            note = "" if pm.id == doc.postmortem.id else f" (id {doc.postmortem.id} was taken)"
            say(f"{pm.id}{note}")


def load_demo(store: Store) -> str:
    """The sample incident's id, importing it first if this database lacks it."""
    from debrief.sample import SAMPLE_ID, sample_document
    from debrief.store import NotFound

    try:
        store.get_postmortem(SAMPLE_ID)
    except NotFound:
        store.import_document(sample_document(store.today()))
    return SAMPLE_ID


def render(store: Store, pm_id: str, fmt: ExportFormat, jira_url: str = "") -> str:
    doc = store.document(pm_id)
    if fmt is ExportFormat.json:
        from debrief.exchange import dump_documents

        return dump_documents([doc])
    from debrief.meeting_summary import document_markdown

    markdown = document_markdown(doc, store.meetings(pm_id), jira_url)
    if fmt is ExportFormat.md:
        return markdown
    from debrief.render_html import render_html

    return render_html(markdown, doc.postmortem.title)
