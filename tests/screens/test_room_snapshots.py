"""What the room sees, at the three screen-sharing sizes, in the dark and light themes.

The Action items and Timeline sections, the wrap-up, and the action and event forms:
every title reads in full and the key bar is cut nowhere.
"""

from __future__ import annotations

import pytest

from tests.screens.helpers import make_app

SIZES = [(80, 24), (120, 36), (200, 50)]
THEMES = ["textual-dark", "textual-light"]
VIEWS = {
    "timeline": ["ctrl+n"] * 3,
    "action-items": ["ctrl+n"] * 7,
    "action-form": ["ctrl+n"] * 7 + ["ctrl+o", *"Alert on pool wait", "tab", "M", "a", "tab"],
    "event-form": ["ctrl+n"] * 3 + ["ctrl+l", *"Rollback started"],
    "wrap-up": ["ctrl+f"],
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("theme", THEMES, ids=["dark", "light"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_room_view(snap_compare, store, demo_id, view, theme, size):
    app = make_app(store, demo_id)

    async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
        app.theme = theme
        await pilot.pause()
        await pilot.press(*VIEWS[view])
        await pilot.pause(0.5)

    assert snap_compare(app, terminal_size=size, run_before=settle)
