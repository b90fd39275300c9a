"""The place debrief uses what Textual 8.2.8 keeps private.

Textual offers no public way to do these, so they are done here and only here: an
upgrade that renames one fails in this module's tests (tests/misc/test_textual_adapter.py,
one per private use) rather than somewhere in a screen.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import TYPE_CHECKING, TypeAlias

from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
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


class KeyHolder:
    """Mixed into a widget (a screen) before its Textual class: it can hold the key
    presses the app hands it, before its own handlers or any binding see them. While
    `holds_keys()`, each goes to `hold_key()` instead; give them back with `send_key`.
    A plain class, not a Widget, so the widget's default styles stay its own class's."""

    def holds_keys(self) -> bool:
        return False

    def hold_key(self, key: events.Key) -> None:
        """A key press held (see `holds_keys`)."""

    def _forward_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self.holds_keys():
            self.hold_key(event)
        else:
            super()._forward_event(event)  # type: ignore[misc]


def send_key(widget: Widget, key: events.Key) -> None:
    """Hand a key press to `widget` as the app hands one to the focused widget: its
    handlers, then the bindings up the focus chain. (A Key posted anew would not reach
    the app's bindings from here; the home screen gives the keys it held back this
    way, in order, to the table or the search field.)"""
    widget._forward_event(key)
