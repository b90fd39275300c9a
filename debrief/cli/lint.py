"""`debrief lint`: blameless-language findings in any Markdown or text, like a compiler's."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from debrief.cli.context import ctx_of, handled, read_text_arg
from debrief.cli.output import say, say_json


@handled
def lint(
    ctx: typer.Context,
    path: Annotated[
        str, typer.Argument(metavar="PATH", help="A Markdown or text file, or - for stdin.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False,
    person: Annotated[
        list[str] | None,
        typer.Option("--person", help="A participant's name (repeatable); sharpens naming."),
    ] = None,
) -> None:
    """Find blaming, counterfactual and hindsight wording; exit 1 when something was found."""
    from debrief.coach import coach_for, rules_dir
    from debrief.coach.markdown import people_in

    text = read_text_arg("-") if path == "-" else Path(path).read_text("utf-8", errors="replace")
    user_dir = rules_dir(ctx_of(ctx).config_path)
    coach = coach_for(user_dir if user_dir.is_dir() else None)
    findings = coach.lint(text, people=[*(person or []), *people_in(text)])
    if as_json:
        say_json([f.model_dump(mode="json") for f in findings])
    else:
        label = "<stdin>" if path == "-" else path
        for f in findings:
            words = " ".join(f.text.split())
            say(
                f'{label}:{f.line}:{f.column} {f.category}: "{words}" — {f.message}'
                f" — try: {f.suggestion}"
            )
        if findings:
            say(f"{len(findings)} finding{'s' if len(findings) != 1 else ''}", err=True)
    if findings:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("lint")(lint)
