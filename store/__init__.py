"""Persistence: SQLite through sqlite-utils. Nothing else in debrief touches SQL."""

from .errors import (
    Conflict,
    DatabaseLocked,
    DatabaseUnavailable,
    NotFound,
    SchemaTooNew,
    StoreError,
)
from .store import Store

__all__ = [
    "Conflict",
    "DatabaseLocked",
    "DatabaseUnavailable",
    "NotFound",
    "SchemaTooNew",
    "Store",
    "StoreError",
]
