"""Run a program in a pseudo-terminal and watch what it draws, from outside the process.

`launch()` starts the command on a fresh pty of a fixed size and drains its output
on a thread; `wait_for()` blocks until the text drawn so far (escape sequences
removed) holds every marker, which is the moment the frame showing them reached
the terminal. `finish()` quits the program and returns its CPU seconds; `peak_rss_kib()`
reads its peak resident memory while it runs.
"""

from __future__ import annotations

import fcntl
import os
import re
import signal
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

COLUMNS, ROWS = 120, 36
ESCAPES = re.compile(
    rb"\x1b(?:\[[0-9;?<>=$ ]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)"
)


class Timeout(RuntimeError):
    """The program did not draw what was expected in time."""


@dataclass
class Exit:
    cpu_s: float
    """User plus system CPU seconds of the whole run."""
    status: int


@dataclass
class Terminal:
    process: subprocess.Popen[bytes]
    master: int
    started: float
    output: bytearray = field(default_factory=bytearray)
    lock: threading.RLock = field(default_factory=threading.RLock)
    changed: threading.Condition = field(init=False)
    closed: bool = False

    def __post_init__(self) -> None:
        self.changed = threading.Condition(self.lock)
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                chunk = b""
            with self.changed:
                if not chunk:
                    self.closed = True
                    self.changed.notify_all()
                    return
                self.output += chunk
                self.changed.notify_all()

    def text(self) -> str:
        with self.lock:
            raw = bytes(self.output)
        return ESCAPES.sub(b"", raw).decode("utf-8", "replace")

    def wait_for(self, markers: Sequence[str], timeout: float = 60.0) -> float:
        """Seconds from launch until every marker has been drawn."""
        wanted = [m.encode() for m in markers]
        deadline = time.monotonic() + timeout
        scanned = 0
        with self.changed:
            while True:
                if len(self.output) != scanned:
                    scanned = len(self.output)
                    plain = ESCAPES.sub(b"", bytes(self.output))
                    if all(m in plain for m in wanted):
                        return time.perf_counter() - self.started
                if self.closed:
                    raise Timeout(f"the program exited before drawing {markers}: {self.tail()}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise Timeout(f"nothing showed {markers} within {timeout} s: {self.tail()}")
                self.changed.wait(left)

    def mark(self) -> int:
        """A position in the output, for `wait_for_more`."""
        with self.lock:
            return len(self.output)

    def wait_quiet(self, quiet: float, timeout: float = 30.0) -> None:
        """Wait until nothing has been drawn for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            before = self.mark()
            time.sleep(quiet)
            if self.mark() == before:
                return

    def tail(self, chars: int = 300) -> str:
        return self.text()[-chars:]

    def type(self, data: str) -> None:
        os.write(self.master, data.encode())

    def cpu_seconds(self) -> float:
        """User plus system CPU time the program has used so far (all its threads)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        return (int(fields[11]) + int(fields[12])) / ticks

    def peak_rss_kib(self) -> int:
        """The program's peak resident memory so far (VmHWM of its own address space).

        Not `ru_maxrss` from `wait4`: Linux folds the pre-exec copy of the launching
        process into that, so a small program launched from a big harness would be
        reported at the harness's size.
        """
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
        return int(line.split()[1])

    def finish(self, quit_keys: str = "\x11", timeout: float = 10.0) -> Exit:
        """Quit (ctrl+q, then SIGKILL if it lingers); the program's CPU time and exit status."""
        try:
            self.type(quit_keys)
        except OSError:
            pass
        deadline = time.monotonic() + timeout
        pid = self.process.pid
        while True:
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                os.killpg(pid, signal.SIGKILL)  # its own session: only what it started
                done, status, usage = os.wait4(pid, 0)
                break
            time.sleep(0.01)
        self.process.returncode = os.waitstatus_to_exitcode(status)
        os.close(self.master)
        return Exit(usage.ru_utime + usage.ru_stime, self.process.returncode)


def launch(
    argv: Sequence[str],
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    size: tuple[int, int] = (COLUMNS, ROWS),
) -> Terminal:
    """Start `argv` on a new pseudo-terminal of `size` (columns, rows), with exactly `env`."""
    master, slave = os.openpty()
    columns, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    started = time.perf_counter()
    process = subprocess.Popen(
        list(argv),
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=cwd,
        start_new_session=True,
    )
    os.close(slave)
    return Terminal(process, master, started)
