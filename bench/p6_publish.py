"""P6: HTTP requests to publish 200 action items, counted at a local fake Jira.

The fake (tests/fakes/fake_jira.py, the one the publish tests use) runs in this
process; the real `debrief publish` command runs as a child against it. The
figure is the ticket creations plus the searches (issue and user searches); the
note adds every other request (server info, the field list, the project...).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from bench.context import Context
from bench.p1_home import command
from bench.result import Result, missing

TARGET = 10
ITEMS = 200
OWNERS = ("alice", "Bob Brown", "carol", "carol@example.com")
"""A team of owners the fake Jira knows (one of them by e-mail)."""
FIGURE = f"P6 Jira requests to publish {ITEMS} items"


def _postmortem(db: Path, items: int) -> str:
    import random

    from bench.generate import document
    from debrief.models import ActionItem
    from debrief.store import Store
    from debrief.template import load_template

    doc = document(random.Random(6), 1, load_template(), events=20, actions=0)
    doc.actions = [
        ActionItem(
            title=f"Fix failure mode {n + 1} of {doc.postmortem.services[0]} for good",
            owner=OWNERS[n % len(OWNERS)],
            due=date(2026, 12, 1) + timedelta(days=n % 28),
            position=n,
        )
        for n in range(items)
    ]
    store = Store(db, author="bench")
    try:
        return store.import_document(doc).id
    finally:
        store.close()


def run(ctx: Context) -> list[Result]:
    try:
        from tests.fakes.fake_jira import FakeJira
    except ImportError as exc:
        return [missing(FIGURE, TARGET, False, "requests", f"no fake Jira to count at ({exc})")]
    items = ITEMS if not ctx.quick else 20
    work = ctx.workdir / "p6"
    work.mkdir(exist_ok=True)
    db = work / "publish.db"
    pm_id = _postmortem(db, items)
    cli = command()
    argv = [cli] if cli else [sys.executable, "-m", "debrief"]
    with FakeJira() as jira:
        done = subprocess.run(
            [*argv, "--db", str(db), "publish", pm_id, "--out", str(work / "out")],
            env=ctx.env(**jira.env()),
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            reason = (done.stderr.strip().splitlines() or ["no message"])[-1]
            return [missing(FIGURE, TARGET, False, "requests", f"publish failed: {reason}")]
        creates = jira.count("create", "bulk-create")
        searches = jira.count("search", "user-search")
        total = jira.count()
        tickets = len(jira.tickets())
    note = (
        f"{creates} create + {searches} search requests for {tickets} tickets; "
        f"{total} requests in all (with server info, user, fields, project)"
    )
    figure = FIGURE if not ctx.quick else f"P6 Jira requests to publish {items} items"
    return [Result(figure, TARGET, False, creates + searches, "requests", note=note)]
