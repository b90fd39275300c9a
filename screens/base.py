"""What every debrief screen can reach: the store, the config, today's date."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar, cast

from textual.app import SystemCommand
from textual.message import Message
from textual.screen import ModalScreen, Screen

from debrief.screens.commands import Command, bindings, palette

if TYPE_CHECKING:
    from debrief.app import DebriefApp
    from debrief.store import Store

R = TypeVar("R")
T = TypeVar("T")


class OthersSaved(Message, bubble=False):
    """Another connection committed (sent by the store's change feed, on PostgreSQL)."""


class Reaches:
    """Mixin for screens: typed access to the app's shared objects."""

    COMMAND_LIST: ClassVar[list[Command]] = []

    @property
    def debrief(self) -> DebriefApp:
        return cast("DebriefApp", self.app)  # type: ignore[attr-defined]

    @property
    def store(self) -> Store:
        return self.debrief.store

    def save_change(
        self,
        write: Callable[[], T],
        done: Callable[[T], None] | None = None,
        failed: Callable[[Exception], None] | None = None,
        key: str | None = None,
    ) -> bool:
        """Make a change in the store through the app's one queue of saves: while another
        program holds the database, the change is kept and retried (see `Saver.save`).
        `write` must capture what it saves now, not read the screen when it runs."""
        return self.debrief.saver.save(self, write, done, failed, key)  # type: ignore[arg-type]

    def today(self) -> date:
        return self.store.today()

    def on_mount(self) -> None:
        """Headless (tests, benchmarks): a steady cursor, so pictures do not depend on timing."""
        if self.app.is_headless:  # type: ignore[attr-defined]
            for field in self.query("TextArea, Input"):  # type: ignore[attr-defined]
                field.cursor_blink = False

    def follow_changes(self, on_change: Callable[[], None], every: float) -> None:
        """Call `on_change` after another process commits, or a save that waited for the
        database lands. SQLite: `PRAGMA data_version` is polled every `every` seconds.
        PostgreSQL: the store's change feed wakes the screen as soon as anyone commits
        (LISTEN/NOTIFY), and the data version is asked then (polled only while the feed
        is not listening). Nothing is read again until it moves."""
        import weakref

        from debrief.store import StoreError

        saver, store = self.debrief.saver, self.store
        seen = (store.data_version(), saver.landed)

        def poll(ask: bool = True) -> None:
            nonlocal seen
            try:
                version = (store.data_version() if ask else seen[0], saver.landed)
            except StoreError:
                return  # locked or busy for a moment: the next poll looks again
            if version != seen:
                seen = version
                on_change()

        self._others_saved = poll
        me = weakref.ref(self)

        def wake() -> bool:  # in the feed's thread: post_message is thread-safe
            screen = me()
            try:
                return screen is not None and screen.post_message(OthersSaved())  # type: ignore[attr-defined]
            except RuntimeError:  # the app has ended (its loop is closed)
                return False

        told = store.follow(wake)
        self.set_interval(every, lambda: poll(ask=not told or not store.following))  # type: ignore[attr-defined]

    def on_others_saved(self, message: OthersSaved) -> None:
        poll = getattr(self, "_others_saved", None)
        if poll is not None:
            poll()

    def palette_commands(self) -> Iterable[SystemCommand]:
        return palette(self, self.COMMAND_LIST)  # type: ignore[arg-type]


class BaseScreen(Reaches, Screen[None]):
    pass


class BaseModal(Reaches, ModalScreen[R], Generic[R]):
    pass


__all__ = ["BaseModal", "BaseScreen", "Command", "bindings"]
