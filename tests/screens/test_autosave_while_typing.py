"""Typing without a pause is still saved: a killed app loses at most about a second."""

from __future__ import annotations

from debrief.screens.debrief_screen import AUTOSAVE_DELAY, MAX_UNSAVED, DebriefScreen
from tests.screens.helpers import make_app, wait_until


async def test_continuous_typing_is_saved_at_least_every_second(store, demo_id):
    app = make_app(store, demo_id)
    gap = AUTOSAVE_DELAY / 2  # faster than the pause that saves
    async with app.run_test(size=(100, 32)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await pilot.press("ctrl+n")
        assert store.get_section(demo_id, "trigger").body == ""
        typed = "Pool size went from fifty to five"
        saved_while_typing = []
        for index, char in enumerate(typed):
            await pilot.press(char if char != " " else "space")
            await pilot.pause(gap)
            body = store.get_section(demo_id, "trigger").body
            if body:
                saved_while_typing.append((index, body))
        assert saved_while_typing, "nothing was saved while typing went on"
        first_index, first_body = saved_while_typing[0]
        # The first save came within about MAX_UNSAVED of typing, not after typing stopped.
        assert first_index * gap <= MAX_UNSAVED + 2 * gap + 0.5
        assert typed.startswith(first_body)
        assert first_index < len(typed) - 1
