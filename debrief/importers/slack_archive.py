"""The files of a Slack workspace export, from a .zip or an unpacked folder.

An export holds `channels.json` (and `groups.json`, `mpims.json`, `dms.json` for
private conversations), `users.json`, and one folder per conversation of
`YYYY-MM-DD.json` day files. Some zips wrap all of it in one top folder.
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from debrief.importers.report import ImportFailed

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\.json$")
CONVERSATION_LISTS = ("channels.json", "groups.json", "mpims.json", "dms.json")
_MIB = 1024 * 1024
MEMBER_LIMIT_ENV = "DEBRIEF_SLACK_MAX_FILE_MIB"
TOTAL_LIMIT_ENV = "DEBRIEF_SLACK_MAX_TOTAL_MIB"
DEFAULT_MEMBER_MIB = 256
DEFAULT_TOTAL_MIB = 2048


@dataclass(frozen=True)
class Limits:
    """How much an export may unpack to: per file and in all (a zip can claim one size
    in its headers and hold another, so reads stop at the limit whatever they claim).

    Set by DEBRIEF_SLACK_MAX_FILE_MIB and DEBRIEF_SLACK_MAX_TOTAL_MIB (MiB).
    """

    member: int = DEFAULT_MEMBER_MIB * _MIB
    total: int = DEFAULT_TOTAL_MIB * _MIB

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Limits:
        env = os.environ if env is None else env
        return cls(
            member=_mib(env, MEMBER_LIMIT_ENV, DEFAULT_MEMBER_MIB),
            total=_mib(env, TOTAL_LIMIT_ENV, DEFAULT_TOTAL_MIB),
        )


def _mib(env: Mapping[str, str], name: str, default: int) -> int:
    text = env.get(name, "").strip()
    if not text:
        return default * _MIB
    if not text.isascii() or not text.isdigit() or not 0 < int(text) <= 1024 * 1024:
        raise ImportFailed(f"{name} must be a whole number of MiB (e.g. {default}), not {text!r}")
    return int(text) * _MIB


def _size(n: int) -> str:
    return f"{n / _MIB:,.0f} MiB"


class MemberError(Exception):
    """One file of the export could not be read (the rest may still be)."""


@dataclass(frozen=True)
class DayFile:
    folder: str
    day: date
    name: str
    """The path inside the export, as shown to the user: `incident-42/2026-11-20.json`."""
    size: int


def _folder_files(path: Path) -> dict[str, int]:
    """The JSON files of an unpacked export and their sizes; ImportFailed when one of
    them is a link to a file outside the folder (only the folder given is read)."""
    from debrief.importers.confine import inside

    found = {}
    for p in path.rglob("*.json"):
        name = p.relative_to(path).as_posix()
        if p.is_symlink() and not inside(p, path):
            raise ImportFailed(f"{name} in {path.name} links outside the export folder")
        if p.is_file():
            found[name] = p.stat().st_size
    return found


class SlackArchive:
    """Read-only access to an export's files by their path inside it."""

    def __init__(self, path: Path, limits: Limits | None = None) -> None:
        self.path = path
        self.limits = limits or Limits.from_env()
        self.unpacked = 0
        """Bytes read so far, against the total limit."""
        self._zip: zipfile.ZipFile | None = None
        self._prefix = ""
        if path.is_dir():
            self._names = _folder_files(path)
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
        """The bytes of one file (a path inside the export), read up to the limits.

        MemberError when this file cannot be read or is larger than the per-file
        limit; ImportFailed when the export as a whole unpacks to more than the total.
        """
        full = self._prefix + name
        limit = self.limits.member
        try:
            if self._zip is not None:
                with self._zip.open(full) as member:
                    data = member.read(limit + 1)
            else:
                with (self.path / full).open("rb") as handle:
                    data = handle.read(limit + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            EOFError,
            KeyError,
            NotImplementedError,
            RuntimeError,
            ValueError,
        ) as exc:
            raise MemberError(f"could not be read from the export ({exc})") from exc
        if len(data) > limit:
            raise MemberError(
                f"is larger than {_size(limit)} unpacked; skipped "
                f"(raise {MEMBER_LIMIT_ENV} to read it)"
            )
        self.unpacked += len(data)
        if self.unpacked > self.limits.total:
            raise ImportFailed(
                f"{self.path.name} unpacks to more than {_size(self.limits.total)}; "
                f"nothing was stored (raise {TOTAL_LIMIT_ENV} to read it)"
            )
        return data

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
