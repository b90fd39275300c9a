"""What can go wrong with the database, each with a sentence a user can act on."""

from __future__ import annotations

from typing import Any


class StoreError(Exception):
    """Base class: str(error) is one clear sentence for the user."""


class NotFound(StoreError):
    pass


class DatabaseLocked(StoreError):
    pass


class DatabaseUnavailable(StoreError):
    pass


class SchemaTooNew(StoreError):
    pass


class Conflict(StoreError):
    """A save based on a revision that someone else has since replaced.

    `current` is what is stored now; `fields` names the fields that clash
    (empty for a whole-text conflict such as a section body).
    """

    def __init__(self, message: str, current: Any, fields: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.current = current
        self.fields = fields
