"""Finding the line of a bad entry, only when there is one (the fast path never pays)."""

from __future__ import annotations

import json
from typing import Any

from pydantic_core import from_json

from debrief.untrusted import load_json

_SPACE = " \t\r\n,"


def element_lines(raw: bytes | str) -> list[int]:
    """The line on which each element of a top-level JSON array starts (1-based).

    Empty when `raw` is not a JSON array.
    """
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    decoder = json.JSONDecoder()
    pos = text.find("[")
    if pos < 0:
        return []
    pos += 1
    lines: list[int] = []
    line, counted = 1 + text.count("\n", 0, pos), pos
    while True:
        while pos < len(text) and text[pos] in _SPACE:
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return lines
        line += text.count("\n", counted, pos)
        counted = pos
        lines.append(line)
        try:
            _, pos = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError):
            return lines


def line_of(raw: bytes | str, index: int) -> int | None:
    """The line of element `index` of a JSON array, if it can be found."""
    lines = element_lines(raw)
    return lines[index] if index < len(lines) else None


def parse_json(raw: bytes) -> Any:
    """`raw` parsed, by pydantic-core's parser (a fifth faster than the standard
    library's on Slack day files); on bad input the standard parser runs again
    so the error names the line (`json.JSONDecodeError`)."""
    try:
        return from_json(raw)
    except (ValueError, RecursionError):
        return load_json(raw)


def json_error(exc: json.JSONDecodeError) -> str:
    """`line 3: not JSON (Expecting ',' delimiter)`."""
    return f"line {exc.lineno}: not JSON ({exc.msg})"
