"""The one Store: every read and write of debrief's data goes through it."""

from __future__ import annotations

from debrief.models import Document
from debrief.store.coaching import CoachingMixin
from debrief.store.collab import CollabMixin
from debrief.store.exchange import ExchangeMixin
from debrief.store.factors import FactorsMixin
from debrief.store.followup import FollowupMixin
from debrief.store.history import HistoryMixin
from debrief.store.meetings import MeetingsMixin
from debrief.store.notes import NotesMixin
from debrief.store.opened import OpenedStore
from debrief.store.participants import ParticipantsMixin
from debrief.store.practice import PracticeMixin
from debrief.store.publishing import PublishingMixin


class Store(
    OpenedStore,  # first: what is set on the opened class holds for the whole Store
    FactorsMixin,
    ExchangeMixin,
    PublishingMixin,
    HistoryMixin,
    CoachingMixin,
    CollabMixin,
    MeetingsMixin,
    FollowupMixin,
    ParticipantsMixin,
    NotesMixin,
    PracticeMixin,
):
    """A debrief database file, opened (and migrated) on construction.

    Store calls are short and synchronous; keep one Store per thread. Constructed as
    `debrief.store.Store`, it starts as the lighter `OpenedStore` and becomes this on
    first use of anything beyond listing post-mortems (store/opened.py).
    """

    def document(self, pm_id: str) -> Document:
        """The whole post-mortem, as exported."""
        return Document(
            postmortem=self.get_postmortem(pm_id),
            sections=self.sections(pm_id),
            events=self.events(pm_id),
            actions=self.actions(pm_id),
            factors=self.factors(pm_id),
            notes=self.notes(pm_id),
            practice=self.practice_facts(pm_id),
        )
