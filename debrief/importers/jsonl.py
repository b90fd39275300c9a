"""JSON lines timelines: one JSON object per line, keys named like CSV columns."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from debrief.importers import report as why
from debrief.importers.fields import BadEntry, EventMaker, field_for
from debrief.importers.options import ImportOptions
from debrief.importers.record import EventRecord
from debrief.importers.report import ImportFailed, ImportReport, ProgressCallback
from debrief.untrusted import UntrustedInput, load_json


def read_jsonl(
    path: Path,
    options: ImportOptions,
    report: ImportReport,
    progress: ProgressCallback | None = None,
) -> Iterator[EventRecord]:
    maker = EventMaker("jsonl", path.name, options.zone)
    total = path.stat().st_size or 1
    done = 0
    with path.open("rb") as handle:
        for line, raw in enumerate(handle, start=1):
            done += len(raw)
            if not raw.strip():
                continue
            report.read += 1
            where = f"{path.name} line {line}"
            try:
                data = load_json(raw)
            except json.JSONDecodeError as exc:
                report.problem(where, f"not JSON ({exc.msg}); skipped")
                continue
            except UnicodeDecodeError:
                report.problem(where, "not UTF-8 text; skipped")
                continue
            except UntrustedInput as exc:
                report.problem(where, f"{exc}; skipped")
                continue
            if not isinstance(data, dict):
                report.problem(where, "not a JSON object; skipped")
                continue
            values = {}
            for key, value in data.items():
                name = field_for(str(key))
                if name is not None and name not in values:
                    values[name] = value
            try:
                event = maker.make(values)
            except BadEntry as exc:
                report.problem(where, f"{exc}; skipped", exc.reason)
                continue
            except (ValueError, TypeError, OverflowError, RecursionError):
                report.problem(where, "a malformed entry; skipped")
                continue
            for note in maker.notes:
                report.problem(where, note, reason=None)
            maker.notes.clear()
            if not options.inside(event.at):
                report.skip(why.OUTSIDE)
                continue
            report.events += 1
            yield event
            if progress is not None and line % 2000 == 0:
                progress(done, total)
    if progress is not None:
        progress(total, total)
    if report.read == 0:
        raise ImportFailed(f"{path} is empty")
