"""Who takes part in a debrief: add, change a role, remove, invite from the timeline.

Participants are stored with the post-mortem (its `participants` list, as exported);
every change is one revision of entity `participant`, its id the person's name.
"""

from __future__ import annotations

from dataclasses import dataclass

from debrief.models import Participant, Postmortem
from debrief.participants import find, named_in_timeline, person_name, person_role
from debrief.store.base import iso, to_json
from debrief.store.errors import NotFound
from debrief.store.postmortems import PostmortemsMixin

_AUTHORS = """
    SELECT author, {sources} FROM events
    WHERE postmortem_id = ? AND coalesce(author, '') != ''
    GROUP BY author ORDER BY min(at), author
"""


def _listed(pm: Postmortem, shown: int = 5) -> str:
    names = [p.name for p in pm.participants]
    if not names:
        return "it has no participants yet"
    more = ", …" if len(names) > shown else ""
    return "participants: " + ", ".join(names[:shown]) + more


class AlreadyParticipant(ValueError):
    """The name is on the list already (with the same role, or no new role given)."""


@dataclass(frozen=True)
class ParticipantSaved:
    """What `add_participant` did: added someone, or changed the role of someone there."""

    participant: Participant
    added: bool
    old_role: str = ""


class ParticipantsMixin(PostmortemsMixin):
    def participants(self, pm_id: str) -> list[Participant]:
        return self.get_postmortem(pm_id).participants

    def add_participant(self, pm_id: str, name: str, role: str = "") -> ParticipantSaved:
        """Add `name` (trimmed; any Unicode) with `role`.

        A name already there (compared without regard to case) is not added twice:
        with a different, non-empty `role` the role is changed; otherwise
        AlreadyParticipant says who is there and as what.
        """
        name, role = person_name(name), person_role(role)
        with self.write():
            pm = self.get_postmortem(pm_id)
            people = list(pm.participants)
            index = find(people, name)
            if index is None:
                person = Participant(name=name, role=role)
                self._save_people(pm, [*people, person])
                self.record(pm_id, "participant", name, "", None, person.model_dump(mode="json"))
                return ParticipantSaved(person, added=True)
            there = people[index]
            if not role or role == there.role:
                as_what = f" as {there.role}" if there.role else ""
                raise AlreadyParticipant(f"{there.name} already takes part in {pm_id}{as_what}")
            people[index] = there.model_copy(update={"role": role})
            self._save_people(pm, people)
            self.record(pm_id, "participant", there.name, "role", there.role, role)
            return ParticipantSaved(people[index], added=False, old_role=there.role)

    def remove_participant(self, pm_id: str, name: str) -> Participant:
        """Take `name` off the list (the revision keeps who it was); NotFound if absent."""
        name = person_name(name)
        with self.write():
            pm = self.get_postmortem(pm_id)
            index = find(pm.participants, name)
            if index is None:
                raise NotFound(f"{name} does not take part in {pm_id} ({_listed(pm)})")
            gone = pm.participants[index]
            self._save_people(pm, [p for i, p in enumerate(pm.participants) if i != index])
            self.record(pm_id, "participant", gone.name, "", gone.model_dump(mode="json"), None)
        return gone

    def named_in_timeline(self, pm_id: str) -> list[str]:
        """Event authors, people @mentioned in events and the facilitator and lead
        investigator, who are not participants yet (see debrief.participants)."""
        pm = self.get_postmortem(pm_id)
        with self.reading():
            sources = self.engine.distinct_list("coalesce(source, '')")
            rows = self.db.execute(_AUTHORS.format(sources=sources), [pm_id]).fetchall()
        authored = [(author, (sources or "").split(",")) for author, sources in rows]
        from debrief.mentions import named

        texts = [e.text for e in self.events(pm_id)]  # type: ignore[attr-defined]
        roles = [pm.facilitator, pm.lead_investigator]
        return named_in_timeline(named(authored, texts, roles), pm.participants)

    def invite_from_timeline(self, pm_id: str) -> list[Participant]:
        """Add everyone `named_in_timeline`, in one transaction; returns who was added."""
        with self.write():
            names = self.named_in_timeline(pm_id)
            if not names:
                return []
            pm = self.get_postmortem(pm_id)
            added = [Participant(name=name) for name in names]
            self._save_people(pm, [*pm.participants, *added])
            for person in added:
                self.record(
                    pm_id, "participant", person.name, "", None, person.model_dump(mode="json")
                )
        return added

    def _save_people(self, pm: Postmortem, people: list[Participant]) -> None:
        """Store the list (inside the caller's transaction); the post-mortem's rev moves on."""
        self.db.table("postmortems").update(
            pm.id,
            {
                "participants": to_json([p.model_dump(mode="json") for p in people]),
                "rev": pm.rev + 1,
                "updated_at": iso(self.now()),
            },
        )
