"""What every debrief screen can reach: the store, the config, today's date."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar, cast

from textual.app import SystemCommand
from textual.screen import ModalScreen, Screen

from debrief.screens.commands import Command, bindings, palette

if TYPE_CHECKING:
    from debrief.app import DebriefApp
    from debrief.store import Store

R = TypeVar("R")


class Reaches:
    """Mixin for screens: typed access to the app's shared objects."""

    COMMAND_LIST: ClassVar[list[Command]] = []

    @property
    def debrief(self) -> DebriefApp:
        return cast("DebriefApp", self.app)  # type: ignore[attr-defined]

    @property
    def store(self) -> Store:
        return self.debrief.store

    def today(self) -> date:
        return self.store.today()

    def on_mount(self) -> None:
        """Headless (tests, benchmarks): a steady cursor, so pictures do not depend on timing."""
        if self.app.is_headless:  # type: ignore[attr-defined]
            for field in self.query("TextArea, Input"):  # type: ignore[attr-defined]
                field.cursor_blink = False

    def follow_changes(self, on_change: Callable[[], None], every: float) -> None:
        """Call `on_change` after another process commits: `PRAGMA data_version` is
        polled every `every` seconds, and nothing is read again until it moves."""
        from debrief.store import StoreError

        seen = self.store.data_version()

        def poll() -> None:
            nonlocal seen
            try:
                version = self.store.data_version()
            except StoreError:
                return  # locked or busy for a moment: the next poll looks again
            if version != seen:
                seen = version
                on_change()

        self.set_interval(every, poll)  # type: ignore[attr-defined]

    def palette_commands(self) -> Iterable[SystemCommand]:
        return palette(self, self.COMMAND_LIST)  # type: ignore[arg-type]


class BaseScreen(Reaches, Screen[None]):
    pass


class BaseModal(Reaches, ModalScreen[R], Generic[R]):
    pass


__all__ = ["BaseModal", "BaseScreen", "Command", "bindings"]
