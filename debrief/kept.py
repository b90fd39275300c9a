"""Files debrief keeps between runs in its cache folder (parsed templates, parsed
styles): only ever copies of what it can make again, so a kept file that is missing,
unreadable, not the user's own, or cannot be written is ignored and the work is done
as if there were none.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from debrief.config import APP_NAME


def cache_folder(kind: str) -> Path:
    """Where files of `kind` are kept (`~/.cache/debrief/<kind>` on Linux)."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME) / kind


def read_kept(path: Path) -> bytes | None:
    """The kept file's bytes; None when it is missing or unreadable, or when someone
    other than the user could have written it (another owner, or writable by others)."""
    try:
        with open(path, "rb") as file:
            info = os.fstat(file.fileno())
            if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None
            if hasattr(os, "getuid") and info.st_uid != os.getuid():
                return None
            return file.read()
    except OSError:
        return None


def keep(path: Path, data: bytes, versions: str = "") -> None:
    """Keep `data` as `path`, whole or not at all for another process reading it, and
    remove the other files in its folder with its suffix whose names start with
    `versions` (older versions of the same thing; none when empty). Failing to write is not an error."""
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        part.replace(path)
        if versions:
            for older in path.parent.iterdir():
                if (
                    older.name.startswith(versions)
                    and older.suffix == path.suffix != ""
                    and older != path
                ):
                    older.unlink(missing_ok=True)
    except OSError:
        try:
            part.unlink(missing_ok=True)
        except OSError:
            pass
