"""A reader that stops early (`| head`) ends the command quietly."""

from __future__ import annotations

import subprocess
import sys


def test_a_closed_pipe_is_not_an_error_message(tmp_path):
    db = tmp_path / "pipe.db"
    run = [sys.executable, "-m", "debrief", "--db", str(db)]
    pm_id = subprocess.run(
        [*run, "new", "Pipe", "--started", "2026-11-20T14:00:00Z"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    for minute in range(3):
        subprocess.run(
            [*run, "event", "add", pm_id, f"2026-11-20T14:0{minute}:00Z", "x" * 70_000],
            capture_output=True, check=True,
        )  # fmt: skip
    proc = subprocess.Popen(
        [*run, "event", "list", pm_id], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()  # the reader goes away before the command has printed everything
    stderr = proc.stderr.read().decode()
    proc.wait(30)
    assert stderr == ""
    assert proc.returncode == 141
