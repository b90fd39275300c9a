"""Persistence: SQLite or PostgreSQL, behind one Store. Nothing else in debrief touches SQL."""

from debrief.store.errors import (
    Conflict,
    DatabaseLocked,
    DatabaseUnavailable,
    NotFound,
    SchemaTooNew,
    StoreError,
)
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
