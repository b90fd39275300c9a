"""Reading timelines from other tools: Slack workspace exports, CSV and JSON lines.

Every importer yields `TimelineEvent`s with a stable `source_id`, so importing the
same source twice adds nothing, and fills an `ImportReport` with what it skipped
and why. Bad input is reported per file and line; only input with nothing usable
in it raises `ImportFailed`.
"""

from __future__ import annotations

from debrief.importers.bulk import EventSink, import_file
from debrief.importers.options import (
    Format,
    ImportOptions,
    guess_format,
    source_format,
    typed_options,
    window_edge,
)
from debrief.importers.read import read_events, read_records
from debrief.importers.record import EventRecord
from debrief.importers.report import ImportFailed, ImportReport, Problem, ProgressCallback

__all__ = [
    "EventRecord",
    "EventSink",
    "Format",
    "ImportFailed",
    "ImportOptions",
    "ImportReport",
    "Problem",
    "ProgressCallback",
    "guess_format",
    "import_file",
    "read_events",
    "read_records",
    "source_format",
    "typed_options",
    "window_edge",
]
