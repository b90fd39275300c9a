"""CSV timelines: time and text, optionally source, author, link and milestone columns.

The dialect (comma, semicolon, tab) is sniffed. A first row naming known columns
is a header and columns are matched by name; otherwise the columns are taken in
the order time, text, source, author, link, milestone.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from debrief.dates import DateError
from debrief.importers import report as why
from debrief.importers.day_order import decide, is_numeric_date
from debrief.importers.fields import BadEntry, EventMaker, field_for, instant
from debrief.importers.options import ImportOptions
from debrief.importers.record import EventRecord
from debrief.importers.report import ImportFailed, ImportReport, ProgressCallback

POSITIONAL = ("at", "text", "source", "author", "link", "milestone")
_SAMPLE = 4 * 1024
"""How much of the file the dialect and header are guessed from: the csv module's
sniffer takes time quadratic in its sample on some inputs, so the sample stays small."""
Row = tuple[int, list[str]]


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed(f"{path} is not UTF-8 text (byte {exc.start})") from exc


def _sample(text: str) -> str:
    """The first _SAMPLE characters, cut at the end of a line when there is one."""
    if len(text) <= _SAMPLE:
        return text
    cut = text.rfind("\n", 0, _SAMPLE)
    return text[: cut + 1] if cut > 0 else text[:_SAMPLE]


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def _columns(first: list[str], sample: str) -> tuple[dict[int, str], bool]:
    """Column index → event field, and whether the first row is a header."""
    named = {i: f for i, cell in enumerate(first) if (f := field_for(cell)) is not None}
    if len(named) >= 2 or (named and not _is_time(first[0] if first else "")):
        header = True
    else:
        try:
            header = csv.Sniffer().has_header(sample) and not _is_time(first[0] if first else "")
        except csv.Error:
            header = False
    if not header:
        return dict(enumerate(POSITIONAL[: len(first)])), False
    columns: dict[int, str] = {}
    for index, name in named.items():
        if name not in columns.values():
            columns[index] = name
    return columns, True


def _is_time(value: str) -> bool:
    if is_numeric_date(value):
        return True
    try:
        instant(value, None)
    except (DateError, ValueError, OverflowError, TypeError):
        return False
    return True


def read_csv(
    path: Path,
    options: ImportOptions,
    report: ImportReport,
    progress: ProgressCallback | None = None,
) -> Iterator[EventRecord]:
    text = read_text(path)
    sample = _sample(text)
    dialect = _dialect(sample)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        first = next(reader, None)
    except csv.Error as exc:
        raise ImportFailed(f"{path.name} line 1: not CSV ({exc})") from exc
    if first is None:
        raise ImportFailed(f"{path} is empty")
    columns, header = _columns(first, sample)
    if header and not {"at", "text"} <= set(columns.values()):
        raise ImportFailed(
            f"{path.name} line 1: the header needs a time column (time, timestamp, when) "
            "and a text column (text, message, what)"
        )
    order = decide(_time_cells(text, dialect, columns, header), options.date_order, path.name)
    maker = EventMaker("csv", path.name, options.zone, order)
    total = text.count("\n") or 1
    rows = _rows(reader, path, report, reader.line_num)
    if not header:
        rows = itertools.chain([(1, first)], rows)
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        report.read += 1
        values = {columns[i]: cell for i, cell in enumerate(row) if i in columns}
        try:
            event = maker.make(values)
        except BadEntry as exc:
            report.problem(f"{path.name} line {line}", f"{exc}; skipped", exc.reason)
            continue
        except (ValueError, TypeError, OverflowError):
            report.problem(f"{path.name} line {line}", "a malformed row; skipped")
            continue
        for note in maker.notes:
            report.problem(f"{path.name} line {line}", note, reason=None)
        maker.notes.clear()
        if not options.inside(event.at):
            report.skip(why.OUTSIDE)
            continue
        report.events += 1
        yield event
        if progress is not None and report.read % 2000 == 0:
            progress(line, total)
    if progress is not None:
        progress(total, total)


def _time_cells(
    text: str, dialect: type[csv.Dialect] | csv.Dialect, columns: dict[int, str], header: bool
) -> Iterator[tuple[int, str]]:
    """(line, time cell) of every row: a first reading, to settle the day/month order."""
    at = next((i for i, name in columns.items() if name == "at"), None)
    if at is None:
        return
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows = _rows(reader, Path(""), ImportReport(), 0)
    if header:
        next(rows, None)
    for line, row in rows:
        if at < len(row):
            yield line, row[at]


class _Reader(Protocol):
    line_num: int

    def __next__(self) -> list[str]: ...


def _rows(reader: _Reader, path: Path, report: ImportReport, end: int) -> Iterator[Row]:
    """(first line, cells) of each row; a row the csv module cannot read ends the file."""
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            report.problem(f"{path.name} line {start}", f"not CSV ({exc}); the rest is skipped")
            return
        end = reader.line_num
        yield start, row
