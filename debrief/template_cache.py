"""Template files as parsed data, kept between runs.

A post-mortem's screen reads its template before its first frame; parsing the TOML
(and importing the parser) is the larger part of that. The parsed data is kept as JSON
in debrief's cache folder, under a name made from the file's name, path, size and
modification time, so an edited file is parsed again. The cache is only ever a copy:
one that is missing, unreadable, or cannot be written is ignored, and the file is
parsed as if there were none.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

from debrief.config import APP_NAME


def cache_folder() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME) / "templates"


class NotToml(ValueError):
    """The file is not valid TOML (the parser's message)."""


def parsed_toml(path: Path) -> dict[str, Any]:
    """The TOML file's data: from the cache when the file is unchanged since it was
    kept, else parsed (NotToml, or OSError and UnicodeDecodeError as for reading it)
    and kept."""
    stat = path.stat()
    where = zlib.crc32(str(path.resolve()).encode())  # zlib is loaded already; hashlib is not
    versions = f"{path.stem}.{where:08x}."
    kept = cache_folder() / f"{versions}{stat.st_size}.{stat.st_mtime_ns}.json"
    try:
        data = json.loads(kept.read_text("utf-8"))
        if isinstance(data, dict):
            return data
    except (OSError, ValueError):
        pass
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise NotToml(str(exc)) from exc
    _keep(kept, versions, data)
    return data


def _keep(kept: Path, versions: str, data: dict[str, Any]) -> None:
    """Keep `data` as `kept`, removing the file's other versions (named `versions`…)."""
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return  # dates or non-finite numbers: parsed each time (no template has them)
    part = kept.with_name(f"{kept.name}.{os.getpid()}.part")
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        part.write_text(text, "utf-8")
        part.replace(kept)  # whole or not at all, for another process reading it
        for older in kept.parent.iterdir():
            if older.name.startswith(versions) and older.suffix == ".json" and older != kept:
                older.unlink(missing_ok=True)
    except OSError:
        try:
            part.unlink(missing_ok=True)
        except OSError:
            pass
