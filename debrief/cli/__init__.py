"""The `debrief` command line. The Typer app lives in debrief/cli/root.py and is
loaded on first use of `app` or `main`, so the command modules (and the light
launcher in debrief/launch.py) can be imported without Typer."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name in ("app", "main"):
        from debrief.cli import root

        return getattr(root, name)
    raise AttributeError(f"module 'debrief.cli' has no attribute {name!r}")
