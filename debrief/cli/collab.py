"""Working together: history, readiness, requested contributions, the browser view."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from debrief.cli.context import ctx_of, fail, handled
from debrief.cli.output import console, say, say_json

if TYPE_CHECKING:
    from rich.text import Text


def _short(value: object, width: int = 60) -> str:
    from debrief.literal import clean

    if value is None:
        return "—"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = clean(text, single_line=True)
    return text if len(text) <= width else text[: width - 1] + "…"


DIFF_STYLES = {"-": "red", "+": "green", "@": "dim", "…": "dim", " ": ""}


def _revision_head(when: str, author: str, what: str) -> Text:
    from rich.text import Text

    from debrief.literal import clean

    return Text.assemble(
        (when, "bold"), "  ", clean(author, single_line=True), "  ", clean(what, single_line=True)
    )


def _revision_body(old: object, new: object) -> list[Text]:
    """The change as a diff: `[-removed-]{+added+}` words inline, or -/+ lines for texts."""
    from rich.text import Text

    from debrief.revision_diff import revision_diff

    shape, parts = revision_diff(old, new)
    if shape == "lines":
        return [
            Text(f"    {line}" if kind == "@" else f"    {kind} {line}", style=DIFF_STYLES[kind])
            for kind, line in parts
        ]
    line = Text("    ")
    for kind, text in parts or [(" ", "(empty)")]:
        shown = {"-": f"[-{text}-]", "+": f"{{+{text}+}}"}.get(kind, text)
        line.append(shown, style=DIFF_STYLES[kind])
    return [line]


def register(app: typer.Typer) -> None:
    @app.command()
    @handled
    def history(
        ctx: typer.Context,
        pm_id: Annotated[str, typer.Argument(metavar="ID")],
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Every revision of a post-mortem: who, when, what, and a diff of what changed."""
        store = ctx_of(ctx).store()
        store.get_postmortem(pm_id)
        revisions = store.history(pm_id)
        if as_json:
            say_json([r.model_dump(mode="json") for r in revisions])
            return
        from debrief.dates import show_instant

        out = console()
        for r in revisions:
            what = " ".join(
                x for x in (r.entity, r.entity_id if r.entity != "postmortem" else "", r.field) if x
            )  # names people (participants) as typed
            out.print(
                _revision_head(show_instant(r.at), r.author, what), soft_wrap=True, highlight=False
            )
            for line in _revision_body(r.old, r.new):
                out.print(line, highlight=False)

    @app.command()
    @handled
    def check(
        ctx: typer.Context,
        pm_id: Annotated[str | None, typer.Argument(metavar="[ID]")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Can the document stand on its own? Exit 1 when it is not ready yet.

        Without an ID: the timelines the room has not confirmed yet."""
        from debrief.cli.practice import confirmation_line, list_unconfirmed
        from debrief.template import TemplateError, load_template

        c = ctx_of(ctx)
        store = c.store()
        if pm_id is None:
            list_unconfirmed(store, as_json)
            return
        pm = store.get_postmortem(pm_id)
        try:
            template = load_template(pm.template, c.templates)
        except TemplateError:
            template = load_template()
        result = store.check_readiness(pm_id, template)
        if as_json:
            confirmed = store.timeline_confirmation(pm_id)
            say_json(
                {
                    **result.model_dump(mode="json"),
                    "timeline_confirmed": confirmed.model_dump(mode="json") if confirmed else None,
                }
            )
        else:
            from rich.text import Text

            from debrief.literal import clean

            out = console()
            for item in result.checks:
                line = Text("✓ " if item.ok else "✗ ", style="green" if item.ok else "red")
                line.append(clean(item.name, single_line=True))
                if item.detail:
                    line.append(f" — {_short(item.detail, 100)}", style="dim")
                out.print(line)
            out.print(Text(confirmation_line(store, pm_id)))
            out.print("Ready." if result.ready else f"Not ready: {len(result.problems)} to do.")
        if not result.ready:
            raise typer.Exit(1)

    @app.command()
    @handled
    def ask(
        ctx: typer.Context,
        pm_id: Annotated[str, typer.Argument(metavar="ID")],
        key: Annotated[str, typer.Argument(metavar="KEY", help="Section key, e.g. impact.")],
        person: Annotated[str, typer.Argument(metavar="PERSON")],
        note: Annotated[str, typer.Option(help="What you hope they add.")] = "",
    ) -> None:
        """Ask someone to contribute to a section ("ask Support for Impact")."""
        c = ctx_of(ctx)
        store = c.store()
        request = store.request_contribution(pm_id, key, person, note)
        say(f"asked {request.person} for {request.key} of {request.postmortem_id}")
        from debrief.publish.slack_ask import SlackError, configured, tell

        if configured(c.config.slack):
            try:
                say(f"posted the ask on Slack {tell(c.config.slack, c.templates, store, request)}")
            except SlackError as exc:  # the request is recorded all the same
                say(f"warning: {exc}; the request is recorded", err=True)

    @app.command()
    @handled
    def asked(
        ctx: typer.Context,
        person: Annotated[str | None, typer.Argument(metavar="[PERSON]")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """What each person is asked to contribute, across every post-mortem."""
        found = [
            r
            for r in ctx_of(ctx).store().requests()
            if person is None or r.person.lower() == person.lower()
        ]
        if as_json:
            say_json([r.model_dump(mode="json") for r in found])
            return
        if not found:
            say("Nobody is asked for anything.")
        for r in found:
            note = f" — {_short(r.note)}" if r.note else ""
            say(f"{_short(r.person, 30)}: {r.key} of {r.postmortem_id}{note}")

    @app.command()
    @handled
    def serve(
        ctx: typer.Context,
        port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
        host: Annotated[
            str, typer.Option(help="Address to listen on (127.0.0.1 keeps it local).")
        ] = "127.0.0.1",
        public_url: Annotated[
            str | None,
            typer.Option(
                help="The address browsers use, e.g. behind a proxy "
                "(default: [serve] public_url, else http://HOST:PORT)."
            ),
        ] = None,
        max_sessions: Annotated[
            int | None,
            typer.Option(
                help="Browser sessions at once, each one app process "
                "(default: [serve] max_sessions, else 8).",
                min=1,
                max=1000,
            ),
        ] = None,
        token: Annotated[
            str | None,
            typer.Option(
                help="Sign-in token every browser must give; needed beyond loopback "
                "(default: DEBRIEF_SERVE_TOKEN, else [serve] token).",
                show_default=False,
            ),
        ] = None,
    ) -> None:
        """The same app in a browser (textual-serve); every session shares the database.

        Each browser signs in first: the token (when set) and the person's name, which
        their changes are recorded under. Listening beyond loopback needs a token."""
        from debrief.cli.run_app import serve_app

        if not 0 < port < 65536:
            fail(f"{port} is not a port number")
        serve_app(ctx_of(ctx), host, port, public_url, max_sessions, token)
