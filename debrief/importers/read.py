"""One entry point for every format."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from debrief.dates import in_future, show_instant
from debrief.importers.options import Format, ImportOptions
from debrief.importers.record import EventRecord
from debrief.importers.report import ImportFailed, ImportReport, ProgressCallback

if TYPE_CHECKING:
    from debrief.models import TimelineEvent


def read_records(
    path: Path,
    fmt: Format,
    options: ImportOptions,
    report: ImportReport,
    progress: ProgressCallback | None = None,
    share: tuple[int, int] = (0, 1),
) -> Iterator[EventRecord]:
    """The events of `path`, file by file; `report` counts what was left out and why.

    `share` (k, n) asks for the k-th of n parts of a Slack export, for readers
    side by side (the other formats are one file, read whole).

    Raises ImportFailed (before yielding anything) when the input cannot be read
    at all; bad parts of a readable input are reported as problems and skipped.
    """
    if not path.exists():
        raise ImportFailed(f"{path} does not exist")
    report.source = path.name
    records: Iterator[EventRecord]
    if fmt is Format.slack:
        from debrief.importers.slack import read_slack

        records = itertools.chain.from_iterable(read_slack(path, options, report, progress, share))
    elif path.is_dir():
        raise ImportFailed(f"{path} is a folder; a {fmt.value} import reads one file")
    elif fmt is Format.csv:
        from debrief.importers.csv_source import read_csv

        records = read_csv(path, options, report, progress)
    else:
        from debrief.importers.jsonl import read_jsonl

        records = read_jsonl(path, options, report, progress)
    return _noting_the_future(records, report)


def _noting_the_future(
    records: Iterator[EventRecord], report: ImportReport
) -> Iterator[EventRecord]:
    """`records` unchanged; a note in `report` when some lie in the future (a wrong
    year, day/month order or zone: an incident has already happened)."""
    now = datetime.now(UTC)
    ahead = 0
    latest: datetime | None = None
    for record in records:
        if in_future(record.at, now):
            ahead += 1
            latest = record.at if latest is None else max(latest, record.at)
        yield record
    if ahead:
        from debrief.words import plural

        stamp = show_instant(latest or now, UTC)
        report.notes.append(
            f"{plural(ahead, 'event')} in the future (the latest at {stamp}): "
            "check the dates and the time zone"
        )


def read_events(
    path: Path,
    fmt: Format,
    options: ImportOptions,
    report: ImportReport,
    progress: ProgressCallback | None = None,
) -> Iterator[TimelineEvent]:
    """`read_records`, each validated into a `TimelineEvent`."""
    return (r.to_event() for r in read_records(path, fmt, options, report, progress))
