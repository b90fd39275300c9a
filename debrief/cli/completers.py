"""Shell completion of values: post-mortem ids, section keys, people.

Imported only while the shell asks for completions (never when a command runs). Each
reads the database the command line names (`--db`, `--config`), as the command would;
a database that cannot be opened completes to nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from typer._click.shell_completion import CompletionItem

if TYPE_CHECKING:
    from debrief.store import Store


@contextmanager
def _store(ctx: Any) -> Iterator[Store | None]:
    from debrief.cli.context import Context

    root = ctx.find_root().params
    context = Context(db_path=root.get("db"), config_path=root.get("config"))
    try:
        store = context.store(busy_timeout=0.2)
    except Exception:  # completion never prints a traceback into the shell
        yield None
        return
    try:
        yield store
    finally:
        store.close()


def _safely(read: Callable[[Store], list[CompletionItem]], ctx: Any) -> list[CompletionItem]:
    with _store(ctx) as store:
        if store is None:
            return []
        try:
            return read(store)
        except Exception:
            return []


def postmortem_ids(ctx: Any, incomplete: str) -> list[CompletionItem]:
    """Ids starting with what is typed, newest incident first, each with its title."""

    def read(store: Store) -> list[CompletionItem]:
        wanted = incomplete.upper()
        return [
            CompletionItem(p.id, help=" ".join(p.title.split())[:60])
            for p in store.list_postmortems()
            if p.id.upper().startswith(wanted)
        ]

    return _safely(read, ctx)


def section_keys(ctx: Any, incomplete: str) -> list[CompletionItem]:
    """The keys of the post-mortem's sections (the default template's before an id)."""
    pm_id = ctx.params.get("pm_id")

    def read(store: Store) -> list[CompletionItem]:
        if pm_id:
            pairs = [(s.key, s.title) for s in store.sections(pm_id)]
        else:
            from debrief.template import load_template

            pairs = [(s.key, s.title) for s in load_template("default", None).sections]
        return [CompletionItem(k, help=t) for k, t in pairs if k.startswith(incomplete)]

    return _safely(read, ctx)


def people(ctx: Any, incomplete: str) -> list[CompletionItem]:
    """Owners of action items and the post-mortem's participants whose name contains
    what is typed (any part: "Souza" finds "Ana Souza")."""
    pm_id = ctx.params.get("pm_id")

    def read(store: Store) -> list[CompletionItem]:
        names = {row.owner for row in store.action_rows() if row.owner}
        if pm_id:
            names |= {p.name for p in store.participants(pm_id)}
        wanted = incomplete.casefold()
        return [CompletionItem(n) for n in sorted(names) if wanted in n.casefold()]

    return _safely(read, ctx)
