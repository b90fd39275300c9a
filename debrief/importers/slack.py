"""Reading a Slack workspace export: every day file once, oldest first, as events.

Day files are named by the exporting workspace's local date, so a file can hold
messages of the UTC day before or after; the name is only used to skip files
that lie days outside the requested window.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from debrief.importers import report as why
from debrief.importers.locate import element_lines, json_error, parse_json
from debrief.importers.options import ImportOptions
from debrief.importers.record import EventRecord
from debrief.importers.report import ImportFailed, ImportReport, ProgressCallback
from debrief.importers.slack_archive import DayFile, MemberError, SlackArchive
from debrief.importers.slack_message import BadMessage, MessageReader
from debrief.importers.slack_meta import Conversation, Directory, load_directory
from debrief.untrusted import UntrustedInput
from debrief.words import plural

# Local dates are at most 14 hours from UTC; two days of margin is safe.
_MARGIN = timedelta(days=2)


def read_slack(
    path: Path,
    options: ImportOptions,
    report: ImportReport,
    progress: ProgressCallback | None = None,
    share: tuple[int, int] = (0, 1),
) -> Iterator[list[EventRecord]]:
    """The events of each day file in turn (one list per file: cheap to pass on).

    `share` (k, n) reads every n-th day file from the k-th, for n readers side by side.
    """
    with SlackArchive(path) as archive:
        directory = load_directory(archive, report)
        files = _chosen_files(archive.day_files(), directory, options, report, path)
        files = files[share[0] :: share[1]]
        total = sum(f.size for f in files) or 1
        done = 0
        reader = MessageReader(directory, options, report)
        for day in files:
            found = _read_day(archive, day, _conversation(day, directory), reader, report)
            if found:
                yield found
            done += day.size
            if progress is not None:
                progress(done, total)


def _conversation(day: DayFile, directory: Directory) -> Conversation:
    return directory.folders.get(day.folder) or Conversation(day.folder, day.folder, day.folder)


def _chosen_files(
    files: list[DayFile],
    directory: Directory,
    options: ImportOptions,
    report: ImportReport,
    path: Path,
) -> list[DayFile]:
    if not files:
        raise ImportFailed(
            f"{path} holds no Slack day files (channel folders of YYYY-MM-DD.json); "
            "is it a Slack workspace export?"
        )
    folders = sorted({f.folder for f in files})
    if options.channels:
        wanted = set()
        for asked in options.channels:
            name = asked.lstrip("#")
            conv = directory.folders.get(name) or directory.by_id.get(name)
            folder = conv.folder if conv else name
            if folder not in folders:
                known = ", ".join(f"#{_conversation_name(f, directory)}" for f in folders)
                raise ImportFailed(f"the export has no channel {asked!r}; it has {known}")
            wanted.add(folder)
        folders = [f for f in folders if f in wanted]
        files = [f for f in files if f.folder in wanted]
    unknown = [f for f in folders if f not in directory.folders]
    if unknown and directory.folders:
        report.notes.append(
            f"{', '.join(unknown)} not listed in channels.json: imported under the folder name"
        )
    report.channels = [f"#{_conversation_name(f, directory)}" for f in folders]
    low = options.since.date() - _MARGIN if options.since else None
    high = options.until.date() + _MARGIN if options.until else None
    inside = [f for f in files if (low is None or f.day >= low) and (high is None or f.day <= high)]
    if len(inside) < len(files):
        outside = len(files) - len(inside)
        lie = "lies" if outside == 1 else "lie"
        report.notes.append(f"{plural(outside, 'day file')} {lie} outside the window")
    return inside


def _conversation_name(folder: str, directory: Directory) -> str:
    conv = directory.folders.get(folder)
    return conv.name if conv else folder


def _read_day(
    archive: SlackArchive,
    day: DayFile,
    conv: Conversation,
    reader: MessageReader,
    report: ImportReport,
) -> list[EventRecord]:
    try:
        raw = archive.read(day.name)
        messages: Any = parse_json(raw)
    except MemberError as exc:
        report.problem(day.name, str(exc), why.BAD_FILE)
        return []
    except json.JSONDecodeError as exc:
        report.problem(day.name, json_error(exc), why.BAD_FILE)
        return []
    except UnicodeDecodeError:
        report.problem(day.name, "not UTF-8 text", why.BAD_FILE)
        return []
    except UntrustedInput as exc:
        report.problem(day.name, str(exc), why.BAD_FILE)
        return []
    if not isinstance(messages, list):
        report.problem(day.name, "line 1: expected a JSON list of messages", why.BAD_FILE)
        return []
    report.read += len(messages)
    event = reader.event
    source, id_prefix = f"slack #{conv.name}", f"slack:{conv.id}:"
    lines: list[int] | None = None
    found: list[EventRecord] = []
    keep = found.append
    for index, message in enumerate(messages):
        try:
            if not isinstance(message, dict):
                raise BadMessage("not a message object")
            record = event(message, source, id_prefix)
        except (BadMessage, ValueError, TypeError, AttributeError, RecursionError) as exc:
            if lines is None:
                lines = element_lines(raw)
            where = f"{day.name} line {lines[index]}" if index < len(lines) else day.name
            if isinstance(exc, BadMessage):
                report.problem(where, f"{exc}; skipped", exc.reason)
            else:
                report.problem(where, "a malformed message; skipped")
            continue
        if record is not None:
            keep(record)
    report.events += len(found)
    return found
