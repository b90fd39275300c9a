"""How every command's `--help` reads, and what its values complete to, in one place.

Applied to each command when its module is loaded (debrief/cli/lazy.py):

- metavars are words a person types (`ISO`, `NAME`, `md|html|json`), never Python types
  (`<str>`, `<list[str]>`) and never double brackets (`[[PERSON]]`);
- each command ends its help with examples (debrief/cli/examples.py, unless the command
  sets its own `epilog`);
- post-mortem ids (`ID`), section keys (`KEY`) and owners (`--owner`, `PERSON`) complete
  from the database (debrief/cli/completers.py, imported only while completing).
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperArgument, TyperGroup, TyperOption

from debrief.cli.examples import EXAMPLES

OPTION_METAVARS = {
    "started": "ISO",
    "ended": "ISO",
    "since": "ISO",
    "until": "ISO",
    "due": "DATE",
    "owner": "NAME",
    "person": "NAME",
    "role": "ROLE",
    "out": "DIR",
    "output": "FILE",
    "config": "FILE",
    "db": "PATH|URL",
    "port": "N",
    "max-sessions": "N",
    "tz": "ZONE",
    "link": "URL",
    "slack-webhook": "URL",
    "public-url": "URL",
    "author": "NAME",
    "note": "TEXT",
    "reason": "TEXT",
}
"""Option long name → the word shown for its value (otherwise the name in capitals)."""

COMPLETERS = {"ID": "postmortem_ids", "KEY": "section_keys", "PERSON": "people"}
"""Metavar → completer; and options by long name:"""
OPTION_COMPLETERS = {"owner": "people", "post-mortem": "postmortem_ids"}


class ShownArgument(TyperArgument):
    """An argument whose help shows its metavar alone (Typer adds `<str>`), and whose
    optional form is bracketed once (`[PERSON]`, not `[[PERSON]]`)."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw.strip("[]")
        name = name if self.required else f"[{name}]"
        return name + ("..." if self.nargs != 1 else "")


def metavar_for(option: TyperOption) -> str:
    desc = option.type_descriptor
    if desc.is_choice and desc.choices:
        return "|".join(str(getattr(c, "value", c)) for c in desc.choices)
    long = next((o[2:] for o in option.opts if o.startswith("--")), option.name or "value")
    if long in OPTION_METAVARS:
        return OPTION_METAVARS[long]
    if desc.annotation is int or desc.is_ranged:
        return "N"
    return long.upper().replace("-", "_")


def completer(name: str) -> Any:
    """A completion function that imports debrief/cli/completers.py only when it runs."""

    def complete(ctx: Any, param: Any, incomplete: str) -> list[Any]:
        from debrief.cli import completers

        found: list[Any] = getattr(completers, name)(ctx, incomplete)
        return found

    return complete


def shape_params(command: Any) -> None:
    for param in command.params:
        if isinstance(param, TyperArgument):
            param.__class__ = ShownArgument
            metavar = (param.metavar or "").strip("[]")
            if metavar in COMPLETERS and param._custom_shell_complete is None:
                param._custom_shell_complete = completer(COMPLETERS[metavar])
        elif isinstance(param, TyperOption) and not (param.is_flag or param.count):
            if param.metavar is None:
                param.metavar = metavar_for(param)
            long = next((o[2:] for o in param.opts if o.startswith("--")), "")
            if long in OPTION_COMPLETERS and param._custom_shell_complete is None:
                param._custom_shell_complete = completer(OPTION_COMPLETERS[long])


def shape(command: Any, path: tuple[str, ...]) -> None:
    """Metavars, examples and completion for `command` (`debrief PATH...`) and below it."""
    shape_params(command)
    if command.epilog is None and path in EXAMPLES:
        command.epilog = examples_text(EXAMPLES[path])
    if isinstance(command, TyperGroup):
        for name, sub in command.commands.items():
            shape(sub, (*path, name))


def examples_text(lines: tuple[str, ...]) -> str:
    """An epilog click prints as it is written (`\\b`: no rewrapping)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)
