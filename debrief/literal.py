"""Showing user and imported text literally.

Text never goes through Rich markup, and control characters (escape sequences,
bells, carriage returns) are replaced by visible placeholders, so a pasted log
line or a Slack message cannot restyle or hijack the screen.
"""

from __future__ import annotations

import re

from rich.text import Text

# C0 controls except tab and newline, DEL, C1 controls (incl. the 8-bit CSI), and the
# bidi embeddings, overrides and isolates that can make text read in another order.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture" for it: ␛, ␇ ...
    if code >= 0x202A:
        return f"⟨U+{code:04X}⟩"  # a bidi control, named where it was
    return "\ufffd"


def clean(value: str, single_line: bool = False) -> str:
    """The text with control characters made visible (and newlines folded if asked)."""
    value = _CONTROL.sub(_visible, value)
    if single_line:
        value = " ".join(value.split())
    return value


def literal(value: str, style: str = "", single_line: bool = False) -> Text:
    """A Rich Text that shows exactly `value`: no markup, no escape sequences."""
    return Text(clean(value, single_line=single_line), style=style, no_wrap=False)
