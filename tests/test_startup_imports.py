"""What start-up does not import: `debrief --help`, `debrief list` and the app's first
frame leave the heavy modules (Jira's client, HTTP, the ORM-ish helpers, the browser
server, PostgreSQL's driver, Markdown parsing, the coach's rules) to the commands and
screens that use them."""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from debrief.app import MODULES_REPORT
from debrief.store import Store
from debrief.template import load_template

NEVER_AT_START = {
    "jira",
    "requests",
    "sqlite_utils",
    "textual_serve",
    "psycopg",
    "markdown_it",
    "textual_plotext",
}


def env_for(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DEBRIEF_")}
    env.update(
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        DEBRIEF_USER="tester",
        TERM="xterm-256color",
    )
    return env


RUN_AND_LIST = """
import atexit, sys
report = sys.argv.pop(1)
atexit.register(lambda: open(report, "w").write("\\n".join(sorted(sys.modules))))
from debrief.launch import main
main()
"""


def imported_by(tmp_path: Path, *args: str) -> set[str]:
    """The modules `debrief ARGS` had imported when it finished (through the command's
    entry point, as the installed `debrief` runs it)."""
    report = tmp_path / "imported.txt"
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST, str(report), *args],
        capture_output=True,
        text=True,
        env=env_for(tmp_path),
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return set(report.read_text("utf-8").split())


def tops(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "debrief.db"
    store = Store(path, author="setup")
    store.create_postmortem("Checkout down", load_template())
    store.close()
    return path


def test_help_imports_no_command_and_no_heavy_module(tmp_path: Path) -> None:
    modules = imported_by(tmp_path, "--help")
    assert not tops(modules) & (NEVER_AT_START | {"pydantic", "textual", "rich"})
    assert not {m for m in modules if m.startswith(("debrief.store", "debrief.coach"))}
    commands = {m for m in modules if m.startswith("debrief.cli.")}
    assert commands <= {
        "debrief.cli.root",
        "debrief.cli.context",
        "debrief.cli.examples",
        "debrief.cli.lazy",
        "debrief.cli.shaping",
    }


def test_list_imports_only_its_own_command(tmp_path: Path, db: Path) -> None:
    """`debrief list --json`, the listing scripts read, runs without the command-line
    layer (Typer, Click) and without the validation library."""
    modules = imported_by(tmp_path, "--db", str(db), "list", "--json")
    assert not tops(modules) & (NEVER_AT_START | {"textual", "rich", "pydantic", "typer"})
    assert "debrief.cli.list_command" in modules
    assert not {"debrief.cli.publish", "debrief.cli.followup", "debrief.cli.collab"} & modules
    assert "debrief.coach.rules" not in modules


def test_list_json_reads_rows_without_the_records_or_the_entity_modules(
    tmp_path: Path, db: Path
) -> None:
    """`list --json` writes its text from the stored rows (debrief/cli/list_json.py):
    neither the records nor the Store's entity modules are loaded for it, nor uuid
    (which loads `platform`) for ids it makes none of."""
    modules = imported_by(tmp_path, "--db", str(db), "list", "--json")
    assert {"debrief.cli.list_json", "debrief.store.listing"} <= modules
    assert not {"debrief.record", "debrief.models", "debrief.template", "uuid"} & modules
    assert not {m for m in modules if m.startswith("debrief.store.")} - {
        "debrief.store.base",
        "debrief.store.engine",
        "debrief.store.errors",
        "debrief.store.listing",
        "debrief.store.schema",
        "debrief.store.sqldb",
        "debrief.store.sqlite_engine",
    }


def test_a_list_with_any_other_option_goes_through_the_command_line(
    tmp_path: Path, db: Path
) -> None:
    """Only the exact common forms skip the command-line layer; anything else is parsed
    (and explained) by it."""
    modules = imported_by(tmp_path, "--db", str(db), "list", "--help")
    assert "typer" in tops(modules)


def first_frame_modules(tmp_path: Path, *args: str) -> set[str]:
    """The modules the app had imported when its first frame was on the screen: it is
    run in a pseudo-terminal and writes them to a file, then leaves."""
    report = tmp_path / "modules.txt"
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "debrief", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**env_for(tmp_path), MODULES_REPORT: str(report)},
        start_new_session=True,
    )
    os.close(slave)
    deadline = time.monotonic() + 60
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if select.select([master], [], [], 0.2)[0]:
                try:
                    os.read(master, 65536)  # keep the terminal drained
                except OSError:
                    break
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    assert report.exists(), "the app did not report its modules"
    return set(report.read_text("utf-8").split())


@pytest.mark.slow
def test_the_home_screen_first_frame_leaves_heavy_modules_for_later(
    tmp_path: Path, db: Path
) -> None:
    modules = first_frame_modules(tmp_path, "--db", str(db))
    assert "debrief.screens.home" in modules
    # the list is drawn as text first: the table and the search field come just after
    assert "textual.widgets._data_table" not in modules
    assert "debrief.widgets.safe_text" not in modules
    # the store lists post-mortems without its entities (store/opened.py)
    assert not {"debrief.store.store", "debrief.store.timeline"} & modules
    assert not tops(modules) & (NEVER_AT_START | {"pydantic", "typer"})
    assert not {m for m in modules if m.startswith("debrief.coach")}
    assert "debrief.screens.debrief_screen" not in modules
    assert "debrief.cli.publish" not in modules
    assert "tomllib" not in modules  # no template is read, and no config file exists


@pytest.mark.slow
def test_opening_a_postmortem_leaves_heavy_modules_and_home_for_later(
    tmp_path: Path, db: Path
) -> None:
    modules = first_frame_modules(tmp_path, "--db", str(db), "open", "PM-1")
    assert "debrief.screens.debrief_screen" in modules
    assert not tops(modules) & (NEVER_AT_START | {"pydantic", "typer"})
    assert not {m for m in modules if m.startswith("debrief.coach")}
    assert "debrief.screens.home" not in modules
    # Shipped files are read by path: importlib.resources would bring its zip reader.
    assert not {"importlib.resources", "zipfile"} & modules
    # The first section is text: its tables (and Textual's DataTable) come after the frame.
    assert (
        not {
            "debrief.widgets.action_table",
            "debrief.widgets.timeline_table",
            "debrief.widgets.factor_table",
            "debrief.widgets.metrics_bar",
            "debrief.timeline",
            "textual.widgets._data_table",
        }
        & modules
    )


def test_the_debrief_screen_imports_the_coach_only_when_it_first_lints() -> None:
    """The coach (its rules and model) is compiled after the screen's first frame, on
    the first lint: importing the screen does not import it."""
    code = (
        "import sys, debrief.screens.debrief_screen; "
        "print(sorted(m for m in sys.modules if m.startswith('debrief.coach')))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert shown.strip() == "[]"
