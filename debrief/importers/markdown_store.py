"""Storing imported Markdown post-mortems: each file all or nothing, once."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from debrief.importers.markdown import (
    MarkdownImportError,
    Setting,
    convert,
    decode,
    markdown_files,
    read_text,
)
from debrief.importers.markdown_report import FileReport

if TYPE_CHECKING:
    from debrief.models import Document
    from debrief.store import Store


def sources(target: Path) -> list[tuple[str, Path | None]]:
    """(name, path) for each file to import; path None for standard input."""
    if str(target) == "-":
        return [("-", None)]
    if target.is_dir():
        return [(str(p), p) for p in markdown_files(target)]
    return [(str(target), target)]


def read_stdin() -> str:
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        raise MarkdownImportError("no standard input to read from")
    from debrief.importers.markdown import MAX_BYTES

    return decode(stream.read(MAX_BYTES + 1), "standard input")


def prepare(name: str, path: Path | None, setting: Setting) -> tuple[Document | None, FileReport]:
    """The document a file makes and its report; (None, failed report) when the file
    cannot be imported, with the reason in one sentence."""
    from debrief.dates import DateError

    try:
        if path is None:
            doc, report = convert(read_stdin(), "standard input", setting)
            return doc, report.model_copy(update={"file": name})
        return convert(read_text(path), name, setting)
    except (MarkdownImportError, DateError) as exc:
        return None, FileReport(file=name, status="failed", error=str(exc))
    except (ValueError, RecursionError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return None, FileReport(
            file=name, status="failed", error=f"{name} cannot be imported: {reason}"
        )


def store_one(store: Store, doc: Document, report: FileReport) -> FileReport:
    """Store the document unless the same file was imported before (its id is taken
    by a post-mortem of the same title): checked and written in one transaction."""
    from debrief.store import NotFound

    with store.write():
        try:
            existing = store.get_postmortem(doc.postmortem.id)
        except NotFound:
            store.import_document(doc, check_actions=False)
            return report
    if existing.title == doc.postmortem.title:
        return report.model_copy(update={"status": "already"})
    with store.write():  # an id taken by another post-mortem: store under a new one
        stored = store.import_document(doc, check_actions=False)
    return report.model_copy(update={"id": stored.id})


def import_markdown(store: Store, target: Path, setting: Setting) -> list[FileReport]:
    """Every file of `target` (a file, a folder, or - for standard input), each stored
    whole or not at all; a file that cannot be read is reported and stores nothing."""
    reports = []
    for name, path in sources(target):
        doc, report = prepare(name, path, setting)
        if doc is not None:
            report = store_one(store, doc, report)
        reports.append(report)
    return reports
