"""Everything a command prints: user and imported text never reaches a terminal raw.

Human output goes through `say` (or a Rich console with `literal()` cells): control
characters, escape sequences and bidi controls are shown as visible placeholders by
`debrief.literal.clean`, the one neutraliser. JSON output goes through `say_json`: JSON
already escapes C0 controls, and it escapes DEL, C1 controls and bidi controls too, so
`--json` stays valid, exact JSON that a terminal cannot act on.
"""

from __future__ import annotations

import json
import re
import sys
from typing import TYPE_CHECKING, Any

import typer

from debrief.literal import clean

if TYPE_CHECKING:
    from rich.console import Console

# Characters that json.dumps(ensure_ascii=False) and pydantic leave raw, yet a terminal
# acts on (DEL, C1 controls with the 8-bit CSI) or reads in another order (bidi controls).
# In JSON text they can only occur inside strings, where \uXXXX means the same character.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def say(text: str = "", err: bool = False, nl: bool = True) -> None:
    """One message for a person, with any user text in it shown literally."""
    typer.echo(clean(text), err=err, nl=nl)


def safe_json(text: str) -> str:
    """JSON text with every character a terminal could act on written as a \\u escape."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def say_json(data: Any) -> None:
    """`data` (already `model_dump(mode="json")`-ed, or JSON text) as indented JSON."""
    text = data if isinstance(data, str) else json.dumps(data, indent=2)
    typer.echo(safe_json(text))


def to_stdout(text: str) -> None:
    """A whole document on stdout: exact bytes into a file or pipe, neutralised on a terminal.

    `color=True` keeps click from stripping what looks like colour codes from a pipe.
    """
    if sys.stdout.isatty():
        typer.echo(clean(text), nl=False)
    else:
        typer.echo(text, nl=False, color=True)


def console(stderr: bool = False, soft_wrap: bool = False) -> Console:
    """A Rich console for tables; put user text in its cells with `literal()` only."""
    from rich.console import Console

    return Console(stderr=stderr, soft_wrap=soft_wrap, highlight=False)
