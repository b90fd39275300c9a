"""Other people's saves as they happen, on PostgreSQL: LISTEN on a connection of its own.

Every write transaction sends a notification on the database's channel as part of
the transaction (so it is delivered when, and only if, it commits). A `ChangeFeed`
listens on its own connection in a daemon thread and calls every subscriber's
`wake` for each one. `wake` runs in that thread: it should only hand the news on
(a screen posts itself a message) and return False once it no longer wants any.

Each time it starts listening (first, and after a lost connection, when it has
said meanwhile that it is not listening, so callers poll `data_version()`), it
wakes everyone once: saves may have landed before the LISTEN.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Wake = Callable[[], object]
"""Called from the feed's thread; returning False unsubscribes."""

RECONNECT_AFTER_S = 2.0
_WAIT_S = 0.5
"""How long one wait for notifications lasts before the thread checks whether to stop."""


class ChangeFeed:
    """Calls its subscribers soon after any connection commits a write to the database."""

    def __init__(self, url: str, channel: str) -> None:
        self.url = url
        self.channel = channel
        self._wakes: list[Wake] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def listening(self) -> bool:
        """Whether notifications arrive now (False before the first LISTEN, after a loss)."""
        return self._listening.is_set()

    def subscribe(self, wake: Wake) -> None:
        with self._lock:
            self._wakes.append(wake)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="debrief-change-feed", daemon=True
                )
                self._thread.start()

    def wait_listening(self, timeout: float) -> bool:
        return self._listening.wait(timeout)

    def stop(self) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2 * _WAIT_S + 1)

    def _wake_all(self) -> None:
        with self._lock:
            wakes = list(self._wakes)
        gone = [wake for wake in wakes if wake() is False]
        if gone:
            with self._lock:
                self._wakes = [w for w in self._wakes if w not in gone]

    def _run(self) -> None:
        import psycopg
        from psycopg import sql

        while not self._stop.is_set():
            try:
                with psycopg.connect(self.url, autocommit=True, connect_timeout=10) as conn:
                    conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self.channel)))
                    self._wake_all()
                    self._listening.set()
                    while not self._stop.is_set():
                        for _ in conn.notifies(timeout=_WAIT_S):
                            self._wake_all()
            except psycopg.Error:
                pass
            self._listening.clear()
            self._stop.wait(RECONNECT_AFTER_S)
