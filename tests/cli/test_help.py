"""Every command's `--help`: examples that name real options, words (not Python types)
for values, and one table that lists exactly the commands there are; shell completion."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.core import TyperGroup

from debrief.cli import app
from debrief.cli.examples import EXAMPLES
from debrief.cli.lazy import LazyGroup
from debrief.store import Store
from debrief.template import load_template


def root() -> LazyGroup:
    group = typer.main.get_command(app)
    assert isinstance(group, LazyGroup)
    return group


def every_command() -> Iterator[tuple[tuple[str, ...], Any]]:
    group = root()
    ctx = typer.Context(group)
    yield (), group
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield (name,), command
        if isinstance(command, TyperGroup):
            for sub, below in command.commands.items():
                yield (name, sub), below


COMMANDS = [path for path, _ in every_command()]


def help_of(cli, path: tuple[str, ...]) -> str:  # type: ignore[no-untyped-def]
    result = cli(*path, "--help", env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_table_lists_exactly_the_commands_the_modules_register() -> None:
    group = root()
    for name, where in LazyGroup.table.items():
        assert group.get_command(typer.Context(group), name) is not None, name
        holder = typer.Typer()
        holder.callback()(lambda: None)
        for module in where.modules:
            register = getattr(__import__(module, fromlist=["register"]), "register", None)
            if register is not None:
                register(holder)
        registered = set(typer.main.get_group(holder).commands)
        missing = registered - set(LazyGroup.table)
        assert not missing, f"add a line for {missing} to debrief/cli/root.py"


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "debrief")
def test_every_help_ends_with_examples_that_use_real_options(cli, path) -> None:  # type: ignore[no-untyped-def]
    text = help_of(cli, path)
    assert "Examples:" in text
    command = dict(every_command())[path]
    options = {o for p in command.params for o in (*p.opts, *p.secondary_opts)}
    examples = EXAMPLES.get(path) or ()
    assert examples or command.epilog, f"no examples for debrief {' '.join(path)}"
    for line in examples:
        assert len(line) <= 76, f"{line!r} does not fit 80 columns in --help"
        words = shlex.split(line.split("|")[-1] if "| debrief" in line else line, comments=True)
        assert words[: len(path) + 1] == ["debrief", *path] or (
            path == () and words[0] == "debrief"
        ), line
        assert line in text
        used = {w.split("=")[0] for w in words if w.startswith("-") and w != "-"}
        if path == ():
            used = {w for w in used if words.index(w) < 2}  # the root's own options
        if not isinstance(command, TyperGroup):  # a group's examples are its commands'
            assert used <= options, f"{line}: {used - options} are not options of it"


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "debrief")
def test_values_are_shown_as_words_not_python_types(cli, path) -> None:  # type: ignore[no-untyped-def]
    text = help_of(cli, path)
    assert not re.search(r"<(str|int|path|float|list\[|bool|int range)", text), text
    assert "[[" not in text and "list[str]" not in text


def test_help_shows_value_words(cli) -> None:  # type: ignore[no-untyped-def]
    text = help_of(cli, ("action", "add"))
    assert "--owner NAME" in text and "--due DATE" in text
    assert "--priority highest|high|medium|low" in text
    assert "Usage: debrief asked [OPTIONS] [PERSON]" in help_of(cli, ("asked",))


def test_a_mistyped_command_gets_the_closest_name(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("lsit")
    assert result.exit_code == 2
    assert "No such command 'lsit'. Did you mean 'list'" in result.stderr


def complete(tmp_path: Path, words: str) -> list[str]:
    """What bash completion offers for the last of `words` (as the installed script asks)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEBRIEF_")}
    env.update(
        _DEBRIEF_COMPLETE="complete_bash",
        COMP_WORDS=words,
        COMP_CWORD=str(len(shlex.split(words)) - (0 if words.endswith(" ") else 1)),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        DEBRIEF_USER="tester",
    )
    done = subprocess.run(
        [sys.executable, "-m", "debrief"], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_completion_offers_ids_section_keys_and_owners(tmp_path: Path) -> None:
    db = tmp_path / "debrief.db"
    store = Store(db, author="setup")
    pm = store.create_postmortem("Checkout down", load_template())
    from debrief.models import ActionItem

    store.add_action(
        pm.id, ActionItem(title="Alert on pool wait", owner="Ana Souza", due=store.today())
    )
    store.close()
    at = f"debrief --db {db}"
    assert complete(tmp_path, f"{at} open ") == [pm.id]
    assert complete(tmp_path, f"{at} section set {pm.id} ro") == ["root-cause"]
    assert complete(tmp_path, f"{at} action add {pm.id} T --owner Sou") == ["Ana", "Souza"]
    assert complete(tmp_path, "debrief ex") == ["export"]


def test_the_completion_script_is_printed_for_a_shell(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "debrief", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        env={**os.environ, "SHELL": "/bin/bash"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "_DEBRIEF_COMPLETE=complete_bash" in done.stdout


def test_a_group_gets_every_module_that_adds_to_it_whatever_was_loaded_first() -> None:
    """`action` lives in two modules; loading `section` first (in a fresh interpreter,
    where neither is imported yet) must not leave it half made."""
    code = (
        "import typer; from debrief.cli import app; g = typer.main.get_command(app); "
        "c = typer.Context(g); g.get_command(c, 'section'); "
        "print(' '.join(sorted(g.get_command(c, 'action').commands)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["add", "set-status"]
