"""SVG snapshots of the Action items screen at the meeting's two sizes (80×24 and 120×36)."""

from __future__ import annotations

from datetime import date

import pytest

from debrief.models import ActionItem, ActionStatus
from tests.followup.conftest import FAR_AWAY, LAST_MONTH, by_title
from tests.screens.helpers import make_app

SIZES = [(80, 24), (120, 36)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_action_items_screen(snap_compare, store, add_pm, size):
    first = add_pm(
        "Checkout card payments failing",
        ("Alert on payment error rate above 2% for 5 minutes", "alice", LAST_MONTH),
        ActionItem(
            title="Load-test the connection pool at peak traffic",
            owner="Bob Brown",
            due=FAR_AWAY,
            jira_key="OPS-2",
        ),
        ("Keep the last five images in every registry", "carol", date(2026, 12, 3)),
    )
    second = add_pm(
        "Search latency regression",
        ("Cap the query fan-out per request", "bob", date(2026, 11, 25)),
        ("Document the cache warm-up", "alice", date(2026, 12, 10)),
    )
    store.set_action_status(
        first, by_title(store, first)["Keep the last five images in every registry"].id, "done"
    )
    fan_out = by_title(store, second)["Cap the query fan-out per request"]
    store.set_action_status(second, fan_out.id, ActionStatus.in_progress)
    assert snap_compare(make_app(store), terminal_size=size, press=["f5"])
