"""The files of a Slack workspace export, from a .zip or an unpacked folder.

An export holds `channels.json` (and `groups.json`, `mpims.json`, `dms.json` for
private conversations), `users.json`, and one folder per conversation of
`YYYY-MM-DD.json` day files. Some zips wrap all of it in one top folder.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from debrief.importers.report import ImportFailed

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\.json$")
CONVERSATION_LISTS = ("channels.json", "groups.json", "mpims.json", "dms.json")


class MemberError(Exception):
    """One file of the export could not be read (the rest may still be)."""


@dataclass(frozen=True)
class DayFile:
    folder: str
    day: date
    name: str
    """The path inside the export, as shown to the user: `incident-42/2026-11-20.json`."""
    size: int


class SlackArchive:
    """Read-only access to an export's files by their path inside it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._prefix = ""
        if path.is_dir():
            self._names = {
                p.relative_to(path).as_posix(): p.stat().st_size
                for p in path.rglob("*.json")
                if p.is_file()
            }
        elif path.exists():
            try:
                self._zip = zipfile.ZipFile(path)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                raise ImportFailed(
                    f"{path} is not a readable zip file ({exc}); "
                    "give a Slack export .zip or its unpacked folder"
                ) from exc
            self._names = {i.filename: i.file_size for i in self._zip.infolist() if not i.is_dir()}
        else:
            raise ImportFailed(f"{path} does not exist")
        self._prefix = self._find_prefix()

    def _find_prefix(self) -> str:
        """The folder holding users.json / channels.json ('' at the top)."""
        found = [n for n in self._names if PurePosixPath(n).name in ("users.json", "channels.json")]
        if not found:
            return ""
        shortest = min(found, key=lambda n: n.count("/"))
        parent = str(PurePosixPath(shortest).parent)
        return "" if parent == "." else parent + "/"

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def __enter__(self) -> SlackArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, name: str) -> bool:
        return self._prefix + name in self._names

    def read(self, name: str) -> bytes:
        """The bytes of one file (a path inside the export)."""
        full = self._prefix + name
        try:
            if self._zip is not None:
                return self._zip.read(full)
            return (self.path / full).read_bytes()
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, KeyError) as exc:
            raise MemberError(f"could not be read from the export ({exc})") from exc

    def day_files(self) -> list[DayFile]:
        """Every conversation's day files, oldest first (then by folder)."""
        found = []
        cut = len(self._prefix)
        for full, size in self._names.items():
            if not full.startswith(self._prefix):
                continue
            parts = full[cut:].split("/")
            if len(parts) != 2:
                continue
            match = _DAY.match(parts[1])
            if not match:
                continue
            try:
                day = date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                continue
            found.append(DayFile(parts[0], day, full[cut:], size))
        found.sort(key=lambda f: (f.day, f.folder))
        return found
