"""The place debrief reads Textual state that Textual 8.2.8 keeps private.

Textual offers no public getter for it, so it is read here and only here: an
upgrade that renames it fails in this module's tests (tests/misc/test_textual_adapter.py,
one per private use) rather than somewhere in a screen.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import TypeAlias

from textual.widgets import TextArea

Highlight: TypeAlias = tuple[int, int | None, str]
"""(start byte, end byte or None for the line's end, theme style name)."""


def line_highlights(editor: TextArea) -> MutableMapping[int, list[Highlight]]:
    """An editor's highlighted spans by row (a defaultdict(list)); the editor draws them
    with its theme's style of that name until its next edit rebuilds them.

    Redraw after changing them with `editor.notify_style_update()` (public), which
    drops the editor's cached lines.
    """
    return editor._highlights
