"""What an import would add, for a person to look over and untick from before it is stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from debrief.importers.bulk import collector_paused
from debrief.importers.confine import ImportScope
from debrief.importers.options import Format, ImportOptions
from debrief.importers.read import read_events
from debrief.importers.report import ImportReport, ProgressCallback
from debrief.models import TimelineEvent
from debrief.words import plural


@dataclass(frozen=True)
class ImportRequest:
    path: Path
    fmt: Format
    options: ImportOptions = field(default_factory=ImportOptions)
    scope: ImportScope = field(default_factory=ImportScope)
    """Where the session may read from (a browser session: only below the import root)."""


@dataclass
class Preview:
    """The new events, oldest first; `left_out` holds the indexes unticked."""

    events: list[TimelineEvent]
    already: int
    """Events of the source that the timeline already holds (not shown)."""
    report: ImportReport
    left_out: set[int] = field(default_factory=set)

    def toggle(self, index: int) -> None:
        self.left_out ^= {index}

    def toggle_all(self) -> None:
        if self.left_out:
            self.left_out.clear()
        else:
            self.left_out.update(range(len(self.events)))

    def toggle_author(self, index: int) -> None:
        """Untick everything by the author of event `index`, or tick it all back."""
        author = self.events[index].author
        same = {i for i, e in enumerate(self.events) if e.author == author}
        if index in self.left_out:
            self.left_out -= same
        else:
            self.left_out |= same

    def chosen(self) -> list[TimelineEvent]:
        return [e for i, e in enumerate(self.events) if i not in self.left_out]

    def summary(self) -> list[str]:
        """`145 of 147 events ticked`, `3 already in the timeline`, `skipped: 8 channel joins…`."""
        kept = len(self.events) - len(self.left_out)
        parts = [f"{kept:,} of {plural(len(self.events), 'event')} ticked"]
        if self.already:
            parts.append(f"{self.already:,} already in the timeline")
        if self.report.skipped:
            parts.append(f"skipped: {', '.join(self.report.skipped_lines())}")
        return parts

    def problems(self, shown: int = 3) -> list[str]:
        """The first problems met (each naming file and line) and the notes."""
        lines = [str(p) for p in self.report.problems[:shown]]
        if len(self.report.problems) > shown:
            lines.append(f"… and {plural(len(self.report.problems) - shown, 'more problem')}")
        return lines + self.report.notes[:2]


def read_preview(
    request: ImportRequest, known: set[str], progress: ProgressCallback | None = None
) -> Preview:
    """Read the whole source; events whose source id is in `known` are counted, not shown."""
    request.scope.check(request.path)
    report = ImportReport()
    with collector_paused():
        found = list(read_events(request.path, request.fmt, request.options, report, progress))
    renames = report.author_renames()
    if renames:
        found = [
            e.model_copy(update={"author": renames[e.author]}) if e.author in renames else e
            for e in found
        ]
    fresh = sorted((e for e in found if e.source_id not in known), key=lambda e: e.at)
    return Preview(fresh, len(found) - len(fresh), report)
