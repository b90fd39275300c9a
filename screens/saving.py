"""The app's saves: tried at once, and kept and retried while another program writes.

Another debrief (an import, a publish, a second person) may hold the database's write
lock for a while. A save that meets the lock is not lost and does not stop the app:
the person is told once, the save waits in a queue, and it is tried again, later and
later, until it lands. The store refuses a locked write before it changes anything
(`BEGIN IMMEDIATE` fails first), so trying the same save again never does it twice.
Saves land in the order they were made.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from debrief.store import DatabaseLocked, StoreError

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer
    from textual.widget import Widget

T = TypeVar("T")

BUSY = (
    "The database is busy (another program is writing to it); "
    "your change is kept and will be saved in a moment."
)
BUSY_HERE = "The database is busy (another program is writing to it)."
SAVED = "The database is free again: your waiting changes are saved."
RETRY_AFTER = 0.5
"""Seconds before the first retry; each next wait doubles, up to `RETRY_LONGEST`."""
RETRY_LONGEST = 4.0


def failed_notice(node: Widget) -> Callable[[Exception], None]:
    """The default for a save that cannot be made: say why, in one line."""

    def notice(exc: Exception) -> None:
        node.notify(str(exc), severity="error", markup=False)

    return notice


class Pending(NamedTuple):
    """One save waiting for the database."""

    owner: Widget
    write: Callable[[], Any]
    done: Callable[[Any], None] | None
    failed: Callable[[Exception], None]
    key: str | None


class Saver:
    """The app's one queue of saves waiting for the database."""

    def __init__(self, app: App[Any], retry_after: float = RETRY_AFTER) -> None:
        self.app = app
        self.retry_after = retry_after
        self.pending: deque[Pending] = deque()
        self.landed = 0
        """How many saves landed after waiting (screens that follow changes look again)."""
        self._wait = retry_after
        self._timer: Timer | None = None
        self._told = False
        self._draining = False

    def save(
        self,
        owner: Widget,
        write: Callable[[], T],
        done: Callable[[T], None] | None = None,
        failed: Callable[[Exception], None] | None = None,
        key: str | None = None,
    ) -> bool:
        """Run `write()` now, or after the saves still waiting; then `done(result)`.

        A StoreError or ValueError goes to `failed` (default: a notice). `done` and
        `failed` run only while `owner` is still attached. A save with the `key` of one
        still waiting replaces it (the newest state wins). True when it landed at once.
        """
        entry = Pending(owner, write, done, failed or failed_notice(owner), key)
        if key is not None:
            for index, waiting in enumerate(self.pending):
                if waiting.key == key:
                    self.pending[index] = entry
                    return False
        self.pending.append(entry)
        if len(self.pending) == 1 and not self._draining:
            self._drain()
        return all(waiting is not entry for waiting in self.pending)

    @property
    def waiting(self) -> int:
        """How many saves wait for the database."""
        return len(self.pending)

    def try_now(self) -> bool:
        """Try the waiting saves at once (before quitting); True when none is left."""
        if self.pending and not self._draining:
            self._drain()
        return not self.pending

    def _drain(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._draining = True
        try:
            while self.pending:
                if not self._attempt(self.pending[0]):
                    return
        finally:
            self._draining = False
        if self._told:
            self._told = False
            self.app.notify(SAVED, timeout=4)
        self._wait = self.retry_after

    def _attempt(self, entry: Pending) -> bool:
        """One try of the oldest save; False when the database is still locked."""
        try:
            result = entry.write()
        except DatabaseLocked:
            self._busy()
            return False
        except (StoreError, ValueError) as exc:
            self.pending.popleft()
            if entry.owner.is_attached:
                entry.failed(exc)
            else:
                self.app.notify(str(exc), severity="error", markup=False)
            return True
        self.pending.popleft()
        if self._told:
            self.landed += 1
        if entry.done is not None and entry.owner.is_attached:
            entry.done(result)
        return True

    def _busy(self) -> None:
        if not self._told:
            self._told = True
            self.app.notify(BUSY, severity="warning", timeout=8)
        self._timer = self.app.set_timer(self._wait, self._drain)
        self._wait = min(self._wait * 2, RETRY_LONGEST)
