"""A reader process that crashes says why: its stderr is kept, not sent to /dev/null."""

from __future__ import annotations

import os
import signal

import pytest

from debrief.importers import Format, ImportFailed, ImportOptions, ImportReport, background
from tests.importers import slack_export as fx


class ExplodesInTheChild:
    """Pickles fine here; unpickling it in the reader raises, as a real bug there would."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (int, ("not a number",))


def read_all(path, options) -> None:  # type: ignore[no-untyped-def]
    for _ in background.read_rows_elsewhere(path, Format.csv, options, ImportReport()):
        pass


def test_a_crash_in_the_reader_is_reported_with_its_exception(tmp_path):
    path = tmp_path / "timeline.csv"
    path.write_text("time,text\n2026-11-20T14:03:00Z,Alert fired\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as caught:
        read_all(path, ExplodesInTheChild())
    assert str(caught.value) == (
        "reading timeline.csv stopped unexpectedly; nothing was stored "
        "(ValueError: invalid literal for int() with base 10: 'not a number')"
    )


def test_a_reader_killed_says_by_what(tmp_path, monkeypatch):
    export = fx.write_folder(tmp_path)
    started = background._Reader.start

    def start_then_die(reader, request):  # type: ignore[no-untyped-def]
        started(reader, request)
        os.kill(reader.child.pid, signal.SIGKILL)

    monkeypatch.setattr(background._Reader, "start", start_then_die)
    with pytest.raises(
        ImportFailed, match=r"nothing was stored \(the reader was killed by SIGKILL\)"
    ):
        for _ in background.read_rows_elsewhere(
            export, Format.slack, ImportOptions(), ImportReport()
        ):
            pass
