"""`debrief lint`: blameless-language findings in any Markdown or text, like a compiler's."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from debrief.cli.context import ctx_of, read_text_arg, user_errors
from debrief.cli.output import say, say_json

if TYPE_CHECKING:
    from debrief.coach import Finding

FOUND = 1
"""Exit status when something was found."""
UNUSABLE = 2
"""Exit status for bad usage or input that could not be read (a file, a rule file)."""


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
    """Find blaming, counterfactual and hindsight wording.

    Exit status: 0 when nothing was found, 1 when something was found, 2 for bad usage
    or input that could not be read (a missing file, a broken rule file).
    """
    findings = _findings(ctx, path, person or [])
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
        raise typer.Exit(FOUND)


def _findings(ctx: typer.Context, path: str, people: list[str]) -> list[Finding]:
    """The findings in the file, or exit 2 with one sentence when it can't be linted."""
    try:
        with user_errors():
            from debrief.coach import coach_for, rules_dir
            from debrief.coach.markdown import people_in

            if path == "-":
                text = read_text_arg("-")
            else:
                text = Path(path).read_text("utf-8", errors="replace")
            user_dir = rules_dir(ctx_of(ctx).config_path)
            coach = coach_for(user_dir if user_dir.is_dir() else None)
            return coach.lint(text, people=[*people, *people_in(text)])
    except SystemExit as exc:
        if exc.code == 1:  # a user error: here it means the input could not be used
            raise SystemExit(UNUSABLE) from None
        raise


def register(app: typer.Typer) -> None:
    app.command("lint")(lint)
