"""Learning across incidents: contributing factors (`debrief factor`) and `debrief stats`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from debrief.cli.context import ctx_of, fail, handled
from debrief.cli.output import say, say_json
from debrief.kinds import FactorKind

factor_app = typer.Typer(
    help="Contributing factors, what went right and where we got lucky.", no_args_is_help=True
)

GROUPINGS = ("classification", "severity", "service", "category", "month")


@factor_app.command("add")
@handled
def factor_add(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    category: Annotated[
        str, typer.Argument(metavar="CATEGORY", help="One of the config's factor_categories.")
    ],
    text: Annotated[str, typer.Argument(metavar="TEXT", help="A short text.")],
    kind: Annotated[
        FactorKind, typer.Option("--kind", help="factor, went-right or lucky.")
    ] = FactorKind.factor,
    event: Annotated[
        list[str] | None,
        typer.Option("--event", help="A timeline event it points at: its number or id."),
    ] = None,
) -> None:
    """Record a contributing factor (or what went right, or luck); prints its id.

    Example: debrief factor add PM-1 deploy "The canary skipped the EU region" --event 3
    """
    from debrief.factors import check_category, check_text, event_ids
    from debrief.models import Factor

    c = ctx_of(ctx)
    store = c.store()
    store.get_postmortem(pm_id)
    chosen = check_category(category, c.config.factor_categories)
    short = check_text(text)
    links = event_ids(event or [], store.events(pm_id)) if event else []
    factor = store.add_factor(pm_id, Factor(kind=kind, category=chosen, text=short, events=links))
    say(factor.id)


@factor_app.command("list")
@handled
def factor_list(
    ctx: typer.Context,
    pm_id: Annotated[str, typer.Argument(metavar="ID")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """The post-mortem's factors, what went right and where it got lucky."""
    from debrief.factors import TITLES, by_kind

    store = ctx_of(ctx).store()
    store.get_postmortem(pm_id)
    factors = store.factors(pm_id)
    if as_json:
        say_json([f.model_dump(mode="json") for f in factors])
        return
    if not factors:
        say(f"No factors in {pm_id} yet: debrief factor add {pm_id} CATEGORY TEXT")
        return
    for kind, found in by_kind(factors).items():
        if not found:
            continue
        say(f"{TITLES[kind]}:")
        for f in found:
            links = f"  (events: {len(f.events)})" if f.events else ""
            say(f"  {f.id}  [{f.category}]  {' '.join(f.text.split())}{links}")


@handled
def stats(
    ctx: typer.Context,
    since: Annotated[
        str | None, typer.Option("--since", help="Incidents started on or after (ISO).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Incidents started before (ISO).")
    ] = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help="Group by classification, severity, service, category or month."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    html: Annotated[
        Path | None, typer.Option("--html", help="Write an HTML page with the charts as SVG.")
    ] = None,
) -> None:
    """Counts, time to detect / mitigate / resolve, action items and factors across
    post-mortems.

    Example: debrief stats --since 2026-01-01 --by month --json
    """
    from debrief.stats import stats_report
    from debrief.stats_text import stats_lines

    if by is not None and by not in GROUPINGS:
        say(ctx.get_usage(), err=True)
        say(f"debrief: --by must be one of {', '.join(GROUPINGS)}", err=True)
        raise typer.Exit(2)
    window = _window(since, until)
    store = ctx_of(ctx).store()
    report = stats_report(store, *window, by=by)
    if html is not None:
        from debrief.stats_html import stats_html

        try:
            html.write_text(stats_html(report), encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {html}: {exc.strerror or exc}")
    if as_json:
        say_json(report)
    elif html is None:
        for line in stats_lines(report):
            say(line)
    else:
        say(f"Wrote {html}")


def _window(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    from debrief.dates import parse_instant
    from debrief.store.base import iso

    start = iso(parse_instant(since)) if since else None
    end = iso(parse_instant(until)) if until else None
    if start and end and end <= start:
        fail("--until must be after --since")
    return start, end


def register(app: typer.Typer) -> None:
    app.add_typer(factor_app, name="factor")
    app.command("stats")(stats)
