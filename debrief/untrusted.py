"""The one place where JSON and TOML from outside are parsed.

Files people hand to debrief (imports, Slack exports, JSON lines, the config) may be
damaged or hostile: nested a hundred thousand levels deep, or holding a number of
thousands of digits. Parsing them here turns what the standard parsers raise for
those (RecursionError, a bare ValueError) into `UntrustedInput`, one sentence, while
syntax errors stay `json.JSONDecodeError` / `tomllib.TOMLDecodeError` so callers can
name the line.
"""

from __future__ import annotations

import json
import tomllib
from typing import Any


class UntrustedInput(ValueError):
    """Input that parses in principle but cannot be read safely; the message says why."""


TOO_DEEP = "is nested too deeply to read"
TOO_LONG_NUMBER = "holds a number too long to read"


def load_json(raw: bytes | str) -> Any:
    """`raw` parsed as JSON; UntrustedInput for deep nesting or endless numbers."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise UntrustedInput(TOO_DEEP) from None
    except UnicodeDecodeError:
        raise
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise UntrustedInput(TOO_LONG_NUMBER) from exc


def load_json_fast(raw: bytes) -> Any:
    """`load_json` by pydantic-core's parser (faster on large files); on any problem
    the standard parser runs again so the error is the usual one."""
    from pydantic_core import from_json

    try:
        return from_json(raw)
    except (ValueError, RecursionError):
        return load_json(raw)


def load_toml(text: str) -> dict[str, Any]:
    """`text` parsed as TOML; UntrustedInput for deep nesting."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise
    except RecursionError:
        raise UntrustedInput(TOO_DEEP) from None
    except ValueError as exc:
        raise UntrustedInput(TOO_LONG_NUMBER) from exc
