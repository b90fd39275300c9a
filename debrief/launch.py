"""The `debrief` command's entry point.

The command's most watched moments are opening the app and the listing scripts read,
so `debrief`, `debrief open ID` and `debrief list [--json]` (with `--db` and
`--config` before them) run without loading the command-line layer (Typer, Click and
the validation library behind Typer's options). Everything else, and every line that
does not read as one of those exactly, goes to the full command line, which parses
it, explains mistakes and answers --help.
"""

from __future__ import annotations

import os
import sys
from typing import NamedTuple

_GLOBAL_OPTIONS = ("--db", "--config")


class Plan(NamedTuple):
    """What a command line asks for, when it is one the launcher runs itself."""

    command: str
    """"app" (the home screen, or a post-mortem when `pm_id` is set) or "list"."""
    options: dict[str, str]
    pm_id: str | None = None
    as_json: bool = False


def quick_plan(argv: list[str]) -> Plan | None:
    """The plan for `argv`, or None for anything the full command line should read."""
    options: dict[str, str] = {}
    rest = list(argv)
    while rest and rest[0].startswith("--") and rest[0].partition("=")[0] in _GLOBAL_OPTIONS:
        name, equals, value = rest.pop(0).partition("=")
        if name in options:
            return None
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        if not value or value.startswith("-"):
            return None
        options[name] = value
    if not rest:
        return Plan("app", options)
    if len(rest) == 2 and rest[0] == "open" and rest[1] and not rest[1].startswith("-"):
        return Plan("app", options, pm_id=rest[1])
    if rest == ["list"] or rest == ["list", "--json"]:
        return Plan("list", options, as_json=len(rest) == 2)
    return None


def main() -> None:
    completing = "_DEBRIEF_COMPLETE" in os.environ  # the shell asks for completions
    plan = None if completing else quick_plan(sys.argv[1:])
    if plan is None:
        from debrief.cli import main as command_line

        command_line()
        return
    from debrief import gc_pause

    gc_pause.pause()  # until the app's first frame, or until the listing is written
    try:
        _run(plan)
    finally:
        gc_pause.resume()  # already resumed by the app's first frame, unless it ended first


def _run(plan: Plan) -> None:
    from pathlib import Path

    from debrief.cli.context import Context, user_errors

    config = plan.options.get("--config")
    context = Context(
        db_path=plan.options.get("--db"), config_path=Path(config) if config else None
    )
    with user_errors():
        if plan.command == "list":
            from debrief.cli.list_command import print_list

            print_list(context, plan.as_json)
        else:
            from debrief.cli.run_app import run_app

            run_app(context, plan.pm_id)
