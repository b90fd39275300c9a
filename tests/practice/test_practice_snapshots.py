"""SVG snapshots of the practice's forms and views at the meeting's two sizes."""

from __future__ import annotations

import pytest

from debrief.practice import LearningCount
from tests.screens.helpers import make_app

SIZES = [(80, 24), (120, 36)]
IDS = ["80x24", "120x36"]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_park_an_idea(snap_compare, store, demo_id, size):
    keys = ["alt+i", *"Alert on queue age, not depth"]
    assert snap_compare(make_app(store, demo_id), terminal_size=size, press=keys)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_note_as(snap_compare, store, demo_id, size):
    keys = ["alt+n", *"Failover took 9 minutes"]
    assert snap_compare(make_app(store, demo_id), terminal_size=size, press=keys)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_parked_ideas(snap_compare, store, demo_id, size):
    store.add_note(demo_id, "idea", "Alert on queue age, not depth")
    store.add_note(demo_id, "idea", "Rewrite the consumer")
    assert snap_compare(make_app(store, demo_id), terminal_size=size, press=["alt+p"])


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_learning_check(snap_compare, store, demo_id, size):
    keys = ["alt+k", "6", "tab", "4", "tab", "5"]
    assert snap_compare(make_app(store, demo_id), terminal_size=size, press=keys)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_wrap_up_with_parked_ideas_and_learning(snap_compare, store, demo_id, size):
    store.add_note(demo_id, "idea", "Alert on queue age, not depth")
    store.record_learning(demo_id, LearningCount(learned=4, would_return=5, present=6))
    assert snap_compare(make_app(store, demo_id), terminal_size=size, press=["ctrl+f"])


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_event_form_with_known_then(snap_compare, store, demo_id, size):
    keys = ["ctrl+l", *"Paged for queue lag", "tab", *"Only the error-rate alert"]
    assert snap_compare(make_app(store, demo_id), terminal_size=size, press=keys)
