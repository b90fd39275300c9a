"""Synthetic post-mortems for the benchmarks, written through the store.

    python -m bench.generate --db PATH --postmortems N --events M --actions K

writes N post-mortems titled "Synthetic incident 1" … "Synthetic incident N", every
section filled, a few milestones each; "Synthetic incident 1" (PM-1) has M timeline
events and K action items. Seeded: the same arguments give the same database.
Each post-mortem is one `import_document` transaction (the store's bulk path).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench import corpus
from debrief.models import (
    ActionItem,
    ActionKind,
    Document,
    Milestone,
    Participant,
    Postmortem,
    Priority,
    Section,
    Status,
    TimelineEvent,
)
from debrief.store import Store
from debrief.template import Template, load_template

ANCHOR = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
"""The generated world's "now": incidents happen in the three years before it."""
BIG_ID = "PM-1"
MILESTONES = (Milestone.trigger, Milestone.started, Milestone.detected, Milestone.mitigated)


def _id(rng: random.Random) -> str:
    return f"{rng.getrandbits(48):012x}"


def _events(rng: random.Random, start: datetime, count: int, svc: str) -> list[TimelineEvent]:
    """`count` events over the incident, the first few and the last marked as milestones."""
    span = timedelta(minutes=max(60, count // 8))
    step = span / max(count, 1)
    events = []
    for i in range(count):
        milestone: Milestone | None = None
        if i < len(MILESTONES) and count > len(MILESTONES):
            milestone = MILESTONES[i]
        elif i == count - 1:
            milestone = Milestone.resolved
        events.append(
            TimelineEvent(
                id=_id(rng),
                at=start + step * i,
                text=corpus.fill(rng, rng.choice(corpus.EVENT_TEXTS), svc),
                source=rng.choice(corpus.SOURCES),
                author=rng.choice(corpus.PEOPLE),
                milestone=milestone,
                source_id=f"synthetic:{i}",
            )
        )
    return events


def _actions(rng: random.Random, count: int, day: date, svc: str) -> list[ActionItem]:
    items = []
    for i in range(count):
        aspirational = i % 10 == 9
        title = rng.choice(corpus.ACTIONS).format(svc=rng.choice((svc, *corpus.SERVICES)))
        items.append(
            ActionItem(
                id=_id(rng),
                title=f"{title} ({i + 1})" if count > len(corpus.ACTIONS) else title,
                owner="" if aspirational else rng.choice(corpus.PEOPLE),
                due=None if aspirational else day + timedelta(days=rng.randint(7, 60)),
                priority=rng.choice(list(Priority)),
                kind=rng.choice(list(ActionKind)),
                aspirational=aspirational,
                position=i,
            )
        )
    return items


def document(rng: random.Random, n: int, template: Template, events: int, actions: int) -> Document:
    """Post-mortem number `n` (PM-n), complete."""
    svc = rng.choice(corpus.SERVICES)
    started = ANCHOR - timedelta(days=rng.randint(0, 3 * 365), minutes=rng.randint(0, 1439))
    age = (ANCHOR - started).days
    status = (
        (Status.published if age > 60 else Status.debriefed if age > 20 else Status.ready)
        if age > 7
        else Status.draft
    )
    people = rng.sample(corpus.PEOPLE, 5)
    pm = Postmortem(
        id=f"PM-{n}",
        title=f"Synthetic incident {n}",
        status=status,
        severity=rng.choice(("SEV1", "SEV2", "SEV2", "SEV3", "SEV3", "SEV3")),
        started_at=started,
        ended_at=started + timedelta(minutes=rng.randint(20, 400)),
        classification=rng.choice(corpus.CLASSIFICATIONS),
        services=sorted({svc, rng.choice(corpus.SERVICES)}),
        tags=rng.sample(corpus.TAGS, 2),
        facilitator=people[0],
        lead_investigator=people[1],
        participants=[
            Participant(name=p, role=corpus.ROLES[i % len(corpus.ROLES)])
            for i, p in enumerate(people)
        ],
        debrief_due=started.date() + timedelta(days=7),
        template=template.name,
        created_at=started + timedelta(hours=2),
        updated_at=started + timedelta(days=1),
        rev=1,
    )
    sections = [
        Section(
            key=s.key,
            title=s.title,
            body=corpus.section_body(rng, s.key, svc),
            position=i,
            updated_by=people[1],
            updated_at=pm.updated_at,
            rev=1,
        )
        for i, s in enumerate(template.sections)
    ]
    return Document(
        postmortem=pm,
        sections=sections,
        events=_events(rng, started, events, svc),
        actions=_actions(rng, actions, started.date(), svc),
    )


def documents(
    count: int, events: int, actions: int, seed: int = 8, template: Template | None = None
) -> Iterator[Document]:
    """PM-1 (the big one) … PM-count, deterministic for a seed."""
    rng = random.Random(seed)
    template = template or load_template()
    for n in range(1, count + 1):
        if n == 1:
            yield document(rng, n, template, events, actions)
        else:
            yield document(rng, n, template, rng.randint(6, 14), rng.randint(2, 6))


def generate(db: Path, postmortems: int, events: int = 50, actions: int = 10, seed: int = 8) -> str:
    """Write the post-mortems into `db` (created if missing); returns the big one's id."""
    store = Store(db, author="generator", clock=lambda: ANCHOR)
    try:
        for doc in documents(postmortems, events, actions, seed):
            store.import_document(doc)
    finally:
        store.close()
    return BIG_ID


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__)
    parser.add_argument("--db", type=Path, required=True, help="database file to write")
    parser.add_argument("--postmortems", type=int, default=1000, metavar="N")
    parser.add_argument("--events", type=int, default=5000, metavar="M")
    parser.add_argument("--actions", type=int, default=300, metavar="K")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    if args.postmortems < 1:
        parser.error("--postmortems must be at least 1")
    if args.db.exists():
        parser.error(f"{args.db} exists; the generator writes a new database")
    started = time.perf_counter()
    big = generate(args.db, args.postmortems, args.events, args.actions, args.seed)
    print(
        f"wrote {args.postmortems} post-mortems to {args.db} in "
        f"{time.perf_counter() - started:.1f} s; {big} has {args.events} events "
        f"and {args.actions} action items"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
