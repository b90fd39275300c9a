"""What to import: the format, the channels, the time window, the zone of naive times."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum
from pathlib import Path

from debrief.dates import DateError, parse_instant, zone
from debrief.importers.day_order import DateOrder
from debrief.importers.report import ImportFailed

_DATE_ONLY = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")


class Format(StrEnum):
    slack = "slack"
    csv = "csv"
    jsonl = "jsonl"


@dataclass(frozen=True)
class ImportOptions:
    """Channels by name or id (all when empty); the window is inclusive at both ends."""

    channels: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None
    zone: tzinfo | None = None
    """The zone of times written without an offset (UTC when None)."""
    date_order: DateOrder | None = None
    """How a CSV file's numeric dates (`03/04/2026`) are read; None: from the file."""

    def inside(self, at: datetime) -> bool:
        return (self.since is None or at >= self.since) and (self.until is None or at <= self.until)


def guess_format(path: Path) -> Format | None:
    """The format a path's name suggests: a folder or .zip is a Slack export."""
    name = path.name.lower()
    if path.is_dir() or name.endswith(".zip"):
        return Format.slack
    if name.endswith((".csv", ".tsv")):
        return Format.csv
    if name.endswith((".jsonl", ".ndjson", ".jsonlines")):
        return Format.jsonl
    return None


def source_format(path: Path, fmt: Format | None) -> Format:
    """The format to read `path` with; ImportFailed says what is missing."""
    if not path.exists():
        raise ImportFailed(f"{path} does not exist")
    found = fmt or guess_format(path)
    if found is None:
        raise ImportFailed(
            f"cannot tell the format of {path.name} from its name: say slack, csv or jsonl"
        )
    return found


def window_edge(text: str | None, where: tzinfo | None, end: bool) -> datetime | None:
    """A window's start or end as typed; a bare date as the end means the end of that day."""
    if not text or not text.strip():
        return None
    if end and _DATE_ONLY.match(text):
        start = parse_instant(f"{text.strip()}T00:00:00", where)
        return start + timedelta(days=1, microseconds=-1)
    return parse_instant(text, where)


def typed_options(
    channels: Iterable[str],
    since: str | None,
    until: str | None,
    tz: str | None,
    *,
    date_order: DateOrder | None = None,
) -> ImportOptions:
    """Options from what a person typed; DateError says what is wrong with it."""
    where = zone(tz.strip() if tz else None)
    options = ImportOptions(
        channels=tuple(c for text in channels for c in text.replace(",", " ").split()),
        since=window_edge(since, where, end=False),
        until=window_edge(until, where, end=True),
        zone=where,
        date_order=date_order,
    )
    if options.since and options.until and options.since > options.until:
        raise DateError("since is after until: nothing could be inside that window")
    return options
