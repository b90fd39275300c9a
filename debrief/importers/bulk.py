"""Running a whole import: read, convert and store, as fast as the input allows."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol, TypeVar

from debrief.importers.options import Format, ImportOptions
from debrief.importers.read import read_records
from debrief.importers.record import EventRecord
from debrief.importers.report import ImportReport, ProgressCallback

Counts = TypeVar("Counts", covariant=True)


class EventSink(Protocol[Counts]):
    """Where imported events go: the store's bulk path."""

    def import_events(
        self,
        pm_id: str,
        events: Iterable[EventRecord],
        label: str = ...,
        progress: ProgressCallback | None = ...,
    ) -> Counts: ...


@contextmanager
def collector_paused() -> Iterator[None]:
    """Parsed JSON holds no reference cycles, so the cycle collector only costs time.

    Pausing it while a large export is read saves about a tenth of the import.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def import_file(
    sink: EventSink[Counts],
    pm_id: str,
    path: Path,
    fmt: Format,
    options: ImportOptions,
    report: ImportReport,
    progress: ProgressCallback | None = None,
    storing: ProgressCallback | None = None,
) -> Counts:
    """Read `path` and store its events in one transaction; `report` says what was left out.

    `progress` follows the reading (bytes), `storing` the writing (events).
    """
    with collector_paused():
        events = read_records(path, fmt, options, report, progress)
        return sink.import_events(pm_id, events, label=f"import {fmt.value}", progress=storing)
