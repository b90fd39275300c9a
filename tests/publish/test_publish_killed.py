"""`debrief publish` killed with SIGKILL while Jira is creating, then run again at once.

The real command in its own process, against the fake Jira. Jira holds the killed
run's create until the next run has made its first search, then stores it; its
search shows the tickets only half a second later. The next run must find them,
not create them again, however long its start-up took.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from debrief.models import ActionItem
from debrief.publish.plan import item_label
from debrief.store import Store
from tests.fakes.fake_jira import FakeJira

ITEMS = 55
"""Two bulk creates: 50, then 5."""
KILL_DURING = (1, 2, 1)
"""Each trial kills the run while Jira works on this bulk create (the 1st or the 2nd)."""


def _postmortem(db: Path, template) -> str:  # type: ignore[no-untyped-def]
    store = Store(db, author="setup")
    pm = store.create_postmortem("Checkout card payments failing", template)
    store.save_section(pm.id, "impact", "Card payments failed for 40 minutes; 212 customers.")
    for n in range(ITEMS):
        store.add_action(
            pm.id, ActionItem(title=f"Follow-up {n + 1}", owner="alice", due=date(2026, 12, 1))
        )
    store.close()
    return pm.id


def _publish(jira: FakeJira, db: Path, cfg: Path, pm_id: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "debrief", "--db", str(db), "--config", str(cfg), "publish", pm_id],
        env={**os.environ, **jira.env()},
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _until(done, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 30
    while not done():
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


def _trial(tmp: Path, template, kill_during: int) -> tuple[int, int, bool, list[int]]:  # type: ignore[no-untyped-def]
    """(tickets in Jira, items, whether each item's key is the one ticket with its label,
    exit codes of the runs after the kill)."""
    tmp.mkdir()
    db, cfg = tmp / "debrief.db", tmp / "config.toml"
    cfg.write_text("[jira]\ntimeout = 30\nsearch_lag = 4\n")
    pm_id = _postmortem(db, template)
    with FakeJira(search_lag=0.5) as jira:
        jira.hold_creates(after=kill_during - 1)
        killed = _publish(jira, db, cfg, pm_id, tmp)
        _until(lambda: jira.count("bulk-create") >= kill_during, "publish sent no create")
        time.sleep(0.1)
        os.kill(killed.pid, signal.SIGKILL)
        killed.communicate(timeout=10)
        codes = []
        for _ in range(3):  # at once; again only if it said it could not tell yet
            searched = jira.count("search")
            rerun = _publish(jira, db, cfg, pm_id, tmp)
            if not codes:  # Jira stores the killed run's create once this run has looked
                _until(lambda n=searched: jira.count("search") > n, "the re-run did not search")
                time.sleep(0.1)
                jira.release_creates()
            _, err = rerun.communicate(timeout=60)
            codes.append(rerun.returncode)
            if rerun.returncode == 0:
                break
            assert "publish again in" in err, err
        _until(lambda: jira.in_flight == 0, "a create is still in flight")
        store = Store(db, author="check")
        items = [a for a in store.actions(pm_id) if a.owner]
        store.close()
        linked = all(
            [t["key"] for t in jira.tickets(label=item_label(a.id))] == [a.jira_key] for a in items
        )
        return len(jira.tickets()), len(items), linked, codes


@pytest.mark.slow
def test_killing_publish_during_a_slow_create_and_rerunning_at_once_duplicates_nothing(
    tmp_path: Path,
    template,  # type: ignore[no-untyped-def]
) -> None:
    # The trials are independent (a Jira, a database and processes each): run them side
    # by side, so their waiting overlaps.
    with ThreadPoolExecutor(len(KILL_DURING)) as pool:
        results = list(
            pool.map(
                lambda n: _trial(tmp_path / f"trial-{n}", template, KILL_DURING[n]),
                range(len(KILL_DURING)),
            )
        )

    for tickets, items, linked, codes in results:
        print(
            f"{tickets} tickets for {items} items (linked: {linked}); runs after the kill {codes}"
        )
    assert [r[:3] for r in results] == [(ITEMS, ITEMS, True)] * len(KILL_DURING)
