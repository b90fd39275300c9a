"""Files shipped inside the package (templates, data tables), found beside this module.

debrief is installed as files (a wheel or an editable checkout), never run from a zip,
so a plain path does what `importlib.resources` would. That module and the zip reader it
brings cost about 8 ms on the way to the first frame, which reads a template.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def package_file(*parts: str) -> Path:
    """The shipped file at `parts` below the package, e.g. ("templates", "default.toml")."""
    return PACKAGE.joinpath(*parts)
