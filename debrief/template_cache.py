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
import zlib
from pathlib import Path
from typing import Any

from debrief import kept
from debrief.kept import keep, read_kept


def cache_folder() -> Path:
    return kept.cache_folder("templates")


class NotToml(ValueError):
    """The file is not valid TOML (the parser's message)."""


def parsed_toml(path: Path) -> dict[str, Any]:
    """The TOML file's data: from the cache when the file is unchanged since it was
    kept, else parsed (NotToml, or OSError and UnicodeDecodeError as for reading it)
    and kept."""
    stat = path.stat()
    where = zlib.crc32(str(path.resolve()).encode())  # zlib is loaded already; hashlib is not
    versions = f"{path.stem}.{where:08x}."
    copy = cache_folder() / f"{versions}{stat.st_size}.{stat.st_mtime_ns}.json"
    text = read_kept(copy)
    if text is not None:
        try:
            data = json.loads(text)
            if isinstance(data, dict):
                return data
        except ValueError:
            pass
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise NotToml(str(exc)) from exc
    _keep(copy, versions, data)
    return data


def _keep(copy: Path, versions: str, data: dict[str, Any]) -> None:
    """Keep `data` as `copy`, removing the file's other versions (named `versions`…)."""
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return  # dates or non-finite numbers: parsed each time (no template has them)
    keep(copy, text.encode("utf-8"), versions)
