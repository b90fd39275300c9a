"""The Store as it is opened: the connection and what the first frames read, the
post-mortems themselves and, for a post-mortem's screen, its meetings (an unfinished
one's section is where it opens), the questions asked and the edit conflicts kept.

Importing every other entity's methods (timeline, actions, factors, notes,
publishing...) and the modules behind them is a good part of what the home screen's
first frame would wait for, and that frame only counts and lists post-mortems. So
`debrief.store.Store` is this class: the first use of anything it does not have
turns the object into the whole Store (`debrief.store.store.Store`, a subclass), which
then answers as if it had been one all along. The class answers for the whole Store
too (`type(store).import_document`), and what is set on it (a test's stand-in for a
method) comes first in the whole Store as well.
"""

from __future__ import annotations

from typing import Any

from debrief.store.coaching import CoachingMixin
from debrief.store.collab import CollabMixin
from debrief.store.meetings import MeetingsMixin


def _whole_store() -> type[OpenedStore]:
    from debrief.store.store import Store

    return Store


class _Opened(type):
    def __getattr__(cls, name: str) -> Any:
        # Only for what the class does not have: the whole Store's, if it has it.
        whole = _whole_store()
        if name.startswith("__") or issubclass(cls, whole):
            raise AttributeError(f"type object {cls.__name__!r} has no attribute {name!r}")
        return getattr(whole, name)


class OpenedStore(CoachingMixin, CollabMixin, MeetingsMixin, metaclass=_Opened):
    """A debrief database, opened (and migrated) on construction; see the module."""

    def _make_whole(self) -> bool:
        """Become the whole Store; False if it already was."""
        whole = _whole_store()
        if isinstance(self, whole):
            return False
        self.__class__ = whole
        return True

    def __getattr__(self, name: str) -> Any:
        # Only called for what the class does not have: dunder lookups (copy, pickle)
        # are answered as for any object; anything else makes the store whole.
        if name.startswith("__") or not self._make_whole():
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return getattr(self, name)

    def delete_postmortem(self, pm_id: str) -> None:
        # The whole Store's entities delete their own rows first (factors, ...): it
        # comes first in the whole Store's order, so hand on to theirs.
        if self._make_whole():
            self.delete_postmortem(pm_id)
        else:
            super().delete_postmortem(pm_id)
