"""Killing the app at any moment loses at most the last autosave window and never corrupts the file."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from debrief.store import Store


def app_in_a_pty(
    db: Path, pm_id: str, rows: int, cols: int, user: str
) -> tuple[subprocess.Popen[bytes], int]:
    """`debrief open` in a new pseudo-terminal of that size: the process and the terminal's fd."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "DEBRIEF_USER": user}
    proc = subprocess.Popen(
        [sys.executable, "-m", "debrief", "--db", str(db), "open", pm_id],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    return proc, master


@contextmanager
def _app_in_a_terminal(db: Path, template) -> Iterator[tuple[str, int, Callable[[], None]]]:  # type: ignore[no-untyped-def]
    """The real app on a new post-mortem in a pseudo-terminal: (id, terminal fd, kill -9)."""
    store = Store(db, author="setup")
    pm_id = store.create_postmortem("Crash test", template).id
    store.close()
    proc, master = app_in_a_pty(db, pm_id, rows=30, cols=100, user="killer")

    def kill() -> None:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(5)

    try:
        assert b"Impact" in _read_until(master, b"Impact", 20)
        yield pm_id, master, kill
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _read_until(master: int, needle: bytes, timeout: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while needle not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
    return seen


@pytest.mark.slow
def test_sigkill_two_seconds_after_typing_loses_nothing(db_path, template):
    typed = "Everything typed before the pause survives"
    with _app_in_a_terminal(db_path, template) as (pm_id, terminal, kill):
        time.sleep(0.5)
        for char in typed:
            os.write(terminal, char.encode())
            time.sleep(0.01)
        # The two seconds start once the app has drawn the last typed word (a loaded
        # machine may take a moment to process the keys).
        assert b"survives" in _read_until(terminal, b"survives", 20)
        time.sleep(2.0)
        kill()
    conn = sqlite3.connect(db_path)
    body = conn.execute(
        "SELECT body FROM sections WHERE postmortem_id = ? AND key = 'impact'", [pm_id]
    ).fetchone()[0]
    assert body == typed
    author = conn.execute(
        "SELECT author FROM revisions WHERE entity = 'section' ORDER BY id DESC LIMIT 1"
    ).fetchone()[0]
    assert author == "killer"


@pytest.mark.slow
def test_sigkill_while_typing_never_corrupts_the_file(db_path, template):
    with _app_in_a_terminal(db_path, template) as (pm_id, terminal, kill):
        for index in range(300):
            os.write(terminal, b"x" if index % 40 else b"\r")
            time.sleep(0.004)
        kill()
    body = Store(db_path, author="after").get_section(pm_id, "impact").body
    assert set(body) <= {"x", "\n"}  # whatever was saved is a prefix of what was typed
