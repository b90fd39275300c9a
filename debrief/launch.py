"""The `debrief` command's entry point.

Opening the app is the command's most watched moment, so `debrief` alone and
`debrief open ID` (with `--db` and `--config` before them) start the app without
loading the command-line layer (Typer and Click). Everything else, and every line
that does not read as one of those two exactly, goes to the full command line, which
parses it, explains mistakes and answers --help.
"""

from __future__ import annotations

import sys

_GLOBAL_OPTIONS = ("--db", "--config")


def quick_plan(argv: list[str]) -> tuple[dict[str, str], str | None] | None:
    """`({option: value}, ID or None)` when `argv` opens the app and nothing else;
    None for anything the full command line should read."""
    options: dict[str, str] = {}
    rest = list(argv)
    while rest and rest[0].startswith("--"):
        name, equals, value = rest.pop(0).partition("=")
        if name not in _GLOBAL_OPTIONS or name in options:
            return None
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        if not value or value.startswith("-"):
            return None
        options[name] = value
    if not rest:
        return options, None
    if len(rest) == 2 and rest[0] == "open" and rest[1] and not rest[1].startswith("-"):
        return options, rest[1]
    return None


def main() -> None:
    plan = quick_plan(sys.argv[1:])
    if plan is None:
        from debrief.cli import main as command_line

        command_line()
        return
    from pathlib import Path

    from debrief.cli.context import Context, user_errors
    from debrief.cli.run_app import run_app

    options, pm_id = plan
    config = options.get("--config")
    context = Context(db_path=options.get("--db"), config_path=Path(config) if config else None)
    with user_errors():
        run_app(context, pm_id)
