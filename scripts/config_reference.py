"""README's configuration reference, made from the settings description in debrief/config.py.

    python scripts/config_reference.py          print the table
    python scripts/config_reference.py --write  put it in README.md between the markers

A test fails when README's table differs from what this prints, so the description in
debrief/config.py is the one source for both the checks and the documentation.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from debrief.config import Config
from debrief.config_check import Secret, settings_of

README = Path(__file__).resolve().parent.parent / "README.md"
START = "<!-- config reference: made by scripts/config_reference.py -->"
END = "<!-- end of config reference -->"


def shown_default(f: dataclasses.Field[Any]) -> str:
    if f.default_factory is not dataclasses.MISSING:
        value: Any = f.default_factory()
    else:
        value = f.default
    if isinstance(value, Secret):
        return "(none)"
    if value == "" or value == {}:
        return "(none)" if value == "" else "(empty)"
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def bounds(meta: Any) -> list[str]:
    gt, ge, le, most = (meta.get(k) for k in ("gt", "ge", "le", "max_items"))
    said = []
    if ge is not None and le is not None:
        said.append(f"From {ge:g} to {le:g}.")
    elif ge is not None:
        said.append(f"At least {ge:g}.")
    if gt is not None:
        said.append(f"More than {gt:g}.")
    if most is not None:
        said.append(f"At most {most} entries.")
    return said


def rows(cls: type, prefix: str = "") -> list[str]:
    out = []
    for f, kind in settings_of(cls):
        name = f"{prefix}{f.name}"
        if dataclasses.is_dataclass(kind):
            out += rows(kind, f"{name}.")  # type: ignore[arg-type]
            continue
        meaning = " ".join([f.metadata["doc"], *bounds(f.metadata)]).replace("|", "\\|")
        out.append(f"| `{name}` | {shown_default(f)} | {meaning} |")
    return out


def table() -> str:
    return "\n".join(["| Key | Default | Meaning |", "|---|---|---|", *rows(Config)])


def block() -> str:
    return f"{START}\n\n{table()}\n\n{END}"


def in_readme(text: str) -> str:
    """README's current reference block (empty when the markers are missing)."""
    if START not in text or END not in text:
        return ""
    return text[text.index(START) : text.index(END) + len(END)]


def main(args: list[str]) -> int:
    if args == ["--write"]:
        text = README.read_text("utf-8")
        current = in_readme(text)
        if not current:
            print(f"README.md has no {START} marker", file=sys.stderr)
            return 1
        README.write_text(text.replace(current, block()), "utf-8")
        return 0
    print(table())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
