"""The command group that imports a command's module only when that command runs.

`debrief --help`, `debrief list` and completing a command name import nothing but the
module they need: the names and one-line helps come from the table in
`debrief/cli/root.py`, and the module behind a name is imported the first time the
command itself is looked up (to run it, or to show its own `--help`).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Any

import typer
from typer.core import TyperGroup

from debrief.cli import shaping


@dataclass(frozen=True)
class Lazy:
    """Where a command lives: the modules whose `register(app)` (or import) adds it."""

    modules: tuple[str, ...]
    summary: str
    """The one line `debrief --help` shows (a test keeps it equal to the command's own)."""


def lazy(*modules: str, summary: str) -> Lazy:
    return Lazy(tuple(f"debrief.cli.{m}" for m in modules), summary)


class LazyGroup(TyperGroup):
    """A Typer group whose commands are listed from a table and built on first use."""

    table: dict[str, Lazy] = {}

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        shaping.shape_params(self)

    def list_commands(self, ctx: Any) -> list[str]:
        return [*self.commands, *(n for n in self.table if n not in self.commands)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in self.table:
            self._load(self.table[cmd_name])
        return self.commands.get(cmd_name)

    def _load(self, where: Lazy) -> None:
        holder = typer.Typer(rich_markup_mode=None)

        @holder.callback()
        def _unused() -> None:  # a callback makes typer build a group of the commands
            """(the commands' holder)"""

        for name in where.modules:
            module = importlib.import_module(name)
            register = getattr(module, "register", None)
            if register is not None:
                register(holder)
        built = typer.main.get_group(holder)
        for name, command in built.commands.items():
            if self.table.get(name, where) is where:  # others wait for their own modules
                shaping.shape(command, (name,))
                self.commands.setdefault(name, command)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list from the table: nothing is imported to show it."""
        rows = [(name, self._summary(name)) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def _summary(self, name: str) -> str:
        if name in self.table:
            return self.table[name].summary
        return self.commands[name].get_short_help_str(80)

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        """Command names (with their one-line help) without importing any command."""
        from typer._click.shell_completion import CompletionItem

        found = [
            CompletionItem(n, help=self._summary(n))
            for n in self.list_commands(ctx)
            if n.startswith(incomplete)
        ]
        if not incomplete or incomplete.startswith("-"):
            found += super(TyperGroup, self).shell_complete(ctx, incomplete)
        return found

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """As Typer's, with close names suggested from the whole table."""
        name = args[0]
        unknown = not name.startswith("-") and self.get_command(ctx, name) is None
        if unknown and not ctx.resilient_parsing:
            close = get_close_matches(name, self.list_commands(ctx))
            hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
            ctx.fail(f"No such command {name!r}.{hint}")
        return super().resolve_command(ctx, args)
