"""Reading a large import in other processes, so parsing and storing run side by side.

Parsing JSON holds the interpreter for the whole of each file, so a thread could
not overlap it with SQLite's inserts; a child process can. Each child (`serve()`,
started with the same interpreter) gets the request on stdin and writes
length-prefixed pickled frames on stdout: batches of store rows as it reads, then
its report, or the one sentence saying why nothing could be read. The child is
this package's own code, started here, so its frames are trusted like our own
modules.
"""

from __future__ import annotations

import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import zipfile
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import IO, Any

from debrief.event_rows import EventRow
from debrief.importers.options import Format, ImportOptions
from debrief.importers.report import ImportFailed, ImportReport, ProgressCallback
from debrief.literal import clean

READERS = 2
"""Readers of one Slack export side by side; storing is the limit beyond two."""
PARALLEL_FROM_BYTES = 24 * 1024 * 1024
"""Below this much input, starting a process costs more than it saves."""
_BATCH = 2000
_LENGTH = struct.Struct("<Q")


def input_size(path: Path) -> int:
    """Bytes of input to read: a folder's JSON files, a zip's uncompressed members."""
    try:
        if path.is_dir():
            return sum(p.stat().st_size for p in path.rglob("*.json"))
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                return sum(i.file_size for i in archive.infolist())
        return path.stat().st_size
    except (OSError, zipfile.BadZipFile):
        return 0


def worth_a_process(path: Path) -> bool:
    return (os.cpu_count() or 1) > 1 and input_size(path) >= PARALLEL_FROM_BYTES


def read_rows_elsewhere(
    path: Path,
    fmt: Format,
    options: ImportOptions,
    report: ImportReport,
    progress: ProgressCallback | None = None,
) -> Generator[list[EventRow], None, None]:
    """Store rows read by child processes, batch by batch; `report` is filled at the end.

    A Slack export is shared between two readers (day files alternate), any
    other input is read by one. Raises ImportFailed as reading in this process
    would. Closing the iterator early (the caller failed) stops the children.
    """
    count = min(READERS, os.cpu_count() or 1) if fmt is Format.slack else 1
    frames: queue.SimpleQueue[tuple[int, bytes | None]] = queue.SimpleQueue()
    readers = [_Reader(k, frames) for k in range(count)]
    where = [(0, 0)] * count
    reports: dict[int, ImportReport] = {}
    try:
        for k, reader in enumerate(readers):
            reader.start((path, fmt, options, (k, count)))
        while len(reports) < count:
            k, body = frames.get()
            if body is None:
                if k in reports:  # that reader's pipe closed after its report
                    continue
                why = readers[k].why_it_ended()
                raise ImportFailed(
                    f"reading {path.name} stopped unexpectedly; nothing was stored ({why})"
                )
            frame = pickle.loads(body)
            kind = frame[0]
            if kind == "rows":
                where[k] = frame[2:4]
                if progress is not None:
                    progress(sum(d for d, _ in where), sum(t for _, t in where))
                yield frame[1]
            elif kind == "done":
                reports[k] = frame[1]
            else:
                raise ImportFailed(frame[1])
        merged = ImportReport()
        for k in sorted(reports):
            merged.add(reports[k])
        vars(report).update(vars(merged))
    finally:
        for reader in readers:
            reader.stop()


class _Reader:
    """One child process and the thread draining its frames into the shared queue."""

    def __init__(self, index: int, frames: queue.SimpleQueue[tuple[int, bytes | None]]) -> None:
        self.index = index
        self.frames = frames
        self.child: subprocess.Popen[bytes] | None = None
        self.drain: threading.Thread | None = None
        # what the child writes to stderr (a traceback, a message from the
        # interpreter), kept so a crash can be told with its reason
        self.errors: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop)

    def start(self, request: tuple[Any, ...]) -> None:
        self.child = child = subprocess.Popen(
            [sys.executable, "-c", "from debrief.importers.background import serve; serve()"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
        )
        assert child.stdin is not None and child.stdout is not None
        with child.stdin:
            child.stdin.write(pickle.dumps(request, pickle.HIGHEST_PROTOCOL))
        # The thread drains the pipe as frames come, so the child never waits
        # for this process to finish storing a batch before it parses the next.
        self.drain = threading.Thread(target=self._pump, args=(child.stdout,), daemon=True)
        self.drain.start()

    def _pump(self, stream: IO[bytes]) -> None:
        for body in _bodies(stream):
            self.frames.put((self.index, body))
        self.frames.put((self.index, None))

    def why_it_ended(self) -> str:
        """Why the child ended without its report: the last line it wrote to stderr
        (a traceback's exception), else how it exited."""
        child = self.child
        code: int | None = None
        if child is not None:
            try:
                code = child.wait(timeout=5)  # its stdout is closed: it is ending
            except subprocess.TimeoutExpired:
                code = None
        self.errors.seek(0, os.SEEK_END)
        self.errors.seek(max(0, self.errors.tell() - 4096))
        tail = self.errors.read().decode("utf-8", "replace")
        last = next((line.strip() for line in reversed(tail.splitlines()) if line.strip()), "")
        if last:
            return clean(last, single_line=True)[:200]
        if code is not None and code < 0:
            try:
                return f"the reader was killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"the reader was killed by signal {-code}"
        return "the reader ended without a word" if code == 0 else f"the reader exited with {code}"

    def stop(self) -> None:
        child = self.child
        if child is None:
            self.errors.close()
            return
        if child.poll() is None:
            child.kill()
        child.wait()
        if self.drain is not None:
            self.drain.join()
        if child.stdout is not None:
            child.stdout.close()
        self.errors.close()


def _bodies(stream: IO[bytes]) -> Iterator[bytes]:
    """Each frame's pickled body in turn, until the end or a cut-off frame."""
    while True:
        head = stream.read(_LENGTH.size)
        if len(head) < _LENGTH.size:
            return
        (length,) = _LENGTH.unpack(head)
        body = stream.read(length)
        if len(body) < length:
            return
        yield body


def _write_frame(stream: IO[bytes], frame: tuple[Any, ...]) -> None:
    body = pickle.dumps(frame, pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(body)))
    stream.write(body)


def serve() -> None:
    """The child's side: read the import asked on stdin, frames to stdout."""
    _serve(sys.stdin.buffer, sys.stdout.buffer)


def _serve(request: IO[bytes], out: IO[bytes]) -> None:
    from debrief.event_rows import event_row
    from debrief.importers.bulk import collector_paused
    from debrief.importers.read import read_records

    path, fmt, options, share = pickle.load(request)
    report = ImportReport()
    where = [0, 1]

    def follow(done: int, total: int) -> None:
        where[:] = done, total

    batch: list[EventRow] = []
    try:
        with collector_paused():
            for record in read_records(path, fmt, options, report, follow, share):
                batch.append(event_row(record))
                if len(batch) >= _BATCH:
                    _write_frame(out, ("rows", batch, *where))
                    batch = []
            _write_frame(out, ("rows", batch, *where))
        _write_frame(out, ("done", report))
    except ImportFailed as exc:
        _write_frame(out, ("failed", str(exc)))
    except Exception as exc:  # the parent says it in one sentence; nothing is stored
        _write_frame(out, ("failed", f"reading {path.name} failed: {exc}"))
    out.flush()
