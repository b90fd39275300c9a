"""The command-line floor: a bare script that imports Typer and prints a file's text, as
`debrief --help` or `debrief list --json` prints it. `python bench/floor_cli.py FILE`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

if __name__ == "__main__":
    typer.echo(Path(sys.argv[1]).read_text("utf-8"), nl=False)
