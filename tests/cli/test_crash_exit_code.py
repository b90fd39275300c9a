"""A crash inside the app is a failure for the shell too: `debrief` exits non-zero."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CRASHING = """
import sys

import debrief.app


class Crashing(debrief.app.DebriefApp):
    def on_mount(self) -> None:
        raise RuntimeError("a bug in a screen")


debrief.app.DebriefApp = Crashing  # the command opens this app instead
from debrief.cli import main

sys.argv = ["debrief", "--db", sys.argv[1]]
main()
"""


def test_the_command_exits_1_after_the_app_crashed(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CRASHING, str(tmp_path / "debrief.db")],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert "a bug in a screen" in done.stdout + done.stderr  # Textual showed what happened
    assert done.returncode == 1
