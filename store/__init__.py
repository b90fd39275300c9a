"""Persistence: SQLite or PostgreSQL, behind one Store. Nothing else in debrief touches SQL."""

from typing import TYPE_CHECKING

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
else:  # the whole Store's modules are imported on first use (store/opened.py)
    from debrief.store.opened import OpenedStore as Store

__all__ = [
    "Conflict",
    "DatabaseLocked",
    "DatabaseUnavailable",
    "NotFound",
    "SchemaTooNew",
    "Store",
    "StoreError",
]
