"""Other people's saves wake a follower at once on PostgreSQL (LISTEN/NOTIFY), with the
real server; SQLite has no feed and its screens poll `PRAGMA data_version`."""

from __future__ import annotations

import threading
import time

import pytest

from debrief.store import Store
from debrief.store.changes import RECONNECT_AFTER_S

SOON = 2.0
"""Seconds within which another person's save must be heard of."""


@pytest.fixture
def url(pg_server) -> str:  # type: ignore[no-untyped-def]
    return pg_server.database()


class Woken:
    """A subscriber that counts its wakes and lets a test wait for a number of them."""

    def __init__(self, keep: bool = True) -> None:
        self.count = 0
        self.keep = keep
        self.changed = threading.Condition()

    def __call__(self) -> bool:
        with self.changed:
            self.count += 1
            self.changed.notify_all()
        return self.keep

    def reach(self, count: int, within: float = SOON) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: self.count >= count, within)


def _listening(store: Store, woken: Woken) -> None:
    assert store.follow(woken)
    assert store.engine.changes().wait_listening(SOON)  # type: ignore[union-attr]
    assert store.following
    assert woken.count == 1  # once on starting to listen: saves before it are looked for


def test_a_save_by_one_store_wakes_the_other_within_two_seconds(url, template):
    ana, ben = Store(url, author="ana"), Store(url, author="ben")
    pm = ana.create_postmortem("Shared", template)
    woken = Woken()
    _listening(ben, woken)
    seen = ben.data_version()
    ana.save_section(pm.id, "impact", "Checkout failed for 20 minutes.")
    assert woken.reach(2)
    assert ben.data_version() != seen
    assert ben.get_section(pm.id, "impact").body == "Checkout failed for 20 minutes."
    ana.close()
    ben.close()


def test_a_write_that_is_rolled_back_tells_nobody(url, template):
    import psycopg
    from psycopg import sql

    ana = Store(url, author="ana")
    pm = ana.create_postmortem("Shared", template)
    channel = ana.engine.channel  # type: ignore[attr-defined]
    with psycopg.connect(url, autocommit=True) as listener:
        listener.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))
        with pytest.raises(RuntimeError), ana.write():
            ana.save_section(pm.id, "impact", "never kept")
            raise RuntimeError("given up")
        listener.execute("SELECT pg_notify(%s, 'after')", [channel])
        [first] = list(listener.notifies(timeout=SOON, stop_after=1))
        assert first.payload == "after"  # nothing came from the write that was undone
        ana.save_section(pm.id, "impact", "kept")
        [second] = list(listener.notifies(timeout=SOON, stop_after=1))
        assert second.channel == channel
    ana.close()


def test_a_follower_that_is_done_is_not_woken_again(url, template):
    ana, ben = Store(url, author="ana"), Store(url, author="ben")
    pm = ana.create_postmortem("Shared", template)
    done, staying = Woken(keep=False), Woken()
    assert ben.follow(done)
    _listening(ben, staying)
    ana.save_section(pm.id, "impact", "one")
    assert staying.reach(2)
    ana.save_section(pm.id, "impact", "two")
    assert staying.reach(3)
    assert done.count == 1  # it said so at its first wake
    ana.close()
    ben.close()


def test_closing_the_store_stops_its_listener(url):
    ben = Store(url, author="ben")
    _listening(ben, Woken())
    thread = ben.engine.changes()._thread  # type: ignore[union-attr]
    assert thread is not None and thread.is_alive()
    ben.close()
    assert not thread.is_alive()


def test_sqlite_has_no_feed_and_is_polled(db_path):
    store = Store(db_path, author="ana")
    assert store.follow(Woken()) is False
    assert not store.following
    store.close()


def test_a_lost_listener_says_so_reconnects_and_wakes_everyone(url, template):
    import psycopg

    ana, ben = Store(url, author="ana"), Store(url, author="ben")
    pm = ana.create_postmortem("Shared", template)
    woken = Woken()
    _listening(ben, woken)
    channel = ben.engine.channel  # type: ignore[attr-defined]
    with psycopg.connect(url, autocommit=True) as admin:
        [(ended,)] = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE query = %s AND datname = current_database()",
            [f'LISTEN "{channel}"'],
        ).fetchall()
    assert ended
    deadline = time.monotonic() + SOON
    while ben.following:  # it says so: the screens poll data_version meanwhile
        assert time.monotonic() < deadline
        time.sleep(0.05)
    ana.save_section(pm.id, "impact", "saved while nobody listened")
    # listening again after a pause, it wakes everyone: saves may have been missed
    assert woken.reach(2, within=RECONNECT_AFTER_S + SOON)
    assert ben.engine.changes().wait_listening(SOON)  # type: ignore[union-attr]
    ana.save_section(pm.id, "impact", "heard again")
    assert woken.reach(3)
    ana.close()
    ben.close()
