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

if TYPE_CHECKING:
    from rich.console import Console

# Characters that json.dumps(ensure_ascii=False) and pydantic leave raw, yet a terminal
# acts on (DEL, C1 controls with the 8-bit CSI) or reads in another order (bidi controls).
# In JSON text they can only occur inside strings, where \uXXXX means the same character.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def echo(text: str, err: bool = False, nl: bool = True) -> None:
    """Write `text` (already safe to show) to stdout or stderr, and flush."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    stream.write(text + "\n" if nl else text)
    stream.flush()


def say(text: str = "", err: bool = False, nl: bool = True) -> None:
    """One message for a person, with any user text in it shown literally."""
    from debrief.literal import clean  # (imports Rich: not needed by --json)

    echo(clean(text), err=err, nl=nl)


def safe_json(text: str) -> str:
    """JSON text with every character a terminal could act on written as a \\u escape."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_NOT_PRINTABLE_ASCII = re.compile(r"[^\x00-\x7e]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # as a surrogate pair, as json.dumps writes it
        code -= 0x10000
        return f"\\u{0xD800 | (code >> 10):04x}\\u{0xDC00 | (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def json_text(data: Any) -> str:
    """`json.dumps(data, indent=2)`: the same text (but for a float in exponent form,
    `1e-7` for `1e-07`), faster for long lists.

    With an indent the standard library encodes in pure Python (about 0.17 s for the
    1 MB of `debrief list --json` over 1,000 post-mortems); pydantic-core's encoder
    takes a quarter of that, and loading it (about 15 ms) pays off for long lists only.
    Its output is made ASCII as json.dumps's is.
    """
    if not (isinstance(data, list) and len(data) > _LONG_LIST):
        return json.dumps(data, indent=2)
    from pydantic_core import to_json

    return _NOT_PRINTABLE_ASCII.sub(_escaped, to_json(data, indent=2).decode("utf-8"))


_LONG_LIST = 200


def say_json(data: Any) -> None:
    """`data` (already `model_dump(mode="json")`-ed, or JSON text) as indented JSON."""
    text = data if isinstance(data, str) else json_text(data)
    echo(safe_json(text))


def to_stdout(text: str) -> None:
    """A whole document on stdout: exact bytes into a file or pipe, neutralised on a terminal.

    Nothing is stripped from what goes to a file or pipe.
    """
    if sys.stdout.isatty():
        from debrief.literal import clean

        echo(clean(text), nl=False)
    else:
        echo(text, nl=False)


def console(stderr: bool = False, soft_wrap: bool = False) -> Console:
    """A Rich console for tables; put user text in its cells with `literal()` only."""
    from rich.console import Console

    return Console(stderr=stderr, soft_wrap=soft_wrap, highlight=False)
