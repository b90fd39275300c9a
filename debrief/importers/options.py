"""What to import: the format, the channels, the time window, the zone of naive times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum
from pathlib import Path


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
