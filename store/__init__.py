"""Persistence: SQLite or PostgreSQL, behind one Store. Nothing else in debrief touches SQL.

`Store` is imported on first use, so a module of the package that needs only the
connection (`debrief.store.listing`, for `debrief list --json`) loads none of the rest;
it opens as `OpenedStore` (store/opened.py: the connection and the post-mortems), which
imports the whole Store's entity modules and the records when anything else is used.
"""

from typing import TYPE_CHECKING, Any

from debrief.store.errors import (
    Conflict,
    DatabaseLocked,
    DatabaseUnavailable,
    NotFound,
    SchemaTooNew,
    StoreError,
)

if TYPE_CHECKING:
    from debrief.store.store import Store

__all__ = [
    "Conflict",
    "DatabaseLocked",
    "DatabaseUnavailable",
    "NotFound",
    "SchemaTooNew",
    "Store",
    "StoreError",
]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from debrief.store.opened import OpenedStore

        return OpenedStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
