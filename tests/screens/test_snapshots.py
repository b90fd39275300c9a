"""SVG snapshots of the main screens at the meeting's two sizes (80×24 and 120×36)."""

from __future__ import annotations

import pytest

from tests.screens.helpers import make_app

SIZES = [(80, 24), (120, 36)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_home(snap_compare, store, demo_id, template, size):
    store.create_postmortem("Search latency regression", template)
    assert snap_compare(make_app(store), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_debrief_screen(snap_compare, store, demo_id, size):
    assert snap_compare(make_app(store, demo_id), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_action_item_form(snap_compare, store, demo_id, size):
    keys = ["ctrl+o", *"Alert on pool wait", "tab", "M", "a", "tab", *"+1w"]
    assert snap_compare(make_app(store, demo_id), terminal_size=size, press=keys)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_timeline(snap_compare, store, demo_id, size):
    assert snap_compare(make_app(store, demo_id), terminal_size=size, press=["ctrl+t"])
