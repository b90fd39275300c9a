"""One or two real examples for each command, shown at the end of its `--help`.

Keyed by the words after `debrief`; a command may set its own `epilog` instead. A test
checks that every command has examples and that each names only options it accepts.
"""

from __future__ import annotations

EXAMPLES: dict[tuple[str, ...], tuple[str, ...]] = {
    (): (
        "debrief                       # the home screen",
        "debrief --db team.db list",
    ),
    ("new",): (
        'debrief new "Checkout down" --severity SEV2 --started 2026-11-20T14:03:00Z',
        'debrief new "Slow search" --template short',
    ),
    ("list",): ("debrief list", "debrief list --json"),
    ("open",): ("debrief open PM-1",),
    ("demo",): ("debrief demo",),
    ("export",): (
        "debrief export PM-1 --format html -o pm-1.html",
        "debrief export PM-1 --format json > pm-1.json",
    ),
    ("import",): (
        "debrief import pm-1.json",
        "debrief import wiki-export/postmortems --json",
    ),
    ("edit",): (
        "debrief edit PM-1 --classification regression --ended 2026-11-20T15:40:00Z",
        "debrief edit PM-1 --service checkout --service payments",
    ),
    ("section",): ("debrief section set PM-1 trigger -",),
    ("section", "set"): (
        'debrief section set PM-1 impact "12% of payments failed for 40 minutes."',
        "git log -3 | debrief section set PM-1 trigger -",
    ),
    ("action",): ('debrief action add PM-1 "Alert on pool wait" --owner "Ana Souza" --due +1w',),
    ("action", "add"): (
        'debrief action add PM-1 "Alert on pool wait" --owner "Ana Souza" --due +1w',
        'debrief action add PM-1 "Review pool size" --owner bob --due fri',
        'debrief action add PM-1 "Chaos day for the payments path" --aspirational',
    ),
    ("action", "set-status"): (
        "debrief action set-status PM-1 3f2a9c1b07de done",
        'debrief action set-status PM-1 OPS-12 not-doing --reason "Done in OPS-40"',
    ),
    ("event",): ('debrief event add PM-1 2026-11-20T14:12Z "Alert fired" --milestone detected',),
    ("event", "add"): (
        'debrief event add PM-1 2026-11-20T14:12Z "Alert fired" --milestone detected',
        "debrief event add PM-1 2026-11-20T14:30Z Rollback --link https://ci.example",
    ),
    ("event", "list"): ("debrief event list PM-1", "debrief event list PM-1 --json"),
    ("participant",): ('debrief participant add PM-1 "Ana Souza" --role facilitator',),
    ("participant", "add"): ('debrief participant add PM-1 "Søren Kierkegaard" --role note-taker',),
    ("participant", "remove"): ('debrief participant remove PM-1 "Søren Kierkegaard"',),
    ("participant", "list"): ("debrief participant list PM-1 --json",),
    ("participant", "invite"): (
        "debrief participant invite PM-1 --dry-run",
        "debrief participant invite PM-1",
    ),
    ("import-timeline",): (
        "debrief import-timeline PM-1 slack-export.zip --channel inc-checkout",
        "debrief import-timeline PM-1 events.csv --tz Europe/Paris",
    ),
    ("lint",): (
        "debrief lint draft.md",
        "debrief export PM-1 | debrief lint - --json",
    ),
    ("history",): ("debrief history PM-1", "debrief history PM-1 --json"),
    ("check",): ("debrief check PM-1", "debrief check PM-1 --json"),
    ("ask",): ('debrief ask PM-1 impact "Support" --note "How many tickets came in?"',),
    ("asked",): ("debrief asked", 'debrief asked "Support"'),
    ("publish",): (
        "debrief publish PM-1 --dry-run",
        "debrief publish PM-1 --confluence --git git@example.com:ops/docs.git",
    ),
    ("actions",): ("debrief actions --overdue --owner bob", "debrief actions --all --json"),
    ("sync",): ("debrief sync", "debrief sync PM-1 --json"),
    ("remind",): ("debrief remind --dry-run", "debrief remind --json --dry-run"),
    ("serve",): (
        "debrief serve",
        "debrief serve --host 0.0.0.0   # needs DEBRIEF_SERVE_TOKEN (or --token)",
    ),
    ("present",): ("debrief present PM-1",),
    ("factor",): ('debrief factor add PM-1 deploy "The canary skipped the EU region"',),
    ("factor", "add"): (
        'debrief factor add PM-1 deploy "The canary skipped the EU region" --event 3',
        'debrief factor add PM-1 monitoring "A second pager caught it" --kind lucky',
    ),
    ("factor", "list"): ("debrief factor list PM-1 --json",),
    ("stats",): (
        "debrief stats --since 2026-01-01 --by month",
        "debrief stats --json --html stats.html",
    ),
    ("note",): ('debrief note add PM-1 surprise "Failover took 9 minutes, not 1"',),
    ("note", "add"): (
        'debrief note add PM-1 surprise "Failover took 9 minutes, not 1"',
        'debrief note add PM-1 idea "Alert on queue age"',
    ),
    ("note", "list"): ("debrief note list PM-1", "debrief note list PM-1 --json"),
    ("note", "idea"): ("debrief note idea PM-1 3f2a9c1b dropped --why duplicate",),
    ("note", "learning"): ("debrief note learning PM-1 --learned 5 --would-return 6 --present 7",),
    ("note", "survey"): ("debrief note survey PM-1",),
    ("note", "answer"): ('debrief note answer PM-1 "Yes; the pool graphs; shorter intro"',),
    ("note", "soak"): ("debrief note soak PM-1", "debrief note soak PM-1 --done"),
    ("copy",): (
        "debrief copy --from debrief.db --to postgresql://db.internal/debrief",
        "debrief copy --from postgresql://db.internal/debrief --to backup.db",
    ),
}
