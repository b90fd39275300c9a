"""Participants in the store: add, change a role, remove, invite from the timeline; each a revision."""

from __future__ import annotations

from datetime import timedelta

import pytest

from debrief.models import Participant, TimelineEvent
from debrief.store import NotFound, Store
from debrief.store.participants import AlreadyParticipant
from tests.conftest import NOW


@pytest.fixture
def pm_id(store, template) -> str:
    return store.create_postmortem("Checkout down", template, started_at=NOW).id


@pytest.mark.parametrize("name", ["Søren Kierkegaard", "李雷", "O'Brien", "Zoë 👩🏽‍💻 Ng"])
def test_any_unicode_name_is_added_and_listed_as_given(store, pm_id, name):
    saved = store.add_participant(pm_id, name, "note-taker")
    assert saved.added and saved.participant == Participant(name=name, role="note-taker")
    assert store.participants(pm_id) == [Participant(name=name, role="note-taker")]
    again = Store(
        store.location, author="someone else"
    )  # saved in the database, not just in memory
    assert [p.name for p in again.participants(pm_id)] == [name]
    again.close()


def test_names_are_trimmed_and_roles_spelled_one_way(store, pm_id):
    store.add_participant(pm_id, "  Ana \t Souza \n", "Lead-Investigator")
    store.add_participant(pm_id, "Ben", " notetaker ")
    store.add_participant(pm_id, "Chloe", "customer support")
    assert [(p.name, p.role) for p in store.participants(pm_id)] == [
        ("Ana Souza", "lead investigator"),
        ("Ben", "note-taker"),
        ("Chloe", "customer support"),
    ]


def test_composed_and_decomposed_spellings_are_one_person(store, pm_id):
    store.add_participant(pm_id, "Zoe\u0308")  # e + combining diaeresis
    assert store.participants(pm_id)[0].name == "Zoë"  # stored composed (NFC)
    with pytest.raises(AlreadyParticipant):
        store.add_participant(pm_id, "ZOË")


@pytest.mark.parametrize("name", ["", "   ", "\n\t"])
def test_an_empty_name_is_refused(store, pm_id, name):
    with pytest.raises(ValueError, match="needs a name"):
        store.add_participant(pm_id, name)
    assert store.participants(pm_id) == []


def test_adding_a_name_twice_is_an_error_unless_it_changes_the_role(store, pm_id):
    store.add_participant(pm_id, "Ana Souza", "facilitator")
    with pytest.raises(
        AlreadyParticipant, match="Ana Souza already takes part in PM-1 as facilitator"
    ):
        store.add_participant(pm_id, "ana souza")
    with pytest.raises(AlreadyParticipant):
        store.add_participant(pm_id, "Ana Souza", "Facilitator")
    saved = store.add_participant(pm_id, "ana souza", "note-taker")
    assert not saved.added and saved.old_role == "facilitator"
    assert store.participants(pm_id) == [Participant(name="Ana Souza", role="note-taker")]


def test_remove_takes_the_person_off_and_unknown_names_are_an_error(store, pm_id):
    store.add_participant(pm_id, "李雷")
    store.add_participant(pm_id, "O'Brien")
    assert store.remove_participant(pm_id, "o'brien").name == "O'Brien"
    assert [p.name for p in store.participants(pm_id)] == ["李雷"]
    with pytest.raises(NotFound, match=r"Nobody does not take part in PM-1 .*李雷"):
        store.remove_participant(pm_id, "Nobody")


def test_unknown_postmortem_is_not_found(store):
    with pytest.raises(NotFound, match="PM-9"):
        store.add_participant("PM-9", "Ana")
    with pytest.raises(NotFound, match="PM-9"):
        store.remove_participant("PM-9", "Ana")
    with pytest.raises(NotFound, match="PM-9"):
        store.participants("PM-9")


def test_every_change_is_a_revision_with_who_and_the_old_value(store, pm_id):
    rev = store.get_postmortem(pm_id).rev
    store.add_participant(pm_id, "Søren Kierkegaard", "note-taker")
    store.add_participant(pm_id, "Søren Kierkegaard", "facilitator")
    store.remove_participant(pm_id, "Søren Kierkegaard")
    revisions = store.history(pm_id, entity="participant")
    assert [(r.entity_id, r.field, r.old, r.new) for r in revisions] == [
        (
            "Søren Kierkegaard",
            "",
            None,
            {"name": "Søren Kierkegaard", "role": "note-taker", "email": ""},
        ),
        ("Søren Kierkegaard", "role", "note-taker", "facilitator"),
        (
            "Søren Kierkegaard",
            "",
            {"name": "Søren Kierkegaard", "role": "facilitator", "email": ""},
            None,
        ),
    ]
    assert {r.author for r in revisions} == {"tester"} and {r.at for r in revisions} == {NOW}
    assert store.get_postmortem(pm_id).rev == rev + 3


def test_a_refused_add_writes_nothing(store, pm_id):
    store.add_participant(pm_id, "Ana")
    before = len(store.history(pm_id))
    with pytest.raises(AlreadyParticipant):
        store.add_participant(pm_id, "Ana")
    assert len(store.history(pm_id)) == before


def _event(minutes: int, author: str, source: str) -> TimelineEvent:
    return TimelineEvent(
        at=NOW + timedelta(minutes=minutes), text="x", author=author, source=source
    )


def test_invite_adds_the_people_the_timeline_names_once_in_timeline_order(store, pm_id):
    for event in [
        _event(5, "grafana", "graph"),
        _event(1, "Ana Souza", "slack"),
        _event(2, "deploy-bot", "slack"),
        _event(3, "bot B0123", "slack"),
        _event(4, "Ben Okafor", "log"),
        _event(6, "Ben Okafor", "slack"),
        _event(7, "李雷", "manual"),
        _event(8, "", "slack"),
        _event(9, "chloe", "support"),
    ]:
        store.add_event(pm_id, event)
    store.add_participant(pm_id, "Chloe", "customer support")
    assert store.named_in_timeline(pm_id) == ["Ana Souza", "Ben Okafor", "李雷"]
    added = store.invite_from_timeline(pm_id)
    assert [p.name for p in added] == ["Ana Souza", "Ben Okafor", "李雷"]
    assert [p.name for p in store.participants(pm_id)] == [
        "Chloe",
        "Ana Souza",
        "Ben Okafor",
        "李雷",
    ]
    assert len(store.history(pm_id, entity="participant")) == 4
    assert store.named_in_timeline(pm_id) == [] and store.invite_from_timeline(pm_id) == []


def test_participants_travel_in_json_export_and_import(store, pm_id):
    store.add_participant(pm_id, "Søren Kierkegaard", "facilitator")
    doc = store.document(pm_id)
    assert doc.model_dump(mode="json")["postmortem"]["participants"] == [
        {"name": "Søren Kierkegaard", "role": "facilitator", "email": ""}
    ]
    copy = store.import_document(doc)
    assert store.participants(copy.id) == store.participants(pm_id)
