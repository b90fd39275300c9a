"""One line of keys: what matters in this section and mode, then Help and the palette.

Textual's Footer lists every shown binding and cuts the last one mid-word when they do
not fit. The room reads this line, so it holds whole keys only: the screen names the
actions that matter now, most important first, and those that do not fit are left out
(they are all in F1 and the palette, which are always shown). Keys are read from the
screen's active bindings, so a remapped key (config `[keymap]`, or the browser's keys
under `debrief serve`) is the one shown. A click runs the key's action.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widget import Widget

ALWAYS = (("app", "help", "Help"), ("app", "command_palette", "Palette"))
"""Shown at the end of every key bar, whatever else fits."""


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        & > .key-bar--key { color: $footer-key-foreground; text-style: bold; }
        & > .key-bar--description { color: $footer-description-foreground; }
    }
    """
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str]] = []
        """Where each key was drawn: first cell, end, and the action it runs."""
        self._actions: tuple[tuple[str, str | None], ...] | None = None
        """The actions to show; None shows every binding marked to be shown, as Footer does."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _: object) -> None:
        self.refresh()

    def show(self, actions: Sequence[tuple[str, str | None]]) -> None:
        """Show the keys of these screen actions (with a label, or None for the binding's
        own), in this order, as many as fit."""
        actions = tuple(actions)
        if actions != self._actions:
            self._actions = actions
            self.refresh()

    def entries(self) -> list[tuple[str, str, str]]:
        """(namespace.action, key as shown, label) for each wanted action that has a key."""
        active_now = list(self.screen.active_bindings.values())  # computed on each read
        by_action: dict[str, Binding] = {}
        holders: dict[str, str] = {}
        for active in active_now:
            by_action.setdefault(active.binding.action, active.binding)
            holders.setdefault(active.binding.action, self._holder(active.node))
        found = []
        wanted = self._actions
        if wanted is None:
            app_actions = {action for _, action, _ in ALWAYS}
            wanted = tuple(
                dict.fromkeys(
                    (active.binding.action, None)
                    for active in active_now
                    if active.binding.show and active.binding.action not in app_actions
                )
            )
        for action, label_now in wanted:
            binding = by_action.get(action)
            if binding is not None:
                label = label_now or binding.description or action
                namespaced = f"{holders.get(action, 'screen')}.{action}"
                found.append((namespaced, self.app.get_key_display(binding), label))
        for namespace, action, label in ALWAYS:
            found.append((f"{namespace}.{action}", self._app_key(action, by_action), label))
        return found

    def _holder(self, node: object) -> str:
        """Where a click runs a binding's action: on the node that holds it."""
        if node is self.app:
            return "app"
        return "screen" if node is self.screen else "focused"

    def _app_key(self, action: str, by_action: dict[str, Binding]) -> str:
        if action == "command_palette":
            return self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, action))
        binding = by_action.get(action)
        return self.app.get_key_display(binding) if binding is not None else "f1"

    def render(self) -> Text:
        width = self.size.width
        entries = self.entries()
        tail = entries[-len(ALWAYS) :]
        body = entries[: -len(ALWAYS)]
        room = width - sum(self._cell_width(key, label) for _, key, label in tail)
        shown = []
        for entry in body:
            size = self._cell_width(entry[1], entry[2])
            if size <= room:
                shown.append(entry)
                room -= size
        text = Text(no_wrap=True, overflow="crop", end="")
        key_style = self.get_component_rich_style("key-bar--key")
        label_style = self.get_component_rich_style("key-bar--description")
        self._spans = []
        for position, (action, key, label) in enumerate([*shown, *tail]):
            if position == len(shown) and room > 0:
                text.append(" " * room)  # Help and the palette sit at the right edge
            start = text.cell_len
            text.append(f" {key} ", style=key_style)
            text.append(f"{label} ", style=label_style)
            self._spans.append((start, text.cell_len, action))
        return text

    async def on_click(self, event: events.Click) -> None:
        """A click on a key runs it, as the key would."""
        for start, end, action in self._spans:
            if start <= event.x < end:
                event.stop()
                await self.run_action(action)
                return

    @staticmethod
    def _cell_width(key: str, label: str) -> int:
        return cell_len(f" {key} {label} ")
