"""The command-line floor: a bare Typer script printing a file's text, as `debrief --help`
or `debrief list --json` would print it. `python bench/floor_cli.py FILE`."""

from __future__ import annotations

from pathlib import Path

import typer


def main(path: Path) -> None:
    typer.echo(path.read_text("utf-8"), nl=False)


if __name__ == "__main__":
    typer.run(main)
