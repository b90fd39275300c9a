"""Running a whole import: read, convert and store, as fast as the input allows."""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, closing, contextmanager, nullcontext
from pathlib import Path
from typing import Any, Protocol, TypeVar

from debrief.event_rows import EventRow, event_row
from debrief.importers.background import read_rows_elsewhere, worth_a_process
from debrief.importers.options import Format, ImportOptions
from debrief.importers.read import read_records
from debrief.importers.report import ImportReport, ProgressCallback

Counts = TypeVar("Counts", covariant=True)


class EventSink(Protocol[Counts]):
    """Where imported events go: the store's bulk path."""

    def write(self) -> AbstractContextManager[Any]: ...

    def rename_authors(self, pm_id: str, renames: Mapping[str, str]) -> int: ...

    def import_rows(
        self,
        pm_id: str,
        batches: Iterable[Sequence[EventRow]],
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

    A large input is read by other processes while this one stores what they
    have read (the transaction then stays open for the whole import); a small
    one is read here first, so the database is locked only while storing.
    `progress` follows the reading (bytes), `storing` the writing (events).
    """
    source: AbstractContextManager[Iterable[Sequence[EventRow]]]
    with collector_paused():
        if worth_a_process(path):
            source = closing(read_rows_elsewhere(path, fmt, options, report, progress))
            storing = None  # the children's reading is the progress: storing keeps pace
        else:
            rows = [event_row(r) for r in read_records(path, fmt, options, report, progress)]
            source = nullcontext([rows])
        with sink.write(), source as batches:
            counts = sink.import_rows(pm_id, batches, f"import {fmt.value}", progress=storing)
            if report.bot_names:  # named anywhere in the import: named on all their messages
                sink.rename_authors(pm_id, report.author_renames())
        return counts
