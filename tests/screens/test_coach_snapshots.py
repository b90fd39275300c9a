"""Snapshots of the coach panel and the Redirect card at the meeting's two sizes."""

from __future__ import annotations

import pytest

from tests.screens.helpers import make_app

SIZES = [(80, 24), (120, 36)]
BLAME = "Lee should have paused the rollout. It was human error."


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_coach_panel_with_findings(snap_compare, store, demo_id, size):
    store.save_section(demo_id, "trigger", BLAME)

    async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()  # the rules are compiled just after the first frame
        await pilot.press("ctrl+n", "ctrl+g")
        await pilot.pause(0.5)

    assert snap_compare(make_app(store, demo_id), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_redirect_card(snap_compare, store, demo_id, size):
    store.save_section(demo_id, "trigger", BLAME)
    keys = ["ctrl+n", "ctrl+r"]
    assert snap_compare(make_app(store, demo_id), terminal_size=size, press=keys)


def test_coach_hidden_for_screen_sharing(snap_compare, store, demo_id):
    store.save_section(demo_id, "trigger", BLAME)
    keys = ["ctrl+n", "f2"]
    assert snap_compare(make_app(store, demo_id), terminal_size=(120, 36), press=keys)
